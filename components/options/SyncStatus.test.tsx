import { describe, it, expect, vi, afterEach } from 'vitest';
import { render, screen, fireEvent, cleanup } from '@testing-library/preact';
import { SyncStatus, syncStatusOf, type SyncStatusInput } from './SyncStatus';
import { makeTranslate } from '../../lib/util/i18n';
import { absoluteTime } from '../../lib/util/time';
import en from '../../public/_locales/en/messages.json';

const t = makeTranslate(null, en);
afterEach(cleanup);
const base: SyncStatusInput = { signedIn: true, pending: 0, online: true, lastError: null, lastSyncedAt: 1_780_000_000_000 };

describe('syncStatusOf', () => {
  it('orders signed-out > offline > unreachable > error > pending > synced', () => {
    expect(syncStatusOf({ ...base, signedIn: false, pending: 3, online: false })).toEqual({ kind: 'signed-out', pending: 3 });
    expect(syncStatusOf({ ...base, online: false, pending: 2, lastError: { kind: 'server', message: 'x' } })).toEqual({ kind: 'offline', pending: 2 });
    // Issue 12: a server that does not answer (network error, 5xx) while the browser is online is not "Offline".
    expect(syncStatusOf({ ...base, lastError: { kind: 'offline', message: 'no answer' } })).toEqual({ kind: 'unreachable', pending: 0, lastSyncedAt: base.lastSyncedAt });
    expect(syncStatusOf({ ...base, pending: 2, lastError: { kind: 'server', message: '503' } })).toEqual({ kind: 'unreachable', pending: 2, lastSyncedAt: base.lastSyncedAt });
    expect(syncStatusOf({ ...base, serverUnreachable: true })).toEqual({ kind: 'unreachable', pending: 0, lastSyncedAt: base.lastSyncedAt });
    expect(syncStatusOf({ ...base, pending: 4, lastError: { kind: 'auth', message: 'signed out' } })).toEqual({ kind: 'error', pending: 4, errorKind: 'auth', message: 'signed out' });
    expect(syncStatusOf({ ...base, pending: 4 })).toEqual({ kind: 'pending', pending: 4 });
    expect(syncStatusOf(base)).toEqual({ kind: 'synced', lastSyncedAt: base.lastSyncedAt });
  });
});

describe('SyncStatus', () => {
  it('an outage says the server cannot be reached, when it last synced, and offers Retry (issue 12)', () => {
    const onSyncNow = vi.fn();
    const at = 1_780_000_000_000;
    render(<SyncStatus status={{ kind: 'unreachable', pending: 3, lastSyncedAt: at }} t={t} locale="en" now={at + 2 * 3600_000} onSyncNow={onSyncNow} onSignIn={() => {}} />);
    const s = screen.getByRole('status');
    expect(s.textContent).toBe("Can't reach your Satchel server (last synced 2 hours ago). 3 changes are kept and sent when it answers.Retry");
    expect(s.textContent).not.toContain('Offline');
    expect(screen.queryByRole('button', { name: 'Sign in' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onSyncNow).toHaveBeenCalledOnce();
    cleanup();
    render(<SyncStatus status={{ kind: 'unreachable', pending: 0, lastSyncedAt: null }} t={t} />);
    expect(screen.getByRole('status').textContent).toBe("Can't reach your Satchel server (not synced yet).");
  });

  it('Retry shows it runs: "Retrying…", disabled and focus kept, one run at a time, then the result (issue 12, red team)', async () => {
    let done: () => void = () => undefined;
    const onSyncNow = vi.fn(() => new Promise<void>((r) => { done = r; }));
    const at = 1_780_000_000_000;
    const { rerender } = render(<SyncStatus status={{ kind: 'unreachable', pending: 0, lastSyncedAt: at }} t={t} locale="en" now={at} onSyncNow={onSyncNow} />);
    const button = screen.getByRole('button', { name: 'Retry' });
    button.focus();
    fireEvent.click(button);
    const busy = await screen.findByRole('button', { name: 'Retrying…' });
    expect(busy.getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(busy);
    fireEvent.click(busy);
    expect(onSyncNow).toHaveBeenCalledOnce();
    // The run ends with the server still down: Retry again, same place.
    done();
    await screen.findByRole('button', { name: 'Retry' });
    expect(screen.getByRole('button', { name: 'Retry' }).getAttribute('aria-disabled')).toBeNull();
    // Sync now (no outage) says "Syncing…"; a run that fails (rejects) ends the busy state too.
    onSyncNow.mockImplementationOnce(() => Promise.reject(new Error('no answer')));
    rerender(<SyncStatus status={{ kind: 'synced', lastSyncedAt: at }} t={t} locale="en" now={at} onSyncNow={onSyncNow} />);
    fireEvent.click(screen.getByRole('button', { name: 'Sync now' }));
    await screen.findByRole('button', { name: 'Syncing…' });
    await screen.findByRole('button', { name: 'Sync now' });
  });

  it('says synced with the last time, or that the first sync has not run', () => {
    render(<SyncStatus status={{ kind: 'synced', lastSyncedAt: 1_780_000_000_000 }} t={t} locale="en" now={1_780_000_000_000 + 30 * 86_400_000} />);
    // An older time reads in the one absolute format of the pages (devices, invites): "Dec 7, 2026, 5:41 AM".
    expect(screen.getByRole('status').textContent).toBe(`Synced. Last sync ${absoluteTime(1_780_000_000_000, 'en')}.`);
    cleanup();
    // A recent one reads relative (lib/util/time.ts friendlyTime).
    render(<SyncStatus status={{ kind: 'synced', lastSyncedAt: 1_780_000_000_000 }} t={t} locale="en" now={1_780_000_000_000 + 5 * 60_000} />);
    expect(screen.getByRole('status').textContent).toBe('Synced. Last sync 5 minutes ago.');
    cleanup();
    render(<SyncStatus status={{ kind: 'synced', lastSyncedAt: null }} t={t} />);
    expect(screen.getByRole('status').textContent).toBe('Signed in; the first sync has not run yet.');
  });

  it('counts pending changes (one / many) and offers Sync now', () => {
    const onSyncNow = vi.fn();
    render(<SyncStatus status={{ kind: 'pending', pending: 1 }} t={t} onSyncNow={onSyncNow} />);
    expect(screen.getByRole('status').textContent).toContain('1 change waiting to sync.');
    fireEvent.click(screen.getByRole('button', { name: 'Sync now' }));
    expect(onSyncNow).toHaveBeenCalledOnce();
    cleanup();
    render(<SyncStatus status={{ kind: 'pending', pending: 1234 }} t={t} locale="en" />);
    expect(screen.getByRole('status').textContent).toContain('1,234 changes waiting to sync.');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('offline says the changes are kept', () => {
    render(<SyncStatus status={{ kind: 'offline', pending: 5 }} t={t} />);
    expect(screen.getByRole('status').textContent).toBe('Offline. 5 changes are kept and sent when the connection is back.');
    expect(screen.getByTestId('sync-status').getAttribute('data-kind')).toBe('offline');
  });

  it('an auth error says what to do and offers Sign in instead of a retry', () => {
    const onSignIn = vi.fn();
    const onSyncNow = vi.fn();
    render(<SyncStatus status={{ kind: 'error', pending: 2, errorKind: 'auth', message: 'Signed out by the server.' }} t={t} onSignIn={onSignIn} onSyncNow={onSyncNow} />);
    const text = screen.getByRole('status').textContent!;
    expect(text).toContain('Sync stopped.');
    expect(text).toContain('Sign in again in Satchel settings. Nothing is lost.');
    expect(text).toContain('Signed out by the server.');
    expect(screen.queryByRole('button', { name: 'Sync now' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(onSignIn).toHaveBeenCalledOnce();
  });

  it('a server error offers a retry; compact mode hides the raw message', () => {
    render(<SyncStatus status={{ kind: 'error', pending: 0, errorKind: 'server', message: '500 internal' }} t={t} onSyncNow={() => undefined} compact />);
    expect(screen.getByRole('status').textContent).not.toContain('500 internal');
    expect(screen.getByRole('status').textContent).toContain('Satchel retries by itself');
    expect(screen.getByRole('button', { name: 'Sync now' })).toBeTruthy();
  });
});

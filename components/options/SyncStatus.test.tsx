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
  it('orders signed-out > offline > error > pending > synced', () => {
    expect(syncStatusOf({ ...base, signedIn: false, pending: 3, online: false })).toEqual({ kind: 'signed-out', pending: 3 });
    expect(syncStatusOf({ ...base, online: false, pending: 2, lastError: { kind: 'server', message: 'x' } })).toEqual({ kind: 'offline', pending: 2 });
    expect(syncStatusOf({ ...base, lastError: { kind: 'offline', message: 'no answer' } })).toEqual({ kind: 'offline', pending: 0 });
    expect(syncStatusOf({ ...base, pending: 4, lastError: { kind: 'auth', message: 'signed out' } })).toEqual({ kind: 'error', pending: 4, errorKind: 'auth', message: 'signed out' });
    expect(syncStatusOf({ ...base, pending: 4 })).toEqual({ kind: 'pending', pending: 4 });
    expect(syncStatusOf(base)).toEqual({ kind: 'synced', lastSyncedAt: base.lastSyncedAt });
  });
});

describe('SyncStatus', () => {
  it('says synced with the last time, or that the first sync has not run', () => {
    render(<SyncStatus status={{ kind: 'synced', lastSyncedAt: 1_780_000_000_000 }} t={t} locale="en" />);
    // The same absolute format as the rest of the options page (devices, invites): "Dec 7, 2026, 5:41 AM".
    expect(screen.getByRole('status').textContent).toBe(`Synced. Last sync ${absoluteTime(1_780_000_000_000, 'en')}.`);
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

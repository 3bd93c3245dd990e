import { describe, it, expect, vi, afterEach } from 'vitest';
import { render, screen, fireEvent, cleanup, waitFor, within } from '@testing-library/preact';
import { InvitesSection, type InviteActions } from './InvitesSection';
import type { InviteRowView } from './types';
import { makeTranslate } from '../../lib/util/i18n';
import { absoluteTime } from '../../lib/util/time';
import en from '../../public/_locales/en/messages.json';

const t = makeTranslate(null, en);
afterEach(cleanup);
const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value });
const NOW = Date.UTC(2026, 11, 7, 4, 30);
const DAY = 86_400_000;
const row = (o: Partial<InviteRowView>): InviteRowView => ({
  inviteId: 'i', role: 'editor', createdByName: 'Ada', createdAt: NOW - DAY, expiresAt: NOW + 3 * DAY, uses: 0, maxUses: 1, revokedAt: null, status: 'active', ...o,
});
const rows: InviteRowView[] = [
  row({ inviteId: 'live', role: 'viewer', expiresAt: NOW + 3 * DAY, uses: 2, maxUses: 5 }),
  row({ inviteId: 'used', uses: 1, maxUses: 1, status: 'used_up' }),
  row({ inviteId: 'old', expiresAt: NOW - 2 * DAY, status: 'expired' }),
  row({ inviteId: 'gone', revokedAt: NOW - DAY, status: 'revoked' }),
];
function makeActions(over: Partial<InviteActions> = {}): InviteActions {
  return {
    invite: vi.fn(() => ok({ code: 'CODE-123', expiresAt: NOW + DAY })),
    loadInvites: vi.fn(() => ok(rows)),
    revokeInvite: vi.fn(() => ok(undefined)),
    copy: vi.fn(() => Promise.resolve(true)),
    ...over,
  };
}
const team = { teamId: 't1', name: 'Guild' };
const show = (actions: InviteActions) => render(<InvitesSection team={team} actions={actions} t={t} locale="en" now={NOW} />);

describe('InvitesSection', () => {
  it('shows each invite’s role, expiry as a date and "in 3 days", uses left, creator and state; Revoke only on valid ones', async () => {
    const actions = makeActions();
    show(actions);
    const list = await screen.findByRole('list', { name: 'Invites to Guild' });
    const items = within(list).getAllByTestId('invite');
    expect(actions.loadInvites).toHaveBeenCalledWith('t1');
    expect(items.map((i) => i.getAttribute('data-status'))).toEqual(['active', 'used_up', 'expired', 'revoked']);
    const [live, used, old, gone] = items;
    expect(live!.textContent).toContain('Joins as viewer');
    expect(live!.textContent).toContain(`Expires ${absoluteTime(NOW + 3 * DAY, 'en')} (in 3 days)`);
    expect(live!.textContent).toContain('Uses left: 3 of 5');
    expect(live!.textContent).toContain('made by Ada');
    expect(within(live!).getByRole('button', { name: `Revoke the viewer invite that expires ${absoluteTime(NOW + 3 * DAY, 'en')}` })).toBeTruthy();
    expect(used!.textContent).toContain('used up');
    expect(used!.textContent).toContain('Uses left: 0 of 1');
    expect(old!.textContent).toContain(`Expired ${absoluteTime(NOW - 2 * DAY, 'en')} (2 days ago)`);
    expect(gone!.textContent).toContain('revoked');
    for (const r of [used!, old!, gone!]) expect(within(r).queryByRole('button')).toBeNull();
    expect(screen.queryByText(/CODE/)).toBeNull(); // codes are never listed
  });

  it('Revoke calls the server for that invite and shows the list again from the server', async () => {
    let current = rows;
    const actions = makeActions({
      loadInvites: vi.fn(() => ok(current)),
      revokeInvite: vi.fn(async () => {
        current = rows.map((r) => (r.inviteId === 'live' ? { ...r, status: 'revoked' as const, revokedAt: NOW } : r));
        return { ok: true as const, value: undefined };
      }),
    });
    show(actions);
    fireEvent.click(await screen.findByRole('button', { name: /^Revoke the viewer invite/ }));
    await waitFor(() => expect(actions.revokeInvite).toHaveBeenCalledWith('t1', 'live'));
    await waitFor(() => expect(screen.getAllByTestId('invite')[0]!.getAttribute('data-status')).toBe('revoked'));
    expect(screen.queryByRole('button', { name: /^Revoke/ })).toBeNull();
  });

  it('a refused revoke is explained in words and the invite stays', async () => {
    const actions = makeActions({ revokeInvite: () => Promise.resolve({ ok: false, error: 'Only team owners can do that.' }) });
    show(actions);
    fireEvent.click(await screen.findByRole('button', { name: /^Revoke the viewer invite/ }));
    expect((await screen.findByRole('alert')).textContent).toBe('Only team owners can do that.');
    expect(screen.getAllByTestId('invite')[0]!.getAttribute('data-status')).toBe('active');
  });

  it('new codes are single-use by default; uses outside 1–100 are refused before any call', async () => {
    const actions = makeActions({ loadInvites: vi.fn(() => ok([])) });
    show(actions);
    expect(await screen.findByText('No invites yet.')).toBeTruthy();
    const uses = screen.getByLabelText('Uses') as HTMLInputElement;
    expect(uses.value).toBe('1');
    const create = screen.getByRole('button', { name: 'Create invite code' }) as HTMLButtonElement;
    for (const bad of ['0', '101', '2.5', '']) {
      fireEvent.input(uses, { target: { value: bad } });
      expect(create.disabled).toBe(true);
      expect(screen.getByText('Choose a whole number of uses from 1 to 100.')).toBeTruthy();
    }
    fireEvent.input(uses, { target: { value: '1' } });
    fireEvent.click(create);
    const box = await screen.findByTestId('invite-code');
    expect(actions.invite).toHaveBeenCalledWith('t1', 'editor', 168, 1);
    expect(box.textContent).toContain(`Valid until ${absoluteTime(NOW + DAY, 'en')}, single use.`);
  });

  it('a failed list load is explained', async () => {
    show(makeActions({ loadInvites: () => Promise.resolve({ ok: false, error: 'The server could not be reached.' }) }));
    expect((await screen.findByRole('alert')).textContent).toBe('The server could not be reached.');
  });
});

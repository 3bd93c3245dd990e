import { describe, it, expect, vi, afterEach } from 'vitest';
import { render, screen, fireEvent, cleanup, waitFor, within } from '@testing-library/preact';
import { InvitesSection, type InviteActions } from './InvitesSection';
import type { InviteRowView } from './types';
import { makeTranslate } from '../../lib/util/i18n';
import { absoluteTime } from '../../lib/util/time';
import en from '../../public/_locales/en/messages.json';

const t = makeTranslate(null, en);
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});
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
  it('active invites come first with expiry, uses left and creator; inactive ones hide behind "Show 3 inactive" and read as such', async () => {
    const actions = makeActions({ loadInvites: vi.fn(() => ok([rows[1]!, rows[0]!, rows[2]!, rows[3]!])) });
    show(actions);
    const list = await screen.findByRole('list', { name: 'Invites to Guild' });
    expect(actions.loadInvites).toHaveBeenCalledWith('t1');
    expect(within(list).getAllByTestId('invite').map((i) => i.getAttribute('data-status'))).toEqual(['active']);
    const live = within(list).getByTestId('invite');
    expect(live.textContent).toContain('Joins as viewer');
    expect(live.textContent).toContain(`Expires ${absoluteTime(NOW + 3 * DAY, 'en')} (in 3 days)`);
    expect(live.textContent).toContain('Uses left: 3 of 5');
    expect(live.textContent).toContain('made by Ada');
    expect(within(live).getByRole('button', { name: `Revoke the viewer invite that expires ${absoluteTime(NOW + 3 * DAY, 'en')}` })).toBeTruthy();
    const more = screen.getByRole('button', { name: 'Show 3 inactive' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(more);
    const items = within(list).getAllByTestId('invite');
    expect(items.map((i) => i.getAttribute('data-status'))).toEqual(['active', 'used_up', 'expired', 'revoked']);
    const [, used, old, gone] = items;
    expect(used!.textContent).toContain('Used up: 1 of 1 uses taken');
    expect(old!.textContent).toContain(`Expired ${absoluteTime(NOW - 2 * DAY, 'en')} (2 days ago)`);
    expect(gone!.textContent).toContain(`Revoked on ${absoluteTime(NOW - DAY, 'en')}`);
    for (const r of [used!, old!, gone!]) {
      expect(r.textContent).not.toContain('Uses left');
      expect(r.textContent).not.toContain('Expires');
      expect(r.classList.contains('opt-row--inactive')).toBe(true);
      expect(within(r).queryByRole('button')).toBeNull();
    }
    expect(live.classList.contains('opt-row--inactive')).toBe(false);
    expect(screen.getByRole('button', { name: 'Hide inactive' }).getAttribute('aria-expanded')).toBe('true');
    expect(screen.queryByText(/CODE/)).toBeNull(); // codes are never listed
  });

  it('the lifetime choices read "1 day", "3 days", "7 days", "30 days"', async () => {
    show(makeActions());
    const select = await screen.findByLabelText('Valid for');
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['1 day', '3 days', '7 days', '30 days']);
  });

  it('the same expiry reads the same right after creation and after a reload (no stale clock)', async () => {
    const opened = NOW;
    const created = NOW + 5 * 60_000; // the owner opened the panel, then made a code five minutes later
    const clock = vi.spyOn(Date, 'now').mockReturnValue(opened);
    let current: InviteRowView[] = [];
    const actions = makeActions({
      loadInvites: vi.fn(() => ok(current)),
      invite: vi.fn(async () => {
        current = [row({ inviteId: 'new', createdAt: created, expiresAt: created + DAY, maxUses: 1 })];
        clock.mockReturnValue(created + 300);
        return { ok: true as const, value: { code: 'CODE-1', expiresAt: created + DAY } };
      }),
    });
    render(<InvitesSection team={team} actions={actions} t={t} locale="en" />);
    expect(await screen.findByText('No invites yet.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Create invite code' }));
    const first = (await screen.findByTestId('invite')).textContent;
    cleanup();
    clock.mockReturnValue(created + 4_000); // the page is reloaded a few seconds later
    render(<InvitesSection team={team} actions={actions} t={t} locale="en" />);
    const again = (await screen.findByTestId('invite')).textContent;
    expect(first).toContain(`Expires ${absoluteTime(created + DAY, 'en')} (tomorrow)`);
    expect(again).toBe(first);
  });

  it('Revoke asks first; Cancel keeps the invite; confirming revokes it and the list shows it revoked', async () => {
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
    expect(actions.revokeInvite).not.toHaveBeenCalled();
    const ask = screen.getByRole('group', { name: /^Revoke this viewer invite\?/ });
    expect(ask.textContent).toContain('Nobody can join with its code any more');
    fireEvent.click(within(ask).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('group')).toBeNull();
    expect(actions.revokeInvite).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: /^Revoke the viewer invite/ }));
    fireEvent.click(within(screen.getByRole('group')).getByRole('button', { name: 'Revoke' }));
    await waitFor(() => expect(actions.revokeInvite).toHaveBeenCalledWith('t1', 'live'));
    await waitFor(() => expect(screen.queryByRole('button', { name: /^Revoke/ })).toBeNull());
    expect(screen.getByText('No active invites.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show 4 inactive' }));
    expect(screen.getAllByTestId('invite')[0]!.textContent).toContain(`Revoked on ${absoluteTime(NOW, 'en')}`);
  });

  it('a refused revoke closes the confirmation and is explained next to the invite, which stays', async () => {
    const actions = makeActions({ revokeInvite: () => Promise.resolve({ ok: false, error: 'Only team owners can do that.' }) });
    show(actions);
    fireEvent.click(await screen.findByRole('button', { name: /^Revoke the viewer invite/ }));
    fireEvent.click(within(screen.getByRole('group')).getByRole('button', { name: 'Revoke' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Only team owners can do that.');
    expect(screen.queryByRole('group')).toBeNull();
    const live = screen.getAllByTestId('invite')[0]!;
    expect(live.getAttribute('data-status')).toBe('active');
    expect(live.contains(alert)).toBe(true);
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

import { describe, it, expect, vi, afterEach } from 'vitest';
import { render, screen, fireEvent, cleanup, waitFor, within } from '@testing-library/preact';
import { TeamsPanel, type TeamActions } from './TeamsPanel';
import type { MemberView, TeamView } from './types';
import { makeTranslate } from '../../lib/util/i18n';
import en from '../../public/_locales/en/messages.json';

const t = makeTranslate(null, en);
afterEach(cleanup);
const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value });
const members: MemberView[] = [
  { userId: 'u-me', displayName: 'Ada', role: 'owner' },
  { userId: 'u-bo', displayName: 'Bo', role: 'editor' },
];
function makeActions(over: Partial<TeamActions> = {}): TeamActions {
  return {
    createTeam: vi.fn(() => ok(undefined)),
    invite: vi.fn(() => ok({ code: 'CODE-123', expiresAt: 1_780_000_000_000 })),
    join: vi.fn(() => ok({ teamId: 't9', role: 'viewer' as const })),
    loadMembers: vi.fn(() => ok(members)),
    setRole: vi.fn(() => ok(undefined)),
    removeMember: vi.fn(() => ok(undefined)),
    leave: vi.fn(() => ok(undefined)),
    loadInvites: vi.fn(() => ok([])),
    revokeInvite: vi.fn(() => ok(undefined)),
    copy: vi.fn(() => Promise.resolve(true)),
    ...over,
  };
}
const owned: TeamView = { teamId: 't1', name: 'Guild', role: 'owner' };
const viewed: TeamView = { teamId: 't2', name: 'Readers', role: 'viewer' };

describe('TeamsPanel', () => {
  it('lists teams with the learner’s role; says so when there is none', () => {
    render(<TeamsPanel teams={[owned, viewed]} myUserId="u-me" actions={makeActions()} t={t} />);
    const items = screen.getAllByTestId('team');
    expect(items.map((i) => i.textContent)).toEqual([expect.stringContaining('Your role: owner'), expect.stringContaining('Your role: viewer')]);
    cleanup();
    render(<TeamsPanel teams={[]} myUserId="u-me" actions={makeActions()} t={t} />);
    expect(screen.getByText(/You are not in a team yet/)).toBeTruthy();
  });

  it('creates a team (trimmed name) and clears the field', async () => {
    const actions = makeActions();
    render(<TeamsPanel teams={[]} myUserId="u-me" actions={actions} t={t} />);
    fireEvent.input(screen.getByLabelText('Team name'), { target: { value: '  Guild ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(actions.createTeam).toHaveBeenCalledWith('Guild'));
    await waitFor(() => expect((screen.getByLabelText('Team name') as HTMLInputElement).value).toBe(''));
  });

  it('joins with a code and says the role; a bad code is explained', async () => {
    const actions = makeActions();
    render(<TeamsPanel teams={[]} myUserId="u-me" actions={actions} t={t} />);
    fireEvent.input(screen.getByLabelText('Invite code'), { target: { value: ' CODE-9 ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Join' }));
    expect((await screen.findByRole('status')).textContent).toBe('You joined the team as viewer.');
    expect(actions.join).toHaveBeenCalledWith('CODE-9');
    cleanup();
    render(<TeamsPanel teams={[]} myUserId="u-me" actions={makeActions({ join: () => Promise.resolve({ ok: false, error: 'Not found: the code may be wrong or expired.' }) })} t={t} />);
    fireEvent.input(screen.getByLabelText('Invite code'), { target: { value: 'x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Join' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Not found: the code may be wrong or expired.');
  });

  it('owner: invite with role, lifetime and uses shows the code once with a copy button', async () => {
    const actions = makeActions();
    render(<TeamsPanel teams={[owned]} myUserId="u-me" actions={actions} t={t} locale="en" />);
    const toggle = screen.getByRole('button', { name: 'Members and invites' });
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    fireEvent.change(screen.getByLabelText('Role'), { target: { value: 'viewer' } });
    fireEvent.change(screen.getByLabelText('Valid for'), { target: { value: '24' } });
    expect((screen.getByLabelText('Uses') as HTMLInputElement).value).toBe('1'); // single-use unless the owner says more
    fireEvent.input(screen.getByLabelText('Uses'), { target: { value: '5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create invite code' }));
    const box = await screen.findByTestId('invite-code');
    expect(actions.invite).toHaveBeenCalledWith('t1', 'viewer', 24, 5);
    expect((within(box).getByRole('textbox') as HTMLInputElement).value).toBe('CODE-123');
    expect(box.textContent).toContain('Joins as viewer.');
    expect(box.textContent).toContain(', 5 uses.');
    expect(box.textContent).toContain('Satchel shows it only once');
    await waitFor(() => expect(actions.loadInvites).toHaveBeenCalledTimes(2)); // on open, and after the new code
    fireEvent.click(within(box).getByRole('button', { name: 'Copy' }));
    await waitFor(() => expect(actions.copy).toHaveBeenCalledWith('CODE-123'));
    expect((await within(box).findByRole('status')).textContent).toBe('Copied.');
  });

  it('owner: members with role change and removal; the learner’s own row has no controls', async () => {
    const actions = makeActions();
    render(<TeamsPanel teams={[owned]} myUserId="u-me" actions={actions} t={t} />);
    fireEvent.click(screen.getByRole('button', { name: 'Members and invites' }));
    await waitFor(() => expect(screen.getAllByTestId('member')).toHaveLength(2));
    expect(actions.loadMembers).toHaveBeenCalledWith('t1');
    const [me, bo] = screen.getAllByTestId('member');
    expect(me!.textContent).toContain('you');
    expect(within(me!).queryByRole('combobox')).toBeNull();
    fireEvent.change(screen.getByLabelText('Role of Bo'), { target: { value: 'viewer' } });
    await waitFor(() => expect(actions.setRole).toHaveBeenCalledWith('t1', 'u-bo', 'viewer'));
    fireEvent.click(within(bo!).getByRole('button', { name: 'Remove Bo from the team' }));
    await waitFor(() => expect(actions.removeMember).toHaveBeenCalledWith('t1', 'u-bo'));
    await waitFor(() => expect(screen.getAllByTestId('member')).toHaveLength(1));
  });

  it('viewer: no invite form, members read-only; leave after confirmation', async () => {
    const actions = makeActions();
    render(<TeamsPanel teams={[viewed]} myUserId="u-bo" actions={actions} t={t} />);
    fireEvent.click(screen.getByRole('button', { name: 'Members and invites' }));
    await waitFor(() => expect(screen.getAllByTestId('member')).toHaveLength(2));
    expect(screen.queryByRole('button', { name: 'Create invite code' })).toBeNull();
    expect(screen.queryByText('Invites')).toBeNull();
    expect(actions.loadInvites).not.toHaveBeenCalled();
    expect(screen.queryByRole('combobox')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Leave team' }));
    expect(screen.getByText(/^Leave Readers\?/)).toBeTruthy();
    fireEvent.click(screen.getAllByRole('button', { name: 'Leave team' })[0]!);
    await waitFor(() => expect(actions.leave).toHaveBeenCalledWith('t2'));
  });

  it('a refused role change is explained and the select goes back', async () => {
    const actions = makeActions({ setRole: () => Promise.resolve({ ok: false, error: 'A team needs at least one owner.' }) });
    render(<TeamsPanel teams={[owned]} myUserId="u-me" actions={actions} t={t} />);
    fireEvent.click(screen.getByRole('button', { name: 'Members and invites' }));
    const select = (await screen.findByLabelText('Role of Bo')) as HTMLSelectElement;
    fireEvent.change(select, { target: { value: 'viewer' } });
    expect((await screen.findByRole('alert')).textContent).toBe('A team needs at least one owner.');
    await waitFor(() => expect((screen.getByLabelText('Role of Bo') as HTMLSelectElement).value).toBe('editor'));
  });
});

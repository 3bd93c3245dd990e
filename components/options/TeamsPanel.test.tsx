import { describe, it, expect, vi, afterEach } from 'vitest';
import { render, screen, fireEvent, cleanup, waitFor, within } from '@testing-library/preact';
import { TeamsPanel, type TeamActions } from './TeamsPanel';
import { DevicesList } from './DevicesList';
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
    expect(actions.removeMember).not.toHaveBeenCalled();
    fireEvent.click(within(within(bo!).getByRole('group', { name: /^Remove Bo from Guild\?/ })).getByRole('button', { name: 'Remove' }));
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
    expect(actions.leave).not.toHaveBeenCalled();
    const ask = screen.getByRole('group', { name: /^Leave Readers\?/ });
    fireEvent.click(within(ask).getByRole('button', { name: 'Leave team' }));
    await waitFor(() => expect(actions.leave).toHaveBeenCalledWith('t2'));
  });

  it('the only owner is not offered Leave: the button is disabled with the reason next to it', async () => {
    const actions = makeActions();
    render(<TeamsPanel teams={[owned]} myUserId="u-me" actions={actions} t={t} />);
    fireEvent.click(screen.getByRole('button', { name: 'Members and invites' }));
    await waitFor(() => expect(screen.getAllByTestId('member')).toHaveLength(2));
    const leave = screen.getByRole('button', { name: 'Leave team' }) as HTMLButtonElement;
    expect(leave.disabled).toBe(true);
    expect(leave.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(leave.getAttribute('aria-describedby')!)!.textContent).toBe('Make another member owner first.');
    fireEvent.click(leave);
    expect(screen.queryByRole('group')).toBeNull();
    cleanup();
    // With a second owner, the first may leave.
    render(<TeamsPanel teams={[owned]} myUserId="u-me" actions={makeActions({ loadMembers: () => ok(members.map((m) => ({ ...m, role: 'owner' as const }))) })} t={t} />);
    fireEvent.click(screen.getByRole('button', { name: 'Members and invites' }));
    await waitFor(() => expect((screen.getByRole('button', { name: 'Leave team' }) as HTMLButtonElement).disabled).toBe(false));
    expect(screen.queryByText('Make another member owner first.')).toBeNull();
  });

  it('a refused leave closes the confirmation and shows the error next to the Leave button', async () => {
    const actions = makeActions({ leave: () => Promise.resolve({ ok: false, error: 'A team needs at least one owner.' }) });
    render(<TeamsPanel teams={[viewed]} myUserId="u-bo" actions={actions} t={t} />);
    fireEvent.click(screen.getByRole('button', { name: 'Members and invites' }));
    await waitFor(() => expect(screen.getAllByTestId('member')).toHaveLength(2));
    fireEvent.click(screen.getByRole('button', { name: 'Leave team' }));
    fireEvent.click(within(screen.getByRole('group')).getByRole('button', { name: 'Leave team' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('A team needs at least one owner.');
    expect(screen.queryByRole('group')).toBeNull();
    const leave = screen.getByRole('button', { name: 'Leave team' });
    expect(leave.closest('.inline-confirm')!.contains(alert)).toBe(true);
    expect(screen.getAllByRole('alert')).toHaveLength(1); // not also at the top of the panel
  });

  it('members and invites are loaded again when the page comes back into view, at most once per burst', async () => {
    const actions = makeActions();
    render(<TeamsPanel teams={[owned]} myUserId="u-me" actions={actions} t={t} />);
    fireEvent.click(screen.getByRole('button', { name: 'Members and invites' }));
    await waitFor(() => expect(screen.getAllByTestId('member')).toHaveLength(2));
    expect(actions.loadMembers).toHaveBeenCalledTimes(1);
    expect(actions.loadInvites).toHaveBeenCalledTimes(1);
    (actions.loadMembers as ReturnType<typeof vi.fn>).mockImplementation(() => ok([...members, { userId: 'u-cy', displayName: 'Cy', role: 'viewer' as const }]));
    fireEvent.focus(window);
    document.dispatchEvent(new Event('visibilitychange')); // switching tabs fires both
    await waitFor(() => expect(screen.getAllByTestId('member')).toHaveLength(3));
    expect(actions.loadMembers).toHaveBeenCalledTimes(2);
    expect(actions.loadInvites).toHaveBeenCalledTimes(2);
  });

  it('a refused role change is explained and the select goes back', async () => {
    const actions = makeActions({ setRole: () => Promise.resolve({ ok: false, error: 'A team needs at least one owner.' }) });
    render(<TeamsPanel teams={[owned]} myUserId="u-me" actions={actions} t={t} />);
    fireEvent.click(screen.getByRole('button', { name: 'Members and invites' }));
    const select = (await screen.findByLabelText('Role of Bo')) as HTMLSelectElement;
    fireEvent.change(select, { target: { value: 'viewer' } });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('A team needs at least one owner.');
    expect(screen.getAllByTestId('member')[1]!.contains(alert)).toBe(true); // next to Bo's role, not atop the panel
    await waitFor(() => expect((screen.getByLabelText('Role of Bo') as HTMLSelectElement).value).toBe('editor'));
  });

  it('a focus while the panel was closed does not use up the refresh: once opened, coming back shows who joined (issue 12)', async () => {
    const actions = makeActions();
    render(<TeamsPanel teams={[owned]} myUserId="u-me" actions={actions} t={t} />);
    fireEvent.focus(window); // the owner comes back to the page, panel closed
    fireEvent.click(screen.getByRole('button', { name: 'Members and invites' }));
    await waitFor(() => expect(screen.getAllByTestId('member')).toHaveLength(2));
    (actions.loadMembers as ReturnType<typeof vi.fn>).mockImplementation(() => ok([...members, { userId: 'u-cy', displayName: 'Cy', role: 'viewer' as const }]));
    fireEvent.focus(window); // a colleague joined with the code meanwhile
    await waitFor(() => expect(screen.getAllByTestId('member')).toHaveLength(3));
  });

  it('members and invites are loaded again after each sync while the panel is open (issue 12: "Uses left 1 of 1" stayed)', async () => {
    const actions = makeActions({ loadInvites: vi.fn(() => ok([])) });
    const { rerender } = render(<TeamsPanel teams={[owned]} myUserId="u-me" actions={actions} t={t} syncedAt={1} />);
    rerender(<TeamsPanel teams={[owned]} myUserId="u-me" actions={actions} t={t} syncedAt={2} />);
    expect(actions.loadMembers).not.toHaveBeenCalled(); // closed: nothing to refresh
    fireEvent.click(screen.getByRole('button', { name: 'Members and invites' }));
    await waitFor(() => expect(screen.getAllByTestId('member')).toHaveLength(2));
    expect(actions.loadInvites).toHaveBeenCalledTimes(1);
    (actions.loadMembers as ReturnType<typeof vi.fn>).mockImplementation(() => ok([...members, { userId: 'u-cy', displayName: 'Cy', role: 'viewer' as const }]));
    rerender(<TeamsPanel teams={[owned]} myUserId="u-me" actions={actions} t={t} syncedAt={3} />);
    await waitFor(() => expect(screen.getAllByTestId('member')).toHaveLength(3));
    await waitFor(() => expect(actions.loadInvites).toHaveBeenCalledTimes(2));
  });

  it('the spotlight checkbox sits left of its label, laid out like the other switches of the page', async () => {
    render(<TeamsPanel teams={[viewed]} myUserId="u-me" actions={makeActions({ setSpotlight: vi.fn(() => ok(undefined)) })} t={t} />);
    fireEvent.click(screen.getByRole('button', { name: 'Members and invites' }));
    const box = await screen.findByLabelText(/Show me in spotlights/);
    const label = box.closest('label')!;
    // .opt-choice is a row (entrypoints/options/style.css); .opt-row__main stacked the box above its text.
    expect(label.classList.contains('opt-choice')).toBe(true);
    expect(label.classList.contains('opt-row__main')).toBe(false);
    expect(label.firstElementChild).toBe(box);
  });

  it('spotlight: the learner opts out and back in per team; a refusal puts the box back with the reason', async () => {
    const setSpotlight = vi.fn(() => ok(undefined));
    render(<TeamsPanel teams={[viewed]} myUserId="u-me" actions={makeActions({ setSpotlight, loadMembers: vi.fn(() => ok([...members.map((m) => ({ ...m, role: 'viewer' as const })), { userId: 'u-cy', displayName: 'Cy', role: 'viewer' as const, spotlight: false }])) })} t={t} />);
    fireEvent.click(screen.getByRole('button', { name: 'Members and invites' }));
    const box = (await screen.findByLabelText(/Show me in spotlights/)) as HTMLInputElement;
    expect(box.checked).toBe(true);
    fireEvent.click(box);
    await waitFor(() => expect(setSpotlight).toHaveBeenCalledWith('t2', false));
    await waitFor(() => expect((screen.getByLabelText(/Show me in spotlights/) as HTMLInputElement).checked).toBe(false));
    cleanup();
    render(<TeamsPanel teams={[viewed]} myUserId="u-me" actions={makeActions({ setSpotlight: () => Promise.resolve({ ok: false as const, error: 'The server could not be reached.' }) })} t={t} />);
    fireEvent.click(screen.getByRole('button', { name: 'Members and invites' }));
    fireEvent.click(await screen.findByLabelText(/Show me in spotlights/));
    expect((await screen.findByRole('alert')).textContent).toBe('Could not change it: The server could not be reached.');
    expect((screen.getByLabelText(/Show me in spotlights/) as HTMLInputElement).checked).toBe(true);
  });
});

// Issue 12 "Stale and vague errors": an error names the thing and clears on the next action,
// wherever on the options page that action is (components/options/action-errors.ts).
const noInvite = 'No invite with this code — check it or ask for a new one. Codes can expire, be used up or be revoked.';
const actions = () => makeActions({ join: vi.fn(() => Promise.resolve({ ok: false as const, error: noInvite })) });
async function joinWith(code: string) {
  fireEvent.input(screen.getByLabelText('Invite code'), { target: { value: code } });
  fireEvent.submit(screen.getByLabelText('Invite code').closest('form')!);
  await screen.findByText(noInvite);
}

describe('errors clear on the next action (issue 12)', () => {
  it('a bad invite code’s error goes when a team is then created', async () => {
    render(<TeamsPanel teams={[]} myUserId="u1" actions={actions()} t={t} />);
    await joinWith('WRONG-CODE');
    fireEvent.input(screen.getByLabelText('Team name'), { target: { value: 'Guild' } });
    fireEvent.submit(screen.getByLabelText('Team name').closest('form')!);
    await waitFor(() => expect(screen.queryByText(noInvite)).toBeNull());
  });

  it('the error goes as soon as the code is edited', async () => {
    render(<TeamsPanel teams={[]} myUserId="u1" actions={actions()} t={t} />);
    await joinWith('WRONG-CODE');
    fireEvent.input(screen.getByLabelText('Invite code'), { target: { value: 'WRONG-COD' } });
    expect(screen.queryByText(noInvite)).toBeNull();
  });

  it('an action in another section (signing out a device) clears it too', async () => {
    const onRevoke = vi.fn(() => ok(undefined));
    render(
      <>
        <TeamsPanel teams={[]} myUserId="u1" actions={actions()} t={t} />
        <DevicesList devices={[{ deviceId: 'd1', name: 'Laptop', createdAt: 1, lastSeenAt: 2, revokedAt: null, current: false }]} onRevoke={onRevoke} t={t} />
      </>,
    );
    await joinWith('WRONG-CODE');
    fireEvent.click(screen.getByRole('button', { name: /Sign out/ }));
    fireEvent.click(await screen.findByRole('button', { name: /Sign out|Yes/, pressed: undefined, hidden: false }));
    await waitFor(() => expect(onRevoke).toHaveBeenCalled());
    expect(screen.queryByText(noInvite)).toBeNull();
  });
});

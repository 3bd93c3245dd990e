import { useEffect, useState } from 'preact/hooks';
import type { Translate } from '../../lib/util/i18n';
import { fmt } from '../format';
import { InvitesSection, type InviteActions } from './InvitesSection';
import { InlineConfirm } from './InlineConfirm';
import { roleKey, useAction, useRefreshAfterSync, useRefreshOnFocus } from './team-ui';
import { useActionError } from './action-errors';
import type { ActionResult, MemberView, RoleView, TeamView } from './types';

export { INVITE_HOURS, type InviteView } from './InvitesSection';

/** Team actions the container runs against the server (each resolves with words on failure). */
export interface TeamActions extends InviteActions {
  createTeam: (name: string) => Promise<ActionResult>;
  join: (code: string) => Promise<ActionResult<{ teamId: string; role: RoleView }>>;
  loadMembers: (teamId: string) => Promise<ActionResult<MemberView[]>>;
  setRole: (teamId: string, userId: string, role: RoleView) => Promise<ActionResult>;
  removeMember: (teamId: string, userId: string) => Promise<ActionResult>;
  leave: (teamId: string) => Promise<ActionResult>;
  /** Opts the signed-in member in or out of spotlights in the team (issue 11; `PATCH …/members/:me {spotlight}`). */
  setSpotlight?: (teamId: string, on: boolean) => Promise<ActionResult>;
}

/** Props of {@link TeamsPanel}. */
export interface TeamsPanelProps {
  teams: readonly TeamView[];
  /** The signed-in user (their own row gets "Leave" instead of "Remove"). */
  myUserId: string;
  actions: TeamActions;
  t: Translate;
  locale?: string;
  /** epoch ms for relative times ("in 3 days"); default: the clock at each render of the invite list */
  now?: number;
  /** The last sync's epoch ms: open teams load their members and invites again when it changes. */
  syncedAt?: number | null;
}

const ROLES: readonly RoleView[] = ['owner', 'editor', 'viewer'];
/** Where the spotlight switch's error goes (not a user id, so it never lands on a member row). */
const SPOTLIGHT_ROW = '\u0000spotlight';

/**
 * Teams: create one, join one with an invite code, and per team (with the learner's role): invites
 * (owners: {@link InvitesSection}: make one, list, revoke), members with role change and removal
 * (owners), the learner's own spotlight switch (issue 11: their member page and digest credit), and
 * leave. Team administration is online-only (docs/sync-protocol.md 3.3), so every action waits
 * for the server and shows its error in words.
 */
export function TeamsPanel({ teams, myUserId, actions, t, locale, now, syncedAt }: TeamsPanelProps) {
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const [joined, setJoined] = useState<string | null>(null);
  const create = useAction();
  const join = useAction();
  return (
    <section class="opt-card" aria-labelledby="teams-title">
      <h2 id="teams-title">{t('optTeamsTitle')}</h2>
      {teams.length === 0 ? <p class="muted">{t('optTeamsEmpty')}</p> : (
        <ul class="opt-list" data-testid="teams">
          {teams.map((team) => <TeamItem key={team.teamId} team={team} myUserId={myUserId} actions={actions} t={t} locale={locale} now={now} syncedAt={syncedAt} />)}
        </ul>
      )}
      <div class="opt-grid">
        <form
          class="opt-subform"
          aria-labelledby="team-create-title"
          onSubmit={async (e) => {
            e.preventDefault();
            const n = name.trim();
            if (!n || create.busy) return;
            const r = await create.run(() => actions.createTeam(n));
            if (r.ok) setName('');
          }}
        >
          <h3 id="team-create-title">{t('optTeamCreateTitle')}</h3>
          <div class="inline-form">
            <label class="sr-only" for="team-name">{t('optTeamName')}</label>
            <input id="team-name" class="input" type="text" maxLength={200} placeholder={t('optTeamName')} value={name} onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)} />
            <button type="submit" class="btn" disabled={create.busy || !name.trim()}>{t('optTeamCreate')}</button>
          </div>
          {create.error && <p class="opt-error" role="alert">{create.error}</p>}
        </form>
        <form
          class="opt-subform"
          aria-labelledby="team-join-title"
          onSubmit={async (e) => {
            e.preventDefault();
            const c = code.trim();
            if (!c || join.busy) return;
            setJoined(null);
            const r = await join.run(() => actions.join(c));
            if (r.ok) {
              setCode('');
              setJoined(fmt(t('optJoined'), { role: t(roleKey(r.value.role)) }));
            }
          }}
        >
          <h3 id="team-join-title">{t('optTeamJoinTitle')}</h3>
          <div class="inline-form">
            <label class="sr-only" for="join-code">{t('optInviteCode')}</label>
            <input id="join-code" class="input" type="text" autoComplete="off" spellcheck={false} placeholder={t('optInviteCode')} value={code} onInput={(e) => { setCode((e.currentTarget as HTMLInputElement).value); join.clear(); setJoined(null); }} />
            <button type="submit" class="btn" disabled={join.busy || !code.trim()}>{t('optTeamJoin')}</button>
          </div>
          {join.error && <p class="opt-error" role="alert">{join.error}</p>}
          {joined && <p class="field__status" role="status">{joined}</p>}
        </form>
      </div>
    </section>
  );
}

interface TeamItemProps {
  team: TeamView;
  myUserId: string;
  actions: TeamActions;
  t: Translate;
  locale?: string;
  now?: number;
  syncedAt?: number | null;
}

/**
 * One team: its name and the learner's role; opened, its invites (owners), members and Leave. Each
 * action's error shows next to its control (the member's row, the Leave button). The only owner
 * cannot leave (the server refuses it): the button is disabled with the reason beside it. Members
 * (and invites) are loaded again when the page comes back into view and after each sync.
 */
function TeamItem({ team, myUserId, actions, t, locale, now, syncedAt }: TeamItemProps) {
  const owner = team.role === 'owner';
  const [open, setOpen] = useState(false);
  const [members, setMembers] = useState<MemberView[] | null>(null);
  const [rowError, setRowError] = useActionError<{ userId: string; error: string }>();
  const [busy, setBusy] = useState(false);
  const list = useAction(); // the member list
  const panelId = `team-${team.teamId}-panel`;

  const reload = async () => {
    const r = await list.run(() => actions.loadMembers(team.teamId));
    if (r.ok) setMembers(r.value);
  };
  useEffect(() => {
    if (open && members === null) void reload();
  }, [open]);
  useRefreshOnFocus(reload, open);
  useRefreshAfterSync(reload, syncedAt, open);
  /** Runs an action on one member; its error goes to that member's row. */
  const onMember = async (userId: string, fn: () => Promise<ActionResult>): Promise<ActionResult> => {
    setBusy(true);
    setRowError(null);
    const r = await fn();
    setBusy(false);
    if (!r.ok) setRowError({ userId, error: r.error });
    return r;
  };
  const lastOwner = owner && members !== null && members.filter((m) => m.role === 'owner').length <= 1;
  const me = members?.find((m) => m.userId === myUserId) ?? null;

  return (
    <li class="opt-team" data-testid="team" data-team-name={team.name}>
      <div class="opt-row">
        <div class="opt-row__main">
          <span class="opt-row__title">{team.name}</span>
          <span class="small muted">{fmt(t('optYourRole'), { role: t(roleKey(team.role)) })}</span>
        </div>
        <button type="button" class="btn btn--small" aria-expanded={open ? 'true' : 'false'} aria-controls={panelId} onClick={() => setOpen(!open)}>
          {open ? t('optTeamHide') : t('optTeamManage')}
        </button>
      </div>
      {open && (
        <div id={panelId} class="opt-team__panel">
          {owner && <InvitesSection team={team} actions={actions} t={t} locale={locale} now={now} syncedAt={syncedAt} />}
          {me && actions.setSpotlight ? (
            <div class="opt-row" data-testid="spotlight">
              <label class="opt-choice opt-spotlight">
                <input
                  type="checkbox"
                  checked={me.spotlight !== false}
                  disabled={busy}
                  onChange={async (e) => {
                    const next = (e.currentTarget as HTMLInputElement).checked;
                    const r = await onMember(SPOTLIGHT_ROW, () => actions.setSpotlight!(team.teamId, next));
                    // On failure re-render with the old value, which puts the box back.
                    setMembers(members!.map((x) => (x.userId === myUserId && r.ok ? { ...x, spotlight: next } : x)));
                  }}
                />
                <span>{t('teamsSpotlight')}</span>
              </label>
              {rowError?.userId === SPOTLIGHT_ROW && <p class="opt-error" role="alert">{t('teamsSpotlightFailed')} {rowError.error}</p>}
            </div>
          ) : null}
          <h3>{t('optMembersTitle')}</h3>
          {list.error && <p class="opt-error" role="alert">{list.error}</p>}
          {members === null ? (!list.error && <p class="muted">{t('optLoading')}</p>) : (
            <ul class="opt-list" aria-label={fmt(t('optMembersOf'), { team: team.name })}>
              {members.map((m) => (
                <li key={m.userId} class="opt-row" data-testid="member">
                  <span class="opt-row__main">
                    <span class="opt-row__title">
                      {m.displayName}
                      {m.userId === myUserId && <span class="opt-badge">{t('optYou')}</span>}
                    </span>
                  </span>
                  {owner && m.userId !== myUserId ? (
                    <span class="inline-actions">
                      <label class="sr-only" for={`${panelId}-role-${m.userId}`}>{fmt(t('optRoleOf'), { name: m.displayName })}</label>
                      <select
                        id={`${panelId}-role-${m.userId}`}
                        class="input input--small"
                        value={m.role}
                        disabled={busy}
                        onChange={async (e) => {
                          const next = (e.currentTarget as HTMLSelectElement).value as RoleView;
                          const r = await onMember(m.userId, () => actions.setRole(team.teamId, m.userId, next));
                          // On failure re-render with the old role, which puts the select back.
                          setMembers(members.map((x) => (x.userId === m.userId && r.ok ? { ...x, role: next } : x)));
                        }}
                      >
                        {ROLES.map((r) => <option key={r} value={r}>{t(roleKey(r))}</option>)}
                      </select>
                      <InlineConfirm
                        id={`${panelId}-remove-${m.userId}`}
                        label={t('optRemoveMember')}
                        buttonLabel={fmt(t('optRemoveMemberLabel'), { name: m.displayName })}
                        question={fmt(t('optRemoveMemberConfirm'), { name: m.displayName, team: team.name })}
                        disabled={busy}
                        onConfirm={async () => {
                          const r = await actions.removeMember(team.teamId, m.userId);
                          if (r.ok) setMembers(members.filter((x) => x.userId !== m.userId));
                          return r;
                        }}
                        t={t}
                      />
                    </span>
                  ) : (
                    <span class="small muted">{t(roleKey(m.role))}</span>
                  )}
                  {rowError?.userId === m.userId && <p class="opt-error" role="alert">{rowError.error}</p>}
                </li>
              ))}
            </ul>
          )}
          <div class="inline-actions">
            <InlineConfirm
              id={`${panelId}-leave`}
              label={t('optLeave')}
              question={fmt(t('optLeaveConfirm'), { team: team.name })}
              disabled={owner && members === null}
              blockedReason={lastOwner ? t('optLeaveLastOwner') : null}
              onConfirm={() => actions.leave(team.teamId)}
              t={t}
            />
          </div>
        </div>
      )}
    </li>
  );
}

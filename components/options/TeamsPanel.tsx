import { useEffect, useRef, useState } from 'preact/hooks';
import type { Translate } from '../../lib/util/i18n';
import { fmt } from '../format';
import type { ActionResult, MemberView, RoleView, TeamView } from './types';

/** A new invite code (`POST /v1/teams/:id/invites`); `expiresAt` epoch ms. */
export interface InviteView {
  code: string;
  expiresAt: number;
}

/** Team actions the container runs against the server (each resolves with words on failure). */
export interface TeamActions {
  createTeam: (name: string) => Promise<ActionResult>;
  invite: (teamId: string, role: 'editor' | 'viewer', expiresInHours: number) => Promise<ActionResult<InviteView>>;
  join: (code: string) => Promise<ActionResult<{ teamId: string; role: RoleView }>>;
  loadMembers: (teamId: string) => Promise<ActionResult<MemberView[]>>;
  setRole: (teamId: string, userId: string, role: RoleView) => Promise<ActionResult>;
  removeMember: (teamId: string, userId: string) => Promise<ActionResult>;
  leave: (teamId: string) => Promise<ActionResult>;
  /** Copies text to the clipboard; resolves false when the browser refused. */
  copy: (text: string) => Promise<boolean>;
}

/** Props of {@link TeamsPanel}. */
export interface TeamsPanelProps {
  teams: readonly TeamView[];
  /** The signed-in user (their own row gets "Leave" instead of "Remove"). */
  myUserId: string;
  actions: TeamActions;
  t: Translate;
  locale?: string;
}

/** Invite lifetimes offered, in hours. */
export const INVITE_HOURS = [24, 72, 168, 720] as const;
const ROLES: readonly RoleView[] = ['owner', 'editor', 'viewer'];
const roleKey = (r: RoleView) => (r === 'owner' ? 'roleOwner' : r === 'editor' ? 'roleEditor' : 'roleViewer');

/** Runs an action with a busy flag and an error line. */
function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async <T,>(fn: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> => {
    setBusy(true);
    setError(null);
    const r = await fn();
    setBusy(false);
    if (!r.ok) setError(r.error);
    return r;
  };
  return { busy, error, run };
}

/**
 * Teams: create one, join one with an invite code, and per team (with the learner's role): invite
 * (owners: role and lifetime → a code with a copy button), members with role change and removal
 * (owners), and leave. Team administration is online-only (docs/sync-protocol.md 3.3), so every action waits
 * for the server and shows its error in words.
 */
export function TeamsPanel({ teams, myUserId, actions, t, locale }: TeamsPanelProps) {
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
          {teams.map((team) => <TeamItem key={team.teamId} team={team} myUserId={myUserId} actions={actions} t={t} locale={locale} />)}
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
            <input id="join-code" class="input" type="text" autoComplete="off" spellcheck={false} placeholder={t('optInviteCode')} value={code} onInput={(e) => setCode((e.currentTarget as HTMLInputElement).value)} />
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
}

function TeamItem({ team, myUserId, actions, t, locale }: TeamItemProps) {
  const owner = team.role === 'owner';
  const [open, setOpen] = useState(false);
  const [members, setMembers] = useState<MemberView[] | null>(null);
  const [role, setRole] = useState<'editor' | 'viewer'>('editor');
  const [hours, setHours] = useState<number>(168);
  const [invite, setInvite] = useState<(InviteView & { role: 'editor' | 'viewer' }) | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const [leaving, setLeaving] = useState(false);
  const act = useAction(); // members, roles, leave
  const inviteAct = useAction();
  const codeField = useRef<HTMLInputElement>(null);
  const panelId = `team-${team.teamId}-panel`;

  const reload = async () => {
    const r = await act.run(() => actions.loadMembers(team.teamId));
    if (r.ok) setMembers(r.value);
  };
  useEffect(() => {
    if (open && members === null) void reload();
  }, [open]);
  useEffect(() => {
    if (invite) codeField.current?.select();
  }, [invite]);

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
          {act.error && <p class="opt-error" role="alert">{act.error}</p>}
          {owner && (
            <form
              class="opt-subform"
              aria-label={fmt(t('optInviteTitleFor'), { team: team.name })}
              onSubmit={async (e) => {
                e.preventDefault();
                if (inviteAct.busy) return;
                setCopied(null);
                const r = await inviteAct.run(() => actions.invite(team.teamId, role, hours));
                if (r.ok) setInvite({ ...r.value, role });
              }}
            >
              <h3>{t('optInviteTitle')}</h3>
              <div class="inline-form">
                <label class="opt-inline-label">
                  {t('optInviteRole')}{' '}
                  <select class="input input--small" value={role} onChange={(e) => setRole((e.currentTarget as HTMLSelectElement).value as 'editor' | 'viewer')}>
                    <option value="editor">{t('roleEditor')}</option>
                    <option value="viewer">{t('roleViewer')}</option>
                  </select>
                </label>
                <label class="opt-inline-label">
                  {t('optInviteExpiry')}{' '}
                  <select class="input input--small" value={String(hours)} onChange={(e) => setHours(Number((e.currentTarget as HTMLSelectElement).value))}>
                    {INVITE_HOURS.map((h) => (
                      <option key={h} value={String(h)}>{fmt(t('optDays'), { n: h / 24 }, locale)}</option>
                    ))}
                  </select>
                </label>
                <button type="submit" class="btn" disabled={inviteAct.busy}>{t('optInviteCreate')}</button>
              </div>
              {inviteAct.error && <p class="opt-error" role="alert">{inviteAct.error}</p>}
              {invite && (
                <div class="opt-code" data-testid="invite-code">
                  <label class="field__label" for={`${panelId}-code`}>{t('optInviteCodeLabel')}</label>
                  <div class="inline-form">
                    <input ref={codeField} id={`${panelId}-code`} class="input opt-code__value" type="text" readOnly value={invite.code} aria-describedby={`${panelId}-code-help`} />
                    <button
                      type="button"
                      class="btn"
                      onClick={async () => setCopied((await actions.copy(invite.code)) ? t('optCopied') : t('optCopyFailed'))}
                    >
                      {t('optCopy')}
                    </button>
                  </div>
                  <span id={`${panelId}-code-help`} class="small muted">
                    {fmt(t('optInviteCodeHelp'), { role: t(roleKey(invite.role)), time: new Date(invite.expiresAt).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' }) }, locale)}
                  </span>
                  {copied && <span class="field__status" role="status">{copied}</span>}
                </div>
              )}
            </form>
          )}
          <h3>{t('optMembersTitle')}</h3>
          {members === null ? <p class="muted">{t('optLoading')}</p> : (
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
                        disabled={act.busy}
                        onChange={async (e) => {
                          const next = (e.currentTarget as HTMLSelectElement).value as RoleView;
                          const r = await act.run(() => actions.setRole(team.teamId, m.userId, next));
                          // On failure re-render with the old role, which puts the select back.
                          setMembers(members.map((x) => (x.userId === m.userId && r.ok ? { ...x, role: next } : x)));
                        }}
                      >
                        {ROLES.map((r) => <option key={r} value={r}>{t(roleKey(r))}</option>)}
                      </select>
                      <button
                        type="button"
                        class="btn btn--small btn--danger"
                        disabled={act.busy}
                        aria-label={fmt(t('optRemoveMemberLabel'), { name: m.displayName })}
                        onClick={async () => {
                          const r = await act.run(() => actions.removeMember(team.teamId, m.userId));
                          if (r.ok) setMembers(members.filter((x) => x.userId !== m.userId));
                        }}
                      >
                        {t('optRemoveMember')}
                      </button>
                    </span>
                  ) : (
                    <span class="small muted">{t(roleKey(m.role))}</span>
                  )}
                </li>
              ))}
            </ul>
          )}
          <div class="inline-actions">
            {leaving ? (
              <>
                <span class="small">{fmt(t('optLeaveConfirm'), { team: team.name })}</span>
                <button type="button" class="btn btn--small btn--danger" disabled={act.busy} onClick={() => void act.run(() => actions.leave(team.teamId))}>
                  {t('optLeave')}
                </button>
                <button type="button" class="btn btn--small" onClick={() => setLeaving(false)}>{t('optCancel')}</button>
              </>
            ) : (
              <button type="button" class="btn btn--small btn--danger" onClick={() => setLeaving(true)}>{t('optLeave')}</button>
            )}
          </div>
        </div>
      )}
    </li>
  );
}

import { useEffect, useRef, useState } from 'preact/hooks';
import type { Translate } from '../../lib/util/i18n';
import { absoluteTime, relativeTime } from '../../lib/util/time';
import { fmt } from '../format';
import { roleKey, useAction } from './team-ui';
import type { ActionResult, InviteRowView } from './types';

/** A new invite code (`POST /v1/teams/:id/invites`); `expiresAt` epoch ms. Shown once. */
export interface InviteView {
  code: string;
  expiresAt: number;
}

/** The invite actions the container runs against the server (each resolves with words on failure). */
export interface InviteActions {
  invite: (teamId: string, role: 'editor' | 'viewer', expiresInHours: number, maxUses: number) => Promise<ActionResult<InviteView>>;
  /** The team's invites, newest first (owners only). */
  loadInvites: (teamId: string) => Promise<ActionResult<InviteRowView[]>>;
  revokeInvite: (teamId: string, inviteId: string) => Promise<ActionResult>;
  /** Copies text to the clipboard; resolves false when the browser refused. */
  copy: (text: string) => Promise<boolean>;
}

/** Props of {@link InvitesSection}. `now` is epoch ms (for "in 3 days"). */
export interface InvitesSectionProps {
  team: { teamId: string; name: string };
  actions: InviteActions;
  t: Translate;
  locale?: string;
  now: number;
}

/** Invite lifetimes offered, in hours. */
export const INVITE_HOURS = [24, 72, 168, 720] as const;
/** Most uses an owner can give one code (lib/schema/api `MAX_INVITE_USES`). */
const MAX_USES = 100;

const usesWords = (n: number, t: Translate, locale?: string) => (n === 1 ? t('optInviteOneUse') : fmt(t('optInviteNUses'), { n }, locale));

/**
 * A team's invites, for its owners: a form to make one (role, lifetime, number of uses, single-use
 * by default) that shows the new code once with a copy button, and the list of the team's invites
 * with role, expiry (date and "in 3 days"), uses left, who made it, its state, and Revoke for
 * those still valid. docs/sync-protocol.md 4 "Invites".
 */
export function InvitesSection({ team, actions, t, locale, now }: InvitesSectionProps) {
  const [invites, setInvites] = useState<InviteRowView[] | null>(null);
  const list = useAction();
  const reload = async () => {
    const r = await list.run(() => actions.loadInvites(team.teamId));
    if (r.ok) setInvites(r.value);
  };
  useEffect(() => void reload(), [team.teamId]);
  return (
    <>
      <CreateInviteForm team={team} actions={actions} t={t} locale={locale} onCreated={reload} />
      <h3>{t('optInvitesTitle')}</h3>
      {list.error && <p class="opt-error" role="alert">{list.error}</p>}
      {invites === null ? <p class="muted">{t('optLoading')}</p> : invites.length === 0 ? <p class="muted">{t('optInvitesEmpty')}</p> : (
        <ul class="opt-list" aria-label={fmt(t('optInvitesOf'), { team: team.name })}>
          {invites.map((inv) => (
            <InviteRow
              key={inv.inviteId}
              inv={inv}
              busy={list.busy}
              t={t}
              locale={locale}
              now={now}
              onRevoke={async () => {
                const r = await list.run(() => actions.revokeInvite(team.teamId, inv.inviteId));
                if (r.ok) await reload();
              }}
            />
          ))}
        </ul>
      )}
    </>
  );
}

interface InviteRowProps {
  inv: InviteRowView;
  busy: boolean;
  t: Translate;
  locale?: string;
  now: number;
  onRevoke: () => void;
}

/** One invite: role and state, expiry as date and relative time, uses left, creator, Revoke while valid. */
function InviteRow({ inv, busy, t, locale, now, onRevoke }: InviteRowProps) {
  const date = absoluteTime(inv.expiresAt, locale);
  const when = relativeTime(inv.expiresAt, now, locale);
  const expiry = fmt(t(inv.expiresAt > now ? 'optInviteExpires' : 'optInviteExpired'), { date, when });
  const left = Math.max(0, inv.maxUses - inv.uses);
  const state = inv.status === 'revoked' ? 'optInviteRevoked' : inv.status === 'used_up' ? 'optInviteUsedUp' : inv.status === 'expired' ? 'optInviteStateExpired' : null;
  const role = t(roleKey(inv.role));
  return (
    <li class="opt-row" data-testid="invite" data-status={inv.status}>
      <span class="opt-row__main">
        <span class="opt-row__title">
          {fmt(t('optInviteJoinsAs'), { role })}
          {state && <span class="opt-badge">{t(state)}</span>}
        </span>
        <span class="small muted">{expiry}</span>
        <span class="small muted">
          {fmt(t('optInviteUsesLeft'), { left, max: inv.maxUses }, locale)}
          {inv.createdByName && ` · ${fmt(t('optInviteBy'), { name: inv.createdByName })}`}
        </span>
      </span>
      {inv.status === 'active' && (
        <button type="button" class="btn btn--small btn--danger" disabled={busy} aria-label={fmt(t('optInviteRevokeLabel'), { role, date })} onClick={onRevoke}>
          {t('optInviteRevoke')}
        </button>
      )}
    </li>
  );
}

interface CreateInviteFormProps {
  team: { teamId: string; name: string };
  actions: InviteActions;
  t: Translate;
  locale?: string;
  onCreated: () => void;
}

/** Role, lifetime and number of uses → a new code, shown once with a copy button. */
function CreateInviteForm({ team, actions, t, locale, onCreated }: CreateInviteFormProps) {
  const [role, setRole] = useState<'editor' | 'viewer'>('editor');
  const [hours, setHours] = useState<number>(168);
  const [uses, setUses] = useState('1');
  const [invite, setInvite] = useState<(InviteView & { role: 'editor' | 'viewer'; maxUses: number }) | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const act = useAction();
  const codeField = useRef<HTMLInputElement>(null);
  const id = `team-${team.teamId}-invite`;
  const maxUses = Number(uses);
  const usesOk = Number.isInteger(maxUses) && maxUses >= 1 && maxUses <= MAX_USES;
  useEffect(() => {
    if (invite) codeField.current?.select();
  }, [invite]);
  return (
    <form
      class="opt-subform"
      aria-label={fmt(t('optInviteTitleFor'), { team: team.name })}
      onSubmit={async (e) => {
        e.preventDefault();
        if (act.busy || !usesOk) return;
        setCopied(null);
        const r = await act.run(() => actions.invite(team.teamId, role, hours, maxUses));
        if (r.ok) {
          setInvite({ ...r.value, role, maxUses });
          onCreated();
        }
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
        <label class="opt-inline-label">
          {t('optInviteUses')}{' '}
          <input class="input input--small" type="number" min={1} max={MAX_USES} step={1} value={uses} aria-invalid={usesOk ? undefined : 'true'} aria-describedby={`${id}-uses-help`} onInput={(e) => setUses((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <button type="submit" class="btn" disabled={act.busy || !usesOk}>{t('optInviteCreate')}</button>
      </div>
      <span id={`${id}-uses-help`} class="small muted">{usesOk ? t('optInviteUsesHelp') : fmt(t('optInviteUsesInvalid'), { max: MAX_USES }, locale)}</span>
      {act.error && <p class="opt-error" role="alert">{act.error}</p>}
      {invite && (
        <div class="opt-code" data-testid="invite-code">
          <label class="field__label" for={`${id}-code`}>{t('optInviteCodeLabel')}</label>
          <div class="inline-form">
            <input ref={codeField} id={`${id}-code`} class="input opt-code__value" type="text" readOnly value={invite.code} aria-describedby={`${id}-code-help`} />
            <button type="button" class="btn" onClick={async () => setCopied((await actions.copy(invite.code)) ? t('optCopied') : t('optCopyFailed'))}>
              {t('optCopy')}
            </button>
          </div>
          <span id={`${id}-code-help`} class="small muted">
            {fmt(t('optInviteCodeHelp'), { role: t(roleKey(invite.role)), time: absoluteTime(invite.expiresAt, locale), uses: usesWords(invite.maxUses, t, locale) }, locale)}
          </span>
          {copied && <span class="field__status" role="status">{copied}</span>}
        </div>
      )}
    </form>
  );
}

import { useEffect, useRef, useState } from 'preact/hooks';
import type { Translate } from '../../lib/util/i18n';
import { absoluteTime, relativeTime } from '../../lib/util/time';
import { fmt } from '../format';
import { InlineConfirm } from './InlineConfirm';
import { roleKey, useAction, useRefreshAfterSync, useRefreshOnFocus } from './team-ui';
import { pluralKey } from '../../lib/util/i18n';
import './team-ui.css';
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

/** Props of {@link InvitesSection}. */
export interface InvitesSectionProps {
  team: { teamId: string; name: string };
  actions: InviteActions;
  t: Translate;
  locale?: string;
  /** epoch ms for "in 3 days"; default: the clock at each render (a fixed value goes stale) */
  now?: number;
  /** The last sync's epoch ms: the list is loaded again when it changes (an invite used meanwhile). */
  syncedAt?: number | null;
}

/** Invite lifetimes offered, in hours. */
export const INVITE_HOURS = [24, 72, 168, 720] as const;
/** Most uses an owner can give one code (lib/schema/api `MAX_INVITE_USES`). */
const MAX_USES = 100;

const usesWords = (n: number, t: Translate, locale?: string) => (n === 1 ? t('optInviteOneUse') : fmt(t('optInviteNUses'), { n }, locale));

/**
 * A team's invites, for its owners: a form to make one (role, lifetime, number of uses, single-use
 * by default) that shows the new code once with a copy button, and the list of the team's invites:
 * the active ones first (role, expiry as date and "in 3 days", uses left, who made it, Revoke after
 * a confirmation), the used-up, expired and revoked ones muted behind "Show N inactive", each
 * saying what happened instead of uses left. Refreshed when the page comes back into view and after
 * each sync (`syncedAt`).
 * docs/sync-protocol.md 4 "Invites".
 */
export function InvitesSection({ team, actions, t, locale, now, syncedAt }: InvitesSectionProps) {
  const [invites, setInvites] = useState<InviteRowView[] | null>(null);
  const [showInactive, setShowInactive] = useState(false);
  const list = useAction();
  const reload = async () => {
    const r = await list.run(() => actions.loadInvites(team.teamId));
    if (r.ok) setInvites(r.value);
  };
  useEffect(() => void reload(), [team.teamId]);
  useRefreshOnFocus(reload);
  useRefreshAfterSync(reload, syncedAt);
  const at = now ?? Date.now();
  const active = invites?.filter((i) => i.status === 'active') ?? [];
  const inactive = invites?.filter((i) => i.status !== 'active') ?? [];
  const shown = showInactive ? [...active, ...inactive] : active;
  return (
    <>
      <CreateInviteForm team={team} actions={actions} t={t} locale={locale} onCreated={reload} />
      <h3>{t('optInvitesTitle')}</h3>
      {list.error && <p class="opt-error" role="alert">{list.error}</p>}
      {invites === null ? <p class="muted">{t('optLoading')}</p> : invites.length === 0 ? <p class="muted">{t('optInvitesEmpty')}</p> : (
        <>
          {active.length === 0 && <p class="muted">{t('optInvitesNoneActive')}</p>}
          {shown.length > 0 && (
            <ul class="opt-list" aria-label={fmt(t('optInvitesOf'), { team: team.name })}>
              {shown.map((inv) => (
                <InviteRow key={inv.inviteId} inv={inv} t={t} locale={locale} now={at} onRevoke={async () => {
                    const r = await actions.revokeInvite(team.teamId, inv.inviteId);
                    if (r.ok) await reload();
                    return r;
                  }}
                />
              ))}
            </ul>
          )}
          {inactive.length > 0 && (
            <button type="button" class="opt-link-btn" aria-expanded={showInactive ? 'true' : 'false'} onClick={() => setShowInactive(!showInactive)}>
              {showInactive ? t('optInvitesHideInactive') : fmt(t('optInvitesShowInactive'), { n: inactive.length }, locale)}
            </button>
          )}
        </>
      )}
    </>
  );
}

interface InviteRowProps {
  inv: InviteRowView;
  t: Translate;
  locale?: string;
  now: number;
  onRevoke: () => Promise<ActionResult>;
}

const STATE_BADGE: Record<Exclude<InviteRowView['status'], 'active'>, string> = { revoked: 'optInviteRevoked', used_up: 'optInviteUsedUp', expired: 'optInviteStateExpired' };

/** What an invite that no longer admits anyone says instead of its uses left: when it was revoked or expired, or that it is used up. */
function inactiveLine(inv: InviteRowView, t: Translate, locale: string | undefined, now: number): string {
  if (inv.status === 'revoked' && inv.revokedAt !== null) return fmt(t('optInviteRevokedOn'), { date: absoluteTime(inv.revokedAt, locale) });
  if (inv.status === 'used_up') return fmt(t('optInviteUsedUpLine'), { uses: inv.uses, max: inv.maxUses }, locale);
  return fmt(t('optInviteExpired'), { date: absoluteTime(inv.expiresAt, locale), when: relativeTime(inv.expiresAt, now, locale) });
}

/** One invite: role; while active its expiry (date and relative), uses left, creator and Revoke; else what ended it, muted. */
function InviteRow({ inv, t, locale, now, onRevoke }: InviteRowProps) {
  const date = absoluteTime(inv.expiresAt, locale);
  const role = t(roleKey(inv.role));
  const by = inv.createdByName ? fmt(t('optInviteBy'), { name: inv.createdByName }) : null;
  if (inv.status !== 'active') {
    return (
      <li class="opt-row opt-row--inactive" data-testid="invite" data-status={inv.status}>
        <span class="opt-row__main">
          <span class="opt-row__title">
            {fmt(t('optInviteJoinsAs'), { role })}
            <span class="opt-badge">{t(STATE_BADGE[inv.status])}</span>
          </span>
          <span class="small muted">{inactiveLine(inv, t, locale, now)}{by && ` · ${by}`}</span>
        </span>
      </li>
    );
  }
  const expiry = fmt(t('optInviteExpires'), { date, when: relativeTime(inv.expiresAt, now, locale) });
  return (
    <li class="opt-row" data-testid="invite" data-status={inv.status}>
      <span class="opt-row__main">
        <span class="opt-row__title">{fmt(t('optInviteJoinsAs'), { role })}</span>
        <span class="small muted">{expiry}</span>
        <span class="small muted">
          {fmt(t('optInviteUsesLeft'), { left: Math.max(0, inv.maxUses - inv.uses), max: inv.maxUses }, locale)}
          {by && ` · ${by}`}
        </span>
      </span>
      <InlineConfirm
        id={`invite-${inv.inviteId}-revoke`}
        label={t('optInviteRevoke')}
        buttonLabel={fmt(t('optInviteRevokeLabel'), { role, date })}
        question={fmt(t('optInviteRevokeConfirm'), { role })}
        onConfirm={onRevoke}
        t={t}
      />
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
              <option key={h} value={String(h)}>{fmt(t(pluralKey('optDays', h / 24, locale)), { n: h / 24 }, locale)}</option>
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

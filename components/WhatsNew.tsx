import type { Translate } from '../lib/util/i18n';
import './whats-new.css';
import { pluralKey } from '../lib/util/i18n';
import { absoluteTime, relativeTime } from '../lib/util/time';
import { WHATS_NEW_ORDER, type WhatsNewItemView, type WhatsNewKindView } from './team-views';
import { fmt } from './format';
import { fmtNodes } from './fmt-nodes';
import { Name } from './Bdi';

/** One What's new item with what the UI shows about it (all text is untrusted and rendered as text). */
export interface WhatsNewEntry {
  item: WhatsNewItemView;
  /** who did it; null = unknown or opted out of spotlights (then "A team member") */
  actorName: string | null;
  /** the actor's member page, when they have one */
  memberHref: string | null;
  teamName: string;
  /** the start of the capture's text (or its title) */
  captureText: string;
  /** the comment's start, for comment kinds and answers */
  commentText: string | null;
  /** where opening the item goes (library.html?scope=…&open=…) */
  href: string;
}

/** A team's row in the mute list. */
export interface WhatsNewTeam {
  scopeId: string;
  name: string;
  muted: boolean;
}

/** messages.json keys per kind: group heading and item sentence. */
const KIND_KEYS: Record<WhatsNewKindView, { heading: string; line: string }> = {
  mention: { heading: 'whatsNewKindMention', line: 'whatsNewItemMention' },
  reply: { heading: 'whatsNewKindReply', line: 'whatsNewItemReply' },
  comment: { heading: 'whatsNewKindComment', line: 'whatsNewItemComment' },
  answered: { heading: 'whatsNewKindAnswered', line: 'whatsNewItemAnswered' },
  capture: { heading: 'whatsNewKindCapture', line: 'whatsNewItemCapture' },
};

/** Props of {@link WhatsNewItemLine}. */
interface LineProps {
  entry: WhatsNewEntry;
  now: number;
  t: Translate;
  locale?: string;
  onOpen: (e: WhatsNewEntry) => void;
  /** `_blank` where links must open a tab (the popup) */
  target?: string;
}

/** One item: unread dot, who did what where (name links to their page), when, and the capture (a link that opens it). */
export function WhatsNewItemLine({ entry: e, now, t, locale, onOpen, target }: LineProps) {
  const rel = target ? 'noopener' : undefined;
  const who = e.actorName ? (e.memberHref ? <a href={e.memberHref} target={target} rel={rel} data-testid="whats-new-actor"><Name name={e.actorName} /></a> : <Name name={e.actorName} />) : t('creditTeamMember');
  return (
    <li class={`whats-new__item${e.item.unread ? ' is-unread' : ''}`} data-testid="whats-new-item" data-kind={e.item.kind} data-unread={e.item.unread ? 'true' : 'false'}>
      <p class="whats-new__line">
        {e.item.unread ? <span class="whats-new__dot" aria-hidden="true" /> : null}
        {e.item.unread ? <span class="sr-only">{t('whatsNewUnreadMark')} </span> : null}
        <span dir="auto">{fmtNodes(t(KIND_KEYS[e.item.kind].line), { name: who, team: <Name name={e.teamName} /> })}</span>
        {' · '}
        <time dateTime={new Date(e.item.at).toISOString()} title={absoluteTime(e.item.at, locale)}>{relativeTime(e.item.at, now, locale)}</time>
      </p>
      {e.commentText ? <p class="whats-new__comment" dir="auto">{e.commentText}</p> : null}
      <a class="whats-new__open" href={e.href} target={target} rel={rel} dir="auto" onClick={() => onOpen(e)} data-testid="whats-new-open">
        {e.captureText || t('popupNoText')}
      </a>
    </li>
  );
}

/** Props of {@link WhatsNew}. */
export interface WhatsNewProps {
  entries: readonly WhatsNewEntry[];
  teams: readonly WhatsNewTeam[];
  unread: number;
  mutedUnread: number;
  now: number;
  t: Translate;
  locale?: string;
  onOpen: (e: WhatsNewEntry) => void;
  onMarkAllRead: () => void;
  onMute: (scopeId: string, muted: boolean) => void;
}

/**
 * The library's What's new view (docs/discussion.md "What's new and credit"): news from the
 * learner's teams grouped by kind (mentions, replies, comments on what they shared, answered
 * questions, new captures), unread ones marked, "Mark all read", and a mute switch per team;
 * muted teams' news is listed apart and not counted on the toolbar icon.
 */
export function WhatsNew({ entries, teams, unread, mutedUnread, now, t, locale, onOpen, onMarkAllRead, onMute }: WhatsNewProps) {
  const live = entries.filter((e) => !e.item.muted);
  const muted = entries.filter((e) => e.item.muted);
  const line = (e: WhatsNewEntry) => <WhatsNewItemLine key={e.item.id} entry={e} now={now} t={t} locale={locale} onOpen={onOpen} />;
  return (
    <section class="whats-new" aria-labelledby="whats-new-h" data-testid="whats-new">
      <header class="whats-new__head">
        <h2 id="whats-new-h">{t('whatsNewTitle')}</h2>
        <p role="status" data-testid="whats-new-count">{fmt(t(pluralKey('whatsNewUnread', unread, locale)), { count: unread }, locale)}</p>
        <button type="button" class="btn btn--small" onClick={onMarkAllRead} disabled={unread + mutedUnread === 0} data-testid="whats-new-mark-all">
          {t('whatsNewMarkAllRead')}
        </button>
      </header>
      {teams.length > 0 ? (
        <fieldset class="whats-new__mutes">
          <legend>{t('whatsNewMuteLegend')}</legend>
          {teams.map((team) => (
            <label key={team.scopeId} class="whats-new__mute">
              <input type="checkbox" checked={team.muted} onChange={(ev) => onMute(team.scopeId, (ev.currentTarget as HTMLInputElement).checked)} data-testid="whats-new-mute" data-scope-id={team.scopeId} />
              <span dir="auto">{fmtNodes(t('whatsNewMute'), { team: <Name name={team.name} /> })}</span>
            </label>
          ))}
        </fieldset>
      ) : null}
      {live.length === 0 ? <p class="status" data-testid="whats-new-empty">{t('whatsNewEmpty')}</p> : null}
      {WHATS_NEW_ORDER.map((kind) => {
        const group = live.filter((e) => e.item.kind === kind);
        if (group.length === 0) return null;
        return (
          <section key={kind} class="whats-new__group" aria-labelledby={`whats-new-${kind}`}>
            <h3 id={`whats-new-${kind}`}>{t(KIND_KEYS[kind].heading)}</h3>
            <ul>{group.map(line)}</ul>
          </section>
        );
      })}
      {muted.length > 0 ? (
        <section class="whats-new__group whats-new__group--muted" aria-labelledby="whats-new-muted" data-testid="whats-new-muted">
          <h3 id="whats-new-muted">{t('whatsNewMutedTitle')}</h3>
          <p class="muted">{fmt(t(pluralKey('whatsNewMutedNote', mutedUnread, locale)), { count: mutedUnread }, locale)}</p>
          <ul>{muted.map(line)}</ul>
        </section>
      ) : null}
    </section>
  );
}

import type { Translate } from '../lib/util/i18n';
import { relativeTime, absoluteTime } from '../lib/util/time';
import { SiteIcon } from './SiteIcon';
import { Highlight, type Segment } from './Highlight';
import { FLAG_KEYS, sourceOf, type CaptureView } from './capture-view';
import type { CreditView } from './team-views';
import { fmt } from './format';
import { fmtNodes } from './fmt-nodes';
import { Name } from './Bdi';

import type { Density } from '../lib/db/settings';

/** Row height of the library list, px (fixed: the list is windowed by it). */
export const ROW_HEIGHT = 100;

/** Row height of the library list for a density, px (fixed per density: the list is windowed by it). */
export function rowHeightFor(density: Density): number {
  return density === 'dense' ? ROW_HEIGHT : ROW_HEIGHT;
}

/** Characters of text shown in a row (CSS clamps to two lines). */
const ROW_TEXT = 240;

/** Props of {@link CaptureRow}. */
export interface CaptureRowProps {
  capture: CaptureView;
  /** DOM id (for aria-activedescendant). */
  id: string;
  /** Position in the list, 1-based, and list size (aria-posinset/setsize: the list is windowed). */
  pos: number;
  size: number;
  selected: boolean;
  active: boolean;
  /** Inline style from the virtual list (position). */
  style: string;
  /** Highlighted start of the text; default: plain text. */
  segments?: readonly Segment[] | null;
  now: number;
  t: Translate;
  locale?: string;
  onClick: (e: MouseEvent) => void;
  onDblClick?: () => void;
  /**
   * In a team's library: who shared the capture (lib/db/members.ts `creditOf` fills it); the row then shows
   * "Shared by <name>" ("Shared by a team member" for an opted-out or not yet known sharer) and the
   * start of their note. Absent in the learner's own library.
   */
  credit?: CreditView;
  /** Row layout (default 'comfortable'); its height is {@link rowHeightFor}. */
  density?: Density;
}

/**
 * One capture in the library list: site icon, author, saved time, two lines of text with search
 * matches marked, tags and small markers (note, incomplete, reviewed, archived); in a team's
 * library, who shared it and the start of their note. A `role=option`
 * with no interactive content (the listbox handles keys). Text is rendered as text only.
 */
export function CaptureRow({ capture: c, id, pos, size, selected, active, style, segments, now, t, locale, onClick, onDblClick, credit }: CaptureRowProps) {
  const text = c.text.slice(0, ROW_TEXT).replace(/\s+/g, ' ');
  const incomplete = FLAG_KEYS.some(([f]) => c[f]);
  return (
    <div
      id={id}
      role="option"
      aria-selected={selected}
      aria-posinset={pos}
      aria-setsize={size}
      class={`row${selected ? ' is-selected' : ''}${active ? ' is-active' : ''}`}
      style={style}
      data-testid="capture-row"
      data-capture-key={c.key}
      data-capture-id={c.id}
      onClick={onClick}
      onDblClick={onDblClick}
    >
      <SiteIcon platform={c.platform} t={t} />
      <div class="row__body">
        <div class="row__head">
          <span class="row__author" dir="auto">{sourceOf(c)}</span>
          <span class="row__time" title={absoluteTime(c.capturedAt, locale)}>{relativeTime(c.capturedAt, now, locale)}</span>
        </div>
        <p class="row__text" dir="auto">
          {segments ? <Highlight segments={segments} /> : text || t('popupNoText')}
        </p>
        <div class="row__meta">
          {credit ? (
            <span class="row__credit" dir="auto" data-testid="row-credit">
              {credit.kind === 'named' ? fmtNodes(t('creditSharedBy'), { name: <Name name={credit.name} /> }) : t('creditSharedByMember')}
              {c.note ? <span class="row__why">: “{c.note.slice(0, 80).replace(/\s+/g, ' ')}”</span> : null}
            </span>
          ) : null}
          {c.intent ? <span class="chip chip--intent">{t(INTENT_KEY[c.intent] ?? c.intent)}</span> : null}
          {c.tags.slice(0, 4).map((tag) => (
            <span key={tag} class="chip" dir="auto">#{tag}</span>
          ))}
          {c.note ? <span class="marker" title={t('rowHasNote')}>✎<span class="sr-only">{t('rowHasNote')}</span></span> : null}
          {incomplete ? <span class="marker marker--warn">{t('rowIncomplete')}</span> : null}
          {c.archivedAt ? <span class="marker">{t('rowArchived')}</span> : c.reviewedAt ? <span class="marker marker--ok">{t('rowReviewed')}</span> : null}
        </div>
      </div>
    </div>
  );
}

/** messages.json key of each learning intent's label. */
export const INTENT_KEY: Record<string, string> = {
  tip: 'intentTip',
  'job-aid': 'intentJobAid',
  question: 'intentQuestion',
  share: 'intentShare',
};

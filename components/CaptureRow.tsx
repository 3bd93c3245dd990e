import { useRef } from 'preact/hooks';
import type { Translate } from '../lib/util/i18n';
import { relativeTime } from '../lib/util/time';
import { SiteIcon } from './SiteIcon';
import { Highlight, type Segment } from './Highlight';
import { originalLink, postedMs, sourceOf, type CaptureView } from './capture-view';
import type { CreditView } from './team-views';
import { fmtNodes } from './fmt-nodes';
import { Name } from './Bdi';
import { Avatar } from './cards/Avatar';
import { MediaThumb, firstMedia } from './cards/MediaThumb';
import { QuotedPreview, oneLine } from './cards/QuotedPreview';
import { CardTimes } from './cards/CardTimes';
import { SharedTo } from './cards/SharedTo';
import { IntentChip } from './cards/IntentChip';
import { RowTags } from './cards/RowTags';
import { useWidth } from './cards/use-width';
import { flagWords, originalLabel, type FlagWord } from './cards/flags';
import './cards/cards.css';

/**
 * Library list density, as lib/db/settings.ts `Density` stores it (components may not import lib/db,
 * docs/architecture.md 6.2; the two types are the same union).
 */
export type Density = 'comfortable' | 'dense';

/** Row height of the library list in the comfortable density, px (the list is windowed by it). */
export const ROW_HEIGHT = 148;
/** Row height of the library list in the dense density, px. */
export const ROW_HEIGHT_DENSE = 56;

/**
 * Row height of the library list for a density, px (fixed per density: the list is windowed by it,
 * and components/cards/cards.css clamps every part of a row so it never grows past it).
 */
export function rowHeightFor(density: Density): number {
  return density === 'dense' ? ROW_HEIGHT_DENSE : ROW_HEIGHT;
}

/**
 * Row width (content box, px) at and below which the times read short ("Posted 3d ago · Saved 5m
 * ago"): the list beside the open detail, a zoomed window. components/cards/cards.css drops the posted
 * time only far below it.
 */
export const NARROW_ROW = 560;

/** The last row width measured: a row scrolled into view starts with it (no long-then-short re-render). */
let lastRowWidth: number | null = null;

/** Characters of text shown in a row (CSS clamps it to a few lines). */
const ROW_TEXT = 240;

/**
 * The start of a capture's text as a row shows it: at most 240 characters, cut at a word with "…"
 * when the text goes on, line breaks kept (blank
 * lines and runs of spaces folded, so the clamped lines carry text). Containers highlight search
 * matches on this same string (`segments`), so what is marked is what is shown.
 */
export function rowText(c: Pick<CaptureView, 'text'>): string {
  const fold = (s: string) => s.replace(/[^\S\n]+/g, ' ').replace(/ ?\n[\s]*/g, '\n').trim();
  if (c.text.length <= ROW_TEXT) return fold(c.text);
  // Longer text ends at a word and says it goes on (a cut mid-word read "Every platform? A").
  const head = Array.from(c.text.slice(0, ROW_TEXT + 1)).slice(0, ROW_TEXT).join('');
  const atWord = head.replace(/\s+\S*$/u, '');
  return `${fold(atWord.length >= ROW_TEXT / 2 ? atWord : head)}…`;
}

/**
 * The completeness flags of a row, in words ("No link yet", "Image not loaded"; components/cards/flags.tsx),
 * the first read as "Incomplete: …", each with its sentence as tooltip. For a capture saved without its
 * post id, "Find on LinkedIn" beside them: a mouse shortcut that opens the author's recent posts in a
 * new tab. It is not a link or a button, and hidden from assistive technology: the row is one option
 * of the list with nothing focusable inside (docs/library.md), and the keyboard reaches the same link
 * in the detail (Enter). docs/cards.md "Completeness flags".
 */
function RowFlags({ c, flags, t }: { c: CaptureView; flags: readonly FlagWord[]; t: Translate }) {
  const orig = originalLink(c);
  const find = orig?.find ? orig : null;
  const open = (e: MouseEvent) => {
    e.stopPropagation(); // the row's own click would select and open it
    window.open(find!.href, '_blank', 'noopener,noreferrer');
  };
  return (
    <>
      {flags.map((f, i) => (
        <span key={f.flag} class="marker marker--warn" data-flag={f.flag} title={f.sentence}>
          {i === 0 ? <span class="sr-only">{t('rowIncomplete')}: </span> : null}
          {f.words}
        </span>
      ))}
      {find ? (
        <span class="crow__find" aria-hidden="true" data-testid="row-find-on-site" title={find.href} onClick={open} onDblClick={(e) => e.stopPropagation()}>
          {originalLabel(find, c.platform, t)} ↗
        </span>
      ) : null}
    </>
  );
}

/** Props of {@link CaptureRow}. */
export interface CaptureRowProps {
  capture: CaptureView;
  /** DOM id (for aria-activedescendant); the row's parts get ids `<id>-name`, `<id>-text`… */
  id: string;
  /** Position in the list, 1-based, and list size (aria-posinset/setsize: the list is windowed). */
  pos: number;
  size: number;
  selected: boolean;
  active: boolean;
  /** Inline style from the virtual list (position). */
  style: string;
  /** Highlighted start of the text, computed on {@link rowText}; default: plain text. */
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
  /**
   * In the learner's own library: names of the teams this capture was shared into (lib/db/shared-to.ts
   * `sharedToTeams`); the row says "Shared to <team>". Absent or empty: not shared.
   */
  sharedTo?: readonly string[];
  /** Row layout (default 'comfortable'); its height is {@link rowHeightFor}. */
  density?: Density;
}

/**
 * One capture in the library list. Comfortable: the author's avatar, name, site, when the post was
 * published and saved, up to four lines of text with its line breaks (search matches marked), the
 * quoted post in one line, the learner's note (in a team: who shared it and why), intent, what is
 * missing in words (and "Find on LinkedIn" for a capture without its link), the tags
 * that fit the line whole and "+n" for the rest, "Shared to <team>", markers, and the first image or
 * video poster. A narrow row ({@link NARROW_ROW}) reads both times short. Dense: a small avatar and one
 * line of text, no image. Every part is clamped so the row keeps {@link rowHeightFor}.
 *
 * A `role=option` with no interactive content (the listbox handles keys). Its accessible name is
 * short, "Ana Silva, 2 hours ago" (`aria-labelledby`); the text and the rest are its description.
 * Text is rendered as text only.
 */
export function CaptureRow({ capture: c, id, pos, size, selected, active, style, segments, now, t, locale, onClick, onDblClick, credit, sharedTo, density = 'comfortable' }: CaptureRowProps) {
  const dense = density === 'dense';
  const text = rowText(c);
  const source = sourceOf(c);
  const flags = flagWords(c, t);
  const media = dense ? null : firstMedia(c.media);
  const quoted = !dense && c.quoted ? c.quoted : null;
  // The team's "why" (credit) or the learner's own note; one line each.
  const noteLine = dense ? null : credit ? 'credit' : c.note ? 'note' : null;
  // Text lines left beside the quoted line and the note line (the row's height is fixed).
  const lines = dense ? 1 : 4 - (quoted ? 1 : 0) - (noteLine ? 1 : 0);
  const ref = useRef<HTMLDivElement>(null);
  const width = useWidth(ref, lastRowWidth);
  if (width !== null) lastRowWidth = width;
  const described = [`${id}-text`, quoted ? `${id}-quoted` : null, noteLine ? `${id}-note` : null, `${id}-meta`].filter(Boolean).join(' ');
  return (
    <div
      id={id}
      ref={ref}
      role="option"
      aria-selected={selected}
      aria-posinset={pos}
      aria-setsize={size}
      aria-labelledby={`${id}-name`}
      aria-describedby={described}
      class={`row crow crow--${density}${selected ? ' is-selected' : ''}${active ? ' is-active' : ''}`}
      style={style}
      data-testid="capture-row"
      data-capture-key={c.key}
      data-capture-id={c.id}
      data-density={density}
      onClick={onClick}
      onDblClick={onDblClick}
    >
      <span id={`${id}-name`} hidden>{`${source}, ${relativeTime(c.capturedAt, now, locale)}`}</span>
      <Avatar name={source} url={c.author?.avatarUrl} size={dense ? 'sm' : 'md'} />
      <div class="crow__body">
        <div class="crow__head">
          <span class="crow__author" dir="auto">{source}</span>
          <SiteIcon platform={c.platform} t={t} />
          <CardTimes class="crow__times" posted={postedMs(c)} saved={c.capturedAt} now={now} t={t} locale={locale} short={width !== null && width <= NARROW_ROW} />
        </div>
        <p id={`${id}-text`} class={`crow__text row__text crow__text--l${lines}`} dir="auto" lang={c.lang ?? undefined}>
          {segments ? <Highlight segments={segments} /> : text || t('popupNoText')}
        </p>
        {quoted ? <QuotedPreview id={`${id}-quoted`} quoted={quoted} t={t} locale={locale} compact /> : null}
        {noteLine === 'credit' && credit ? (
          <p id={`${id}-note`} class="crow__note crow__credit" dir="auto" data-testid="row-credit">
            {credit.kind === 'named' ? fmtNodes(t('creditSharedBy'), { name: <Name name={credit.name} /> }) : t('creditSharedByMember')}
            {c.note ? <span class="crow__why">: “{oneLine(c.note, 120)}”</span> : null}
          </p>
        ) : noteLine === 'note' ? (
          <p id={`${id}-note`} class="crow__note" dir="auto" data-testid="row-note">
            <span class="crow__note-mark" aria-hidden="true">✎ </span>
            <span class="sr-only">{t('rowHasNote')}: </span>
            {oneLine(c.note!, 160)}
          </p>
        ) : null}
        <div id={`${id}-meta`} class="crow__meta">
          {c.intent ? <IntentChip intent={c.intent} t={t} /> : null}
          {flags.length ? <RowFlags c={c} flags={flags} t={t} /> : null}
          {sharedTo?.length ? <SharedTo teams={sharedTo} t={t} /> : null}
          {c.tags.length ? <RowTags tags={c.tags} t={t} locale={locale} width={width} /> : null}
          {dense && c.note ? <span class="marker" title={t('rowHasNote')}>✎<span class="sr-only">{t('rowHasNote')}</span></span> : null}
          {c.archivedAt ? <span class="marker">{t('rowArchived')}</span> : c.reviewedAt ? <span class="marker marker--ok">{t('rowReviewed')}</span> : null}
        </div>
      </div>
      {media ? <MediaThumb media={media} t={t} decorative class="thumb--row" /> : null}
    </div>
  );
}


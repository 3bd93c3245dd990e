import { fmt } from './format';
import type { Capture } from '../lib/schema';
import type { Translate } from '../lib/util/i18n';
import { hostOf } from '../lib/util/url';
import { SiteIcon } from './SiteIcon';
import { originalLink, postedMs } from './capture-view';
import { IntentChip } from './cards/IntentChip';
import { Avatar } from './cards/Avatar';
import { MediaThumb, firstMedia } from './cards/MediaThumb';
import { QuotedPreview } from './cards/QuotedPreview';
import { CardTimes } from './cards/CardTimes';
import { SharedTo } from './cards/SharedTo';
import { FlagList, flagWords, originalLabel } from './cards/flags';
import './cards/cards.css';

/** Longest text start shown per item (characters); CSS clamps it further to a few lines. */
export const PREVIEW_CHARS = 500;
/** Longest note excerpt shown per item (characters); CSS clamps it to two lines. */
export const NOTE_CHARS = 200;
/** Tags shown per item (the rest: "+n"). */
const ITEM_TAGS = 4;

/** Props of {@link CaptureList}. */
export interface CaptureListProps {
  /** Captures to show, already newest first. */
  captures: readonly Capture[];
  /** Current time, epoch ms (for relative times; pass a fixed value in tests). */
  now: number;
  t: Translate;
  /** BCP 47 locale for dates; default: the runtime's. */
  locale?: string;
  /** More (older) captures exist: show a "Show more" button calling {@link CaptureListProps.onShowMore}. */
  hasMore?: boolean;
  onShowMore?: () => void;
  /**
   * Capture id → names of the teams the learner shared it into (lib/db/shared-to.ts `sharedToTeams`,
   * read once for the whole list); such items say "Shared to <team>".
   */
  sharedTo?: ReadonlyMap<string, readonly string[]>;
}

/** Who to show as the source: author name, else page title (web), else host. */
function sourceOf(c: Capture): string {
  return c.author?.name || (c.platform === 'web' ? c.title || hostOf(c.permalink) : null) || hostOf(c.permalink) || c.key;
}

/**
 * The popup's list of saved captures, newest first. Each item: the author's avatar (initials when
 * none), name and site, when the post was published and when it was saved, the text with its line
 * breaks and direction (`dir="auto"`, CSS `white-space: pre-line`, clamped), a small thumbnail of
 * the first image or video poster (lazy; a neutral box when it fails), the quoted post in one line,
 * an excerpt of the learner's note, intent, tags, "Shared to <team>", completeness flags and the
 * link to the original (only when it is http(s)). All captured text is rendered as text, never HTML.
 * Items carry `data-testid="capture-item"` and `data-capture-key="<platform>:<postId>"` for tests.
 * Empty list: a short how-to for new users. Reads nothing: everything comes from the props.
 */
export function CaptureList({ captures, now, t, locale, hasMore, onShowMore, sharedTo }: CaptureListProps) {
  if (captures.length === 0) {
    return (
      <section class="empty" data-testid="capture-empty">
        <h2>{t('popupEmptyTitle')}</h2>
        <p>{t('popupEmptyPosts')}</p>
        <p>{t('popupEmptyWeb')}</p>
      </section>
    );
  }
  return (
    <>
      <ul class="captures" aria-label={t('popupListLabel')}>
        {captures.map((c) => (
          <CaptureItem key={c.id} c={c} now={now} t={t} locale={locale} teams={sharedTo?.get(c.id)} />
        ))}
      </ul>
      {hasMore && onShowMore ? (
        <button type="button" class="more" onClick={onShowMore}>
          {t('popupShowMore')}
        </button>
      ) : null}
    </>
  );
}

/** One popup item (see {@link CaptureList}). */
function CaptureItem({ c, now, t, locale, teams }: { c: Capture; now: number; t: Translate; locale?: string; teams?: readonly string[] }) {
  const orig = originalLink(c);
  const text = c.text.slice(0, PREVIEW_CHARS);
  const source = sourceOf(c);
  const flags = flagWords(c, t);
  const media = firstMedia(c.media);
  const note = c.note ? c.note.slice(0, NOTE_CHARS) : null;
  const more = c.tags.length - ITEM_TAGS;
  return (
    <li class="capture citem" data-testid="capture-item" data-capture-key={c.key}>
      <article class="citem__card" aria-label={source}>
        <header class="citem__head">
          <Avatar name={source} url={c.author?.avatarUrl} />
          <span class="citem__who">
            <span class="citem__author" dir="auto">{source}</span>
            <CardTimes class="citem__times" posted={postedMs(c)} saved={c.capturedAt} now={now} t={t} locale={locale} />
          </span>
          <SiteIcon platform={c.platform} t={t} />
        </header>
        {c.platform === 'web' && c.title && c.title !== source ? (
          <p class="citem__title" dir="auto">{c.title}</p>
        ) : null}
        <div class="citem__body">
          <p class="citem__text" dir="auto" lang={c.lang ?? undefined}>
            {text || t('popupNoText')}
          </p>
          {media ? <MediaThumb media={media} t={t} decorative class="thumb--popup" /> : null}
        </div>
        {c.quoted ? <QuotedPreview quoted={c.quoted} t={t} locale={locale} compact /> : null}
        {note ? (
          <p class="citem__note" dir="auto" data-testid="item-note">
            <span class="sr-only">{t('detailNote')}: </span>
            {note}
          </p>
        ) : null}
        {c.intent || c.tags.length || teams?.length ? (
          <p class="citem__meta">
            {c.intent ? <IntentChip intent={c.intent} t={t} testId="item-intent" /> : null}
            {teams?.length ? <SharedTo teams={teams} t={t} /> : null}
            {c.tags.slice(0, ITEM_TAGS).map((tag) => <span key={tag} class="chip" dir="auto">#{tag}</span>)}
            {more > 0 ? <span class="chip">{fmt(t('cardMoreTags'), { n: more }, locale)}</span> : null}
          </p>
        ) : null}
        <FlagList flags={flags} t={t} class="citem__flags" />
        {orig ? (
          <a class="citem__link" href={orig.href} target="_blank" rel="noopener noreferrer" data-testid={orig.find ? 'find-on-site' : 'open-original'}>
            {originalLabel(orig, c.platform, t)}
            <span class="sr-only"> ({source})</span>
          </a>
        ) : null}
      </article>
    </li>
  );
}

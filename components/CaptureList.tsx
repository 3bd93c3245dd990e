import { fmt } from './format';
import type { Capture } from '../lib/schema';
import type { Translate } from '../lib/util/i18n';
import { hostOf } from '../lib/util/url';
import { relativeTime, absoluteTime } from '../lib/util/time';
import { SiteIcon, SITE_NAME_KEY } from './SiteIcon';
import { FLAG_KEYS, originalLink } from './capture-view';

/** Longest text start shown per item (characters); CSS clamps it further to a few lines. */
export const PREVIEW_CHARS = 500;


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
}

/** Who to show as the source: author name, else page title (web), else host. */
function sourceOf(c: Capture): string {
  return c.author?.name || (c.platform === 'web' ? c.title || hostOf(c.permalink) : null) || hostOf(c.permalink) || c.key;
}

/**
 * The popup's list of saved captures, newest first. All captured text is rendered as text (never
 * HTML); the only link is the original's permalink, and only when it is http(s). Text keeps its
 * line breaks and direction (`dir="auto"`, CSS `white-space: pre-line`). Items carry
 * `data-testid="capture-item"` and `data-capture-key="<platform>:<postId>"` for tests.
 * Empty list: a short how-to for new users.
 */
export function CaptureList({ captures, now, t, locale, hasMore, onShowMore }: CaptureListProps) {
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
        {captures.map((c) => {
          const orig = originalLink(c);
          const text = c.text.slice(0, PREVIEW_CHARS);
          const iso = new Date(c.capturedAt).toISOString();
          const source = sourceOf(c);
          const flags = FLAG_KEYS.filter(([f]) => c[f]);
          return (
            <li key={c.id} class="capture" data-testid="capture-item" data-capture-key={c.key}>
              <article aria-label={source}>
                <header class="capture__head">
                  <SiteIcon platform={c.platform} t={t} />
                  <span class="capture__who">
                    <span class="capture__author" dir="auto">{source}</span>
                    <time class="capture__time" dateTime={iso} title={absoluteTime(c.capturedAt, locale)}>
                      {relativeTime(c.capturedAt, now, locale)}
                      <span class="capture__abs"> · {absoluteTime(c.capturedAt, locale)}</span>
                    </time>
                  </span>
                </header>
                {c.platform === 'web' && c.title && c.title !== source ? (
                  <p class="capture__title" dir="auto">{c.title}</p>
                ) : null}
                <p class="capture__text" dir="auto" lang={c.lang ?? undefined}>
                  {text || t('popupNoText')}
                </p>
                {flags.length > 0 ? (
                  <ul class="capture__flags">
                    {flags.map(([f, key]) => (
                      <li key={f} class={`flag flag--${f}`} data-flag={f}>{t(key)}</li>
                    ))}
                  </ul>
                ) : null}
                {orig ? (
                  <a class="capture__link" href={orig.href} target="_blank" rel="noopener noreferrer" data-testid={orig.find ? 'find-on-site' : 'open-original'}>
                    {orig.find ? fmt(t('popupFindOnSite'), { site: t(SITE_NAME_KEY[c.platform]) }) : t('popupOpenOriginal')}
                    <span class="sr-only"> ({source})</span>
                  </a>
                ) : null}
              </article>
            </li>
          );
        })}
      </ul>
      {hasMore && onShowMore ? (
        <button type="button" class="more" onClick={onShowMore}>
          {t('popupShowMore')}
        </button>
      ) : null}
    </>
  );
}

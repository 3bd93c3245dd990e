/**
 * The parts of a capture's detail pane (components/CaptureDetail.tsx) that draw the post itself:
 * safe links, times, the quoted post, and the body under the text (media, poll, quoted post, thread,
 * link cards). Captured text is rendered as text only; links open only http(s) targets.
 */
import type { QuotedDraft } from '../../lib/schema';
import type { Translate } from '../../lib/util/i18n';
import { safeHttpUrl, hostOf } from '../../lib/util/url';
import { absoluteTime, friendlyTime } from '../../lib/util/time';
import { MediaThumb, firstMedia } from '../cards/MediaThumb';
import type { CaptureView } from '../capture-view';

/** A link that only exists for http(s) URLs; anything else is shown as inert text. */
export function SafeLink({ url, children, class: cls }: { url: string | null | undefined; children: preact.ComponentChildren; class?: string }) {
  const href = safeHttpUrl(url);
  if (!href) return <span class={cls} data-inert-url="">{children}</span>;
  return (
    <a class={cls} href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}

/**
 * A point in time as people read it everywhere else (lib/util/time friendlyTime: relative when
 * recent, like the library rows), the date and time in the title and `datetime`.
 */
export function When({ ms, now, locale }: { ms: number; now: number; locale?: string }) {
  return <time dateTime={new Date(ms).toISOString()} title={absoluteTime(ms, locale)}>{friendlyTime(ms, now, locale)}</time>;
}

/** The quoted (or reshared) post: author, time, text, first picture and a link to it; or that it is unavailable. */
function Quoted({ q, t, locale, now }: { q: QuotedDraft; t: Translate; locale?: string; now: number }) {
  const posted = q.postedAt ? Date.parse(q.postedAt) : NaN;
  const quotedMedia = firstMedia(q.media);
  return (
    <blockquote class="quoted" data-testid="detail-quoted">
      {q.unavailable ? (
        <p class="muted">{t('detailQuoteUnavailable')}</p>
      ) : (
        <>
          <p class="quoted__author" dir="auto">
            {q.author?.name ?? t('detailUnknownAuthor')}
            {Number.isNaN(posted) ? null : <span class="muted"> · <When ms={posted} now={now} locale={locale} /></span>}
          </p>
          <p class="post-text" dir="auto" lang={q.lang ?? undefined}>{q.text}</p>
          {quotedMedia ? <MediaThumb media={quotedMedia} t={t} class="thumb--quoted" /> : null}
          {q.permalink && safeHttpUrl(q.permalink) ? <SafeLink url={q.permalink} class="link">{t('detailOpenQuoted')}</SafeLink> : null}
        </>
      )}
    </blockquote>
  );
}

/** What a post holds under its text: media, poll, the quoted post, the rest of a thread, link cards. */
export function PostBody({ c, t, locale, now }: { c: CaptureView; t: Translate; locale?: string; now: number }) {
  return (
    <>
      {c.media.length > 0 ? (
        <div class="detail__media" data-testid="detail-media">
          {c.media.map((m, i) => <MediaThumb key={i} media={m} t={t} class="thumb--card" />)}
        </div>
      ) : null}

      {c.poll ? (
        <ul class="poll" aria-label={t('detailPoll')}>
          {c.poll.options.map((o, i) => <li key={i} dir="auto">{o.label}{o.votes !== null ? ` — ${o.votes}` : ''}</li>)}
        </ul>
      ) : null}

      {c.quoted ? <Quoted q={c.quoted} t={t} locale={locale} now={now} /> : null}

      {c.thread.length > 1 ? (
        <section class="thread" aria-label={t('detailThread')}>
          <h3>{t('detailThread')}</h3>
          <ol>
            {c.thread.slice(1).map((part) => <li key={part.postId} class="post-text" dir="auto">{part.text}</li>)}
          </ol>
        </section>
      ) : null}

      {c.links.length > 0 ? (
        <ul class="link-cards" aria-label={t('detailLinks')}>
          {c.links.map((l, i) => (
            <li key={i} class="link-card">
              <SafeLink url={l.url} class="link-card__a">
                <span class="link-card__title" dir="auto">{l.title || l.url}</span>
                <span class="link-card__host">{hostOf(l.url) ?? l.url}</span>
              </SafeLink>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

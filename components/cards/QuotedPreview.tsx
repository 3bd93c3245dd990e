import type { QuotedDraft } from '../../lib/schema';
import type { Translate } from '../../lib/util/i18n';
import { absoluteTime, friendlyTime } from '../../lib/util/time';
import { safeHttpUrl } from '../../lib/util/url';
import { Name } from '../Bdi';
import { MediaThumb, firstMedia } from './MediaThumb';

/** Props of {@link QuotedPreview}. */
export interface QuotedPreviewProps {
  /** The stored quoted (or reshared) post. */
  quoted: QuotedDraft;
  t: Translate;
  locale?: string;
  /**
   * `compact` (library rows, popup items): one line, "Quoting Ana: start of the text". Otherwise
   * (Review card): author, posted date, the text with its line breaks, its first image and a link.
   */
  compact?: boolean;
  /** DOM id (rows point `aria-describedby` at it). */
  id?: string;
}

/** Text of a compact preview: whitespace runs (line breaks too) as single spaces, at most `max` characters. */
export function oneLine(s: string, max = 160): string {
  const flat = s.slice(0, max * 2).replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/**
 * The post this capture quotes or reshares: a compact one-line preview in lists, or a fuller card in
 * Review. "The quoted post is no longer available." when the site said it is gone. Text only.
 */
export function QuotedPreview({ quoted: q, t, locale, compact = false, id }: QuotedPreviewProps) {
  if (q.unavailable) {
    return <p id={id} class={`quoted-preview${compact ? ' quoted-preview--compact' : ''} muted`} data-testid="quoted-preview">{t('detailQuoteUnavailable')}</p>;
  }
  const who = q.author?.name || t('detailUnknownAuthor');
  if (compact) {
    return (
      <p id={id} class="quoted-preview quoted-preview--compact" dir="auto" data-testid="quoted-preview">
        <span class="quoted-preview__who">{t('cardQuoting')} <Name name={who} />:</span> {oneLine(q.text) || t('popupNoText')}
      </p>
    );
  }
  const posted = q.postedAt ? Date.parse(q.postedAt) : NaN;
  const media = firstMedia(q.media);
  const href = safeHttpUrl(q.permalink);
  return (
    <blockquote id={id} class="quoted-preview" data-testid="quoted-preview">
      <p class="quoted-preview__head" dir="auto">
        <span class="quoted-preview__who">{t('cardQuoting')} <Name name={who} /></span>
        {Number.isNaN(posted) ? null : <> · <time dateTime={q.postedAt!} title={absoluteTime(posted, locale)}>{friendlyTime(posted, Date.now(), locale)}</time></>}
      </p>
      <p class="quoted-preview__text" dir="auto" lang={q.lang ?? undefined}>{q.text || t('popupNoText')}</p>
      {media ? <MediaThumb media={media} t={t} class="thumb--quoted" /> : null}
      {href ? <a class="link small" href={href} target="_blank" rel="noopener noreferrer">{t('detailOpenQuoted')}</a> : null}
    </blockquote>
  );
}

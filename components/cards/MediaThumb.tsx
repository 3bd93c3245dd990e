import { useState } from 'preact/hooks';
import type { Media } from '../../lib/schema';
import type { Translate } from '../../lib/util/i18n';
import { safeHttpUrl } from '../../lib/util/url';

/** Props of {@link MediaThumb}. */
export interface MediaThumbProps {
  /** One stored image, video poster or GIF. */
  media: Media;
  t: Translate;
  /**
   * `decorative` (rows, popup items: the text beside it says what the post is): hidden from assistive
   * technology. Otherwise (Review) the image is named by its alt text, or "Image from the post".
   */
  decorative?: boolean;
  /** Extra class for sizing (`thumb--row`, `thumb--popup`, `thumb--card`). */
  class?: string;
}

/** The first media item of `media` whose URL is http(s), or null (nothing safe to show). */
export function firstMedia(media: readonly Media[]): Media | null {
  return media.find((m) => safeHttpUrl(m.url) !== null) ?? null;
}

/**
 * An image, video poster (with a ▶ badge) or GIF from the stored URL: lazy, sent without a referrer.
 * When it fails to load (or the URL is not http(s)), a neutral box takes its place (the error handler
 * swaps it), so a dead link never shows a broken-image icon; outside lists the box says in words
 * which image could not be loaded.
 */
export function MediaThumb({ media: m, t, decorative = false, class: cls = '' }: MediaThumbProps) {
  const safe = safeHttpUrl(m.url);
  const [failed, setFailed] = useState<string | null>(null);
  const ok = safe !== null && failed !== safe;
  const label = m.alt || t(m.kind === 'video' ? 'detailVideo' : m.kind === 'gif' ? 'detailGif' : 'detailImage');
  return (
    <span class={`thumb ${cls}${ok ? '' : ' thumb--box'}`} data-kind={m.kind} data-testid={ok ? 'media-thumb' : 'media-box'} aria-hidden={decorative ? 'true' : undefined}>
      {ok ? (
        <img
          src={safe}
          alt={decorative ? '' : label}
          loading="lazy"
          decoding="async"
          referrerpolicy="no-referrer"
          onError={() => setFailed(safe)}
        />
      ) : decorative ? null : (
        <span class="thumb__missing" dir="auto" data-testid="media-failed">{`${label} (${t('cardMediaFailed')})`}</span>
      )}
      {m.kind === 'video' ? <span class="thumb__play" aria-hidden="true">▶</span> : null}
      {m.kind === 'gif' ? <span class="thumb__badge" aria-hidden="true">GIF</span> : null}
    </span>
  );
}

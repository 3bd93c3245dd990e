/**
 * Attached media of an X post: the photo and video slots in display order (by `/photo/N`), full-size
 * URLs, and whether any slot has not loaded yet (`mediaMissing`). docs/sites/x.md "Photos and other media".
 */
import type { Media } from '../../schema';
import { all, byDocumentOrder, clean, isHttpUrl, type Scope } from './dom';
import * as S from './selectors';

/** Alt texts X puts on media without a user-written description (English UI). */
const GENERIC_ALTS = new Set(['', 'image', 'embedded video', 'gif', 'video']);

/**
 * Canonical full-size URL of pbs.twimg.com media: `/media/<id>?format=webp&name=tiny` (lazy
 * placeholder size in every 2023/2024 fixture) → `?format=jpg&name=orig` (png kept as png);
 * legacy `/media/<id>.jpg` → `/media/<id>?format=jpg&name=orig`. Video/GIF thumbnails with a query get
 * the same normalisation; extension-style thumbnail URLs (2025 posters) are already full size.
 */
export function originalMediaUrl(src: string): string {
  let u: URL;
  try { u = new URL(src); } catch { return src; }
  if (u.hostname !== 'pbs.twimg.com') return src;
  const isMedia = u.pathname.startsWith('/media/');
  const isThumb = /^\/(tweet_video_thumb|amplify_video_thumb|ext_tw_video_thumb)\//.test(u.pathname);
  if (!isMedia && !isThumb) return src;
  let format = u.searchParams.get('format');
  const ext = /\.(jpe?g|png|webp|gif)$/i.exec(u.pathname);
  if (isMedia && ext) {
    u.pathname = u.pathname.slice(0, -ext[0].length);
    format ??= ext[1]!.toLowerCase();
  } else if (!u.search) {
    return src;
  }
  u.search = `?format=${format === 'png' ? 'png' : 'jpg'}&name=orig`;
  return u.href;
}

/** The kind of a medium from its URL path (GIF and video thumbnails), else `fallback`. */
function mediaKind(url: string, fallback: Media['kind']): Media['kind'] {
  if (/\/tweet_video_thumb\//.test(url)) return 'gif';
  if (/\/(amplify_video_thumb|ext_tw_video_thumb)\//.test(url)) return 'video';
  if (/\/media\//.test(url)) return fallback === 'video' ? 'video' : 'image';
  return fallback;
}

/** A user-written alt text, or null for X's generic ones ("Image", "Embedded video", "GIF"). */
function altOf(label: string | null | undefined): string | null {
  const t = clean(label ?? '');
  return GENERIC_ALTS.has(t.toLowerCase()) ? null : t;
}

/** One place a medium is shown: its element and, when a `/photo/<n>`/`/video/<n>` link holds it, `n`. */
interface MediaSlot {
  el: Element;
  index: number | null;
}

const MEDIA_LINK = S.anyOf(S.mediaStatusLink);
const MEDIA_BOX = `${S.photo}, ${S.videoPlayer}`;
const ARTICLE_BODY = S.anyOf(S.articleBody);

/**
 * The media slots of the scope in display order. A slot is a `/status/<id>/photo/<n>` (or `/video/<n>`)
 * link, or a `tweetPhoto`/`videoPlayer` outside such a link; card images and links in the text are
 * not media. Slots are sorted by `n`, because a 2×2 grid is rendered column by column (DOM order 1,
 * 3, 2, 4: reported in hogashi/twitterOpenOriginalImage#431,
 * x-2026-11_timeline_photo-grid-2x2_dom-order-1-3-2-4_gap__synthetic); a slot without `n` follows
 * the slot before it in the DOM. `gap` is true when an `n` below the highest one has no slot (a
 * photo not rendered yet); a repeated `n` is kept once.
 */
function mediaSlots(scope: Scope): { slots: MediaSlot[]; gap: boolean } {
  const found: Array<MediaSlot & { key: number }> = [];
  const seen = new Set<number>();
  let key = 0;
  // Two queries, not one selector list: jsdom's engine is ten times slower on the mixed list.
  for (const el of [...all(scope, MEDIA_LINK), ...all(scope, MEDIA_BOX)].sort(byDocumentOrder)) {
    if (el.closest(S.cardWrapper) || el.closest(S.postText) || found.some((t) => t.el.contains(el))) continue;
    const isLink = el.tagName === 'A';
    const m = isLink ? S.mediaIndex.exec(el.getAttribute('href') ?? '') : null;
    if (isLink && (!m || el.closest(ARTICLE_BODY))) continue; // a link written in the text, not a slot
    const index = m ? Number(m[1]) : null;
    if (index !== null && seen.has(index)) continue;
    if (index !== null) seen.add(index);
    key = index ?? key;
    found.push({ el, index, key });
  }
  found.sort((a, b) => a.key - b.key); // stable: slots without an index keep their DOM place
  const max = Math.max(0, ...seen);
  return { slots: found, gap: seen.size < max };
}

/**
 * Attached media in the scope, in display order ({@link mediaSlots}). Each slot gives one item:
 * a `<video>` gives its `poster` (its `src` is `blob:…`, x-2025-10_timeline_quote_quoted-has-video__tweetyoink),
 * an `<img>` its src; the kind comes from the URL path (`tweet_video_thumb` = GIF, x-2023-12_…quoted-reply-with-gif…;
 * `amplify_video_thumb`/`ext_tw_video_thumb` = video, x-2023-12_timeline_reposted-by-you_socialContext_video).
 * `missing` when a slot has no usable http(s) URL yet — a lazy placeholder without `<img>`, with or
 * without its `tweetPhoto` (x-2026-11_timeline_photo-placeholder-without-img__synthetic) — or when a
 * slot number is missing. A later read that sees the image clears it (mergeDraftContent, "fuller wins").
 */
export function readMedia(scope: Scope): { media: Media[]; missing: boolean } {
  const media: Media[] = [];
  const { slots, gap } = mediaSlots(scope);
  let missing = gap;
  for (const { el } of slots) {
    const video = el.querySelector('video');
    if (video) {
      const poster = video.getAttribute('poster');
      if (isHttpUrl(poster)) {
        media.push({ kind: mediaKind(poster, 'video'), url: originalMediaUrl(poster), alt: altOf(video.getAttribute('aria-label')) });
      } else missing = true;
      continue;
    }
    const img = el.querySelector('img[src]');
    const src = img?.getAttribute('src');
    if (isHttpUrl(src)) media.push({ kind: mediaKind(src, 'image'), url: originalMediaUrl(src), alt: altOf(img!.getAttribute('alt')) });
    else missing = true;
  }
  return { media, missing };
}

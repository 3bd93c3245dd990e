/**
 * Images and video posters of a LinkedIn post (docs/sites/linkedin.md "Media").
 */
import type { Media } from '../../schema';
import * as S from './selectors';
import { type Ex, absUrl, ownAll } from './dom';
import { profileRef } from './urls';

function sizeHint(url: string): number {
  const m = /(?:shrink|scale)_(\d+)/.exec(url) ?? /_(\d{3,4})_\d{3,4}\b/.exec(url);
  return m ? Number(m[1]) : 0;
}

/**
 * The largest usable URL of an image: `srcset` candidates (by `w` descriptor), `data-delayed-url`
 * (Ember lazy images), `data-src` and `src`, ranked by the size in the descriptor or in LinkedIn's
 * `…shrink_800…`/`…scale_1280…` path. `data:`/`blob:` placeholders are not usable: null.
 */
export function bestImageUrl(img: Element, base: string): string | null {
  const cands: { url: string; size: number }[] = [];
  const srcset = img.getAttribute('srcset') ?? '';
  for (const part of srcset.split(',')) {
    const [u, d] = part.trim().split(/\s+/);
    const url = absUrl(u, base);
    if (url) cands.push({ url, size: d && /^\d+w$/.test(d) ? Number(d.slice(0, -1)) : sizeHint(url) });
  }
  for (const attr of ['data-delayed-url', 'data-src', 'src']) {
    const url = absUrl(img.getAttribute(attr), base);
    if (url) cands.push({ url, size: sizeHint(url) || Number(img.getAttribute('width') ?? 0) || 0 });
  }
  if (cands.length === 0) return null;
  return cands.reduce((best, c) => (c.size > best.size ? c : best)).url;
}

function backgroundUrl(el: Element | null, base: string): string | null {
  const m = /url\((["']?)(.*?)\1\)/.exec(el?.getAttribute('style') ?? '');
  return m ? absUrl(m[2], base) : null;
}

/** What a media reader found: the media, and whether some media element was only a placeholder. */
export interface MediaRead {
  media: Media[];
  mediaMissing: boolean;
}

/** Adds the images of `box` (each URL once); a box without a usable image marks media missing. */
function addImages(out: MediaRead, box: Element, base: string): void {
  const imgs = box.matches('img') ? [box] : Array.from(box.querySelectorAll('img'));
  if (imgs.length === 0) out.mediaMissing = true;
  for (const img of imgs) {
    const url = bestImageUrl(img, base);
    if (!url) { out.mediaMissing = true; continue; }
    if (!out.media.some((m) => m.url === url)) out.media.push({ kind: 'image', url, alt: img.getAttribute('alt')?.trim() || null });
  }
}

/**
 * Gen C post images: `<figure>`s of the body that are not an avatar or logo (inside a profile
 * link), not a link preview's thumbnail (inside a wrapped link) and come after the author block
 * (`isBody`). SDUI feed fixture: post images, the promoted lead-gen image and document pages;
 * the header's facepile and the author's avatar are left out.
 */
function figuresC(root: Element, exclude: Ex, base: string, isBody: (el: Element) => boolean, out: MediaRead): void {
  for (const fig of ownAll(root, S.figureC, exclude)) {
    if (!isBody(fig) || fig.parentElement?.closest('figure')) continue;
    const link = fig.closest('a[href]');
    if (link && root.contains(link) && (profileRef(absUrl(link.getAttribute('href'), base)) || link.matches(S.wrappedLink))) continue;
    addImages(out, fig, base);
  }
  // A document page still loading (SDUI feed fixture: page 2 of 2) is media the page does not show yet.
  if (ownAll(root, S.pageLoaderC, exclude).some(isBody)) out.mediaMissing = true;
}

/**
 * Images and video posters of a post, in that order (never a `blob:` video src, 2026-07 fixture),
 * with `mediaMissing` when a media element is a placeholder (image without a usable URL, video
 * without a poster, document page not loaded). Gen A/B image blocks by class; Gen C by place
 * (`isBody`, see figuresC); video.js players of every generation.
 */
export function readMedia(root: Element, exclude: Ex, base: string, isBody?: (el: Element) => boolean): MediaRead {
  const out: MediaRead = { media: [], mediaMissing: false };
  for (const box of ownAll(root, S.any(S.imageContainer), exclude)) {
    if (!box.parentElement?.closest(S.any(S.imageContainer))) addImages(out, box, base);
  }
  if (isBody) figuresC(root, exclude, base, isBody, out);
  for (const box of ownAll(root, S.any(S.videoContainer), exclude)) {
    if (box.parentElement?.closest(S.any(S.videoContainer))) continue;
    const video = box.querySelector('video');
    const posterImg = box.querySelector(S.videoPosterImg);
    const poster =
      absUrl(video?.getAttribute('poster'), base) ??
      backgroundUrl(box.querySelector(S.videoPosterLayer), base) ??
      (posterImg ? bestImageUrl(posterImg, base) : null);
    if (!poster) { out.mediaMissing = true; continue; }
    if (!out.media.some((m) => m.url === poster)) out.media.push({ kind: 'video', url: poster, alt: null });
  }
  return out;
}

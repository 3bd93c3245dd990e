/**
 * The author of a LinkedIn post, per markup family (docs/sites/linkedin.md "Author").
 */
import type { Author } from '../../schema';
import { textOf } from '../../dom/text';
import type { ExtractContext } from '../types';
import * as S from './selectors';
import { type Ex, absUrl, oneLine, ownAll, ownFirst, withEx } from './dom';
import { authorFromLabel } from './labels';
import { bestImageUrl } from './media';
import { cleanProfileUrl, handleOf } from './urls';

/** The author name in the post's "…" menu or hide button label, any language (labels.ts), or null. */
export function labelledAuthorName(root: Element, exclude: Ex): string | null {
  for (const b of ownAll(root, S.any(S.authorLabelButton), exclude)) {
    const name = authorFromLabel(b.getAttribute('aria-label'));
    if (name) return name;
  }
  return null;
}

function imgUrl(img: Element | null | undefined, base: string): string | null {
  return img ? bestImageUrl(img, base) : null;
}

/**
 * Gen A/B author: name and URL from the same actor meta link (`a.update-components-actor__meta-link`),
 * so a suggested-profile link, a header actor or an @mention elsewhere in the card can never be
 * mixed in (repost synthetic fixture). Name from the visible `aria-hidden` copy, else the menu
 * label ("Open control menu for post by <name>", all 3 logged-in fixtures).
 */
export function authorAB(root: Element, exclude: Ex, base: string): Author | null {
  const ex = withEx(exclude, S.any(S.headerBlock));
  const meta = ownFirst(root, S.actorMetaLink, ex);
  const nameEl = meta ? ownFirst(meta, S.actorName, '') : null;
  const name = (nameEl ? oneLine(textOf(nameEl)) : '') || labelledAuthorName(root, exclude);
  if (!name) return null;
  const href = absUrl(meta?.getAttribute('href'), base);
  const container = meta?.closest(S.any(S.actorContainer)) ?? root;
  const avatar = ownFirst(container, S.actorAvatarImg, ex);
  return { name, handle: handleOf(href), profileUrl: cleanProfileUrl(href), avatarUrl: imgUrl(avatar, base) };
}

/** A Gen C author as found: the profile, its name, and its links (avatar link, name link). */
export interface AuthorLinksC {
  url: string;
  name: string;
  links: Element[];
}

/**
 * Gen C author links: the links to one `/in/…` or `/company/…` profile of which one holds `<p>`s
 * (name first, then degree/headline; SDUI feed fixture) and usually another the avatar `<figure>`.
 * Header links ("X likes this", the "follow this Page" facepile) hold no `<p>`, so they never match.
 * When the menu label names the author, the group with that name wins; else the first group with an
 * avatar, else the first group.
 */
export function authorLinksC(root: Element, exclude: Ex, base: string): AuthorLinksC | null {
  const groups = new Map<string, Element[]>();
  for (const a of ownAll(root, 'a[href]', exclude)) {
    const url = cleanProfileUrl(absUrl(a.getAttribute('href'), base));
    if (url) groups.set(url, [...(groups.get(url) ?? []), a]);
  }
  const labelled = labelledAuthorName(root, exclude);
  let pick: AuthorLinksC | null = null;
  for (const [url, links] of groups) {
    const p = links.map((l) => l.querySelector('p')).find(Boolean);
    const name = p ? oneLine(textOf(p)) : '';
    if (!name) continue;
    const cand = { url, name, links };
    if (labelled ? name === labelled : links.some((l) => l.querySelector('figure, img'))) return cand;
    pick ??= cand;
  }
  return pick;
}

/**
 * Gen C author (SDUI feed fixture): name, URL and avatar from {@link authorLinksC}; the menu label's
 * name alone when no profile link holds it (an `expanded` render without links).
 */
export function authorC(root: Element, exclude: Ex, base: string, found = authorLinksC(root, exclude, base)): Author | null {
  if (!found) {
    const name = labelledAuthorName(root, exclude);
    return name ? { name, handle: null, profileUrl: null, avatarUrl: null } : null;
  }
  const avatar = found.links.map((l) => l.querySelector('img')).find(Boolean);
  return { name: found.name, handle: handleOf(found.url), profileUrl: found.url, avatarUrl: imgUrl(avatar, base) };
}

/** Guest page author: reported actor link, else the `<title>` suffix "… | <name>" (guest fixture). */
export function authorGuest(root: Element, ctx: ExtractContext): Author | null {
  const a = ownFirst(root, S.guestActorName, '') ?? ctx.document.querySelector(S.any(S.guestActorName));
  if (a) {
    const href = absUrl(a.getAttribute('href'), ctx.url);
    const name = oneLine(textOf(a));
    const img = ctx.document.querySelector(S.any(S.guestActorImage));
    if (name) return { name, handle: handleOf(href), profileUrl: cleanProfileUrl(href), avatarUrl: imgUrl(img, ctx.url) };
  }
  const title = ctx.document.title || ctx.document.querySelector('meta[property="og:title"]')?.getAttribute('content') || '';
  const i = title.lastIndexOf(' | ');
  const name = i >= 0 ? title.slice(i + 3).trim() : '';
  return name && name !== 'LinkedIn' ? { name, handle: null, profileUrl: null, avatarUrl: null } : null;
}

/**
 * The header line above a LinkedIn post's author ("X reposted this", "X likes this", "Suggested")
 * and who reposted the post (docs/sites/linkedin.md "Header and reposts").
 */
import type { CaptureDraft } from '../../schema';
import { textOf } from '../../dom/text';
import * as S from './selectors';
import { type Ex, absUrl, oneLine, ownAll, ownFirst } from './dom';
import { LABEL_PACKS, saysReposted } from './labels';
import { cleanProfileUrl, profileRef } from './urls';

/** Any English header context line ("X reposted/commented on/likes/… this"), for the text-based fallback. */
const HEADER_RE = /\b(reposted|commented on|replied to|likes|loves|celebrates|supports|finds|is curious about)\b.*\bthis[.!]?\s*$/i;

/**
 * Gen C header found by its words, for cards whose author block cannot be placed (see
 * `layout-c.ts`): a short line matching HEADER_RE outside links and the post text, widened to its
 * container without the post body (synthetic `…sdui-hashed-classes…` fixture).
 */
export function headerByTextC(root: Element, exclude: Ex): Element | null {
  const byName = ownFirst(root, S.headerBlock, exclude);
  if (byName) return byName;
  const body = S.any([...S.postMarkerC, 'figure']);
  for (const el of ownAll(root, 'p, span', exclude)) {
    if (el.querySelector(body) || el.closest(S.any(S.postMarkerC)) || el.closest('a')) continue;
    const t = textOf(el);
    if (t.length > 120 || !(HEADER_RE.test(t) || saysReposted(t))) continue;
    let box: Element = el;
    while (box.parentElement && box.parentElement !== root && !box.parentElement.querySelector(body)) box = box.parentElement;
    return box;
  }
  return null;
}

/**
 * `repostedBy` from a header that says "reposted" (any language of labels.ts): the header's profile
 * name link (not its avatar link), else the words before "reposted". Null for every other header context
 * ("commented on this", "likes this", "Suggested": 2024-09 fixture, SDUI feed fixture).
 */
export function repostedByOf(header: Element | null, base: string): CaptureDraft['repostedBy'] {
  if (!header) return null;
  const text = oneLine(textOf(header));
  if (!saysReposted(text)) return null;
  // The name link, not the avatar link (whose only "text" is its image's alt, "View X’s profile").
  const link = Array.from(header.querySelectorAll('a[href]')).find(
    (a) => profileRef(absUrl(a.getAttribute('href'), base)) && !a.querySelector('img, figure') && textOf(a).trim(),
  );
  let name = link ? oneLine(textOf(link)) : text;
  if (!link) for (const p of LABEL_PACKS) name = name.replace(p.reposted, '');
  name = name.replace(/\s+this\s*$/i, '').trim();
  if (!name) return null;
  const any = link ?? header.querySelector('a[href]');
  return { name, profileUrl: cleanProfileUrl(absUrl(any?.getAttribute('href'), base)) };
}

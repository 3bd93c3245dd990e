/**
 * The post id of a LinkedIn post root, from the page alone (docs/sites/linkedin.md "Post id").
 * Re-read on every call: LinkedIn's feeds recycle elements, so identity is the id, never the element.
 */
import type { ExtractContext } from '../types';
import * as S from './selectors';
import { type Ex, isExcluded, ownAll, withEx } from './dom';
import { cardTokenOf, resharedPartC } from './layout-c';
import { findPostRoots, genOf } from './roots';
import {
  COMMENT_TOOLS,
  type PostUrn,
  allPostUrns,
  exactPostUrn,
  normaliseComponentKey,
  parsePostUrn,
  preferActivity,
  urnFromCommentToolsKey,
  urnFromPostUrl,
  urnFromTrackingScope,
} from './ids';
import { hashtagOf } from './urls';

const RESHARED = S.any([...S.resharedAB, ...S.resharedC]);
const RESHARED_OR_COMMENTS = `${RESHARED}, ${S.any(S.comments)}`;
const URN_ATTRS = S.urnAttrs.map((a) => `[${a}]`).join(', ');

/** Post URNs in the post's own links (hashtag links name another post: skipped). */
export function urnsFromLinks(root: Element, exclude: Ex): PostUrn[] {
  return ownAll(root, S.postLinks, exclude)
    .filter((a) => !hashtagOf(a.getAttribute('href')))
    .map((a) => urnFromPostUrl(a.getAttribute('href')))
    .filter((u): u is PostUrn => !!u);
}

/** URNs from `data-urn`-like attributes on `el` itself. */
export function urnsFromAttrs(el: Element): PostUrn[] {
  return S.urnAttrs.map((a) => parsePostUrn(el.getAttribute(a))).filter((u): u is PostUrn => !!u);
}

/** Single-post page URL id, used only for the first post root of the page. */
function urnFromPage(postEl: Element, ctx: ExtractContext): PostUrn | null {
  const fromUrl = urnFromPostUrl(ctx.url);
  return fromUrl && findPostRoots(ctx.document)[0] === postEl ? fromUrl : null;
}

/** Gen A/B: `data-urn`, the tracking scope's `breadcrumb.updateUrn`, the list item's `data-id`, own post links. */
function urnAB(postEl: Element): PostUrn | null {
  const c: (PostUrn | null)[] = [...urnsFromAttrs(postEl)];
  const scoped = postEl.closest(S.trackingScope) ?? postEl.querySelector(S.trackingScope);
  c.push(urnFromTrackingScope(scoped?.getAttribute('data-view-tracking-scope')));
  const item = postEl.closest('[data-id]');
  if (item) c.push(...urnsFromAttrs(item));
  c.push(...urnsFromLinks(postEl, RESHARED_OR_COMMENTS));
  return preferActivity(c);
}

/** Guest page: URN attributes, `link[rel=canonical]`/`og:url`, the page URL (guest fixture: URL only). */
function urnGuest(postEl: Element, ctx: ExtractContext): PostUrn | null {
  const holder = postEl.closest('[data-activity-urn]') ?? postEl.querySelector('[data-activity-urn]');
  const doc = ctx.document;
  return preferActivity([
    ...(holder ? urnsFromAttrs(holder) : []),
    ...urnsFromAttrs(postEl),
    urnFromPostUrl(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')),
    urnFromPostUrl(doc.querySelector('meta[property="og:url"]')?.getAttribute('content')),
    urnFromPostUrl(ctx.url),
  ]);
}

/**
 * Gen C, sources best first (docs/sites/linkedin.md "Post id"):
 * 1. the comment bar's encoded id, only with this card's own token and outside the reshared part
 *    (all 7 posts of the SDUI feed fixture);
 * 2. loaded comments `replaceableComment_urn:li:comment:(urn:li:activity:<id>,<cid>)` (synthetic fixtures);
 * 3. tracking-scope breadcrumbs, URN attributes and the post's own `/feed/update/`/`/posts/` links
 *    (synthetic `…sdui-hashed-classes…` fixture), then the page URL.
 * Nothing inside the reshared part (`quoted`) is ever this card's id.
 */
function urnC(postEl: Element, ctx: ExtractContext): PostUrn | null {
  const token = cardTokenOf(postEl, normaliseComponentKey);
  let part: Element | null | undefined; // the reshared part, looked up only when needed
  const reshared = () => (part === undefined ? (part = resharedPartC(postEl)) : part);
  const outside = (el: Element) => !reshared()?.contains(el);
  const keyed = (el: Element) => urnFromCommentToolsKey(el.getAttribute('componentkey'), token) ?? urnFromCommentToolsKey(el.getAttribute('id'), token);
  // The SDUI feed puts the comment bar right under the list item (a sibling of the card, never in its
  // reshared part). Else a bar with this card's token: deeper in this render (outside its reshared
  // part), or right under another element keyed with the same token (the keyed wrapper around the list
  // item, another render of the card: synthetic `…renders-2-3-times…` and `…search…` fixtures).
  for (const el of postEl.children) if (el.matches(S.commentToolsKey) && keyed(el)) return keyed(el);
  const bars = /^[\w+/=-]+$/.test(token) ? postEl.ownerDocument.querySelectorAll(`[componentkey*="${COMMENT_TOOLS}${token}"], [id*="${COMMENT_TOOLS}${token}"]`) : [];
  for (const el of bars) {
    const mine = postEl.contains(el) ? !isExcluded(el, postEl, RESHARED) && outside(el) : cardTokenOf(el.parentElement!, normaliseComponentKey) === token;
    if (mine && keyed(el)) return keyed(el);
  }
  const comments = ownAll(postEl, S.loadedComment, RESHARED).filter(outside);
  const fromComments = preferActivity(comments.flatMap((el) => [...allPostUrns(el.getAttribute('componentkey')), ...allPostUrns(el.getAttribute('id'))]));
  if (fromComments) return fromComments;
  const exclude = withEx(RESHARED_OR_COMMENTS, '', [reshared()]);
  const c: (PostUrn | null)[] = [];
  for (const el of [postEl, ...ownAll(postEl, S.trackingScope, exclude)]) c.push(urnFromTrackingScope(el.getAttribute('data-view-tracking-scope')));
  for (const el of [postEl, ...ownAll(postEl, URN_ATTRS, exclude)]) c.push(...urnsFromAttrs(el));
  c.push(...urnsFromLinks(postEl, exclude));
  return preferActivity(c) ?? urnFromPage(postEl, ctx);
}

/**
 * The post URN of a root from the page's own sources, or null (then see {@link recoveredUrn} and the
 * content key, docs/sites/linkedin.md "Posts without an id"). The first `activity` URN wins over
 * ugcPost/share among sources of equal rank.
 * - ab: `data-urn` (all Gen A/B fixtures), tracking scope (2025-08, 2026-07), `data-id`, own post links, page URL;
 * - c: see urnC;
 * - guest: URN attributes, canonical/og:url, the page URL.
 */
export function postUrnOf(postEl: Element, ctx: ExtractContext): PostUrn | null {
  const gen = genOf(postEl);
  if (gen === 'guest') return urnGuest(postEl, ctx);
  if (gen === 'ab') return urnAB(postEl) ?? urnFromPage(postEl, ctx);
  return urnC(postEl, ctx);
}

/** `ctx.recoveredId` (the click-time React props probe) when it is exactly a post URN, else null. */
export function recoveredUrn(ctx: ExtractContext): PostUrn | null {
  return exactPostUrn(ctx.recoveredId);
}

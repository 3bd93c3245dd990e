/**
 * LinkedIn post reading: finding post roots, recovering the id, and turning one root into a
 * CaptureDraft. Pure DOM in, data out (ARCHITECTURE.md 6.3). Three markup families are handled side
 * by side and picked per root (SITE-DOM.md §2.4 "keep Gen A/B and Gen C extractors side by side"):
 *
 * - `ab`: Gen A/B Ember/artdeco roots `div.feed-shared-update-v2[data-urn]` (all logged-in fixtures);
 * - `c`: Gen C SDUI list items with hashed classes and no `data-urn` (synthetic `…sdui…` fixtures);
 * - `guest`: the logged-out public post page (`…guest-public-post-page…` fixture).
 */
import type { CaptureDraft, Media, Link, Author, QuotedDraft } from '../../schema';
import { textOf } from '../../dom/text';
import { ExtractError, type ExtractContext } from '../types';
import * as S from './selectors';
import { findPostRoots, genOf, type LinkedInGen } from './roots';
import {
  type PostUrn,
  allPostUrns,
  cleanProfileUrl,
  decodeRedirect,
  handleOf,
  hashtagOf,
  normaliseComponentKey,
  parsePostUrn,
  permalinkFor,
  postedAtFromUrn,
  preferActivity,
  profileRef,
  urnFromPostUrl,
  urnFromTrackingScope,
} from './ids';

/** Message of the ExtractError thrown when no id can be recovered (Gen C feed, SITE-DOM.md §2.2). */
export const NO_ID_MESSAGE = "LinkedIn did not show this post's id; open the post to save it";

// ---------------------------------------------------------------- small DOM helpers

/**
 * Blocks whose contents are not the post being read: a selector list, plus optional elements found
 * by other means (the Gen C header, found by its text). Never marked in the DOM: adapters only read.
 */
type Ex = string | { sel: string; els: readonly Element[] };

function exSel(ex: Ex): string {
  return typeof ex === 'string' ? ex : ex.sel;
}

/** `ex` with one more selector. */
function withSel(ex: Ex, sel: string): Ex {
  const joined = [exSel(ex), sel].filter(Boolean).join(', ');
  return typeof ex === 'string' ? joined : { sel: joined, els: ex.els };
}

/** True when `el` lies inside an excluded block that is itself inside `root` (not `root`). */
function isExcluded(el: Element, root: Element, exclude: Ex): boolean {
  const sel = exSel(exclude);
  const els = typeof exclude === 'string' ? [] : exclude.els;
  if (!sel && els.length === 0) return false;
  for (let p: Element | null = el; p && p !== root; p = p.parentElement) {
    if ((sel && p.matches(sel)) || els.includes(p)) return true;
  }
  return false;
}

/** Elements under `root` matching `sel` and not inside an `exclude` block, in document order. */
function ownAll(root: Element, sel: string, exclude: Ex): Element[] {
  return Array.from(root.querySelectorAll(sel)).filter((e) => !isExcluded(e, root, exclude));
}

/** First element for the first selector variant that has one (variants are listed best first). */
function ownFirst(root: Element, variants: readonly string[], exclude: Ex): Element | null {
  for (const v of variants) {
    const hit = ownAll(root, v, exclude)[0];
    if (hit) return hit;
  }
  return null;
}

/** Absolute http(s) URL of `href` against `base`, or null (javascript:, data:, blob:, malformed). */
function absUrl(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  try {
    const u = new URL(href, base);
    return /^https?:$/.test(u.protocol) ? u.href : null;
  } catch {
    return null;
  }
}

function isLinkedInHost(url: string): boolean {
  try {
    return /(^|\.)linkedin\.com$/i.test(new URL(url).hostname);
  } catch {
    return false;
  }
}

function uniq<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

// ---------------------------------------------------------------- ids

const RESHARED = S.any([...S.resharedAB, ...S.resharedC]);
const COMMENTS = S.any(S.comments);
const RESHARED_OR_COMMENTS = `${RESHARED}, ${COMMENTS}`;

/** Post URNs in the post's own links (hashtag links name another post, SITE-DOM.md §2.1: skipped). */
function urnsFromLinks(root: Element, exclude: Ex): PostUrn[] {
  return ownAll(root, S.postLinks, exclude)
    .filter((a) => !hashtagOf(a.getAttribute('href')))
    .map((a) => urnFromPostUrl(a.getAttribute('href')))
    .filter((u): u is PostUrn => !!u);
}

/** URNs from `data-urn`-like attributes on `el` itself. */
function urnsFromAttrs(el: Element): PostUrn[] {
  return S.urnAttrs.map((a) => parsePostUrn(el.getAttribute(a))).filter((u): u is PostUrn => !!u);
}

/** Single-post page URL id, used only for the first post root of the page. */
function urnFromPage(postEl: Element, ctx: ExtractContext): PostUrn | null {
  const fromUrl = urnFromPostUrl(ctx.url);
  if (!fromUrl) return null;
  const first = findPostRoots(ctx.document)[0];
  return first === postEl ? fromUrl : null;
}

/**
 * The post URN of a root, re-read from the DOM on every call (elements are recycled, SITE-DOM.md
 * §0 rule 3). Sources, best first, the first `activity` URN winning over ugcPost/share:
 * - ab: `data-urn` (all fixtures); tracking-scope `breadcrumb.updateUrn` on the wrapper (2025-08,
 *   2026-07 fixtures); `data-id` of the list item; the post's own `/feed/update/` or `/posts/` links;
 *   the page URL on a single-post page.
 * - c: tracking scope, URN attributes and `componentkey`s (comment keys embed the activity URN) of
 *   the item, its own post links, the page URL (synthetic sdui fixtures).
 * - guest: URN attributes, `link[rel=canonical]`/`og:url`, the page URL (guest fixture: URL only).
 * Null when none holds an id.
 */
export function postUrnOf(postEl: Element, ctx: ExtractContext): PostUrn | null {
  const gen = genOf(postEl);
  const c: (PostUrn | null)[] = [];
  if (gen === 'ab') {
    c.push(...urnsFromAttrs(postEl));
    const scoped = postEl.closest(S.trackingScope) ?? postEl.querySelector(S.trackingScope);
    c.push(urnFromTrackingScope(scoped?.getAttribute('data-view-tracking-scope')));
    const item = postEl.closest('[data-id]');
    if (item) c.push(...urnsFromAttrs(item));
    c.push(...urnsFromLinks(postEl, RESHARED_OR_COMMENTS));
  } else if (gen === 'c') {
    for (const el of [postEl, ...ownAll(postEl, S.trackingScope, RESHARED)]) {
      c.push(urnFromTrackingScope(el.getAttribute('data-view-tracking-scope')));
    }
    for (const el of [postEl, ...ownAll(postEl, S.urnAttrs.map((a) => `[${a}]`).join(', '), RESHARED)]) c.push(...urnsFromAttrs(el));
    // SITE-DOM.md §2.2 option 1: replaceableComment_urn:li:comment:(urn:li:activity:<id>,<cid>)
    for (const el of ownAll(postEl, S.componentKeyed, RESHARED)) {
      c.push(...allPostUrns(el.getAttribute('componentkey')));
    }
    c.push(...urnsFromLinks(postEl, RESHARED_OR_COMMENTS));
  } else {
    const holder = postEl.closest('[data-activity-urn]') ?? postEl.querySelector('[data-activity-urn]');
    if (holder) c.push(...urnsFromAttrs(holder));
    c.push(...urnsFromAttrs(postEl));
    const doc = ctx.document;
    c.push(urnFromPostUrl(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')));
    c.push(urnFromPostUrl(doc.querySelector('meta[property="og:url"]')?.getAttribute('content')));
    c.push(urnFromPostUrl(ctx.url));
    return preferActivity(c);
  }
  const found = preferActivity(c);
  return found ?? urnFromPage(postEl, ctx);
}

// ---------------------------------------------------------------- text, links, tags

/** Text that reads like a URL (the display text of a wrapped link). */
function looksLikeUrl(s: string): boolean {
  return /^(https?:\/\/)?[\w-]+(\.[\w-]+)+(\/\S*)?$/i.test(s.trim());
}

/**
 * Text of a commentary element, SITE-DOM.md §0 rule 5: `<br>` → `\n`, emoji kept, visually-hidden
 * copies and the "…more" toggle skipped (the full text is in the DOM; never click, all 3 logged-in
 * fixtures). Guest pages keep line breaks as literal `\n` in a `whitespace-pre-wrap` element (guest
 * fixture): they are turned into `<br>` on a clone first. Wrapped `/redir/redirect?url=` links that
 * show a URL are rendered as their decoded target; lnkd.in links stay as shown (the target is only
 * known by following the redirect, SITE-DOM.md §2.1).
 */
export function readText(el: Element): string {
  let node = el;
  const cls = el.getAttribute('class') ?? '';
  if (/whitespace-pre|white-space-pre-wrap/.test(cls) || /white-space:\s*pre/.test(el.getAttribute('style') ?? '')) {
    node = el.cloneNode(true) as Element;
    const doc = node.ownerDocument;
    const walker = doc.createTreeWalker(node, 4 /* SHOW_TEXT */);
    const texts: Text[] = [];
    for (let t = walker.nextNode(); t; t = walker.nextNode()) texts.push(t as Text);
    for (const t of texts) {
      const parts = (t.nodeValue ?? '').split('\n');
      if (parts.length < 2) continue;
      const frag = doc.createDocumentFragment();
      parts.forEach((p, i) => {
        if (i > 0) frag.appendChild(doc.createElement('br'));
        if (p) frag.appendChild(doc.createTextNode(p));
      });
      t.replaceWith(frag);
    }
  }
  return textOf(node, {
    skip: S.any(S.seeMoreButton),
    replace: (e) => {
      if (e.tagName !== 'A') return null;
      const target = decodeRedirect(e.getAttribute('href'));
      const shown = (e.textContent ?? '').trim();
      return target && looksLikeUrl(shown) ? target : null;
    },
  });
}

/**
 * Hashtags (from `keywords=`, without `#`), mentions (vanities of /in/ and /company/ links) and
 * outbound links of a text element. lnkd.in short links are kept as shown (2026-07 fixture): their
 * target is only known by following the redirect, which an adapter must not do. Logged-out
 * `/redir/redirect?url=` links are decoded (guest fixture). Other linkedin.com links are navigation.
 */
function textEntities(textEl: Element | null, base: string): { hashtags: string[]; mentions: string[]; links: Link[] } {
  const hashtags: string[] = [];
  const mentions: string[] = [];
  const links: Link[] = [];
  if (!textEl) return { hashtags, mentions, links };
  for (const a of Array.from(textEl.querySelectorAll('a[href]'))) {
    const href = a.getAttribute('href');
    const tag = hashtagOf(absUrl(href, base) ?? href);
    if (tag) { hashtags.push(tag); continue; }
    const ref = profileRef(absUrl(href, base) ?? href);
    if (ref) {
      if (ref.kind === 'in' || ref.kind === 'company') mentions.push(ref.vanity);
      continue;
    }
    const url = decodeRedirect(absUrl(href, base)) ?? absUrl(href, base);
    if (!url || isLinkedInHost(url)) continue; // internal navigation, not a link of the post
    links.push({ url, title: null });
  }
  return { hashtags: uniq(hashtags), mentions: uniq(mentions), links };
}

/** Link preview cards (article/link cards) with their title. */
function cardLinks(root: Element, exclude: Ex, base: string): Link[] {
  const out: Link[] = [];
  for (const card of ownAll(root, S.any(S.articleCard), exclude)) {
    if (card.parentElement?.closest(S.any(S.articleCard))) continue;
    const a = card.matches('a[href]') ? card : card.querySelector('a[href]');
    const url = decodeRedirect(absUrl(a?.getAttribute('href'), base)) ?? absUrl(a?.getAttribute('href'), base);
    if (!url) continue;
    const titleEl = ownFirst(card, S.articleTitle, '');
    const title = titleEl ? textOf(titleEl).split('\n')[0]!.trim() || null : null;
    out.push({ url, title: title ? title.slice(0, 1000) : null });
  }
  return out;
}

function mergeLinks(a: Link[], b: Link[]): Link[] {
  const out: Link[] = [];
  for (const l of [...a, ...b]) {
    const prev = out.find((o) => o.url === l.url);
    if (prev) { if (!prev.title && l.title) prev.title = l.title; continue; }
    out.push({ ...l });
  }
  return out;
}

// ---------------------------------------------------------------- media

function sizeHint(url: string): number {
  const m = /(?:shrink|scale)_(\d+)/.exec(url) ?? /_(\d{3,4})_\d{3,4}\b/.exec(url);
  return m ? Number(m[1]) : 0;
}

/**
 * The largest usable URL of an image: `srcset` candidates (by `w` descriptor), `data-delayed-url`
 * (Ember lazy images) and `src`, ranked by the size in the descriptor or in LinkedIn's
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

/**
 * Images and video posters of a post (never a `blob:` video src, 2026-07 fixture), with
 * `mediaMissing` when a media element is a placeholder (image without a usable URL, video without a
 * poster).
 */
function readMedia(root: Element, exclude: Ex, base: string): { media: Media[]; mediaMissing: boolean } {
  const media: Media[] = [];
  let mediaMissing = false;
  for (const box of ownAll(root, S.any(S.imageContainer), exclude)) {
    if (box.parentElement?.closest(S.any(S.imageContainer))) continue;
    const imgs = Array.from(box.querySelectorAll('img'));
    if (imgs.length === 0) { mediaMissing = true; continue; }
    for (const img of imgs) {
      const url = bestImageUrl(img, base);
      if (!url) { mediaMissing = true; continue; }
      const alt = img.getAttribute('alt')?.trim() || null;
      if (!media.some((m) => m.url === url)) media.push({ kind: 'image', url, alt });
    }
  }
  for (const box of ownAll(root, S.any(S.videoContainer), exclude)) {
    if (box.parentElement?.closest(S.any(S.videoContainer))) continue;
    const video = box.querySelector('video');
    const poster = absUrl(video?.getAttribute('poster'), base) ?? backgroundUrl(box.querySelector(S.videoPosterLayer), base);
    if (!poster) { mediaMissing = true; continue; }
    media.push({ kind: 'video', url: poster, alt: null });
  }
  return { media, mediaMissing };
}

// ---------------------------------------------------------------- author

function controlMenuName(root: Element, exclude: Ex): string | null {
  for (const b of ownAll(root, S.controlMenuButton, exclude)) {
    const label = b.getAttribute('aria-label') ?? '';
    for (const p of S.controlMenuPrefixes) if (label.startsWith(p)) return label.slice(p.length).trim() || null;
  }
  return null;
}

function imgUrl(img: Element | null | undefined, base: string): string | null {
  return img ? bestImageUrl(img, base) : null;
}

/**
 * Gen A/B author: name and URL from the same actor meta link (`a.update-components-actor__meta-link`),
 * so a suggested-profile link, a header actor or an @mention elsewhere in the card can never be
 * mixed in (repost synthetic fixture). Name from the visible `aria-hidden` copy, else the control
 * menu label ("Open control menu for post by <name>", all 3 logged-in fixtures).
 */
function authorAB(root: Element, exclude: Ex, base: string): Author | null {
  const ex = withSel(exclude, S.any(S.headerBlock));
  const meta = ownFirst(root, S.actorMetaLink, ex);
  let name: string | null = null;
  if (meta) {
    const nameEl = ownFirst(meta, S.actorName, '');
    name = nameEl ? textOf(nameEl).replace(/\s+/g, ' ').trim() || null : null;
  }
  name ??= controlMenuName(root, exclude);
  if (!name) return null;
  const href = absUrl(meta?.getAttribute('href'), base);
  const container = meta?.closest(S.any(S.actorContainer)) ?? root;
  const avatar = ownFirst(container, S.actorAvatarImg, ex);
  return { name, handle: handleOf(href), profileUrl: cleanProfileUrl(href), avatarUrl: imgUrl(avatar, base) };
}

/**
 * Gen C author (SITE-DOM.md §2.2): two links to the same `/in/…` or `/company/…` path, one with the
 * avatar (`figure`/`img`), one holding `<p>`s (name, degree, headline, time). The name is the first
 * `<p>` of that same link; the control-menu label picks between groups when there are several.
 */
function authorC(root: Element, exclude: Ex, base: string): Author | null {
  const groups = new Map<string, Element[]>();
  for (const a of ownAll(root, 'a[href]', exclude)) {
    const url = cleanProfileUrl(absUrl(a.getAttribute('href'), base));
    if (!url) continue;
    groups.set(url, [...(groups.get(url) ?? []), a]);
  }
  const menuName = controlMenuName(root, exclude);
  let pick: { url: string; name: string; links: Element[] } | null = null;
  for (const [url, links] of groups) {
    const nameLink = links.find((l) => l.querySelector('p'));
    if (!nameLink) continue;
    const name = textOf(nameLink.querySelector('p')!).replace(/\s+/g, ' ').trim();
    if (!name) continue;
    const cand = { url, name, links };
    if (menuName ? name === menuName : links.some((l) => l.querySelector('figure, img'))) { pick = cand; break; }
    pick ??= cand;
  }
  if (!pick) return menuName ? { name: menuName, handle: null, profileUrl: null, avatarUrl: null } : null;
  const avatar = pick.links.map((l) => l.querySelector('img')).find(Boolean);
  return { name: pick.name, handle: handleOf(pick.url), profileUrl: pick.url, avatarUrl: imgUrl(avatar, base) };
}

/** Guest page author: reported actor link, else the `<title>` suffix "… | <name>" (guest fixture). */
function authorGuest(root: Element, ctx: ExtractContext): Author | null {
  const a = ownFirst(root, S.guestActorName, '') ?? ctx.document.querySelector(S.any(S.guestActorName));
  if (a) {
    const href = absUrl(a.getAttribute('href'), ctx.url);
    const name = textOf(a).replace(/\s+/g, ' ').trim();
    const img = ctx.document.querySelector(S.any(S.guestActorImage));
    if (name) return { name, handle: handleOf(href), profileUrl: cleanProfileUrl(href), avatarUrl: imgUrl(img, ctx.url) };
  }
  const title = ctx.document.title || ctx.document.querySelector('meta[property="og:title"]')?.getAttribute('content') || '';
  const i = title.lastIndexOf(' | ');
  const name = i >= 0 ? title.slice(i + 3).trim() : '';
  return name && name !== 'LinkedIn' ? { name, handle: null, profileUrl: null, avatarUrl: null } : null;
}

// ---------------------------------------------------------------- header context (repost)

/** "X reposted this" label pack (English; other languages are added here). "commented on this", "likes this" are not reposts. */
const REPOSTED_RE = /\breposted this\b|\breposted\b/i;
/** Any header context line ("X reposted/commented on/likes/… this"), for Gen C header detection. */
const HEADER_RE = /\b(reposted|commented on|replied to|likes|loves|celebrates|supports|finds|is curious about)\b.*\bthis[.!]?\s*$/i;

/** The Gen C header block: a short line matching HEADER_RE, widened to its container without the post body. */
function headerC(root: Element): Element | null {
  const byName = ownFirst(root, S.headerBlock, RESHARED_OR_COMMENTS);
  if (byName) return byName;
  const body = S.any([...S.postMarkerC, 'figure']);
  for (const el of ownAll(root, 'p, span', RESHARED_OR_COMMENTS)) {
    // A header line is not inside a link (author name/headline lines are) nor inside the post text.
    if (el.querySelector(body) || el.closest(S.any(S.postMarkerC)) || el.closest('a')) continue;
    const t = textOf(el);
    if (t.length > 120 || !HEADER_RE.test(t)) continue;
    let box: Element = el;
    while (box.parentElement && box.parentElement !== root && !box.parentElement.querySelector(body)) box = box.parentElement;
    return box;
  }
  return null;
}

/** `repostedBy` from a header line that says "reposted"; null for every other header context. */
function repostedByOf(header: Element | null, base: string): CaptureDraft['repostedBy'] {
  if (!header) return null;
  const text = textOf(header).replace(/\s+/g, ' ').trim();
  if (!REPOSTED_RE.test(text)) return null;
  const link = Array.from(header.querySelectorAll('a[href]')).find((a) => profileRef(absUrl(a.getAttribute('href'), base)) && textOf(a).trim());
  const name = link ? textOf(link).replace(/\s+/g, ' ').trim() : text.replace(REPOSTED_RE, '').replace(/\s+this\s*$/i, '').trim();
  if (!name) return null;
  const any = link ?? header.querySelector('a[href]');
  return { name, profileUrl: cleanProfileUrl(absUrl(any?.getAttribute('href'), base)) };
}

// ---------------------------------------------------------------- assembling a draft

interface Parts {
  urn: PostUrn | null;
  author: Author | null;
  text: string;
  lang: string | null;
  media: Media[];
  mediaMissing: boolean;
  links: Link[];
  hashtags: string[];
  mentions: string[];
}

/** Reads the shared post fields of a (main or reshared) post body. */
function readParts(
  root: Element,
  gen: LinkedInGen,
  exclude: Ex,
  urn: PostUrn | null,
  ctx: ExtractContext,
): Parts & { textEl: Element | null } {
  const base = ctx.url;
  const textEl = gen === 'guest' ? ownFirst(root, S.guestCommentary, '') : ownFirst(root, S.postText, exclude);
  const text = textEl ? readText(textEl) : '';
  const lang = textEl?.getAttribute('lang') || textEl?.querySelector('[lang]')?.getAttribute('lang') || null;
  const ents = textEntities(textEl, base);
  const { media, mediaMissing } = gen === 'guest' ? { media: [], mediaMissing: false } : readMedia(root, exclude, base);
  const links = mergeLinks(ents.links, gen === 'guest' ? [] : cardLinks(root, exclude, base));
  const author = gen === 'ab' ? authorAB(root, exclude, base) : gen === 'c' ? authorC(root, exclude, base) : authorGuest(root, ctx);
  return { urn, author, text, lang, media, mediaMissing, links, hashtags: ents.hashtags, mentions: ents.mentions, textEl };
}

/** The reshared post of a Gen A/B repost (`.update-components-mini-update-v2`), or `missing` when present but unreadable. */
function quotedAB(root: Element, ctx: ExtractContext): { quoted: QuotedDraft | null; missing: boolean } {
  const mini = ownAll(root, S.any(S.miniUpdate), COMMENTS)[0] ?? ownAll(root, S.any(S.resharedC), COMMENTS)[0];
  if (!mini) return { quoted: null, missing: false };
  const gen: LinkedInGen = mini.matches(S.any(S.resharedC)) ? 'c' : 'ab';
  const details = ownFirst(mini, S.miniUpdateDetailsLink, '');
  const urn = preferActivity([
    urnFromPostUrl(details?.getAttribute('href')),
    ...urnsFromAttrs(mini),
    ...urnsFromLinks(mini, COMMENTS),
  ]);
  const unavailable = !!mini.querySelector(S.any(S.miniUpdateUnavailable));
  const p = readParts(mini, gen, '', urn, ctx);
  if (!unavailable && !p.author && !p.text && !urn) return { quoted: null, missing: true };
  return {
    quoted: {
      platform: 'linkedin',
      postId: urn?.urn ?? null,
      permalink: urn ? permalinkFor(urn.urn) : null,
      author: p.author,
      text: p.text,
      lang: p.lang,
      postedAt: postedAtFromUrn(urn),
      media: p.media,
      links: p.links,
      hashtags: p.hashtags,
      mentions: p.mentions,
      poll: null,
      truncated: false,
      mediaMissing: p.mediaMissing,
      unavailable,
    },
    missing: false,
  };
}

/**
 * Reads one post root into a CaptureDraft (contract in lib/sites/types.ts).
 * - `postId`/`permalink` from {@link postUrnOf}; `postedAt` from the activity id (SITE-DOM.md §0.4).
 * - `author` is the original poster; a "X reposted this" header goes to `repostedBy`; "X commented on
 *   this"/"X likes this" headers are ignored (2024-09 fixture, repost synthetic fixture).
 * - `text` is the full text (the "…more" rest is in the DOM, never clicked); `truncated` is false.
 * - `quoted` is the reshared mini update as its own draft.
 * @throws ExtractError `postId` with {@link NO_ID_MESSAGE} when no id is recoverable (Gen C feed,
 *   `…sdui…no-id…` fixture); `author` when no author name is found; `text` when the post shows
 *   neither text, media, links nor a reshared post (an empty capture is never a success).
 */
export function extractPost(postEl: Element, ctx: ExtractContext): CaptureDraft {
  const gen = genOf(postEl);
  const urn = postUrnOf(postEl, ctx);
  if (!urn) throw new ExtractError('linkedin', 'postId', gen === 'c' ? 'postItemC' : 'postRootAB', NO_ID_MESSAGE);

  const header = gen === 'ab' ? ownFirst(postEl, S.headerText, RESHARED_OR_COMMENTS) : gen === 'c' ? headerC(postEl) : null;
  // Gen C: the header block has no stable selector of its own, so it is excluded by identity.
  const exclude: Ex = gen === 'c' && header ? { sel: RESHARED_OR_COMMENTS, els: [header] } : RESHARED_OR_COMMENTS;
  const p = readParts(postEl, gen, exclude, urn, ctx);
  if (!p.author) {
    throw new ExtractError('linkedin', 'author', gen === 'ab' ? 'actorMetaLink' : gen === 'c' ? 'controlMenuButton' : 'guestActorName');
  }
  const { quoted, missing } = gen === 'guest' ? { quoted: null, missing: false } : quotedAB(postEl, ctx);
  if (!p.text && p.media.length === 0 && p.links.length === 0 && !quoted && !missing) {
    throw new ExtractError('linkedin', 'text', 'postText', 'LinkedIn: this post shows no text or media to save; open the post to save it');
  }
  return {
    platform: 'linkedin',
    postId: urn.urn,
    permalink: permalinkFor(urn.urn),
    permalinkMissing: false,
    author: p.author,
    text: p.text,
    lang: p.lang,
    postedAt: postedAtFromUrn(urn),
    media: p.media,
    links: p.links,
    hashtags: p.hashtags,
    mentions: p.mentions,
    poll: null,
    truncated: false,
    mediaMissing: p.mediaMissing,
    title: null,
    quoted,
    quoteMissing: missing,
    repostedBy: repostedByOf(header, ctx.url),
    inReplyTo: null,
    thread: [],
    threadPartial: false,
  };
}

/**
 * The post's own social action row (Like / Comment / Repost / Send) where the Save control goes,
 * or null (guest page; no row rendered yet). Gen A/B: `.feed-shared-social-action-bar` outside the
 * reshared post and comments (2024-09, 2025-08 fixtures). Gen C: the nearest common ancestor of the
 * post's own action buttons found by ARIA label (synthetic sdui fixtures).
 */
export function findActionRow(postEl: Element): Element | null {
  const bar = ownFirst(postEl, S.actionBar, RESHARED_OR_COMMENTS);
  if (bar) return bar;
  const buttons = S.actionButtonsC.map((s) => ownAll(postEl, s, RESHARED_OR_COMMENTS)[0]).filter((b): b is Element => !!b);
  if (buttons.length === 0) return null;
  if (buttons.length === 1) return buttons[0]!.parentElement;
  let row: Element | null = buttons[0]!.parentElement;
  while (row && row !== postEl && !buttons.every((b) => row!.contains(b))) row = row.parentElement;
  return row ?? postEl;
}

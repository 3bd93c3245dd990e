/**
 * Viva Engage / Yammer post extraction. Pure DOM → CaptureDraft (docs/architecture.md 6.2 rule 3).
 * Strategy: docs/sites/yammer.md — one post
 * per `[data-testid="overflow-set"]` action row, climbed to its container; fields are read only from
 * the post's *own* subtree (nested replies removed), docs/sites/README.md §0 rule 2.
 */
import type { CaptureDraft, Link, Media, ThreadPart, Author } from '../../schema';
import { textOf } from '../../dom/text';
import type { ExtractContext } from '../types';
import { ExtractError } from '../types';
import * as sel from './selectors';
import { fallbackPostId, isFallbackId, postRefFromUrl, threadIdFromUrl, type PostRef } from './ids';
import { canonicalPermalink } from './permalink';

/** The schema exports `InReplyTo` as a zod value only; this is its type. */
type InReplyTo = NonNullable<CaptureDraft['inReplyTo']>;

const POST_ROOT = sel.postRoot.join(', ');

// ---------------------------------------------------------------------------------------------
// Post roots

/** True when `el` is a post container: matches a {@link sel.postRoot} variant and holds an action row (STRUCTURE.md §3: class handles count only with a structural check). */
function isPostContainer(el: Element): boolean {
  return el.matches(POST_ROOT) && el.querySelector(sel.actionRow) !== null;
}

/** Where climbing stops when no container matches: the content region or `<body>`. */
function isClimbBoundary(el: Element): boolean {
  return el.tagName === 'BODY' || el.tagName === 'HTML' || sel.mainRegion.some((s) => el.matches(s));
}

/**
 * The post container of an action row: the nearest {@link sel.postRoot} ancestor; in a layout with
 * none of them, the highest ancestor that holds no other action row (and stays inside the content
 * region). Null only for a detached row.
 */
export function postRootOfActionRow(row: Element): Element | null {
  const c = row.parentElement?.closest(POST_ROOT);
  if (c) return c;
  // No container handle at all (STRUCTURE.md §3: "layouts exist that use no role=article anywhere").
  let cur: Element = row;
  for (let p = row.parentElement; p && !isClimbBoundary(p); p = p.parentElement) {
    if (p.querySelectorAll(sel.actionRow).length > 1) break;
    cur = p;
  }
  return cur === row ? row.parentElement : cur;
}

/**
 * Conversation starters and replies under `root`, each once, in document order (a parent before its
 * nested replies). Found by enumerating action rows (STRUCTURE.md §3 "one post per action row").
 */
export function findPosts(root: ParentNode): Element[] {
  const seen = new Set<Element>();
  for (const row of root.querySelectorAll(sel.actionRow)) {
    const post = rootOf(row);
    if (!post) continue;
    // Only roots under `root` (contract: "post root elements within a root").
    if (root !== post && !(root as Node).contains(post)) continue;
    seen.add(post);
  }
  return [...seen].sort((a, b) => (a.compareDocumentPosition(b) & 4 /* FOLLOWING */ ? -1 : 1));
}

// Per-call memo. Every public function runs inside `memoized`, which creates the cache on entry
// and drops it on exit, so nothing outlives one call (elements are recycled: docs/sites/README.md §0 rule 3)
// while repeated ownership checks inside one extraction stay cheap.
let memo: {
  roots: Map<Element, Element | null>;
  nested: Map<Element, Element[]>;
  reply: Map<Element, boolean>;
  own: Map<Element, Map<string, Element[]>>;
  body: Map<Element, Element | null>;
} | null = null;

function memoized<T>(fn: () => T): T {
  if (memo) return fn();
  memo = { roots: new Map(), nested: new Map(), reply: new Map(), own: new Map(), body: new Map() };
  try {
    return fn();
  } finally {
    memo = null;
  }
}

/** {@link postRootOfActionRow}, memoized within one public call. */
function rootOf(row: Element): Element | null {
  if (!memo) return postRootOfActionRow(row);
  if (!memo.roots.has(row)) memo.roots.set(row, postRootOfActionRow(row));
  return memo.roots.get(row)!;
}

/** Roots of the posts nested inside `postEl` (replies), from their action rows. */
function nestedRoots(postEl: Element): Element[] {
  const hit = memo?.nested.get(postEl);
  if (hit) return hit;
  const out: Element[] = [];
  for (const row of postEl.querySelectorAll(sel.actionRow)) {
    const r = rootOf(row);
    if (r && r !== postEl && postEl.contains(r) && !out.includes(r)) out.push(r);
  }
  memo?.nested.set(postEl, out);
  return out;
}

/** True when `el` belongs to `postEl` itself, not to a post nested inside it. */
function isOwn(el: Element, postEl: Element): boolean {
  return !nestedRoots(postEl).some((n) => n === el || n.contains(el));
}

/** Own descendants of `postEl` matching `selector`. */
function ownAll(postEl: Element, selector: string): Element[] {
  let byPost = memo?.own.get(postEl);
  const hit = byPost?.get(selector);
  if (hit) return hit;
  const out = [...postEl.querySelectorAll(selector)].filter((el) => isOwn(el, postEl));
  if (memo) {
    if (!byPost) memo.own.set(postEl, (byPost = new Map()));
    byPost.set(selector, out);
  }
  return out;
}

/** The post's own action row (`[data-testid="overflow-set"]`), or null. */
export function actionRow(postEl: Element): Element | null {
  return memoized(() => [...postEl.querySelectorAll(sel.actionRow)].find((r) => rootOf(r) === postEl) ?? null);
}

/** The post this one is nested in (direct parent), or null for a top-level post. */
export function parentPost(postEl: Element): Element | null {
  for (let p = postEl.parentElement; p; p = p.parentElement) {
    if (isPostContainer(p)) {
      // `p` may be a wrapper of postEl's own action row (e.g. `.y-fixedGridColumn > article`).
      if (actionRow(p) === null) continue;
      return p;
    }
  }
  return null;
}

/** True for a reply: nested in another post, or in a reply container (STRUCTURE.md §3 `.y-fixedGridColumn`). */
function isReply(postEl: Element): boolean {
  const hit = memo?.reply.get(postEl);
  if (hit !== undefined) return hit;
  const r = postEl.closest(sel.replyContainer) !== null || parentPost(postEl) !== null;
  memo?.reply.set(postEl, r);
  return r;
}

/** For a reply not nested in its parent (new Yammer feed `li`: starter and replies are siblings), the thread's starter post. */
function starterOf(postEl: Element): Element | null {
  for (let p = postEl.parentElement; p && !isClimbBoundary(p); p = p.parentElement) {
    const s = [...p.querySelectorAll(sel.threadStarter)].find((e) => e !== postEl && isPostContainer(e));
    if (s) return findPosts(s)[0] ?? null;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Body

/**
 * The post's body element. Variants in order: {@link sel.postText}; then structural — the parent
 * of the post's first own `<p>` outside links, buttons and the action row (new Yammer
 * `span.text-NNN > p`, STRUCTURE.md §4). Null when the post shows no body.
 */
function findBody(postEl: Element): Element | null {
  if (memo?.body.has(postEl)) return memo.body.get(postEl)!;
  const b = findBodyUncached(postEl);
  memo?.body.set(postEl, b);
  return b;
}

function findBodyUncached(postEl: Element): Element | null {
  for (const s of sel.postText) {
    const hit = ownAll(postEl, s)[0];
    if (hit) return hit;
  }
  const p = ownAll(postEl, 'p').find((e) => !e.closest(`a, button, ${sel.actionRow}`));
  if (!p?.parentElement) return null;
  if (p.parentElement !== postEl) return p.parentElement;
  // Paragraphs sit directly in the post root: read just them.
  const box = postEl.ownerDocument.createElement('div');
  for (const q of ownAll(postEl, ':scope > p')) box.appendChild(q.cloneNode(true));
  return box;
}

/** Text of a button-like control, whitespace collapsed. */
function label(el: Element): string {
  return (el.getAttribute('aria-label') || el.textContent || '').replace(/\s+/g, ' ').trim();
}

/**
 * Body text with line breaks, without nested replies, action rows, inline controls ("See more",
 * translation toggles) or lines that are only such labels (STRUCTURE.md §3 "Text").
 */
function bodyText(body: Element): string {
  const clone = body.cloneNode(true) as Element;
  for (const n of [...clone.querySelectorAll(POST_ROOT)]) if (n.querySelector(sel.actionRow)) n.remove();
  for (const n of [...clone.querySelectorAll(sel.actionRow)]) n.remove();
  const text = textOf(clone, { skip: 'button, [role="button"]' });
  return text
    .split('\n')
    .filter((l) => !sel.controlLabels.test(l.trim()))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}

/**
 * "See more" shown for the body (docs/sites/README.md §4: treat as truncated). Inside the body: a
 * `button > span.y-fakeLink` that is not a translation/less toggle (locale-independent), or a control
 * labelled See more / Show more. New Yammer put its `see more` button next to the `span.text-NNN`
 * body (STRUCTURE.md §4), so the post's own controls outside the action row are checked for an
 * explicit "See more" too (never a bare "Show more" there: STRUCTURE.md §3).
 */
function isTruncated(body: Element, postEl: Element): boolean {
  for (const b of body.querySelectorAll('button, [role="button"]')) {
    const l = label(b);
    if (sel.seeMoreLabel.test(l)) return true;
    if (b.matches(sel.fakeLinkButton) && !/translat|original|less/i.test(l) && !sel.replyPagination.test(l)) return true;
  }
  return ownAll(postEl, 'button, [role="button"]').some((b) => !b.closest(sel.actionRow) && /^see more$/i.test(label(b)));
}

// ---------------------------------------------------------------------------------------------
// Header: author, time, permalink

/** Absolute http(s) URL of `href` against `base`, or null. */
function absUrl(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  try {
    const u = new URL(href, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** Own elements outside the body (header, attachments, action row). */
function ownOutsideBody(postEl: Element, body: Element | null, selector: string): Element[] {
  return ownAll(postEl, selector).filter((e) => !body || !body.contains(e));
}

/** Author name and links: header user link first, then the action-button names (`Like - <name>'s post`). */
function readAuthor(postEl: Element, body: Element | null, base: string): Author | null {
  const links = ownOutsideBody(postEl, body, sel.userLink);
  // The name is the link's own text; an avatar link's `img alt` may be "Profile picture", not a name.
  const nameOf = (a: Element): string => textOf(a, { skip: 'img, svg' }).replace(/\s+/g, ' ').trim();
  const named = links.find((a) => nameOf(a) !== '');
  const avatarImg = links.map((a) => a.querySelector('img')).find((i) => i) ?? null;
  const profileUrl = absUrl((named ?? links[0])?.getAttribute('href'), base);
  const avatarUrl = absUrl(avatarImg?.getAttribute('src'), base);
  let name = named ? nameOf(named) : '';
  if (!name) {
    const row = actionRow(postEl);
    for (const b of row ? row.querySelectorAll('button, [role="button"], a') : []) {
      const m = label(b).match(sel.actionButtonName);
      if (m) {
        name = m[1]!.trim();
        break;
      }
    }
  }
  // Last resort: the avatar link's accessible name (`aria-label="Ana Lima"`).
  if (!name) name = links.map((a) => (a.getAttribute('aria-label') ?? '').trim()).find((n) => n) ?? '';
  if (!name) return null;
  return { name: name.slice(0, 256), handle: null, profileUrl, avatarUrl };
}

/** Parses a date string to ISO UTC; titles like "Tuesday, March 3, 2026 at 10:15 AM" lose the " at ". Null when it is not a date. */
function toIso(s: string | null): string | null {
  if (!s || !/\d{4}/.test(s)) return null;
  const t = Date.parse(s.replace(/\s+at\s+/i, ' ').trim());
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/** The timestamp element and its ISO time: `time[datetime]`, else an element whose `title` parses as a date (STRUCTURE.md §3 "Timestamps"). */
function readTime(postEl: Element, body: Element | null): { el: Element; iso: string } | null {
  for (const t of ownOutsideBody(postEl, body, sel.timestamp[0])) {
    const iso = toIso(t.getAttribute('datetime'));
    if (iso) return { el: t, iso };
  }
  for (const t of ownOutsideBody(postEl, body, sel.timestamp[1])) {
    if (t.closest(sel.actionRow)) continue;
    const iso = toIso(t.getAttribute('title'));
    if (iso) return { el: t, iso };
  }
  return null;
}

/** A post's own id reference and the anchor it came from. */
interface IdSource {
  ref: PostRef;
  href: string | null;
}

/**
 * The post's id reference from its own anchors (outside the body: body links may point at other
 * threads). The anchor around the timestamp is tried first. Replies accept only message refs —
 * a reply's "go to conversation" link names the thread, whose id is the starter's.
 * On a thread page the starter may expose no anchor: the page URL names it.
 */
function readIdSource(postEl: Element, body: Element | null, ctx: ExtractContext): IdSource | null {
  const reply = isReply(postEl);
  const time = readTime(postEl, body);
  const anchors = ownOutsideBody(postEl, body, sel.permalink);
  const timeAnchor = time?.el.closest('a');
  if (timeAnchor && anchors.includes(timeAnchor)) anchors.unshift(timeAnchor);
  let threadRef: IdSource | null = null;
  for (const a of anchors) {
    const href = absUrl(a.getAttribute('href'), ctx.url);
    const ref = href ? postRefFromUrl(href) : null;
    if (!ref) continue;
    if (ref.kind === 'message') return { ref, href };
    threadRef ??= { ref, href };
  }
  if (!reply && threadRef) return threadRef;
  if (!reply) {
    const pageThread = threadIdFromUrl(ctx.url);
    if (pageThread && isPageStarter(postEl, ctx)) return { ref: { kind: 'thread', id: pageThread }, href: null };
  }
  return null;
}

/** True when `postEl` is the conversation starter of a thread page (the first top-level post of the page). */
function isPageStarter(postEl: Element, ctx: ExtractContext): boolean {
  if (postEl.matches(sel.threadStarter)) return true;
  const first = findPosts(ctx.document).find((p) => !isReply(p));
  return first === postEl;
}

/** Everything needed to name a post: id, permalink; null when neither an anchor nor a hash basis exists. */
function identify(postEl: Element, ctx: ExtractContext): { id: string; permalink: string } | null {
  const body = findBody(postEl);
  const src = readIdSource(postEl, body, ctx);
  const pageNoHash = ctx.url.replace(/#.*$/, '');
  if (src) {
    const shown = src.href ?? pageNoHash;
    return { id: src.ref.id, permalink: canonicalOf(postEl, src.ref.id, shown, ctx) ?? shown };
  }
  // Fallback (STRUCTURE.md §2): hash of author, time and the opening of the body; see ids.ts.
  // Only an absolute time is hashed: a relative label ("2h") changes while the post stays the same.
  const author = readAuthor(postEl, body, ctx.url);
  if (!author || !body) return null;
  const text = bodyText(body);
  if (!text) return null;
  const id = fallbackPostId(author.name, readTime(postEl, body)?.iso ?? null, text);
  return { id, permalink: `${pageNoHash}#yammer-message-${id}` };
}

/**
 * The post's permalink in the one shape per kind (permalink.ts), or null when its thread is unknown
 * (a `/main/messages/<M>` anchor on a feed with no starter in view) or the URL is not an Engage page.
 * Issue 9: the demo thread's replies came as `…/threads/<T>?messageId=<M>` and, nested, `/main/messages/<M>`
 * (fixture yammer-2026-11_thread-page_nested-replies_show-previous).
 */
function canonicalOf(postEl: Element, id: string, shown: string, ctx: ExtractContext): string | null {
  if (!isReply(postEl)) return canonicalPermalink(shown, id, null, ctx.url);
  const thread = threadIdFromUrl(shown) ?? threadOfReply(postEl, ctx);
  return thread ? canonicalPermalink(shown, thread, id, ctx.url) : null;
}

/** The thread id of a reply: its top-level post's (or sibling starter's) real id, else the thread page's. */
function threadOfReply(postEl: Element, ctx: ExtractContext): string | null {
  let top = postEl;
  for (let p = parentPost(top); p; p = parentPost(top)) top = p;
  const starter = top !== postEl && !isReply(top) ? top : starterOf(postEl);
  const id = starter ? identify(starter, ctx)?.id : null;
  return id && !isFallbackId(id) ? id : threadIdFromUrl(ctx.url);
}

/**
 * The Viva Engage message id of a post root (decimal string), re-read on every call. Sources in
 * order: own message anchor (`/messages/`, `messageId=`); for a starter, its thread anchor
 * (`/threads/`, `threadId=`; a thread's id is its starter's message id) or the thread page URL;
 * else the fallback `h:<hex>` hash (ids.ts `fallbackPostId`). Null when none can be built.
 */
export function postId(postEl: Element, ctx: ExtractContext): string | null {
  return memoized(() => identify(postEl, ctx)?.id ?? null);
}

// ---------------------------------------------------------------------------------------------
// Body entities

const INTERNAL_HOST = /(^|\.)(yammer\.com|engage\.cloud\.microsoft)$/i;

/** Title of a link: its visible text unless that is just the URL, else `title`/`aria-label`. */
function linkTitle(a: Element, url: string): string | null {
  const heading = a.querySelector('h1, h2, h3, h4, h5, h6, [role="heading"]');
  const t = (heading ? textOf(heading) : textOf(a)).replace(/\s+/g, ' ').trim();
  const bare = url.replace(/^https?:\/\/(www\.)?/i, '').replace(/\/$/, '');
  if (t && !bare.startsWith(t.replace(/^https?:\/\/(www\.)?/i, '').replace(/[…/]+$/, ''))) return t.slice(0, 1000);
  const alt = a.getAttribute('title') || a.getAttribute('aria-label');
  return alt ? alt.slice(0, 1000) : null;
}

/** Links in the body and own link cards; user (mention) and topic (hashtag) links are not links. */
function readLinks(postEl: Element, body: Element, base: string): Link[] {
  const out = new Map<string, Link>();
  const add = (a: Element): void => {
    const url = absUrl(a.getAttribute('href'), base);
    if (!url || a.matches(sel.userLink) || a.matches(sel.topicLink)) return;
    if (textOf(a).trim().startsWith('#')) return;
    const host = new URL(url).hostname;
    if (INTERNAL_HOST.test(host) && !postRefFromUrl(url)) return;
    const title = linkTitle(a, url);
    const prev = out.get(url);
    if (!prev || (!prev.title && title)) out.set(url, { url, title });
  };
  for (const a of body.querySelectorAll('a[href]')) if (isOwn(a, postEl) || !postEl.contains(a)) add(a);
  // Link cards (attachments): own external anchors outside the body, header and action row.
  for (const a of ownOutsideBody(postEl, body, 'a[href]')) {
    if (a.closest(sel.actionRow)) continue;
    const url = absUrl(a.getAttribute('href'), base);
    if (url && !INTERNAL_HOST.test(new URL(url).hostname)) add(a);
  }
  return [...out.values()].slice(0, 200);
}

/** Hashtags (topic links or `#word` links) and @mentions (links to users) in the body, without `#`/`@`. */
function readTags(body: Element): { hashtags: string[]; mentions: string[] } {
  const hashtags = new Set<string>();
  const mentions = new Set<string>();
  for (const a of body.querySelectorAll('a[href]')) {
    const t = textOf(a).replace(/\s+/g, ' ').trim();
    if (a.matches(sel.userLink)) {
      if (t) mentions.add(t.replace(/^@/, ''));
    } else if (a.matches(sel.topicLink) || t.startsWith('#')) {
      if (t) hashtags.add(t.replace(/^#/, ''));
    }
  }
  return { hashtags: [...hashtags].slice(0, 200), mentions: [...mentions].slice(0, 200) };
}

/**
 * Attached images and video posters: own `img`/`video` outside the body, user links (avatars),
 * external anchors (link-card thumbnails) and the action row. `blob:`/`data:` sources set mediaMissing.
 */
function readMedia(postEl: Element, body: Element, base: string): { media: Media[]; missing: boolean } {
  const media: Media[] = [];
  let missing = false;
  for (const el of ownOutsideBody(postEl, body, 'img, video')) {
    if (el.closest(`${sel.userLink}, ${sel.actionRow}, svg`)) continue;
    const a = el.closest('a[href]');
    const aUrl = a ? absUrl(a.getAttribute('href'), base) : null;
    if (aUrl && !INTERNAL_HOST.test(new URL(aUrl).hostname)) continue;
    if (el.tagName === 'VIDEO') {
      const poster = absUrl(el.getAttribute('poster'), base);
      if (poster) media.push({ kind: 'video', url: poster, alt: el.getAttribute('aria-label') });
      else missing = true;
      continue;
    }
    const src = absUrl(el.getAttribute('src'), base);
    if (!src) {
      missing = true;
      continue;
    }
    if (!media.some((m) => m.url === src)) media.push({ kind: 'image', url: src, alt: el.getAttribute('alt') || null });
  }
  return { media: media.slice(0, 100), missing };
}

/** `lang` of the body or its nearest ancestor, or null. */
function readLang(body: Element, postEl: Element): string | null {
  const l = (body.isConnected ? body : postEl).closest('[lang]')?.getAttribute('lang')?.trim();
  return l && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(l) ? l.slice(0, 35) : null;
}

// ---------------------------------------------------------------------------------------------
// Extract

/** The reply's parent: the post it is nested in, else its thread's starter, else the thread page itself. */
function readInReplyTo(postEl: Element, ctx: ExtractContext): InReplyTo | null {
  if (!isReply(postEl)) return null;
  const parent = parentPost(postEl) ?? starterOf(postEl);
  if (parent) {
    const p = identify(parent, ctx);
    return { postId: p?.id ?? null, handle: null, permalink: p?.permalink ?? null };
  }
  const pageThread = threadIdFromUrl(ctx.url);
  if (pageThread) return { postId: pageThread, handle: null, permalink: canonicalPermalink(ctx.url, pageThread, null) ?? ctx.url.replace(/#.*$/, '') };
  return { postId: null, handle: null, permalink: null };
}

/**
 * Reads one Viva Engage post root (starter or reply) into a draft.
 * Shape: platform 'yammer'; postId per {@link postId}; permalink absolute (own anchor, else page URL
 * + `#yammer-message-<id>`); author {name, handle null, profileUrl, avatarUrl}; text of the body
 * only (nested replies and inline control labels removed); truncated when the body has "See more";
 * `inReplyTo` for replies; `thread: []`, `title: null`.
 * @throws ExtractError (site 'yammer') with field `text`, `author` or `postId` when that part cannot be read.
 */
export function extract(postEl: Element, ctx: ExtractContext): CaptureDraft {
  return memoized(() => extractPost(postEl, ctx));
}

/** {@link extract} without the memo wrapper. */
function extractPost(postEl: Element, ctx: ExtractContext): CaptureDraft {
  const body = findBody(postEl);
  if (!body) throw new ExtractError('yammer', 'text', 'postText', "yammer: could not read the post's text (no body)");
  const author = readAuthor(postEl, body, ctx.url);
  if (!author) throw new ExtractError('yammer', 'author', 'userLink');
  const text = bodyText(body);
  const { media, missing } = readMedia(postEl, body, ctx.url);
  if (!text && media.length === 0) throw new ExtractError('yammer', 'text', 'postText', "yammer: could not read the post's text (empty body)");
  const who = identify(postEl, ctx);
  if (!who) throw new ExtractError('yammer', 'postId', 'permalink');
  const { hashtags, mentions } = readTags(body);
  return {
    platform: 'yammer',
    postId: who.id,
    permalink: who.permalink,
    permalinkMissing: false,
    author,
    text: text.slice(0, 64 * 1024),
    lang: readLang(body, postEl),
    postedAt: readTime(postEl, body)?.iso ?? null,
    media,
    links: readLinks(postEl, body, ctx.url),
    hashtags,
    mentions,
    poll: null,
    truncated: isTruncated(body, postEl),
    mediaMissing: missing,
    title: null,
    quoted: null,
    quoteMissing: false,
    repostedBy: null,
    inReplyTo: readInReplyTo(postEl, ctx),
    thread: [],
    threadPartial: false,
  };
}

// ---------------------------------------------------------------------------------------------
// Thread

/** True when the URL is a thread page (`/threads/<id>`, also opened at one of its messages; `threadId=`). */
export function isThreadPage(url: string): boolean {
  return threadIdFromUrl(url) !== null;
}

/** Number on a reply counter (STRUCTURE.md §3: native button, own label starts with a digit, reply-arrow path), or null. */
function replyCount(btn: Element): number | null {
  if (btn.tagName !== 'BUTTON') return null;
  if (![...btn.querySelectorAll('path')].some((p) => (p.getAttribute('d') ?? '').startsWith(sel.replyGlyphPath))) return null;
  const m = (btn.textContent ?? '').trim().match(/^(\p{Nd}+)/u);
  if (!m) return null;
  // Non-ASCII numerals (\p{Nd}) still mark a counter, but only ASCII ones are compared.
  const n = Number(m[1]);
  return Number.isSafeInteger(n) ? n : null;
}

/** A draft's thread part. */
function toPart(d: CaptureDraft): ThreadPart {
  return { postId: d.postId, permalink: d.permalink, author: d.author, text: d.text, postedAt: d.postedAt, media: d.media, links: d.links, truncated: d.truncated };
}

/**
 * The conversation around `postEl` as one draft of its starter with `thread` parts (starter first,
 * then replies in document order). On a thread page: every post of the content region; elsewhere:
 * the starter's feed item (`li`/listitem) or its nested replies — null there when no reply is shown.
 * `threadPartial` is true when a "Show N previous comments"/"more replies" control is shown, the
 * starter's reply counter exceeds the replies shown, or a reply could not be read.
 * @throws ExtractError when the starter itself cannot be read.
 */
export function extractThread(postEl: Element, ctx: ExtractContext): CaptureDraft | null {
  return memoized(() => extractConversation(postEl, ctx));
}

/** {@link extractThread} without the memo wrapper. */
function extractConversation(postEl: Element, ctx: ExtractContext): CaptureDraft | null {
  const threadPage = isThreadPage(ctx.url);
  let starter: Element = postEl;
  for (let p = parentPost(starter); p; p = parentPost(starter)) starter = p;
  if (isReply(starter)) starter = starterOf(starter) ?? starter;
  let group: ParentNode;
  if (threadPage) {
    group = sel.mainRegion.map((s) => ctx.document.querySelector(s)).find((e) => e) ?? ctx.document;
    const first = findPosts(group).find((p) => !isReply(p));
    if (first) starter = first;
  } else {
    group = starter.closest('li, [role="listitem"]') ?? starter;
  }
  const members = findPosts(group);
  if (!members.includes(starter)) members.unshift(starter);
  if (!threadPage && members.length < 2) return null;
  const head = extract(starter, ctx);
  const parts: ThreadPart[] = [toPart(head)];
  let partial = false;
  for (const m of members) {
    if (m === starter) continue;
    try {
      parts.push(toPart(extract(m, ctx)));
    } catch (e) {
      if (!(e instanceof ExtractError)) throw e;
      partial = true; // a reply we could not read is a missing part
    }
  }
  // nodeType, not instanceof: the document may come from another realm (jsdom, iframes).
  const scope = (group as Node).nodeType === 1 ? (group as Element) : (ctx.document.body ?? ctx.document.documentElement);
  for (const c of scope.querySelectorAll('button, [role="button"], a')) {
    if (sel.replyPagination.test(label(c))) partial = true;
  }
  const counts = ownAll(starter, 'button').map(replyCount).filter((n): n is number => n !== null);
  if (counts.length && Math.max(...counts) > parts.length - 1) partial = true;
  return { ...head, thread: parts.slice(0, 500), threadPartial: partial };
}

/**
 * Reads X/Twitter post roots into CaptureDrafts. Pure DOM in, data out (docs/architecture.md §6.3); what is read and
 * from where: docs/sites/x.md.
 * Every field is read inside the post root, and the main post's fields outside its quote block
 * (docs/sites/README.md §0 rule 2). Quirks cite the fixture in `tests/fixtures/x/` that shows them.
 */
import { outermostMatches } from '../../dom/query';
import { textOf } from '../../dom/text';
import type { Author, CaptureDraft, Link, Media, Poll, QuotedDraft, ThreadPart } from '../../schema';
import { ExtractError, type ExtractContext } from '../types';
import { articleBodyText, articleCardLines } from './article';
import { parseStatusUrl, statusIdToIso, statusPermalink, type StatusRef } from './ids';
import * as S from './selectors';

/** Part of a post root to read from: `root`'s subtree minus `exclude`'s (the quote block). */
interface Scope {
  root: Element;
  exclude: Element | null;
}

/** The quote block of a post: the quoted post's element, or a tombstone when it is gone. */
interface QuoteBlock {
  el: Element;
  unavailable: boolean;
}

const SEE_MORE = S.anyOf(S.seeMoreButton);
/** Alt texts X puts on media without a user-written description (English UI). */
const GENERIC_ALTS = new Set(['', 'image', 'embedded video', 'gif', 'video']);
/** X API pseudo-languages: undetermined, no linguistic content, media/mention/hashtag/cashtag/short-only (docs/sites/x.md §1.3). */
const PSEUDO_LANGS = new Set(['und', 'zxx', 'qme', 'qam', 'qht', 'qct', 'qst']);
const HANDLE_TEXT = /^@([A-Za-z0-9_]{1,50})$/;
const HANDLE_PATH = /^\/([A-Za-z0-9_]{1,50})\/?$/;

/**
 * The post root that owns `el`: the nearest `tweet` root, or an article read view that no `tweet`
 * root holds. A read view nested in a `tweet` root is part of that post (docs/sites/x.md "Articles").
 */
function ownerOf(el: Element): Element | null {
  return el.closest(S.postRoot) ?? closestReadView(el);
}

/** True for an article read view element ({@link S.articleReadView}). */
function isReadView(el: Element): boolean {
  return el.tagName === 'ARTICLE' && el.getAttribute('data-testid') === S.articleReadViewTestId;
}

/**
 * The read view that is or holds `el`, or null; with `stop` (an `article` above `el`, the post root)
 * only read views below it count. Read views are rare and this runs on every scan, so it hops from
 * `article` to `article` and compares the test id: in jsdom a `closest()` with the full selector
 * costs several times more when nothing matches.
 */
function closestReadView(el: Element, stop: Element | null = null): Element | null {
  for (let p = el.closest('article'); p && p !== stop; p = p.parentElement?.closest('article') ?? null) {
    if (isReadView(p)) return p;
  }
  return null;
}

/**
 * A test for "`post` owns this element", as {@link ownerOf} decides. Under a `tweet` root the nearest
 * `tweet` decides, as cheaply as before read views existed: an element of a nested read view has that
 * same nearest `tweet`.
 */
function ownedBy(post: Element | null): (el: Element) => boolean {
  return post?.matches(S.postRoot) ? (el) => el.closest(S.postRoot) === post : (el) => ownerOf(el) === post;
}

function all(scope: Scope, selector: string): Element[] {
  const owned = ownedBy(ownerOf(scope.root));
  const out: Element[] = [];
  for (const el of scope.root.querySelectorAll(selector)) {
    if (!(scope.exclude && scope.exclude.contains(el)) && owned(el)) out.push(el);
  }
  return out;
}

/** Sort comparator: document order. */
function byDocumentOrder(a: Element, b: Element): number {
  return a === b ? 0 : a.compareDocumentPosition(b) & 4 /* FOLLOWING */ ? -1 : 1;
}

function one(scope: Scope, selector: string): Element | null {
  return all(scope, selector)[0] ?? null;
}

/** Collapses whitespace (names, labels) to single spaces. */
function clean(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function isHttpUrl(s: string | null | undefined): s is string {
  return !!s && /^https?:\/\//i.test(s);
}

/** Absolute URL of an href; relative X paths resolve against https://x.com (canonical host, docs/sites/x.md §1.2 2024-05). */
function absolute(href: string): string | null {
  try {
    const u = new URL(href, 'https://x.com/');
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Finding posts, the quote block, the action row

/**
 * Post roots under `root` in document order: `article[data-testid="tweet"]`, and the read view of an
 * X Article shown on its own page (`article[data-testid="twitterArticleReadView"]`), that are not
 * nested in another post root. Quoted posts are not articles; a post embedded in an article body and
 * a read view inside a `tweet` root are nested, so they are part of the outer post.
 */
export function findPostRoots(root: ParentNode): Element[] {
  // Inside a post, every candidate is nested in it.
  const up = (root as Node).nodeType === 1 ? (root as Element).parentElement : null;
  if (up && ownerOf(up)) return [];
  const tweets = outermostMatches(root, S.postRoot);
  // getElementsByTagName, not a selector query: most pages have no read view, and a miss is cheap this way.
  const articles = [...((root as Node).nodeType === 1 ? [root as Element] : []), ...(root as Element | Document).getElementsByTagName('article')];
  const outer = (v: Element) => !v.parentElement || (!v.parentElement.closest(S.postRoot) && !closestReadView(v.parentElement));
  const views = articles.filter((v) => isReadView(v) && outer(v));
  if (!views.length) return tweets;
  return [...tweets.filter((t) => !views.some((v) => v.contains(t))), ...views].sort(byDocumentOrder);
}

/** The outermost post root that is or contains `node`, or null (SiteAdapter.postRootOf). */
export function postRootOf(node: Element): Element | null {
  let root: Element | null = null;
  for (let el: Element | null = node.closest(S.postRoot); el; el = el.parentElement?.closest(S.postRoot) ?? null) root = el;
  // A read view above the outermost `tweet` stands alone (it holds an embedded post): it is the root.
  return closestReadView(root ?? node) ?? root;
}

/**
 * The nearest `tweet` root or quote-block candidate: one `closest()` that stops at the post itself.
 * Read views are left out: one nested in a `tweet` root is part of it, and for one standing alone the
 * fast paths below give up (no `tweet` above) and the full rules answer.
 */
const POST_OR_QUOTE = `${S.postRoot}, ${S.quoteBlock}`;

/**
 * The quote block inside a post root, or null. A quoted post is a `div[role=link]` holding its own
 * User-Name (x-2025-10_timeline_quote_quoted-has-image__tweetyoink). A quoted post that is gone shows
 * a tombstone text instead (x-2026-11_timeline_quote_quoted-unavailable__synthetic, modelled on X's
 * "This post is unavailable." box); its wrapper `div[aria-labelledby]` bounds it.
 */
export function findQuoteBlock(postEl: Element): QuoteBlock | null {
  const own = ownedBy(postEl);
  const quoted = findQuotedPost(postEl);
  if (quoted) return { el: quoted, unavailable: false };
  for (const span of postEl.querySelectorAll('span')) {
    if (!own(span) || span.closest(S.postText)) continue;
    if (S.unavailableText.test(clean(span.textContent ?? ''))) {
      const box = span.closest(S.attachmentWrapper);
      return { el: box && box !== postEl && postEl.contains(box) ? box : span.parentElement ?? span, unavailable: true };
    }
  }
  return null;
}

/**
 * The readable quoted post inside a post root (a `div[role=link]` holding its own User-Name), or
 * null. Cheaper than {@link findQuoteBlock}: it skips the text scan for an unavailable quote, which
 * holds no status link and so cannot be mistaken for the post's own id (used on the scan hot path).
 */
function findQuotedPost(postEl: Element): Element | null {
  // Remembered until the current task ends: the controller asks for the id and then the action
  // row of the same post back to back, and the DOM cannot change in between (no await).
  if (!quoteMemo) {
    quoteMemo = new WeakMap();
    queueMicrotask(() => {
      quoteMemo = null;
    });
  }
  if (quoteMemo.has(postEl)) return quoteMemo.get(postEl)!;
  let found: Element | null = null;
  const own = ownedBy(postEl);
  for (const el of postEl.querySelectorAll(S.quoteBlock)) {
    // A post embedded in an article body sits in a role=link box too, but it is not a quote.
    if (el.querySelector(S.userName) && own(el) && !closestReadView(el, postEl)) {
      found = el;
      break;
    }
  }
  quoteMemo.set(postEl, found);
  return found;
}
let quoteMemo: WeakMap<Element, Element | null> | null = null;

/**
 * The post's own action bar (`div[role="group"]` with "N replies, N reposts, …"), or null. Carousels
 * are `role=group` too and are skipped (x-2024-01_timeline_brand_link-card-carousel_6-images). A bar
 * outside the quote block wins; upstream's hand-edited x-2025-10_timeline_quote_quoted-has-video__tweetyoink
 * nests the post's bar inside the quote, so then the bar holding this post's analytics link, else the last bar.
 */
export function findActionRow(postEl: Element): Element | null {
  // Fast path (every scan of a feed asks): the last bar of this post that sits in no quote block
  // at all is the answer without working out which block is the quoted post.
  const found = postEl.querySelectorAll(S.actionRow);
  for (let i = found.length - 1; i >= 0; i--) {
    const b = found[i]!;
    const owner = b.closest(POST_OR_QUOTE);
    if (owner === postEl) return b; // neither in a nested post nor in a quote block
    if (owner && owner.matches(S.postRoot)) continue; // a nested post's bar
    break; // a bar inside a quote block: decide below
  }
  const quote = findQuotedPost(postEl);
  const bars = all({ root: postEl, exclude: null }, S.actionRow);
  const outside = bars.filter((b) => !(quote && quote.contains(b)));
  if (outside.length) return outside[outside.length - 1]!;
  const id = readStatusRef(postEl, { root: postEl, exclude: quote }, null)?.ref.id;
  return bars.find((b) => id && b.querySelector(`a[href*="/status/${id}/analytics"]`)) ?? bars[bars.length - 1] ?? null;
}

// ---------------------------------------------------------------------------------------------
// Identity

/**
 * Status id and author handle of a post, with the source used. Order (docs/sites/x.md §1.1):
 * 1. the `/status/<id>` link wrapping `<time>`; 2. the `/status/<id>/analytics` link (timelines);
 * 3. the page URL, for the focal post of a status page (`tabindex="-1"`, x-2025-10_status-page-focal_…);
 * 4. the post's own `/status/<id>/photo/<n>` links.
 */
function readStatusRef(postEl: Element, scope: Scope, pageUrl: string | null): { ref: StatusRef; via: string } | null {
  // The status links that wrap a <time>, found from the (few) <time> elements up.
  for (const time of all(scope, 'time')) {
    const a = time.closest(S.statusLink);
    if (!a || !scope.root.contains(a) || (scope.exclude && scope.exclude.contains(a))) continue;
    const ref = parseStatusUrl(a.getAttribute('href') ?? '');
    if (ref) return { ref, via: 'permalink' };
  }
  for (const a of all(scope, S.analyticsLink)) {
    const ref = parseStatusUrl(a.getAttribute('href') ?? '');
    if (ref) return { ref, via: 'analyticsLink' };
  }
  if (pageUrl && postEl.getAttribute('tabindex') === '-1') {
    const ref = parseStatusUrl(pageUrl);
    if (ref) return { ref, via: 'pageUrl' };
  }
  for (const a of all(scope, S.anyOf(S.mediaStatusLink))) {
    const ref = parseStatusUrl(a.getAttribute('href') ?? '');
    if (ref) return { ref, via: 'mediaStatusLink' };
  }
  return null;
}

/**
 * Fast path of {@link readStatusRef}'s first rule for the scan hot path: the status id of the
 * post's first `<time>` when it belongs to this post, sits in no quote block at all (so it cannot be
 * the quoted post's) and is wrapped in a status link; else undefined and the caller takes the full
 * rules. Gives the same answer as they would.
 */
function ownPermalinkId(postEl: Element): string | undefined {
  const time = postEl.querySelector('time');
  if (!time || time.closest(POST_OR_QUOTE) !== postEl) return undefined;
  const a = time.closest(S.statusLink); // X wraps the <time> in its permalink
  if (!a || !postEl.contains(a)) return undefined;
  return parseStatusUrl(a.getAttribute('href') ?? '')?.id;
}

/** The status id of a post root, re-read from the DOM on every call (elements are recycled, docs/sites/x.md §1.3). */
export function readPostId(postEl: Element, ctx: Pick<ExtractContext, 'url'>): string | null {
  const fast = ownPermalinkId(postEl);
  if (fast !== undefined) return fast;
  return readStatusRef(postEl, { root: postEl, exclude: findQuotedPost(postEl) }, ctx.url)?.ref.id ?? null;
}

// ---------------------------------------------------------------------------------------------
// Fields

/**
 * Name and handle from an article read view's byline metas (`[itemprop=author]`: `name`,
 * `additionalName`), for a read view on its own page, which has no User-Name
 * (x-2026-11_article-page_read-view-standalone_itemprop-author__synthetic).
 */
function readByline(scope: Scope): { name: string; handle: string | null } {
  const box = one(scope, S.articleByline);
  const meta = (prop: string) => box?.querySelector(`meta[itemprop="${prop}"]`)?.getAttribute('content')?.trim() ?? '';
  const handle = meta('additionalName');
  return { name: clean(meta('name')), handle: /^[A-Za-z0-9_]{1,50}$/.test(handle) ? handle : null };
}

/**
 * Author from the scope's User-Name: name = its first `div[dir]` (emoji `<img alt>` kept, e.g.
 * "Person E — e/acc ⏩" in x-2023-12_timeline_quote_show-more_…; verified/affiliation badges give
 * no text), handle = the text that reads `@handle` (a link in the post, a span in a quote); without a
 * User-Name, an article byline ({@link readByline}). The handle falls back to the
 * `UserAvatar-Container-<handle>` testid. Null when no handle can be read.
 */
function readAuthor(scope: Scope): Author | null {
  const un = one(scope, S.userName);
  let handle: string | null = null;
  let name = '';
  if (un) {
    for (const el of un.querySelectorAll('a, span')) {
      const m = HANDLE_TEXT.exec((el.textContent ?? '').trim());
      if (m) { handle = m[1]!; break; }
    }
    const nameEl = un.querySelector('div[dir]');
    name = nameEl ? clean(textOf(nameEl)) : '';
  } else {
    ({ name, handle } = readByline(scope));
  }
  if (!handle) {
    const box = one(scope, S.avatarContainer);
    const suffix = box?.getAttribute('data-testid')?.slice(S.avatarContainerPrefix.length);
    if (suffix && /^[A-Za-z0-9_]{1,50}$/.test(suffix)) handle = suffix;
  }
  if (!handle) return null;
  // An article byline has no Tweet-User-Avatar; its avatar sits in the UserAvatar-Container.
  const img = (one(scope, S.avatar) ?? (un ? null : one(scope, S.avatarContainer)))?.querySelector('img[src]');
  const src = img?.getAttribute('src');
  return {
    name: name || handle,
    handle,
    profileUrl: `https://x.com/${handle}`,
    avatarUrl: isHttpUrl(src) ? src : null,
  };
}

/**
 * The full URL a link shows, rebuilt from its spans: X splits the display text into
 * `<span aria-hidden>https://</span>visible<span aria-hidden>rest</span><span aria-hidden>…</span>`
 * (x-2023-12_timeline_single-image_tco-link-split-spans). Concatenating every text node and
 * dropping the final "…" gives the expanded URL. Null when the result is not an absolute URL
 * (mentions, hashtags, or upstream's hand-edited "Example.com" in x-2025-10_…quoted-has-video…).
 */
export function expandedUrl(a: Element): string | null {
  const full = (a.textContent ?? '').replace(/\s+/g, '').replace(/…$/, '');
  return /^https?:\/\/\S+$/i.test(full) ? full : null;
}

/**
 * Plain text of a tweetText element: walker (docs/sites/README.md §0 rule 5), expanded links, no "Show more"
 * label. tweetText is `white-space: pre-wrap`, so `\n` in text nodes are line breaks
 * (x-2023-12_timeline_quote_show-more_…); @mentions sit in inline-styled `div`s
 * (x-2023-10_timeline_reposted-by-you_show-more_mention_…), so no `div` inside it breaks a line.
 */
function readText(textEl: Element | null): string {
  if (!textEl) return '';
  return textOf(textEl, {
    skip: SEE_MORE,
    inline: 'div',
    keepNewlines: true,
    replace: (el) => (el.tagName === 'A' ? expandedUrl(el) : null),
  });
}

function readLang(textEl: Element | null): string | null {
  const lang = textEl?.getAttribute('lang')?.trim() ?? '';
  if (!lang || PSEUDO_LANGS.has(lang.toLowerCase()) || !/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(lang)) return null;
  return lang;
}

function readTime(timeEl: Element | null, id: string | null): string | null {
  const raw = timeEl?.getAttribute('datetime');
  if (raw) {
    const d = new Date(raw);
    if (!Number.isNaN(d.getTime())) return d.toISOString();
  }
  return id ? statusIdToIso(id) : null;
}

interface TextEntities {
  links: Link[];
  hashtags: string[];
  mentions: string[];
  /** t.co href → expanded URL, to expand the same t.co in a card. */
  expansions: Map<string, string>;
}

/** Links, hashtags and mentions of a tweetText or an article body. Internal links resolve to x.com; t.co links to their shown URL. */
function readEntities(textEl: Element | null): TextEntities {
  const out: TextEntities = { links: [], hashtags: [], mentions: [], expansions: new Map() };
  if (!textEl) return out;
  for (const a of textEl.querySelectorAll('a[href]')) {
    if (a.querySelector(`${S.photo}, ${S.videoPlayer}`)) continue; // an image in an article body, not a link
    const href = a.getAttribute('href') ?? '';
    const label = clean(a.textContent ?? '');
    if (a.matches(S.hashtagLink)) {
      const tag = label.replace(/^[#＃]/, '') || decodeURIComponent(href.split(/[/?]/)[2] ?? '');
      if (tag && !out.hashtags.includes(tag)) out.hashtags.push(tag);
      continue;
    }
    if (a.matches(S.cashtagLink)) continue;
    const handle = HANDLE_PATH.exec(href)?.[1];
    if (handle && label.startsWith('@')) {
      if (!out.mentions.includes(handle)) out.mentions.push(handle);
      continue;
    }
    const abs = absolute(href);
    const shown = expandedUrl(a);
    if (shown && abs && /^https?:\/\/t\.co\//.test(abs)) out.expansions.set(abs, shown);
    const url = shown ?? abs;
    if (url && !out.links.some((l) => l.url === url)) out.links.push({ url, title: null });
  }
  return out;
}

const DOMAIN_LABEL = /^(From )?[a-z0-9-]+(\.[a-z0-9-]+)+$/i;

/**
 * Title of a link card: the first line of its detail block that is not the domain (small card:
 * domain, title, description — x-2024-01_timeline_link-card-small_tco; large: domain, title —
 * x-2024-01_timeline_brand_link-card-carousel_6-images). 2025 large cards print the title over the
 * image instead (x-2025-10_status-page-focal_link-card__tweetyoink).
 */
function cardTitle(card: Element): string | null {
  const detail = card.querySelector(S.anyOf(S.cardDetail));
  const lines = detail
    ? [...detail.querySelectorAll('div[dir]')].map((d) => clean(textOf(d)))
    : [...(card.querySelector(S.anyOf(S.cardMedia))?.querySelectorAll('a div[dir] span') ?? [])].map((s) => clean(textOf(s)));
  return lines.find((l) => l && !DOMAIN_LABEL.test(l)) ?? null;
}

/**
 * Link cards in the scope, one per `card.wrapper` (one per carousel slide). Polls are cards too and
 * are skipped. The card's target is its `<a href>`: a direct URL in 2024 carousels, a t.co URL
 * otherwise. A t.co target becomes the expanded URL when the same t.co appears expanded in the text;
 * else the t.co URL is kept, because the card shows only the domain ("middleeasteye.net") and a
 * domain-only URL would point at the wrong page, while t.co still redirects to the article.
 */
function readCards(scope: Scope, expansions: Map<string, string>): Link[] {
  const out: Link[] = [];
  for (const card of all(scope, S.cardWrapper)) {
    if (card.parentElement?.closest(S.cardWrapper) || card.querySelector(S.poll)) continue;
    const href = card.querySelector('a[href]')?.getAttribute('href');
    const abs = href ? absolute(href) : null;
    if (!abs) continue;
    out.push({ url: expansions.get(abs) ?? abs, title: cardTitle(card) });
  }
  return out;
}

/** Merges card links into text links: a card for a URL already in the text only adds its title. */
function mergeLinks(textLinks: Link[], cards: Link[]): Link[] {
  const out = textLinks.map((l) => ({ ...l }));
  for (const c of cards) {
    const same = out.find((l) => l.url === c.url);
    if (same) same.title ??= c.title;
    else out.push(c);
  }
  return out;
}

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

function mediaKind(url: string, fallback: Media['kind']): Media['kind'] {
  if (/\/tweet_video_thumb\//.test(url)) return 'gif';
  if (/\/(amplify_video_thumb|ext_tw_video_thumb)\//.test(url)) return 'video';
  if (/\/media\//.test(url)) return fallback === 'video' ? 'video' : 'image';
  return fallback;
}

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
function readMedia(scope: Scope): { media: Media[]; missing: boolean } {
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

/**
 * Poll of the scope (x-2023-11_timeline_poll_finished): options in order with the label and the
 * shown percentage; footer "1 vote · Final results". X shows percentages, not counts: a count is
 * derived only when it is exact (total ≤ 100 votes, so a rounded whole percentage maps to one
 * count), else null. `closed` = the footer says "Final results".
 */
function readPoll(scope: Scope): Poll | null {
  const pollEl = one(scope, S.poll);
  if (!pollEl) return null;
  const footer = clean([...pollEl.children].filter((c) => c.tagName !== 'UL').map((c) => textOf(c)).join(' '));
  const totalM = /([\d,]+)\s+votes?\b/i.exec(footer);
  const totalVotes = totalM ? Number(totalM[1]!.replace(/,/g, '')) : null;
  const options = [...pollEl.querySelectorAll('li')].slice(0, 10).map((li) => {
    const parts = [...li.querySelectorAll('div[dir]')].map((d) => clean(textOf(d))).filter(Boolean);
    const pctText = parts.find((p) => /^\d+(\.\d+)?%$/.test(p));
    const label = parts.find((p) => p !== pctText) ?? clean(textOf(li));
    const pct = pctText ? Number.parseFloat(pctText) : null;
    const votes = pct != null && totalVotes != null && totalVotes <= 100 ? Math.round((pct * totalVotes) / 100) : null;
    return { label, votes };
  });
  return { options, totalVotes, closed: /final results/i.test(footer) };
}

/** "You reposted" header → reposter; other social contexts ("Pinned") → null. The author stays the original's. */
function readRepostedBy(scope: Scope): CaptureDraft['repostedBy'] {
  const ctxEl = one(scope, S.socialContext);
  if (!ctxEl) return null;
  const text = clean(textOf(ctxEl));
  if (!S.repostedText.test(text)) return null;
  const href = ctxEl.closest('a[href]')?.getAttribute('href') ?? ctxEl.querySelector('a[href]')?.getAttribute('href');
  const handle = href ? HANDLE_PATH.exec(href)?.[1] : undefined;
  return { name: text.replace(S.repostedText, '') || handle || text, profileUrl: handle ? `https://x.com/${handle}` : null };
}

/** "Replying to @a and @b" above the text (timelines) → the first handle. */
function readInReplyTo(scope: Scope): CaptureDraft['inReplyTo'] {
  for (const el of all(scope, 'div[dir]')) {
    if (el.closest(S.postText) || !S.replyingToText.test(clean(el.textContent ?? ''))) continue;
    for (const m of el.querySelectorAll('a, span')) {
      const h = HANDLE_TEXT.exec(clean(m.textContent ?? ''));
      if (h) return { postId: null, handle: h[1]!, permalink: null };
    }
  }
  return null;
}

function hasSeeMore(scope: Scope): boolean {
  return one(scope, SEE_MORE) !== null;
}

// ---------------------------------------------------------------------------------------------
// X Articles

/** Longest text the schema takes (`MAX_TEXT` in lib/schema/capture.ts, 64 KiB); a longer body is cut. */
const MAX_TEXT = 64 * 1024;
/** Longest title the schema takes (`CaptureDraft.title`). */
const MAX_TITLE = 512;
const ARTICLE_PARTS = `${S.articleTitle}, ${ARTICLE_BODY}, ${S.articleCover}`;

/** What an article read view or preview card gives the draft. */
interface ArticleRead {
  title: string | null;
  text: string;
  truncated: boolean;
  /** The body element of a read view, for its links; null for a card. */
  body: Element | null;
  /** A preview card's cover image (a read view's images are ordinary media slots). */
  cover: Media | null;
}

/**
 * The X Article of the scope, or null when the post is not one (docs/sites/x.md "Articles").
 * - Read view (status page, or the article's own page): `title` from `twitter-article-title`, `text` =
 *   the whole body ({@link articleBodyText}). `truncated` only when the body has not rendered (the
 *   text is then the title: never empty) or is longer than the schema allows (cut at 64 KiB).
 *   x-2026-11_status-page_article-read-view_headings-lists-link__synthetic,
 *   x-2026-11_article-page_read-view-standalone_itemprop-author__synthetic
 * - Timeline preview card, read only when `withCard` (the post has no text of its own): `title` =
 *   its first line, `text` = the preview lines (the title when there are none), always `truncated`
 *   because a card never holds the whole body; its cover image is media.
 *   x-2026-11_timeline_article-preview-card__synthetic
 */
function readArticle(scope: Scope, withCard: boolean): ArticleRead | null {
  const parts = all(scope, ARTICLE_PARTS); // one query for the three: most posts have none
  if (!parts.length && !withCard) return null;
  const titleEl = parts.find((el) => el.matches(S.articleTitle));
  const body = parts.find((el) => el.matches(ARTICLE_BODY)) ?? null;
  if (titleEl || body) {
    const title = (titleEl ? clean(textOf(titleEl)) : '').slice(0, MAX_TITLE) || null;
    const full = body ? articleBodyText(body) : '';
    return { title, text: (full || title || '').slice(0, MAX_TEXT), truncated: !full || full.length > MAX_TEXT, body, cover: null };
  }
  if (!withCard) return null;
  const coverEl = parts.find((el) => el.matches(S.articleCover));
  const box = coverEl?.nextElementSibling ?? all(scope, S.articleLink).find((a) => S.articleHref.test(a.getAttribute('href') ?? '') && !a.closest(S.postText) && !a.closest(S.cardWrapper));
  const [title, ...preview] = box ? articleCardLines(box) : [];
  if (!title) return null;
  const src = coverEl?.querySelector('img[src]')?.getAttribute('src');
  const cover: Media | null = isHttpUrl(src) ? { kind: 'image', url: originalMediaUrl(src), alt: null } : null;
  return { title: title.slice(0, MAX_TITLE), text: preview.join('\n') || title, truncated: true, body: null, cover };
}

// ---------------------------------------------------------------------------------------------
// Quoted post

function emptyQuoted(unavailable: boolean): QuotedDraft {
  return {
    platform: 'x', postId: null, permalink: null, author: null, text: '', lang: null, postedAt: null,
    media: [], links: [], hashtags: [], mentions: [], poll: null, truncated: false, mediaMissing: false, unavailable,
  };
}

/**
 * The quoted post as its own draft, or null when its author cannot be read (then `quoteMissing`).
 * Its `<time>` is not inside a link (docs/sites/x.md §1.2 2021-05), so its id shows only through a
 * `/status/<id>/photo/1` link (x-2025-10_timeline_quote_quoted-has-image__tweetyoink); otherwise
 * postId/permalink are null (x-2025-10_timeline_quote_quoted-has-video__tweetyoink).
 */
function readQuoted(block: QuoteBlock): QuotedDraft | null {
  if (block.unavailable) return emptyQuoted(true);
  const scope: Scope = { root: block.el, exclude: null };
  const author = readAuthor(scope);
  if (!author) return null;
  // Only a link wrapping the quote's <time> (none seen yet) or a media link names the quoted post; the
  // handle must be the quoted author's, because the hand-edited x-2025-10_…quoted-has-video__tweetyoink
  // nests the quoting post's action bar (with its /analytics link) inside the quote block.
  let ref: StatusRef | null = null;
  for (const a of block.el.querySelectorAll(S.statusLink)) {
    if (!a.querySelector('time') && !a.matches(S.anyOf(S.mediaStatusLink))) continue;
    const r = parseStatusUrl(a.getAttribute('href') ?? '');
    if (r && (!r.handle || r.handle.toLowerCase() === author.handle!.toLowerCase())) { ref = r; break; }
  }
  const textEl = one(scope, S.postText);
  const ents = readEntities(textEl);
  const { media, missing } = readMedia(scope);
  return {
    platform: 'x',
    postId: ref?.id ?? null,
    permalink: ref ? statusPermalink(ref.handle ?? author.handle, ref.id) : null,
    author,
    text: readText(textEl),
    lang: readLang(textEl),
    postedAt: readTime(one(scope, S.time), ref?.id ?? null),
    media,
    links: mergeLinks(ents.links, readCards(scope, ents.expansions)),
    hashtags: ents.hashtags,
    mentions: ents.mentions,
    poll: readPoll(scope),
    truncated: hasSeeMore(scope),
    mediaMissing: missing,
    unavailable: false,
  };
}

// ---------------------------------------------------------------------------------------------
// The post

/**
 * Reads one post root into a CaptureDraft (`thread: []`, `threadPartial: false`). `title` is null
 * except for an X Article, whose text is then the article's body or preview ({@link readArticle}).
 * @throws ExtractError `author`/`userName` when no handle can be read; `postId`/`permalink` when no
 *   status id can be found (see {@link readStatusRef}); `text`/`postText` when the post has no text,
 *   media, quote, card or poll (an empty draft is never a success).
 */
export function extractPost(postEl: Element, ctx: ExtractContext): CaptureDraft {
  const quote = findQuoteBlock(postEl);
  const main: Scope = { root: postEl, exclude: quote?.el ?? null };
  const author = readAuthor(main);
  if (!author) throw new ExtractError('x', 'author', 'userName');
  const found = readStatusRef(postEl, main, ctx.url);
  if (!found) throw new ExtractError('x', 'postId', 'permalink');
  const { id } = found.ref;
  const handle = found.ref.handle ?? author.handle;

  const textEl = one(main, S.postText);
  const ownText = readText(textEl);
  const article = readArticle(main, !ownText);
  const text = article ? article.text : ownText; // a card is read only when the post has no text
  const ents = readEntities(article?.body ?? textEl);
  const { media: shown, missing } = readMedia(main);
  const cover = article?.cover;
  const media = cover && !shown.some((m) => m.url === cover.url) ? [cover, ...shown] : shown;
  const links = mergeLinks(ents.links, readCards(main, ents.expansions));
  const poll = readPoll(main);
  const quoted = quote ? readQuoted(quote) : null;
  const quoteMissing = quote !== null && quoted === null;
  if (!text && !media.length && !missing && !quote && !links.length && !poll) {
    throw new ExtractError('x', 'text', 'postText', `x: empty post ${id}: no text, media, quote or card (selector postText)`);
  }
  // The permalink's time for the main post; a bare <time> only when there is no permalink (focal post fallback).
  const timeEl = found.via === 'permalink'
    ? all(main, S.statusLink).find((a) => a.querySelector('time'))!.querySelector(S.time)
    : one(main, S.time);
  return {
    platform: 'x',
    postId: id,
    permalink: statusPermalink(handle, id),
    permalinkMissing: false,
    author,
    text,
    lang: readLang(textEl),
    postedAt: readTime(timeEl, id),
    media,
    links,
    hashtags: ents.hashtags,
    mentions: ents.mentions,
    poll,
    truncated: article ? article.truncated : hasSeeMore(main),
    mediaMissing: missing,
    title: article?.title ?? null,
    quoted,
    quoteMissing,
    repostedBy: readRepostedBy(main),
    inReplyTo: readInReplyTo(main),
    thread: [],
    threadPartial: false,
  };
}

// ---------------------------------------------------------------------------------------------
// Self-thread on a status page

function toPart(d: CaptureDraft): ThreadPart {
  return {
    postId: d.postId, permalink: d.permalink, author: d.author, text: d.text,
    postedAt: d.postedAt, media: d.media, links: d.links, truncated: d.truncated,
  };
}

function authorHandle(postEl: Element): string | null {
  const quote = findQuoteBlock(postEl);
  return readAuthor({ root: postEl, exclude: quote?.el ?? null })?.handle?.toLowerCase() ?? null;
}

/** Reply count from the action bar's label ("1 reply, 22 views"), null when unreadable. */
function replyCount(postEl: Element): number | null {
  const label = findActionRow(postEl)?.getAttribute('aria-label') ?? '';
  const m = /([\d,]+)\s+repl(y|ies)\b/i.exec(label);
  if (m) return Number(m[1]!.replace(/,/g, ''));
  return label ? 0 : null;
}

/** True when a "Show replies"-like control sits between `after` and `before` (or the end of `within`), outside any post. */
function showRepliesBetween(within: ParentNode, after: Element, before: Element | null): boolean {
  for (const el of within.querySelectorAll('[role="button"], button, [role="link"], a')) {
    if (ownerOf(el)) continue;
    if (!(after.compareDocumentPosition(el) & 4)) continue; // 4 = DOCUMENT_POSITION_FOLLOWING
    if (before && !(el.compareDocumentPosition(before) & 4)) continue;
    if (S.showRepliesText.test(clean(el.textContent ?? ''))) return true;
  }
  return false;
}

/**
 * On a status page (`/<handle>/status/<id>`), the self-thread around `postEl`: the consecutive posts
 * (document order) by `postEl`'s author in the conversation, as one draft built from the first part,
 * with every part in `thread`. A post by anyone else ends the run, so other people's replies are never
 * parts. Returns null off status pages and when the run is a single post with nothing more to load.
 *
 * `threadPartial` is true when (rule, checked in this order):
 * 1. the first part says "Replying to @<same author>" — earlier parts are not loaded;
 * 2. a "Show replies" / "Show more replies" / "Show" control follows the last part before the next post;
 * 3. the last part is the last post loaded and its action bar counts ≥ 1 reply — the conversation
 *    continues beyond what the page has loaded;
 * 4. a later part could not be read (it is left out).
 * Source: x-2026-11_status-page_self-thread-3-parts_reply-by-other__synthetic (cells of
 * x-2023-12_thread_cell-{1,2,3}-of-3_plain-text on one page).
 */
export function extractSelfThread(postEl: Element, ctx: ExtractContext): CaptureDraft | null {
  if (!parseStatusUrl(ctx.url)) return null;
  const container = postEl.closest(S.anyOf(S.conversation)) ?? ctx.document;
  const posts = findPostRoots(container);
  const at = posts.indexOf(postEl);
  const who = authorHandle(postEl);
  if (at < 0 || !who) return null;
  let start = at;
  while (start > 0 && authorHandle(posts[start - 1]!) === who) start--;
  let end = at;
  while (end + 1 < posts.length && authorHandle(posts[end + 1]!) === who) end++;
  const run = posts.slice(start, end + 1);

  const first = extractPost(run[0]!, ctx);
  const parts: ThreadPart[] = [toPart(first)];
  let unreadable = false;
  for (const el of run.slice(1)) {
    try { parts.push(toPart(extractPost(el, ctx))); } catch (e) {
      if (!(e instanceof ExtractError)) throw e;
      unreadable = true;
    }
  }
  const last = run[run.length - 1]!;
  const next = posts[end + 1] ?? null;
  const partial =
    first.inReplyTo?.handle?.toLowerCase() === who ||
    showRepliesBetween(container, last, next) ||
    (next === null && (replyCount(last) ?? 0) > 0) ||
    unreadable;
  if (parts.length < 2 && !partial) return null;
  return { ...first, thread: parts, threadPartial: partial };
}

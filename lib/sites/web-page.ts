/**
 * The `web` capture: any page (or a link on it) saved from the context menu, as a pure function of
 * the page's document (ARCHITECTURE.md 6.2 rule 3: DOM in, CaptureDraft out; no extension APIs).
 * Metadata sources are the usual head tags: `link[rel=canonical]`, Open Graph (`og:*`,
 * `article:*`, https://ogp.me/) and `meta[name=author|description]`.
 */
import type { CaptureDraft } from '../schema';

/** What the context-menu click tells us (the `contextMenus.OnClickData` fields we use). */
export interface WebPageInput {
  /** URL of the page the menu was opened on. Must be http(s). */
  pageUrl: string;
  /** Selected text, if any (the browser gives it as plain text; line breaks are kept). */
  selectionText?: string | null;
  /** The link the menu was opened on, if any: then the link is what is saved. Must be http(s). */
  linkUrl?: string | null;
}

const MAX_TEXT = 64 * 1024;
const MAX_ID = 512;
const MAX_URL = 2048;

/** Absolute http(s) URL of `href` against `base`, or null. */
function httpUrl(href: string | null | undefined, base?: string): string | null {
  if (!href?.trim()) return null;
  try {
    const u = new URL(href.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** Parses `raw` as an http(s) URL or throws a clear Error naming the field. */
function requireHttp(raw: string, field: string): string {
  const u = httpUrl(raw);
  if (!u) throw new Error(`extractWebPage: ${field} must be an absolute http(s) URL, got ${JSON.stringify(raw.slice(0, 100))}`);
  if (u.length > MAX_URL) throw new Error(`extractWebPage: ${field} is longer than ${MAX_URL} characters`);
  return u;
}

/** Content of the first `<meta>` whose `property` or `name` equals one of `keys` (case-insensitive), trimmed; null when absent or empty. */
function meta(document: Document, ...keys: string[]): string | null {
  const want = keys.map((k) => k.toLowerCase());
  for (const key of want) {
    for (const m of document.querySelectorAll('meta[content]')) {
      const k = (m.getAttribute('property') ?? m.getAttribute('name') ?? '').toLowerCase();
      const v = m.getAttribute('content')?.trim();
      if (k === key && v) return v;
    }
  }
  return null;
}

/** Whitespace-collapsed single line, or null when empty. */
function oneLine(s: string | null | undefined, max: number): string | null {
  const t = (s ?? '').replace(/\s+/g, ' ').trim();
  return t ? t.slice(0, max) : null;
}

/** Selection text with line breaks kept: CRLF → LF, trailing spaces and blank ends trimmed. */
function cleanSelection(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/^\n+|\n+$/g, '')
    .trim();
}

/** FNV-1a 32-bit hex, for shortening over-long ids only. */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** The URL as a post id; URLs over 512 characters (the schema's id limit) keep their first 494 characters plus `#~` and a hash of the whole URL. */
function idOfUrl(url: string): string {
  if (url.length <= MAX_ID) return url;
  return `${url.slice(0, MAX_ID - 18)}#~${fnv1a(url)}${fnv1a(url.split('').reverse().join(''))}`;
}

/** The page's canonical URL: `link[rel=canonical]`, then `og:url` (each only if http(s)), else the page URL without its fragment. */
function canonicalUrl(document: Document, pageUrl: string): string {
  const link = [...document.querySelectorAll('link[rel][href]')].find((l) =>
    (l.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical'),
  );
  const u = httpUrl(link?.getAttribute('href'), pageUrl) ?? httpUrl(meta(document, 'og:url'), pageUrl);
  if (u && u.length <= MAX_URL) return u;
  return pageUrl.replace(/#.*$/, '');
}

/** Visible text of the first anchor in the page pointing at `url`, or null. */
function anchorText(document: Document, url: string, base: string): string | null {
  for (const a of document.querySelectorAll('a[href]')) {
    if (httpUrl(a.getAttribute('href'), base) === url) {
      const t = oneLine(a.textContent, 512) ?? oneLine(a.getAttribute('title') ?? a.getAttribute('aria-label'), 512);
      if (t) return t;
    }
  }
  return null;
}

/**
 * Reads a page (or a link on it) into a `web` CaptureDraft.
 *
 * Page capture (no `linkUrl`):
 * - postId = permalink = canonical URL (`link[rel=canonical]`, `og:url`, else `pageUrl` without fragment);
 * - title = `og:title`, else `<title>`; text = the selection, else `og:description`/`meta[name=description]`;
 * - author = `meta[name=author]`, else `article:author` when it is a name (Open Graph allows a profile
 *   URL there, which is not a name → null); handle/profileUrl/avatarUrl null;
 * - postedAt = `article:published_time` as ISO UTC (null when absent or unparsable);
 * - media = `og:image` (absolute, http(s)) with `og:image:alt`; links = [{ canonical URL, title }];
 * - lang = `<html lang>`.
 *
 * Link capture (`linkUrl` given): the link is what is saved. postId = permalink = the link URL;
 * title = the anchor's text in the page (null if not found); text = the selection or ''; links =
 * [{ link, title }]. The page's description, author, date, image and lang describe the page the link
 * sits on, not its target, so they are left empty/null.
 *
 * All flags are false and `thread` is empty, except `truncated`, set only when a selection had to be
 * cut to the schema's 64 KiB text limit. URLs over 512 characters get a shortened id (see `idOfUrl`).
 *
 * @throws Error when `pageUrl` or `linkUrl` is not an absolute http(s) URL (e.g. `chrome://`, `file:`,
 *   `javascript:`, `data:`), or is longer than 2048 characters.
 */
export function extractWebPage(document: Document, input: WebPageInput): CaptureDraft {
  const pageUrl = requireHttp(input.pageUrl, 'pageUrl');
  const linkUrl = input.linkUrl ? requireHttp(input.linkUrl, 'linkUrl') : null;

  const selection = input.selectionText ? cleanSelection(input.selectionText) : '';
  const truncated = selection.length > MAX_TEXT;
  const selectionText = selection.slice(0, MAX_TEXT);

  if (linkUrl) {
    const title = anchorText(document, linkUrl, pageUrl);
    return draft({ url: linkUrl, title, text: selectionText, truncated });
  }

  const url = canonicalUrl(document, pageUrl);
  const title = oneLine(meta(document, 'og:title'), 512) ?? oneLine(document.title, 512);
  const text = selectionText || (meta(document, 'og:description', 'description') ?? '').slice(0, MAX_TEXT);
  const authorRaw = meta(document, 'author') ?? meta(document, 'article:author');
  const authorName = authorRaw && !httpUrl(authorRaw) ? oneLine(authorRaw, 256) : null;
  const published = meta(document, 'article:published_time');
  const t = published ? Date.parse(published) : NaN;
  const image = httpUrl(meta(document, 'og:image:secure_url') ?? meta(document, 'og:image'), url);
  const lang = document.documentElement.getAttribute('lang')?.trim() ?? '';
  return draft({
    url,
    title,
    text,
    truncated,
    author: authorName ? { name: authorName, handle: null, profileUrl: null, avatarUrl: null } : null,
    postedAt: Number.isNaN(t) ? null : new Date(t).toISOString(),
    media: image && image.length <= MAX_URL ? [{ kind: 'image', url: image, alt: oneLine(meta(document, 'og:image:alt'), 4000) }] : [],
    lang: /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(lang) ? lang.slice(0, 35) : null,
  });
}

/** Builds the draft with every field the web capture does not fill set to its empty value. */
function draft(p: {
  url: string;
  title: string | null;
  text: string;
  truncated: boolean;
  author?: CaptureDraft['author'];
  postedAt?: string | null;
  media?: CaptureDraft['media'];
  lang?: string | null;
}): CaptureDraft {
  return {
    platform: 'web',
    postId: idOfUrl(p.url),
    permalink: p.url,
    author: p.author ?? null,
    text: p.text,
    lang: p.lang ?? null,
    postedAt: p.postedAt ?? null,
    media: p.media ?? [],
    links: [{ url: p.url, title: p.title ? p.title.slice(0, 1000) : null }],
    hashtags: [],
    mentions: [],
    poll: null,
    truncated: p.truncated,
    mediaMissing: false,
    title: p.title,
    quoted: null,
    quoteMissing: false,
    repostedBy: null,
    inReplyTo: null,
    thread: [],
    threadPartial: false,
  };
}

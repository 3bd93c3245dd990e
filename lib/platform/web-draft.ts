/**
 * Pure: builds the `web` CaptureDraft for a context-menu (or keyboard-command fallback) capture from
 * what the browser event carried plus a {@link PageSnapshot}. Lives beside the snapshot reader
 * because the two form one contract; it touches no extension API.
 *
 * Why not read the page's DOM with a module: the background has no DOM, and
 * `executeScript({ func })` serialises one function without its imports, so a module with helpers
 * cannot be injected. The injected part is therefore the tiny self-contained `snapshotPage`, and the
 * draft is built here from plain data (the only web-capture path).
 */
import type { CaptureDraft } from '../schema';
import { webPageKey } from '../schema/web-key';
import type { PageSnapshot } from './page-snapshot';

/** Which menu item (or fallback) produced the capture. */
export type WebCaptureKind = 'selection' | 'link' | 'page';

/** Inputs of {@link webDraft}; all URLs as the browser reports them. */
export interface WebCaptureInput {
  kind: WebCaptureKind;
  /** `info.pageUrl` (or the tab URL). */
  pageUrl: string;
  /** `info.linkUrl` for link captures. */
  linkUrl?: string | null;
  /** `info.selectionText` (Chrome may shorten it; the snapshot's selection wins when present). */
  selectionText?: string | null;
  /** `tab.title`, used when the page could not be scripted. */
  tabTitle?: string | null;
  /** What the page itself said, or null when it could not be scripted. */
  snapshot: PageSnapshot | null;
}

const MAX_TEXT = 64 * 1024;

const httpUrl = (u: string | null | undefined): string | null => {
  if (!u) return null;
  try {
    const x = new URL(u);
    return (x.protocol === 'http:' || x.protocol === 'https:') && x.href.length <= 2048 ? x.href : null;
  } catch {
    return null;
  }
};
const clean = (s: string | null | undefined, max: number): string | null => {
  const t = (s ?? '').replace(/\s+/g, ' ').trim();
  return t ? t.slice(0, max) : null;
};
/** Selection text as the page shows it: CRLF → LF, trailing spaces trimmed, at most 2 blank lines kept. */
const cleanBlock = (s: string): string => s.replace(/\r\n?/g, '\n').replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();

/** Encodes a text-fragment term (`-`, `,` and `&` are syntax there). */
const enc = (s: string) => encodeURIComponent(s).replace(/-/g, '%2D');

/**
 * A URL that points at `selection` on `pageUrl` with a text fragment (`#:~:text=start,end`), so
 * each saved snippet has its own stable id and the "open original" link scrolls to it. The page
 * URL's own fragment is dropped.
 */
export function textFragmentUrl(pageUrl: string, selection: string): string {
  const base = pageUrl.replace(/#.*$/, '');
  const words = selection.replace(/\s+/g, ' ').trim().split(' ');
  const frag = words.length <= 10 ? enc(words.join(' ')) : `${enc(words.slice(0, 5).join(' '))},${enc(words.slice(-5).join(' '))}`;
  return `${base}#:~:text=${frag}`.slice(0, 2048);
}

/**
 * The draft for a web capture, or null when there is nothing savable (not an http(s) page).
 * - selection: text = the selection; id and permalink = the page key + text fragment (two snippets of
 *   one page are two captures; the same snippet twice is one).
 * - link: id and permalink = the link URL's {@link webPageKey}; title = the link's text; text = any selection.
 * - page: id and permalink = the page URL's {@link webPageKey} (no fragment, no `utm_*`…); text = selection, else the
 *   OpenGraph/meta description.
 * Title, author, image, language and publish time come from OpenGraph/meta tags when present.
 * Text over 64 KiB is cut and flagged `truncated`.
 */
export function webDraft(input: WebCaptureInput): CaptureDraft | null {
  const snap = input.snapshot;
  const page = httpUrl(input.pageUrl) ?? httpUrl(snap?.url);
  if (!page) return null;
  // The page's key (no fragment, no tracking parameters): what an import of the same page keys it by.
  const pageNoHash = webPageKey(page) ?? page.replace(/#.*$/, '');
  const m = snap?.meta ?? {};
  const selection = cleanBlock(snap?.selection || input.selectionText || '');
  const description = cleanBlock(m['og:description'] || m['twitter:description'] || m['description'] || '');
  const pageTitle = clean(m['og:title'] || m['twitter:title'] || snap?.title || input.tabTitle, 512);

  let kind = input.kind;
  const link = webPageKey(httpUrl(input.linkUrl));
  if (kind === 'link' && !link) kind = 'page';
  if (kind === 'selection' && !selection) kind = 'page';

  let postId: string;
  let title = pageTitle;
  let text: string;
  const links: CaptureDraft['links'] = [];
  if (kind === 'selection') {
    postId = textFragmentUrl(pageNoHash, selection);
    text = selection;
  } else if (kind === 'link') {
    postId = link!;
    title = clean(snap?.linkText, 512) ?? link!;
    text = selection;
    links.push({ url: link!, title: clean(snap?.linkText, 1000) });
  } else {
    postId = pageNoHash;
    text = selection || description;
  }
  const truncated = text.length > MAX_TEXT;
  if (truncated) text = text.slice(0, MAX_TEXT);

  const authorName = clean(m['author'] || (httpUrl(m['article:author']) ? null : m['article:author']), 256);
  const handle = clean(m['twitter:creator']?.replace(/^@/, ''), 256);
  const image = kind === 'link' ? null : httpUrl(m['og:image'] || m['twitter:image']);
  const published = m['article:published_time'] ? new Date(m['article:published_time']) : null;
  const lang = clean(snap?.lang, 35);

  return {
    platform: 'web',
    postId: postId.slice(0, 512),
    permalink: postId,
    permalinkMissing: false,
    author: authorName || handle ? { name: authorName ?? `@${handle}`, handle, profileUrl: null, avatarUrl: null } : null,
    text,
    lang,
    postedAt: published && !Number.isNaN(published.getTime()) ? published.toISOString() : null,
    media: image ? [{ kind: 'image', url: image, alt: clean(m['og:image:alt'], 4000) }] : [],
    links,
    hashtags: [],
    mentions: [],
    poll: null,
    truncated,
    mediaMissing: false,
    title,
    quoted: null,
    quoteMissing: false,
    repostedBy: null,
    inReplyTo: null,
    thread: [],
    threadPartial: false,
  };
}

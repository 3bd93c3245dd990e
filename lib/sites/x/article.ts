/**
 * X Articles (long-form posts): what a read view or a timeline preview card gives the draft
 * (`readArticle`), the plain text of a read view's Draft.js body, and the lines of a preview card.
 * Pure DOM in, text out; `dom.ts` decides which elements belong to the post. Markup and sources:
 * docs/sites/x.md "Articles".
 */
import { outermostMatches } from '../../dom/query';
import { textOf } from '../../dom/text';
import type { Link, Media } from '../../schema';
import { absolute, all, clean, isHttpUrl, isReadView, one, type Scope } from './dom';
import { originalMediaUrl } from './media';
import * as S from './selectors';

/** How a body block is laid out in the saved text. */
type BlockKind = 'paragraph' | 'heading' | 'bullet' | 'number' | 'code';

/**
 * The kind of one Draft.js block, or null for a block that gives no text (an atomic `section` holding
 * an image, a video or an embedded post). Classes come from X's editor (`longform-<type>`, with a
 * `-narrow` variant); tags are the fallback (x-2026-11_status-page_article-read-view_headings-lists-link__synthetic).
 */
function blockKind(el: Element): BlockKind | null {
  const cls = el.getAttribute('class') ?? '';
  if (el.tagName === 'SECTION') return el.querySelector('pre') ? 'code' : null;
  if (/\blongform-unordered-list-item\b/.test(cls)) return 'bullet';
  if (/\blongform-ordered-list-item\b/.test(cls)) return 'number';
  if (el.tagName === 'LI') return el.parentElement?.tagName === 'OL' ? 'number' : 'bullet';
  if (/^H[1-6]$/.test(el.tagName) || /\blongform-header-/.test(cls)) return 'heading';
  return 'paragraph';
}

/**
 * The text of one block. A block's text sits in `span[data-text]` leaves under `white-space:
 * pre-wrap`, so `\n` in them is a soft line break; links are wrapped in `div`s that render inline
 * (seen 2026-03), so no `div` breaks a line. Code keeps its spaces and line breaks as they are.
 */
function blockText(el: Element, kind: BlockKind): string {
  if (kind === 'code') return (el.querySelector('pre')?.textContent ?? '').replace(/^\n+|\s+$/g, '');
  return textOf(el, { inline: 'div', keepNewlines: true }).trim();
}

/**
 * The whole body of an article read view as plain text: one entry per Draft.js block, paragraphs,
 * headings, blockquotes and code separated by a blank line; bulleted items as `- item` and numbered
 * items as `1. item`, one per line. Empty blocks, image/video/embedded-post blocks and blocks nested
 * in another block (image captions) give no text. Returns `''` when no block has text.
 *
 * @param body - the body element (`twitterArticleRichTextView` or `longformRichTextComponent`)
 * @example "First paragraph.\n\nA heading\n\n- one\n- two\n\n1. first\n2. second"
 */
export function articleBodyText(body: Element): string {
  let out = '';
  let prev: BlockKind | null = null;
  let number = 0;
  for (const el of outermostMatches(body, S.articleBlock)) {
    const kind = blockKind(el);
    if (!kind) continue;
    const text = blockText(el, kind);
    if (!text) continue;
    number = kind === 'number' ? (prev === 'number' ? number + 1 : 1) : 0;
    const line = kind === 'bullet' ? `- ${text}` : kind === 'number' ? `${number}. ${text}` : text;
    const sameList = kind === prev && (kind === 'bullet' || kind === 'number');
    out += (out ? (sameList ? '\n' : '\n\n') : '') + line;
    prev = kind;
  }
  return out;
}

/**
 * The text lines of an article preview card, in order: the title first, then the preview of the
 * body; the "Article" badge is left out. Each line is one outermost `[dir]` element of `box`
 * (x-2026-11_timeline_article-preview-card__synthetic); a box without any gives its text lines.
 *
 * @param box - the block beside the card's cover image, or the card's link when it has no cover
 * @example ["Why I stopped bookmarking", "Bookmarks pile up because …"]
 */
export function articleCardLines(box: Element): string[] {
  const dirs = [...box.children].flatMap((child) => outermostMatches(child, '[dir]'));
  const raw = dirs.length ? dirs.map((el) => textOf(el)) : textOf(box).split('\n');
  return raw.map((t) => t.replace(/\s+/g, ' ').trim()).filter((t) => t && !S.articleBadgeText.test(t));
}

/** Longest text the schema takes (`MAX_TEXT` in lib/schema/capture.ts, 64 KiB); a longer body is cut. */
const MAX_TEXT = 64 * 1024;
/** Longest title the schema takes (`CaptureDraft.title`). */
const MAX_TITLE = 512;
const ARTICLE_BODY = S.anyOf(S.articleBody);
const ARTICLE_PARTS = `${S.articleTitle}, ${ARTICLE_BODY}, ${S.articleCover}`;

/** What an article read view or preview card gives the draft. */
export interface ArticleRead {
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
 * A read view whose title and body have not rendered gives `text: ''` (the caller refuses the post:
 * an article is never saved with empty text).
 */
export function readArticle(scope: Scope, withCard: boolean): ArticleRead | null {
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
  if (isReadView(scope.root) || one(scope, S.articleReadView)) return { title: null, text: '', truncated: true, body: null, cover: null };
  const coverEl = parts.find((el) => el.matches(S.articleCover));
  const box = coverEl?.nextElementSibling ?? cardLinkOf(scope);
  const [title, ...preview] = box ? articleCardLines(box) : [];
  if (!title) return null;
  const src = coverEl?.querySelector('img[src]')?.getAttribute('src');
  const cover: Media | null = isHttpUrl(src) ? { kind: 'image', url: originalMediaUrl(src), alt: null } : null;
  return { title: title.slice(0, MAX_TITLE), text: preview.join('\n') || title, truncated: true, body: null, cover };
}

/** The link of an article preview card in the scope (`/<handle>/article/<id>`, outside the text and link cards), or undefined. */
function cardLinkOf(scope: Scope): Element | undefined {
  return all(scope, S.articleLink).find((a) => S.articleHref.test(a.getAttribute('href') ?? '') && !a.closest(S.postText) && !a.closest(S.cardWrapper));
}

/**
 * An article preview card in a post that has text of its own, as a link: the article's URL
 * (`https://x.com/<handle>/article/<id>`) and the card's title line. Such a post is not the article
 * itself (its text is the author's), so the card is kept the way a link card is; null when the post
 * shows no card. Modelled on x-2026-11_timeline_article-preview-card__synthetic with a tweetText added.
 */
export function articleCardLink(scope: Scope): Link | null {
  const a = cardLinkOf(scope);
  const url = a ? absolute(a.getAttribute('href') ?? '') : null;
  if (!a || !url) return null;
  const box = a.querySelector(S.articleCover)?.nextElementSibling ?? a;
  return { url, title: articleCardLines(box)[0]?.slice(0, MAX_TITLE) ?? null };
}

/**
 * The HTML exports Satchel reads (docs/import-export.md), parsed with the browser's DOMParser:
 * - Netscape bookmark files (`<!DOCTYPE NETSCAPE-Bookmark-file-1>`, written by every browser,
 *   Raindrop, Karakeep, Linkwarden, Pinboard…): `<DT><H3>` folders around `<DL>` lists become
 *   collections (nested as `Parent / Child`; the browser's own roots such as "Bookmarks bar" are
 *   left out), `TAGS="a,b"` tags, `ADD_DATE` (seconds) the saved time, a following `<DD>` the
 *   description;
 * - Pocket's older `ril_export.html`: `<h1>Unread</h1>` / `<h1>Read Archive</h1>` lists of
 *   `<a href time_added tags>` links.
 * A problem names the line of the link's `<a` tag in the file.
 */
import type { ImportFormat, ImportedItem, ImportProblem, ReadResult } from './types';
import { badUrlMessage, normaliseUrl, readTime, splitTags, textOrNull } from './values';

type HtmlFormat = Extract<ImportFormat, 'pocket-html' | 'netscape'>;

/** Browser root folders: where a bookmark sits by default, not a collection the person made. */
const ROOTS = /^(bookmarks bar|bookmarks toolbar|other bookmarks|bookmarks menu|mobile bookmarks|bookmarks|favorites bar|favourites bar|other favorites|unsorted)$/i;

/** The 1-based line of each `<a …href` tag in `text`, in document order. */
function anchorLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let last = 0;
  for (const m of text.matchAll(/<a\s[^>]*?href\s*=/gi)) {
    for (let i = last; i < m.index; i++) if (text.charCodeAt(i) === 10) line++;
    last = m.index;
    lines.push(line);
  }
  return lines;
}

/** The folders around a Netscape bookmark, outermost first, without the browser's roots. */
function foldersOf(a: Element): string[] {
  const names: string[] = [];
  for (let el: Element | null = a.parentElement; el; el = el.parentElement) {
    if (el.tagName !== 'DL') continue;
    const head = el.previousElementSibling;
    if (head?.tagName !== 'H3') continue;
    const name = (head.textContent ?? '').trim();
    const root = head.hasAttribute('personal_toolbar_folder') || head.hasAttribute('unfiled_bookmarks_folder') || ROOTS.test(name);
    if (name && !root) names.unshift(name);
  }
  return names;
}

/** The `<DD>` description written right after a Netscape bookmark's `<DT>`, or ''. */
function descriptionOf(a: Element): string {
  const dt = a.closest('dt');
  const next = dt?.nextElementSibling;
  return next?.tagName === 'DD' ? (next.textContent ?? '').trim() : '';
}

/** Pocket: the list is under `<h1>Read Archive</h1>`. */
function pocketArchived(a: Element): boolean {
  const list = a.closest('ul');
  let h = list?.previousElementSibling;
  while (h && h.tagName !== 'H1') h = h.previousElementSibling;
  return /archive/i.test(h?.textContent ?? '');
}

/** Which tool wrote an HTML file: a Netscape bookmark file, Pocket's export, or null. */
export function htmlFormatOf(text: string, doc: Document): HtmlFormat | null {
  if (/<!DOCTYPE\s+NETSCAPE-Bookmark-file/i.test(text.slice(0, 2000)) || doc.querySelector('dl dt a[add_date], dl dt h3')) return 'netscape';
  if (doc.querySelector('a[time_added]')) return 'pocket-html';
  if (doc.querySelector('dl a[href]')) return 'netscape';
  return null;
}

/** Reads an HTML export: Netscape bookmarks or Pocket; refuses a file that holds no bookmarks. */
export function readHtmlFile(text: string): { format: HtmlFormat | null; result: ReadResult } {
  const doc = new DOMParser().parseFromString(text, 'text/html');
  const format = htmlFormatOf(text, doc);
  const anchors = [...doc.querySelectorAll('a[href]')];
  if (!format || anchors.length === 0) return { format: null, result: { ok: false, problems: [{ line: null, path: null, message: 'This HTML file holds no bookmarks (no links in a Netscape bookmark list or a Pocket export).' }] } };
  const lines = anchorLines(text);
  const items: ImportedItem[] = [];
  const skipped: ImportProblem[] = [];
  anchors.forEach((a, i) => {
    const raw = a.getAttribute('href') ?? '';
    const url = normaliseUrl(raw);
    if (!url) {
      skipped.push({ line: lines[i] ?? null, path: 'href', message: badUrlMessage(raw, "the link's href") });
      return;
    }
    const pocket = format === 'pocket-html';
    items.push({
      url,
      title: textOrNull(a.textContent),
      text: pocket ? '' : descriptionOf(a),
      note: null,
      tags: splitTags(a.getAttribute('tags'), /,/),
      collections: pocket ? [] : [foldersOf(a).join(' / ')].filter(Boolean),
      savedAt: readTime(a.getAttribute(pocket ? 'time_added' : 'add_date')),
      postedAt: null,
      author: null,
      image: null,
      archived: pocket && pocketArchived(a),
    });
  });
  return { format, result: { ok: true, items, skipped } };
}

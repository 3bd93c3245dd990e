import { createHash } from 'node:crypto';
import { JSDOM } from 'jsdom';
import { loadSduiFeed, siteCss, wrapFragment } from '../demo-feeds';

/**
 * A LinkedIn home feed whose markup "changed under Satchel", for the capture-health e2e
 * (tests/e2e/page-health.spec.ts) and the tour's capture-health steps (scripts/tour/health.ts):
 * the real SDUI capture's 7 posts (tests/fixtures/linkedin/linkedin-2026-05_sdui-home-feed_8-items_no-ids)
 * with two changes LinkedIn could ship any day, made with a DOM parser:
 * - `id-encoding`: the comment bar's key no longer decodes (docs/sites/linkedin.md "Post id");
 * - `author`: the name is no longer a `<p>` in the profile link, and the "…" menu label no longer
 *   names the author (docs/sites/linkedin.md "Author").
 * - `list-items`: the list items and their keys renamed, so nothing Satchel's post finder anchors on
 *   is left (docs/sites/linkedin.md "Three generations"), but the cards still look like posts.
 * A card with both of the first two changes shows no id and no author: it cannot be read at all.
 */

/** A layout change applied to one card. */
export type LayoutChange = 'id-encoding' | 'author' | 'list-items';

/** `el` with a new tag name, its attributes and children kept. */
function retag(el: Element, tag: string): void {
  const next = el.ownerDocument.createElement(tag);
  for (const at of Array.from(el.attributes)) next.setAttribute(at.name, at.value);
  next.append(...Array.from(el.childNodes));
  el.replaceWith(next);
}

/** The encoded id part of the comment bar key replaced by a string of another length (does not decode). */
function breakIdEncoding(doc: Document, commentKey: string): void {
  const encoded = commentKey.slice(0, commentKey.indexOf('-replaceableCommentTools'));
  const other = createHash('sha256').update(encoded).digest('base64url');
  for (const el of doc.querySelectorAll('[componentkey], [id]')) {
    for (const at of ['componentkey', 'id']) {
      const v = el.getAttribute(at);
      if (v?.includes(encoded)) el.setAttribute(at, v.split(encoded).join(other));
    }
  }
}

/** The author's name out of the profile link's `<p>` and out of the "…" menu labels. */
function moveAuthor(doc: Document): void {
  for (const p of doc.querySelectorAll('a[href] p')) retag(p, 'span');
  for (const b of doc.querySelectorAll('button[aria-label]')) {
    b.setAttribute('aria-label', b.getAttribute('aria-label')!.replace(/^(Open control menu for post|Hide post) by .*$/s, '$1'));
  }
}

/** The list items and their componentkeys renamed (role article, data-key). */
function renameListItems(doc: Document): void {
  for (const el of doc.querySelectorAll('[role="listitem"]')) el.setAttribute('role', 'article');
  for (const el of doc.querySelectorAll('[componentkey]')) {
    el.setAttribute('data-key', el.getAttribute('componentkey')!);
    el.removeAttribute('componentkey');
  }
}

/** One SDUI feed item (its real markup) after the given layout changes. */
function changedItem(html: string, commentKey: string, changes: readonly LayoutChange[]): string {
  const doc = new JSDOM(`<body>${html}</body>`).window.document;
  if (changes.includes('id-encoding')) breakIdEncoding(doc, commentKey);
  if (changes.includes('author')) moveAuthor(doc);
  if (changes.includes('list-items')) renameListItems(doc);
  return doc.body.innerHTML;
}

/**
 * The real SDUI feed's 7 posts as a LinkedIn home feed page (full HTML), post i changed by
 * `changesOf(i)`. Throws when the SDUI capture is missing from tests/fixtures/linkedin.
 */
export function changedFeedPage(changesOf: (i: number) => readonly LayoutChange[]): { html: string; posts: number } {
  const feed = loadSduiFeed();
  if (!feed) throw new Error('changed feed: the SDUI capture is missing from tests/fixtures/linkedin');
  const items = feed.templates.map((t, i) => changedItem(t.html, t.commentKey, changesOf(i)));
  const body = `<main aria-label="Main Feed">${feed.listOpen}${items.join('\n')}</div></main>`;
  return { html: wrapFragment(body, 'Feed | LinkedIn', siteCss('linkedin')), posts: feed.templates.length };
}

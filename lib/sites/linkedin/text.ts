/**
 * Reading a LinkedIn post text into plain text (docs/sites/linkedin.md "Text"). Pure: a clone is
 * changed when needed, never the page.
 */
import { textOf } from '../../dom/text';
import * as S from './selectors';

/** Gen C text box: laid out `white-space: pre-wrap` by a hashed class. */
const PRE_WRAP_C = '[data-testid="expandable-text-box"]';

/** Guest pages keep line breaks as literal `\n` in a pre-wrap element: a clone with `<br>`s instead. */
function withBreaks(el: Element): Element {
  const node = el.cloneNode(true) as Element;
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
  return node;
}

/**
 * Text of a commentary element: `<br>` → `\n`, emoji kept, visually-hidden copies skipped, the
 * "…more" toggle skipped (the full text is in the DOM; never clicked: all logged-in fixtures and the
 * SDUI feed's `expandable-text-button`), literal newlines of a Gen C text box kept, Unicode kept as is (math-bold letters of the SDUI feed
 * fixture's NVIDIA post). Guest pages' literal `\n`s become line breaks (guest fixture). Links read
 * as the page shows them, verbatim: a wrapped link shown as "tabsoft.co/sftc26" stays that in the
 * text (SDUI feed fixture, Tableau post); its full target is in `links` (links.ts).
 */
export function readText(el: Element): string {
  const cls = el.getAttribute('class') ?? '';
  const pre = /whitespace-pre|white-space-pre-wrap/.test(cls) || /white-space:\s*pre/.test(el.getAttribute('style') ?? '');
  return textOf(pre ? withBreaks(el) : el, {
    // Gen C text boxes are pre-wrap (hashed class): some posts break lines with literal "\n", others
    // with <br> (SDUI feed fixture, Member A's post vs the others).
    keepNewlines: el.matches(PRE_WRAP_C),
    skip: S.any(S.seeMoreButton),
  });
}

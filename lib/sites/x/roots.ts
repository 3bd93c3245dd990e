/**
 * Finding X posts: the post roots of a page or subtree, the outermost root of an element, and the quote
 * block inside a post. Pure DOM in, data out; what a root is: docs/sites/x.md §1.1 and "Articles".
 */
import { outermostMatches } from '../../dom/query';
import { byDocumentOrder, clean, closestReadView, isReadView, ownedBy, ownerOf } from './dom';
import * as S from './selectors';

/** The quote block of a post: the quoted post's element, or a tombstone when it is gone. */
export interface QuoteBlock {
  el: Element;
  unavailable: boolean;
}

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
export function findQuotedPost(postEl: Element): Element | null {
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

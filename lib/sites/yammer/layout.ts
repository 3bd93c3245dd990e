/**
 * Capture health for Viva Engage (issue 9 part 3): the layout a post root is rendered in
 * ({@link layoutOf}), and the elements of a page that look like posts whatever the post finder says
 * ({@link postLike}). Asked rarely (a draft read, the popup's `health/get`), never while scanning.
 * Layouts: docs/sites/yammer.md §3 and §4.
 */
import * as sel from './selectors';

/** Like buttons by their accessible name's verb (`Like - <name>'s post`); checked in full by `actionButtonName`. */
const LIKE = 'button[aria-label^="Like - "], button[aria-label^="React - "]';

/**
 * `article` (Engage's `[role=article]`/`<article>`), `starter` (`.qaThreadStarter`), `reply`
 * (`.y-fixedGridColumn`), or `plain` for a post found by climbing from its action row (the
 * layouts with no container handle, extract.ts `postRootOfActionRow`) when it shows an author link; null otherwise (Viva Engage changed its markup). Pure.
 */
export function layoutOf(postEl: Element): string | null {
  if (postEl.matches('[role="article"], article')) return 'article';
  if (postEl.matches(sel.threadStarter)) return 'starter';
  if (postEl.matches(sel.replyContainer)) return 'reply';
  return postEl.querySelector(sel.userLink) ? 'plain' : null;
}

/**
 * Elements of `doc` that look like posts, in document order: each post's and reply's Like button
 * (`Like - <name>'s post|comment`, one per post). Independent of the `overflow-set` action rows the
 * post finder climbs from (extract.ts `findPosts`).
 */
export function postLike(doc: Document): Element[] {
  return [...doc.querySelectorAll(LIKE)].filter((b) => sel.actionButtonName.test(b.getAttribute('aria-label') ?? ''));
}

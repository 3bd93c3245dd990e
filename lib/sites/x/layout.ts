/**
 * Capture health for X (issue 9 part 3): the layout a post root is rendered in ({@link layoutOf}),
 * and the elements of a page that look like posts whatever the post finder says ({@link postLike}).
 * Asked rarely (a draft read, the popup's `health/get`), never while scanning. What a root is:
 * docs/sites/x.md §1.1 and "Articles".
 */
import * as S from './selectors';

/** A timeline cell (docs/sites/x.md §1.3), or an `article` outside one (a status page's focal post, an X Article). */
const CELL_OR_ARTICLE = `${S.timelineCell}, article`;

/**
 * `tweet` for a post article that shows its author's User-Name block, `article` for an X Article's
 * read view; null for a root of neither shape (X changed its markup). Pure.
 */
export function layoutOf(postEl: Element): string | null {
  if (postEl.matches(S.postRoot)) return postEl.querySelector(S.userName) ? 'tweet' : null;
  return postEl.matches(S.articleReadView) ? 'article' : null;
}

/**
 * Elements of `doc` that look like posts, in document order: the outermost timeline cells and
 * `article`s that show a post time (`<time datetime>`). "Who to follow" and "Show more replies"
 * cells show none. Independent of the `tweet` testid the post finder reads (roots.ts).
 */
export function postLike(doc: Document): Element[] {
  return [...doc.querySelectorAll(CELL_OR_ARTICLE)].filter((el) => !el.parentElement?.closest(CELL_OR_ARTICLE) && el.querySelector(S.time));
}

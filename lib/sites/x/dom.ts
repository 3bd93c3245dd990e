/**
 * DOM helpers shared by the X adapter's readers: which post root owns an element (a `tweet` root, or an
 * X Article read view that no `tweet` root holds), scoped queries that leave out the quote block, and
 * small string and URL helpers. Pure DOM in, data out (docs/architecture.md §6.3); docs/sites/x.md §1.1.
 */
import * as S from './selectors';

/** Part of a post root to read from: `root`'s subtree minus `exclude`'s (the quote block). */
export interface Scope {
  root: Element;
  exclude: Element | null;
}

/** `@handle` as X prints it (User-Name, "Replying to"): group 1 is the handle. */
export const HANDLE_TEXT = /^@([A-Za-z0-9_]{1,50})$/;
/** A profile path `/<handle>`: group 1 is the handle. */
export const HANDLE_PATH = /^\/([A-Za-z0-9_]{1,50})\/?$/;

/**
 * The post root that owns `el`: the nearest `tweet` root, or an article read view that no `tweet`
 * root holds. A read view nested in a `tweet` root is part of that post (docs/sites/x.md "Articles").
 */
export function ownerOf(el: Element): Element | null {
  return el.closest(S.postRoot) ?? closestReadView(el);
}

/** True for an article read view element ({@link S.articleReadView}). */
export function isReadView(el: Element): boolean {
  return el.tagName === 'ARTICLE' && el.getAttribute('data-testid') === S.articleReadViewTestId;
}

/**
 * The read view that is or holds `el`, or null; with `stop` (an `article` above `el`, the post root)
 * only read views below it count. Read views are rare and this runs on every scan, so it hops from
 * `article` to `article` and compares the test id: in jsdom a `closest()` with the full selector
 * costs several times more when nothing matches.
 */
export function closestReadView(el: Element, stop: Element | null = null): Element | null {
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
export function ownedBy(post: Element | null): (el: Element) => boolean {
  return post?.matches(S.postRoot) ? (el) => el.closest(S.postRoot) === post : (el) => ownerOf(el) === post;
}

/** The elements matching `selector` in `scope` (outside its quote block) that its post root owns, in document order. */
export function all(scope: Scope, selector: string): Element[] {
  const owned = ownedBy(ownerOf(scope.root));
  const out: Element[] = [];
  for (const el of scope.root.querySelectorAll(selector)) {
    if (!(scope.exclude && scope.exclude.contains(el)) && owned(el)) out.push(el);
  }
  return out;
}

/** Sort comparator: document order. */
export function byDocumentOrder(a: Element, b: Element): number {
  return a === b ? 0 : a.compareDocumentPosition(b) & 4 /* FOLLOWING */ ? -1 : 1;
}

/** The first element matching `selector` in `scope` ({@link all}), or null. */
export function one(scope: Scope, selector: string): Element | null {
  return all(scope, selector)[0] ?? null;
}

/** Collapses whitespace (names, labels) to single spaces. */
export function clean(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** True for an absolute http(s) URL (an `<img src>` that has loaded, not `blob:` or `data:`). */
export function isHttpUrl(s: string | null | undefined): s is string {
  return !!s && /^https?:\/\//i.test(s);
}

/** Absolute URL of an href; relative X paths resolve against https://x.com (canonical host, docs/sites/x.md §1.2 2024-05). */
export function absolute(href: string): string | null {
  try {
    const u = new URL(href, 'https://x.com/');
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}

/**
 * The nearest `tweet` root or quote-block candidate: one `closest()` that stops at the post itself.
 * Read views are left out: one nested in a `tweet` root is part of it, and for one standing alone the
 * fast paths below give up (no `tweet` above) and the full rules answer.
 */
export const POST_OR_QUOTE = `${S.postRoot}, ${S.quoteBlock}`;

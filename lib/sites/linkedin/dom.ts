/**
 * Small DOM helpers of the LinkedIn adapter: reading a post's own elements while skipping blocks
 * that belong to someone else (reshared post, comments, header), URL resolution, document order.
 * Read-only: nothing here marks or changes the page (docs/architecture.md 6.3).
 */

/**
 * Blocks whose contents are not the post being read: a selector list, plus elements found by other
 * means (the Gen C header and reshared part, found by their place in the card).
 */
export type Ex = string | { sel: string; els: readonly Element[] };

function exSel(ex: Ex): string {
  return typeof ex === 'string' ? ex : ex.sel;
}

/** `ex` with more selectors and elements. */
export function withEx(ex: Ex, sel: string, els: readonly (Element | null | undefined)[] = []): Ex {
  const joined = [exSel(ex), sel].filter(Boolean).join(', ');
  const all = [...(typeof ex === 'string' ? [] : ex.els), ...els.filter((e): e is Element => !!e)];
  return all.length ? { sel: joined, els: all } : joined;
}

/** True when `el` lies inside an excluded block that is itself inside `root` (not `root`). */
export function isExcluded(el: Element, root: Element, exclude: Ex): boolean {
  const sel = exSel(exclude);
  const els = typeof exclude === 'string' ? [] : exclude.els;
  if (!sel && els.length === 0) return false;
  for (let p: Element | null = el; p && p !== root; p = p.parentElement) {
    if ((sel && p.matches(sel)) || els.includes(p)) return true;
  }
  return false;
}

/** Elements under `root` matching `sel` and not inside an `exclude` block, in document order. */
export function ownAll(root: Element, sel: string, exclude: Ex): Element[] {
  return Array.from(root.querySelectorAll(sel)).filter((e) => !isExcluded(e, root, exclude));
}

/** First element for the first selector variant that has one (variants are listed best first). */
export function ownFirst(root: Element, variants: readonly string[], exclude: Ex): Element | null {
  for (const v of variants) {
    const hit = ownAll(root, v, exclude)[0];
    if (hit) return hit;
  }
  return null;
}

/**
 * Absolute http(s) URL of `href` against `base`, or null (javascript:, data:, blob:, malformed).
 * Relative paths resolve like the browser does: a saved page's `./Feed _ LinkedIn_files/x` on
 * `https://www.linkedin.com/feed/` gives `https://www.linkedin.com/feed/Feed%20_%20LinkedIn_files/x`
 * (docs/sites/linkedin.md "Saved pages").
 */
export function absUrl(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  try {
    const u = new URL(href, base);
    return /^https?:$/.test(u.protocol) ? u.href : null;
  } catch {
    return null;
  }
}

/** True for an absolute URL on `linkedin.com` or a subdomain. */
export function isLinkedInHost(url: string): boolean {
  try {
    return /(^|\.)linkedin\.com$/i.test(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** `xs` without repeats, first occurrence kept. */
export function uniq<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

/** `Node.DOCUMENT_POSITION_FOLLOWING` (a literal: `Node` is not a global in Node.js scripts). */
const FOLLOWING = 4;

/** True when `b` comes after `a` in document order and is not inside it. */
export function follows(a: Element, b: Element): boolean {
  return !a.contains(b) && (a.compareDocumentPosition(b) & FOLLOWING) !== 0;
}

/** Text of an element on one line: white space runs collapsed, trimmed. */
export function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

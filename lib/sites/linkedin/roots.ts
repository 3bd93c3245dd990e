/**
 * Which LinkedIn elements are posts (docs/sites/linkedin.md "Three generations"): found in a subtree ({@link findPostRoots})
 * or from a node up ({@link postRootOf}, the incremental scan of SiteAdapter). Both give the same
 * answer (tests/sites.fixtures.test.ts checks it on every LinkedIn fixture), so a long feed costs
 * the capture controller O(changed posts) per DOM change instead of a walk of the whole document.
 */
import * as S from './selectors';
import { normaliseComponentKey } from './ids';

/** Which markup family a post root belongs to. */
export type LinkedInGen = 'ab' | 'c' | 'guest';

const AB = S.any(S.postRootAB);
const WB = S.any(S.postWrapperB);
const C = S.any(S.postItemC);
const MARKER = S.any(S.postMarkerC);
/** Every element that may be a candidate (then checked by {@link isCandidate}). */
const CANDIDATE = `${AB}, ${WB}, ${C}`;
/** Some logged-in candidate exists in the document (one query that stops at the first). */
const ANY_LOGGED_IN = [AB, WB, ...S.postItemC.map((c) => `${c}:has(${MARKER})`)].join(', ');
/** A Gen C action button (the row a complete render shows). */
const ACTIONS = S.any(S.actionButtonsC);
const GUEST_COMMENTARY = S.any(S.guestCommentary);
const GUEST_ROOT = S.any(S.guestRoot);

/** Which markup family a post root belongs to. */
export function genOf(postEl: Element): LinkedInGen {
  if (postEl.matches(`${AB}, ${WB}`)) return 'ab';
  if (postEl.matches('[role="listitem"]')) return 'c';
  return 'guest';
}

/**
 * A post candidate: a Gen A/B root; a Gen B `feed-full-update` wrapper that holds no Gen A/B root
 * and is in none (Gen B fallback); a Gen C list item showing a post marker (selectors.ts `postMarkerC`).
 */
function isCandidate(el: Element): boolean {
  if (el.matches(AB)) return true;
  if (el.matches(WB) && !el.querySelector(AB) && !el.closest(AB)) return true;
  return el.matches(C) && hasMarker(el);
}

/** `el` holds a post marker; remembered for the current task (a card's subtree is large, SDUI feed fixture). */
function hasMarker(el: Element): boolean {
  const f = facts(el.ownerDocument);
  const known = (f.marked ??= new WeakMap());
  let v = known.get(el);
  if (v === undefined) known.set(el, (v = el.querySelector(MARKER) !== null));
  return v;
}

/** No candidate above `el` (reshares and comment lists sit inside their post). */
function isOuter(el: Element): boolean {
  for (let up = el.parentElement?.closest(CANDIDATE); up; up = up.parentElement?.closest(CANDIDATE)) {
    if (isCandidate(up)) return false;
  }
  return true;
}

// Per-document facts that cost a query of the whole page, remembered until the current task ends
// (the DOM cannot change under a synchronous scan except by our own controls, which are not posts).
interface DocFacts {
  loggedIn?: boolean;
  /** Gen C list items by normalised componentkey, in document order. */
  byKey?: Map<string, Element[]>;
  guest?: Element[];
  /** Gen C list items known to hold (or not) a post marker. */
  marked?: WeakMap<Element, boolean>;
}
let memo: WeakMap<Document, DocFacts> | null = null;
function facts(doc: Document): DocFacts {
  if (!memo) {
    memo = new WeakMap();
    queueMicrotask(() => {
      memo = null;
    });
  }
  let f = memo.get(doc);
  if (!f) memo.set(doc, (f = {}));
  return f;
}

/** True when the document holds any logged-in post candidate (else it is a guest page). */
function loggedIn(doc: Document): boolean {
  const f = facts(doc);
  return (f.loggedIn ??= doc.querySelector(ANY_LOGGED_IN) !== null);
}

/**
 * Gen C dedupe: a post may render as several list items (base componentkey + `expanded…` /
 * `update-card-focus…` variants, synthetic `…dedup-expanded…` and `…renders-2-3-times…` fixtures);
 * only one outer render is the post: the first in document order that shows the action row (a base
 * render may be a stub without it), else the first. True when `el` is that one.
 */
function isFirstRender(el: Element): boolean {
  const key = el.getAttribute('componentkey');
  if (!key) return true;
  const doc = el.ownerDocument;
  const f = facts(doc);
  if (!f.byKey) {
    f.byKey = new Map();
    for (const item of doc.querySelectorAll(C)) {
      const k = item.getAttribute('componentkey');
      if (!k) continue;
      const nk = normaliseComponentKey(k);
      const list = f.byKey.get(nk);
      if (list) list.push(item);
      else f.byKey.set(nk, [item]);
    }
  }
  const list = f.byKey.get(normaliseComponentKey(key));
  if (!list || list.length < 2 || !list.includes(el)) return true;
  const renders = list.filter((o) => isCandidate(o) && isOuter(o));
  return el === (renders.find((o) => o.querySelector(ACTIONS)) ?? renders[0]);
}

/** A candidate that is a post: outer, and the first render of a Gen C post. */
function isRoot(el: Element): boolean {
  return isCandidate(el) && isOuter(el) && (genOf(el) !== 'c' || isFirstRender(el));
}

/** Guest (logged-out) post containers of the document: each commentary's container, in document order. */
function guestContainers(doc: Document): Element[] {
  const f = facts(doc);
  if (!f.guest) {
    const out: Element[] = [];
    for (const c of doc.querySelectorAll(GUEST_COMMENTARY)) {
      const container = c.closest(GUEST_ROOT) ?? c.parentElement ?? c;
      if (!out.includes(container)) out.push(container);
    }
    f.guest = out;
  }
  return f.guest;
}

/**
 * Post roots in `root`'s subtree (`root` itself included when it is one), each once, in document
 * order; never a reshared (inner) post.
 * - Gen A/B: `div.feed-shared-update-v2[data-urn]`; a `feed-full-update` wrapper only when it holds
 *   no such root (Gen B fallback).
 * - Gen C: main-feed list items that show a post marker, one per normalised `componentkey`
 *   (a post renders up to ~3 times: base key + `expanded…` variants; the SDUI feed fixture renders each as wrapper + list item + card), the first
 *   render in the document winning, also when `root` holds a later one only.
 * - Guest: the container of the public page's commentary, when the page holds no logged-in post.
 * Candidates inside another candidate (reshares, comment lists), here or above `root`, are not roots.
 */
export function findPostRoots(root: ParentNode): Element[] {
  const node = root as Node;
  const doc = node.nodeType === 9 ? (root as Document) : node.ownerDocument;
  if (!doc) return [];
  const found = [...root.querySelectorAll(CANDIDATE)];
  if (node.nodeType === 1 && (root as Element).matches(CANDIDATE)) found.unshift(root as Element);
  const roots = found.filter(isRoot);
  if (roots.length > 0 || loggedIn(doc)) return roots;
  return guestContainers(doc).filter((c) => c === root || node.contains(c));
}

/**
 * The post root that is or contains `node` (the outermost one), or null; agrees with
 * {@link findPostRoots} of the document (SiteAdapter.postRootOf).
 */
export function postRootOf(node: Element): Element | null {
  let top: Element | null = null;
  for (let el = node.closest(CANDIDATE); el; el = el.parentElement?.closest(CANDIDATE) ?? null) {
    if (isCandidate(el)) top = el;
  }
  if (top) return genOf(top) !== 'c' || isFirstRender(top) ? top : null;
  if (loggedIn(node.ownerDocument)) return null;
  let out: Element | null = null;
  for (const c of guestContainers(node.ownerDocument)) if (c.contains(node) && (!out || c.contains(out))) out = c;
  return out;
}

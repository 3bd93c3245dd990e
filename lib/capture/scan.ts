import type { ExtractContext, SiteAdapter } from '../sites/types';
import type { Entries, PostEntry } from './entries';
import { isElement, isHost, mayHoldForeignHost, removedElements } from './host';
import { isContentKey } from '../schema/content-key';
import { keyOf } from './keys';
import { readPostId, type Runtime } from './runtime';
import type { ControlActions, ControlView } from './types';

/** On DOM changes, the page URL is compared at most this often, ms (SPA navigation also arrives as an event). */
const URL_CHECK_MS = 250;

/** What the scan asks of the other parts of the flow. */
export interface ScanHooks {
  /** `key` is on the page and its library state is not known: ask the background. */
  wantStatus(key: string): void;
  /** A scan is over: send the status questions it gathered, soon. */
  statusSoon(): void;
  /** A post whose capture is incomplete is on the page: maybe complete it quietly. */
  tryComplete(e: PostEntry): void;
  /** The URL changed: a new page view (the adapter is already re-picked). */
  newPageView(): void;
  /** The callbacks of a new control on `el`. */
  actionsFor(el: Element): ControlActions;
}

/** Keeps exactly one Save control per post on the page. */
export interface Scanner {
  /**
   * Reconciles controls with the posts on the page. With `records` (a DOM change batch), only posts
   * whose subtree changed (or that are new) are re-read; without (first run, navigation, shortcut)
   * every post is.
   */
  scan(records?: readonly MutationRecord[]): void;
  /** Re-reads the URL and re-picks the adapter (unmounting everything when it changes). */
  handleUrl(): void;
}

/**
 * The scan (hot path: findPosts + postId + actionRow only; never extract). A post whose control
 * still sits in place and whose subtree did not change keeps its cached id, so a long feed costs
 * O(new posts) per batch instead of O(all posts) (content-overhead bench, BENCHMARKS.md).
 */
export function createScanner(rt: Runtime, hooks: ScanHooks): Scanner {
  const { entries } = rt;
  let lastUrlCheck = -Infinity;

  function scan(records?: readonly MutationRecord[]): void {
    if (rt.signal.aborted) return;
    // The URL is re-read at most every URL_CHECK_MS on DOM changes (reading `location.href` in
    // the content-script world showed in the content-overhead profile); navigation itself is
    // reported at once by `urlChanged` (wxt:locationchange, popstate).
    const now = performance.now();
    if (!records || now - lastUrlCheck >= (rt.deps.urlCheckMs ?? URL_CHECK_MS)) {
      lastUrlCheck = now;
      if (rt.deps.url() !== rt.url) handleUrl();
    }
    if (records && rt.adapter?.postRootOf) scanChanged(rt.adapter, records);
    else scanAll(records);
    hooks.statusSoon();
  }

  /** Full scan: `findPosts(document)`; with `records`, only posts whose subtree changed are re-read. */
  function scanAll(records?: readonly MutationRecord[]): void {
    const dirty = records ? dirtyPosts(entries, records) : null;
    const seen = new Set<Element>();
    const a = rt.adapter;
    if (a) {
      let posts: Element[] = [];
      try {
        posts = a.findPosts(rt.doc);
      } catch (err) {
        rt.log('findPosts failed', err);
      }
      const c = rt.ctx();
      for (const el of posts) {
        try {
          if (dirty && !dirty.has(el) && isPlaced(el)) {
            seen.add(el);
            continue;
          }
          if (reconcile(a, el, c)) seen.add(el);
        } catch (err) {
          rt.log('post handler failed', err);
        }
      }
    }
    for (const el of [...entries.live]) if (!seen.has(el)) entries.unmount(el);
    sweepForeignHosts(rt.doc, entries, records);
  }

  /**
   * Incremental scan for adapters with `postRootOf`: touches only the posts a change landed in
   * (`postRootOf(target)`) and the posts inside added subtrees (`findPosts(added)`), never the whole
   * document, so each batch of a long feed costs O(changed posts).
   */
  function scanChanged(a: SiteAdapter, records: readonly MutationRecord[]): void {
    const touched = new Set<Element>();
    try {
      touchedPosts(a, records, touched);
    } catch (err) {
      rt.log('findPosts failed', err);
    }
    const c: ExtractContext = { document: rt.doc, url: rt.url };
    const settle = (el: Element) => {
      try {
        if (!reconcile(a, el, c)) entries.unmount(el);
      } catch (err) {
        rt.log('post handler failed', err);
      }
    };
    for (const el of touched) settle(el);
    // Posts that left the page, and controls the page removed: only a removal can cause either,
    // so a batch that only added nodes (a feed growing) skips this O(posts) pass.
    if (!records.some(removedElements)) return;
    for (const el of [...entries.live]) {
      if (touched.has(el)) continue;
      if (!el.isConnected) entries.unmount(el);
      else if (!isPlaced(el)) settle(el);
    }
  }

  /**
   * The post already has its control, connected, inside its own action row. (Its subtree did not
   * change, so there is nothing new for quiet completion to read.)
   */
  function isPlaced(el: Element): boolean {
    const e = entries.get(el);
    return !!e && inPlace(e);
  }

  /** Ensures `el` has exactly one up-to-date control. Returns false when it is not a post (no id). */
  function reconcile(a: SiteAdapter, el: Element, c: ExtractContext): boolean {
    const postId = readPostId(rt, a, el, c);
    if (!postId) {
      rt.health.unreadable(el);
      return false;
    }
    const key = keyOf(a.id, postId);
    let e = entries.get(el);
    // Hot path: for the same post whose control still sits in its connected action row, skip the
    // adapter's actionRow() (it walks the post's subtree; content-overhead bench, BENCHMARKS.md).
    const anchor = e && e.postId === postId && inPlace(e) ? e.anchor : (a.actionRow(el) ?? el);
    const st = rt.keys.get(key);
    if (!st.known) hooks.wantStatus(key);
    if (e && e.ui.host.isConnected && e.anchor === anchor && e.ui.host.parentNode === anchor) {
      if (e.postId !== postId) {
        // Recycled element: the control follows the post shown now.
        entries.rekey(e, postId, key);
        rt.health.postFound(isContentKey(postId));
        e.panelOpen = false;
        entries.render(e);
      }
    } else {
      if (e) entries.unmount(el);
      // Never two: a host we do not own in this row (the page cloned a post with its control).
      for (let h = anchor.firstElementChild, next: Element | null; h; h = next) {
        next = h.nextElementSibling;
        if (isHost(h) && !entries.owns(h)) h.remove();
      }
      const view: ControlView = { postId, key, status: st.status, error: st.error, panel: null };
      const ui = rt.deps.mount(anchor, view, hooks.actionsFor(el));
      rt.health.controlMounted();
      if (e?.postId !== postId) rt.health.postFound(isContentKey(postId));
      e = { el, postId, key, anchor, ui, panelOpen: false, focusPanel: false };
      entries.add(e);
    }
    if (st.incomplete) hooks.tryComplete(e);
    return true;
  }

  function handleUrl(): void {
    rt.url = rt.deps.url();
    let next: SiteAdapter | null = null;
    try {
      next = rt.deps.pickAdapter(rt.url);
    } catch (err) {
      rt.log('pickAdapter failed', err);
    }
    if (next !== rt.adapter) {
      entries.unmountAll();
      rt.adapter = next;
    }
    hooks.newPageView();
  }

  return { scan, handleUrl };
}

/** The control of `e` is connected, in its anchor, and the anchor is still inside the post. */
function inPlace(e: PostEntry): boolean {
  const h = e.ui.host;
  return h.isConnected && h.parentNode === e.anchor && e.el.contains(e.anchor);
}

/**
 * Adds to `touched` the posts `records` changed: the post each change landed in
 * (`postRootOf(target)`), and the posts inside subtrees added outside every post (`findPosts(added)`).
 */
function touchedPosts(a: SiteAdapter, records: readonly MutationRecord[], touched: Set<Element>): void {
  const postOf = new Map<Element, Element | null>(); // change target -> its (outermost) post
  for (const r of records) {
    const t = isElement(r.target) ? r.target : r.target.parentElement;
    if (!t || !t.isConnected) continue; // and so is everything added under it
    let p = postOf.get(t);
    if (p === undefined) postOf.set(t, (p = a.postRootOf!(t)));
    if (p) {
      touched.add(p); // a change inside a post: what it added is inside that post too
      continue;
    }
    if (r.type !== 'childList') continue;
    // Outside every post: each added node is a post, holds posts, or holds none.
    for (const n of r.addedNodes) {
      if (isHost(n) || !isElement(n) || !n.isConnected) continue;
      for (const q of a.findPosts(n)) touched.add(q);
    }
  }
}

/** The posts with a control whose subtree one of `records` touched (walks up from each target). */
function dirtyPosts(entries: Entries, records: readonly MutationRecord[]): Set<Element> {
  const out = new Set<Element>();
  const visited = new Set<Node>();
  for (const r of records) {
    for (let n: Node | null = r.target; n && !visited.has(n); n = n.parentNode) {
      visited.add(n);
      if (isElement(n) && entries.get(n)) out.add(n);
    }
  }
  return out;
}

/** Never two: removes hosts we do not own (a clone made by the page, a leftover). */
function sweepForeignHosts(doc: Document, entries: Entries, records?: readonly MutationRecord[]): void {
  if (records && !records.some((r) => mayHoldForeignHost(r, entries.owns))) return;
  for (const h of doc.querySelectorAll('satchel-save')) if (!entries.owns(h)) h.remove();
}

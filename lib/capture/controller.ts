import type { Capture, CaptureDraft } from '../schema';
import type { ExtractContext, SiteAdapter } from '../sites/types';
import { onDomChange } from '../dom/observe';
import { pickPostInView } from './pick-post-in-view';
import { createLogOnce } from './log-once';
import type {
  CaptureDeps,
  CapturePatch,
  CollectionChoice,
  ControlActions,
  ControlView,
  MountedControl,
  PanelView,
  SaveInViewResult,
  SaveStatus,
  ThreadStatus,
} from './types';

/** Tag name of the light-DOM host of every Save control (upper case, as `Element.tagName` reports it). */
export const HOST_TAG = 'SATCHEL-SAVE';

/**
 * Attributes that carry post ids on the supported sites. When a virtualised list reuses an element
 * for another post, one of these changes without any node being added (SITE-DOM.md 1.3), so the
 * observer watches them (and only them: X rewrites `style` on every scroll).
 */
const ID_ATTRIBUTES = ['href', 'data-urn', 'data-id', 'data-activity-urn', 'data-entity-urn', 'componentkey', 'datetime'];

const SITE_NAMES: Record<string, string> = { x: 'X', linkedin: 'LinkedIn', yammer: 'Viva Engage' };

/** On DOM changes, the page URL is compared at most this often, ms (SPA navigation also arrives as an event). */
const URL_CHECK_MS = 250;

/** How many times per page view a saved-but-incomplete post is re-read looking for a fuller version. */
const COMPLETE_ATTEMPTS = 3;
/** `capture/status` accepts at most this many keys per message. */
const STATUS_CHUNK = 500;

/** Library state of one post key (`<platform>:<postId>`), shared by every control showing it. */
interface KeyState {
  status: SaveStatus;
  /** A `capture/status` answer (or a save) told us whether the key is saved. */
  known: boolean;
  error: string | null;
  captureId: string | null;
  incomplete: boolean;
  truncated: boolean;
  intent: PanelView['intent'];
  tags: string[];
  note: string;
  collectionIds: string[];
  thread: ThreadStatus;
  panelError: string | null;
}

/** One post element that has a control. Identity of the post is `postId`, re-read on every scan. */
interface PostEntry {
  readonly el: Element;
  postId: string;
  key: string;
  anchor: Element;
  ui: MountedControl;
  panelOpen: boolean;
  focusPanel: boolean;
}

/** Handle of a running capture flow. */
export interface CaptureController {
  /** Re-reads the URL, re-picks the adapter and rescans (SPA navigation). */
  urlChanged(): void;
  /** Reconciles controls with the posts on the page now (normally run by the observer). */
  scan(): void;
  /** Keyboard shortcut: saves the focused post, else the one most in view. */
  saveInView(): Promise<SaveInViewResult>;
  /** Another view saved or deleted these keys: ask the background again. */
  savedElsewhere(keys: readonly string[]): void;
}

/**
 * Starts the content-side capture flow (issue 2): one Save control per post, kept in step with
 * infinite scroll, recycled elements and SPA navigation; saves on click; status, completion and the
 * save panel. Before a click, only post keys leave the page (`capture/status`). Everything stops and
 * every control is removed when `deps.signal` aborts. Never throws into the page.
 */
export function startCapture(deps: CaptureDeps): CaptureController {
  const { document: doc, send, mount, signal, t } = deps;
  const logOnce = createLogOnce(deps.log, () => `${adapter?.id ?? 'none'} ${deps.url()}`);

  let adapter: SiteAdapter | null = null;
  let lastUrl = '';
  let lastUrlCheck = -Infinity;
  const entries = new WeakMap<Element, PostEntry>();
  const live = new Set<Element>();
  /** Post elements by key (`renderKey`/`forKey` run per status answer: O(1) lookup, not a loop over every post). */
  const byKey = new Map<string, Set<Element>>();
  const indexKey = (el: Element, key: string | null, old: string | null) => {
    if (old !== null) {
      const set = byKey.get(old);
      set?.delete(el);
      if (set && set.size === 0) byKey.delete(old);
    }
    if (key !== null) {
      let set = byKey.get(key);
      if (!set) byKey.set(key, (set = new Set()));
      set.add(el);
    }
  };
  const hosts = new WeakSet<Element>();
  const keys = new Map<string, KeyState>();
  const pendingStatus = new Set<string>();
  let statusTimer: ReturnType<typeof setTimeout> | null = null;
  const completeAttempts = new Map<string, number>();
  let recent: { tags: string[]; collections: CollectionChoice[] } = { tags: [], collections: [] };

  const ctx = (): ExtractContext => ({ document: doc, url: deps.url() });

  function keyState(key: string): KeyState {
    let st = keys.get(key);
    if (!st) {
      st = {
        status: 'save', known: false, error: null, captureId: null, incomplete: false, truncated: false,
        intent: null, tags: [], note: '', collectionIds: [], thread: 'none', panelError: null,
      };
      keys.set(key, st);
    }
    return st;
  }

  function viewOf(e: PostEntry): ControlView {
    const st = keyState(e.key);
    return {
      postId: e.postId,
      key: e.key,
      status: st.status,
      error: st.error,
      panel: e.panelOpen
        ? {
            intent: st.intent,
            tags: st.tags,
            note: st.note,
            collectionIds: st.collectionIds,
            recentTags: recent.tags,
            recentCollections: recent.collections,
            truncated: st.truncated,
            siteName: SITE_NAMES[e.key.slice(0, e.key.indexOf(':'))] ?? '',
            thread: st.thread,
            error: st.panelError,
            focus: e.focusPanel,
          }
        : null,
    };
  }

  function render(e: PostEntry): void {
    try {
      e.ui.update(viewOf(e));
    } catch (err) {
      logOnce('render failed', err);
    }
  }

  function renderKey(key: string): void {
    for (const el of byKey.get(key) ?? []) {
      const e = entries.get(el);
      if (e && e.key === key) render(e);
    }
  }

  function renderAll(): void {
    for (const el of live) {
      const e = entries.get(el);
      if (e) render(e);
    }
  }

  /** Opens `e`'s panel and closes every other one (one panel at a time). */
  function openPanel(e: PostEntry, focus: boolean): void {
    for (const el of live) {
      const o = entries.get(el);
      if (o && o !== e && o.panelOpen) {
        o.panelOpen = false;
        render(o);
      }
    }
    e.panelOpen = true;
    e.focusPanel = focus;
  }

  function reasonOf(err: unknown): string {
    const msg = err instanceof Error ? err.message : typeof err === 'string' ? err : '';
    if (/context invalidated|receiving end does not exist/i.test(msg)) return t('errorReload');
    return msg || t('errorNoAnswer');
  }

  function unmountEntry(el: Element): void {
    const e = entries.get(el);
    entries.delete(el);
    live.delete(el);
    if (e) indexKey(el, null, e.key);
    if (e) {
      hosts.delete(e.ui.host);
      try {
        e.ui.unmount();
      } catch (err) {
        logOnce('unmount failed', err);
      }
    }
  }

  function unmountAll(): void {
    for (const el of [...live]) unmountEntry(el);
  }

  function actionsFor(el: Element): ControlActions {
    const guard = (name: string, fn: () => unknown) => {
      try {
        const r = fn();
        if (r instanceof Promise) r.catch((err) => logOnce(name, err));
      } catch (err) {
        logOnce(name, err);
      }
    };
    return {
      activate: (viaKeyboard) => guard('activate', () => activate(el, viaKeyboard)),
      closePanel: () => guard('closePanel', () => {
        const e = entries.get(el);
        if (e?.panelOpen) {
          e.panelOpen = false;
          render(e);
        }
      }),
      update: (patch) => guard('update', () => updateCapture(el, patch)),
      createCollection: (name) => guard('createCollection', () => createCollection(el, name)),
      saveThread: () => guard('saveThread', () => saveThread(el)),
    };
  }

  // ---- scanning (hot path: findPosts + postId + actionRow only; never extract) ----

  /**
   * Reconciles controls with the posts on the page. With `records` (a DOM change batch), only posts
   * whose subtree changed (or that are new) are re-read; a post whose control still sits in place
   * and whose subtree did not change keeps its cached id, so a long feed costs O(new posts) per
   * batch instead of O(all posts) (content-overhead bench, BENCHMARKS.md). Without `records`
   * (first run, navigation, shortcut) every post is re-read.
   */
  function scan(records?: readonly MutationRecord[]): void {
    if (signal.aborted) return;
    // The URL is re-read at most every URL_CHECK_MS on DOM changes (reading `location.href` in
    // the content-script world showed in the content-overhead profile); navigation itself is
    // reported at once by `urlChanged` (wxt:locationchange, popstate).
    const t = performance.now();
    if (!records || t - lastUrlCheck >= (deps.urlCheckMs ?? URL_CHECK_MS)) {
      lastUrlCheck = t;
      if (deps.url() !== lastUrl) handleUrl();
    }
    if (records && adapter?.postRootOf) {
      scanChanged(adapter, records);
      return;
    }
    const dirty = records ? dirtyPosts(records) : null;
    const seen = new Set<Element>();
    if (adapter) {
      let posts: Element[] = [];
      try {
        posts = adapter.findPosts(doc);
      } catch (err) {
        logOnce('findPosts failed', err);
      }
      const c = ctx();
      for (const el of posts) {
        try {
          if (dirty && !dirty.has(el) && isPlaced(el)) {
            seen.add(el);
            continue;
          }
          if (reconcile(el, c)) seen.add(el);
        } catch (err) {
          logOnce('post handler failed', err);
        }
      }
    }
    for (const el of [...live]) if (!seen.has(el)) unmountEntry(el);
    sweepForeignHosts(records);
    scheduleStatus();
  }

  /**
   * Incremental scan for adapters with `postRootOf`: touches only the posts a change landed in
   * (`postRootOf(target)`) and the posts inside added subtrees (`findPosts(added)`), never the whole
   * document, so each batch of a long feed costs O(changed posts).
   */
  function scanChanged(a: SiteAdapter, records: readonly MutationRecord[]): void {
    const touched = new Set<Element>();
    const postOf = new Map<Element, Element | null>(); // change target -> its (outermost) post
    try {
      for (const r of records) {
        const t = r.target.nodeType === 1 ? (r.target as Element) : r.target.parentElement;
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
          if (n.nodeType !== 1 || !n.isConnected || isHost(n)) continue;
          for (const q of a.findPosts(n as Element)) touched.add(q);
        }
      }
    } catch (err) {
      logOnce('findPosts failed', err);
    }
    const c: ExtractContext = { document: doc, url: lastUrl };
    for (const el of touched) {
      try {
        if (!reconcile(el, c) && entries.has(el)) unmountEntry(el);
      } catch (err) {
        logOnce('post handler failed', err);
      }
    }
    // Posts that left the page, and controls the page removed: only a removal can cause either,
    // so a batch that only added nodes (a feed growing) skips this O(posts) pass.
    if (!records.some(removedElements)) {
      scheduleStatus();
      return;
    }
    for (const el of [...live]) {
      if (touched.has(el)) continue;
      if (!el.isConnected) unmountEntry(el);
      else if (!isPlaced(el)) {
        try {
          if (!reconcile(el, c)) unmountEntry(el);
        } catch (err) {
          logOnce('post handler failed', err);
        }
      }
    }
    scheduleStatus();
  }

  /** Never two: removes hosts we do not own (a clone made by the page, a leftover). */
  function sweepForeignHosts(records?: readonly MutationRecord[]): void {
    if (records && !records.some(mayHoldForeignHost)) return;
    for (const h of doc.querySelectorAll('satchel-save')) if (!hosts.has(h)) h.remove();
  }

  /** The posts with a control whose subtree one of `records` touched (walks up from each target). */
  function dirtyPosts(records: readonly MutationRecord[]): Set<Element> {
    const out = new Set<Element>();
    const visited = new Set<Node>();
    for (const r of records) {
      for (let n: Node | null = r.target; n && !visited.has(n); n = n.parentNode) {
        visited.add(n);
        if (entries.has(n as Element)) out.add(n as Element);
      }
    }
    return out;
  }

  /** The post already has its control, connected, inside its own action row. */
  function isPlaced(el: Element): boolean {
    const e = entries.get(el);
    if (!e) return false;
    const h = e.ui.host;
    if (!h.isConnected || h.parentNode !== e.anchor || !el.contains(e.anchor)) return false;
    if (keyState(e.key).incomplete) tryComplete(e);
    return true;
  }

  /** A change that may have put a `<satchel-save>` we do not own on the page (e.g. a cloned post). */
  function mayHoldForeignHost(r: MutationRecord): boolean {
    if (r.type !== 'childList') return false;
    for (const n of r.addedNodes) {
      if (n.nodeType !== 1) continue;
      const el = n as Element;
      if (isHost(el) ? !hosts.has(el) : el.querySelector('satchel-save') !== null) return true;
    }
    return false;
  }

  /** Ensures `el` has exactly one up-to-date control. Returns false when it is not a post (no id). */
  function reconcile(el: Element, c: ExtractContext): boolean {
    const a = adapter!;
    const postId = a.postId(el, c);
    if (!postId) return false;
    const key = `${a.id}:${postId}`;
    let e = entries.get(el);
    // Hot path: for the same post whose control still sits in its connected action row, skip the
    // adapter's actionRow() (it walks the post's subtree; content-overhead bench, BENCHMARKS.md).
    const placed = e && e.postId === postId && e.ui.host.isConnected && e.ui.host.parentNode === e.anchor && el.contains(e.anchor);
    const anchor = placed ? e!.anchor : (a.actionRow(el) ?? el);
    const st = keyState(key);
    if (!st.known) pendingStatus.add(key);
    if (e && e.ui.host.isConnected && e.anchor === anchor && e.ui.host.parentNode === anchor) {
      if (e.postId !== postId) {
        // Recycled element: the control follows the post shown now.
        e.postId = postId;
        indexKey(el, key, e.key);
        e.key = key;
        e.panelOpen = false;
        render(e);
      }
    } else {
      if (e) unmountEntry(el);
      // Never two: a host we do not own in this row (the page cloned a post with its control).
      for (let h = anchor.firstElementChild, next: Element | null; h; h = next) {
        next = h.nextElementSibling;
        if (isHost(h) && !hosts.has(h)) h.remove();
      }
      const view: ControlView = { postId, key, status: st.status, error: st.error, panel: null };
      const ui = mount(anchor, view, actionsFor(el));
      hosts.add(ui.host);
      e = { el, postId, key, anchor, ui, panelOpen: false, focusPanel: false };
      entries.set(el, e);
      indexKey(el, key, null);
      live.add(el);
    }
    if (st.incomplete) tryComplete(e);
    return true;
  }

  function handleUrl(): void {
    lastUrl = deps.url();
    completeAttempts.clear(); // a new page view may hold a fuller version
    let next: SiteAdapter | null = null;
    try {
      next = deps.pickAdapter(lastUrl);
    } catch (err) {
      logOnce('pickAdapter failed', err);
    }
    if (next !== adapter) {
      unmountAll();
      adapter = next;
    }
  }

  // ---- status (only keys leave the page) ----

  function scheduleStatus(): void {
    if (statusTimer || pendingStatus.size === 0 || signal.aborted) return;
    statusTimer = setTimeout(() => {
      statusTimer = null;
      void flushStatus();
    }, deps.statusDelayMs ?? 150);
  }

  async function flushStatus(): Promise<void> {
    const all = [...pendingStatus];
    pendingStatus.clear();
    for (let i = 0; i < all.length; i += STATUS_CHUNK) {
      const chunk = all.slice(i, i + STATUS_CHUNK);
      for (const k of chunk) keyState(k).known = true; // asked; not asked again unless told
      let reply: unknown;
      try {
        reply = await send({ type: 'capture/status', keys: chunk });
      } catch (err) {
        logOnce('capture/status failed', err);
        for (const k of chunk) keyState(k).known = false;
        continue;
      }
      if (signal.aborted) return;
      if (!isOk(reply) || !Array.isArray((reply as { saved?: unknown }).saved)) {
        for (const k of chunk) keyState(k).known = false;
        continue;
      }
      const saved = new Map<string, { id: string; incomplete: boolean }>();
      for (const s of (reply as { saved: { key: string; id: string; incomplete: boolean }[] }).saved) saved.set(s.key, s);
      for (const k of chunk) {
        const st = keyState(k);
        const hit = saved.get(k);
        if (st.status === 'saving') continue; // a click raced the answer; the save wins
        if (!hit && st.status !== 'saved') continue; // not saved, and not shown as saved: nothing to redraw
        if (hit) {
          st.status = 'saved';
          st.error = null;
          st.captureId = hit.id;
          st.incomplete = hit.incomplete;
          // Status does not say which flag; the usual cause is truncated text (B001), so the panel
          // keeps saying so until the capture is completed.
          st.truncated = hit.incomplete;
        } else if (st.status === 'saved') {
          st.status = 'save'; // deleted elsewhere
          st.captureId = null;
          st.incomplete = false;
        }
        renderKey(k);
        if (st.incomplete) forKey(k, tryComplete);
      }
    }
  }

  function forKey(key: string, fn: (e: PostEntry) => void): void {
    for (const el of [...(byKey.get(key) ?? [])]) {
      const e = entries.get(el);
      if (e && e.key === key) fn(e);
    }
  }

  // ---- quiet completion (allowed: the learner already saved this post) ----

  function tryComplete(e: PostEntry): void {
    const st = keyState(e.key);
    const tries = completeAttempts.get(e.key) ?? 0;
    if (!adapter || !st.incomplete || st.status !== 'saved' || tries >= COMPLETE_ATTEMPTS) return;
    completeAttempts.set(e.key, tries + 1);
    let draft: CaptureDraft;
    try {
      draft = adapter.extract(e.el, ctx());
    } catch {
      return; // not readable now; maybe on a later scan
    }
    if (draft.truncated || `${draft.platform}:${draft.postId}` !== e.key) return; // not fuller here
    completeAttempts.set(e.key, COMPLETE_ATTEMPTS); // once per page view
    const key = e.key;
    send({ type: 'capture/complete', draft }).then(
      (reply) => {
        if (signal.aborted || !isOk(reply)) return;
        const cap = (reply as { capture?: Capture }).capture;
        st.incomplete = false;
        if (cap) st.truncated = cap.truncated;
        renderKey(key);
      },
      (err) => logOnce('capture/complete failed', err),
    );
  }

  // ---- saving ----

  async function activate(el: Element, viaKeyboard: boolean): Promise<void> {
    const e = entries.get(el);
    if (!e) return;
    const st = keyState(e.key);
    if (st.status === 'saving') return;
    if (st.status === 'saved') {
      if (e.panelOpen) e.panelOpen = false;
      else {
        openPanel(e, viaKeyboard);
        void loadRecent();
        offerThread(e);
      }
      render(e);
      return;
    }
    await save(e, viaKeyboard);
  }

  function fail(e: PostEntry, key: string, reason: string): void {
    const st = keyState(key);
    st.status = 'failed';
    st.error = reason;
    if (e.key === key) openPanel(e, false);
    renderKey(key);
  }

  /** Saves the post `e` shows right now: re-reads its id and extracts its current content. */
  async function save(e: PostEntry, viaKeyboard: boolean): Promise<SaveInViewResult> {
    const a = adapter;
    if (!a) return { ok: false, error: t('errorNoPost') };
    const c = ctx();
    let postId: string | null = null;
    try {
      postId = a.postId(e.el, c);
    } catch (err) {
      logOnce('postId failed', err);
    }
    if (!postId) {
      fail(e, e.key, t('errorNoPost'));
      return { ok: false, error: t('errorNoPost') };
    }
    if (postId !== e.postId) {
      // Recycled between the last scan and this click: follow the post shown now.
      e.postId = postId;
      indexKey(e.el, `${a.id}:${postId}`, e.key);
      e.key = `${a.id}:${postId}`;
    }
    const key = e.key;
    const st = keyState(key);
    st.status = 'saving';
    st.error = null;
    e.panelOpen = false;
    renderKey(key);
    let draft: CaptureDraft;
    try {
      draft = a.extract(e.el, c);
    } catch (err) {
      const reason = reasonOf(err);
      fail(e, key, reason);
      return { ok: false, error: reason };
    }
    let reply: unknown;
    try {
      reply = await send({ type: 'capture/save', draft });
    } catch (err) {
      reply = { ok: false, error: reasonOf(err) };
    }
    if (signal.aborted) return { ok: false, error: t('errorReload') };
    if (!isOk(reply)) {
      const reason = errorOf(reply) ?? t('errorNoAnswer');
      fail(e, key, reason);
      return { ok: false, error: reason };
    }
    applyCapture(st, (reply as { capture?: Capture }).capture, draft);
    st.known = true;
    if (e.key === key && entries.get(e.el) === e) {
      openPanel(e, viaKeyboard);
      void loadRecent();
      offerThread(e);
    }
    renderKey(key);
    return { ok: true, key };
  }

  function applyCapture(st: KeyState, cap: Capture | undefined, draft: CaptureDraft): void {
    st.status = 'saved';
    st.error = null;
    st.panelError = null;
    st.truncated = cap?.truncated ?? draft.truncated;
    st.incomplete = st.truncated;
    if (cap) {
      st.captureId = cap.id;
      st.intent = cap.intent ?? null;
      st.tags = cap.tags ?? [];
      st.note = cap.note ?? '';
      st.collectionIds = cap.collectionIds ?? [];
    }
  }

  /** Offers "Save thread" when the adapter can read a thread around this post on this page. */
  function offerThread(e: PostEntry): void {
    const st = keyState(e.key);
    if (!adapter?.extractThread || st.thread === 'saving' || st.thread === 'saved') return;
    try {
      const d = adapter.extractThread(e.el, ctx());
      st.thread = d && d.thread.length > 1 ? 'available' : 'none';
    } catch {
      st.thread = 'none';
    }
  }

  async function saveThread(el: Element): Promise<void> {
    const e = entries.get(el);
    if (!e || !adapter?.extractThread) return;
    const st = keyState(e.key);
    st.thread = 'saving';
    st.panelError = null;
    renderKey(e.key);
    let draft: CaptureDraft | null = null;
    try {
      draft = adapter.extractThread(e.el, ctx());
    } catch (err) {
      st.panelError = reasonOf(err);
    }
    if (!draft) {
      st.thread = 'failed';
      st.panelError ??= t('errorNoThread');
      renderKey(e.key);
      return;
    }
    let reply: unknown;
    try {
      reply = await send({ type: 'capture/save', draft });
    } catch (err) {
      reply = { ok: false, error: reasonOf(err) };
    }
    if (signal.aborted) return;
    if (!isOk(reply)) {
      st.thread = 'failed';
      st.panelError = errorOf(reply) ?? t('errorNoAnswer');
    } else {
      st.thread = 'saved';
      const threadKey = `${draft.platform}:${draft.postId}`;
      const tst = keyState(threadKey);
      applyCapture(tst, (reply as { capture?: Capture }).capture, draft);
      tst.thread = 'saved';
      tst.known = true;
      if (threadKey !== e.key) renderKey(threadKey);
    }
    renderKey(e.key);
  }

  async function updateCapture(el: Element, patch: CapturePatch): Promise<void> {
    const e = entries.get(el);
    if (!e) return;
    const key = e.key;
    const st = keyState(key);
    if (!st.captureId) return;
    if (patch.intent !== undefined) st.intent = patch.intent;
    if (patch.tags) st.tags = patch.tags;
    if (patch.note !== undefined) st.note = patch.note ?? '';
    if (patch.collectionIds) st.collectionIds = patch.collectionIds;
    st.panelError = null;
    renderKey(key);
    let reply: unknown;
    try {
      reply = await send({ type: 'capture/update', id: st.captureId, patch });
    } catch (err) {
      reply = { ok: false, error: reasonOf(err) };
    }
    if (signal.aborted) return;
    if (!isOk(reply)) {
      st.panelError = errorOf(reply) ?? t('errorNoAnswer');
      renderKey(key);
    }
  }

  async function createCollection(el: Element, name: string): Promise<void> {
    const e = entries.get(el);
    if (!e || !name.trim()) return;
    let reply: unknown;
    try {
      reply = await send({ type: 'collection/create', name: name.trim() });
    } catch (err) {
      reply = { ok: false, error: reasonOf(err) };
    }
    if (signal.aborted) return;
    const col = (reply as { collection?: CollectionChoice } | null)?.collection;
    if (!isOk(reply) || !col) {
      keyState(e.key).panelError = errorOf(reply) ?? t('errorNoAnswer');
      renderKey(e.key);
      return;
    }
    recent = { ...recent, collections: [{ id: col.id, name: col.name }, ...recent.collections.filter((c) => c.id !== col.id)] };
    const st = keyState(e.key);
    await updateCapture(el, { collectionIds: [...st.collectionIds.filter((id) => id !== col.id), col.id] });
    renderAll();
  }

  async function loadRecent(): Promise<void> {
    let reply: unknown;
    try {
      reply = await send({ type: 'library/recent' });
    } catch (err) {
      logOnce('library/recent failed', err);
      return;
    }
    if (signal.aborted || !isOk(reply)) return;
    const r = reply as { tags?: string[]; collections?: { id: string; name: string }[] };
    recent = {
      tags: Array.isArray(r.tags) ? r.tags.slice(0, 12) : [],
      collections: Array.isArray(r.collections) ? r.collections.map((c) => ({ id: c.id, name: c.name })).slice(0, 12) : [],
    };
    renderAll();
  }

  // ---- keyboard shortcut, messages from the background ----

  async function saveInView(): Promise<SaveInViewResult> {
    if (signal.aborted) return { ok: false, error: t('errorReload') };
    scan();
    const el = pickPostInView([...live], doc);
    const e = el ? entries.get(el) : undefined;
    if (!e) return { ok: false, error: t('errorNoPostInView') };
    const st = keyState(e.key);
    if (st.status === 'saved' || st.status === 'saving') {
      if (st.status === 'saved') {
        openPanel(e, true);
        void loadRecent();
        offerThread(e);
        render(e);
      }
      return { ok: true, key: e.key };
    }
    return save(e, true);
  }

  function savedElsewhere(changed: readonly string[]): void {
    for (const k of changed) {
      const st = keys.get(k);
      if (st && st.status !== 'saving') {
        st.known = false;
        pendingStatus.add(k);
      }
    }
    scheduleStatus();
  }

  // ---- lifecycle ----

  function safeScan(records?: readonly MutationRecord[]): void {
    try {
      scan(records);
    } catch (err) {
      logOnce('scan failed', err);
    }
  }

  signal.addEventListener(
    'abort',
    () => {
      if (statusTimer) clearTimeout(statusTimer);
      statusTimer = null;
      unmountAll();
      for (const h of doc.querySelectorAll('satchel-save')) if (hosts.has(h)) h.remove();
    },
    { once: true },
  );

  if (!signal.aborted) {
    onDomChange(doc, safeScan, {
      signal,
      schedule: deps.schedule,
      attributes: ID_ATTRIBUTES,
      // Our own inserts (and removals we made) are no news; a host removed by the page is.
      ignore: (r) => r.type === 'childList' && isOnlyHosts(r.addedNodes) && removedOnlyOurUnmounts(r.removedNodes, hosts),
      dropOwnChanges: true, // a scan's own inserts are all ignorable: skip delivering them at all
    });
    safeScan();
  }

  return {
    urlChanged: () => {
      try {
        if (deps.url() !== lastUrl) handleUrl();
        scan();
      } catch (err) {
        logOnce('urlChanged failed', err);
      }
    },
    scan: () => safeScan(),
    saveInView: async () => {
      try {
        return await saveInView();
      } catch (err) {
        logOnce('saveInView failed', err);
        return { ok: false, error: reasonOf(err) };
      }
    },
    savedElsewhere: (k) => {
      try {
        savedElsewhere(k);
      } catch (err) {
        logOnce('savedElsewhere failed', err);
      }
    },
  };
}

/** A child-list change that removed at least one element (other than a host we just unmounted: those are ignored upstream). */
function removedElements(r: MutationRecord): boolean {
  if (r.type !== 'childList') return false;
  for (const n of r.removedNodes) if (n.nodeType === 1) return true;
  return false;
}

function isHost(n: Node): boolean {
  return (n as Element).tagName === HOST_TAG;
}

/** True when every removed node is a host we unmounted ourselves (no longer in `hosts`); cheap for the usual empty list. */
function removedOnlyOurUnmounts(nodes: NodeList, hosts: WeakSet<Element>): boolean {
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i]!;
    if (!isHost(n) || hosts.has(n as Element)) return false;
  }
  return true;
}

function isOnlyHosts(nodes: NodeList): boolean {
  for (const n of nodes) if (!isHost(n)) return false;
  return true;
}

function isOk(reply: unknown): boolean {
  return typeof reply === 'object' && reply !== null && (reply as { ok?: unknown }).ok === true;
}

function errorOf(reply: unknown): string | null {
  const e = typeof reply === 'object' && reply !== null ? (reply as { error?: unknown }).error : null;
  return typeof e === 'string' && e ? e : null;
}

/**
 * DOM observation helpers (docs/architecture.md 6.11: MutationObserver plus a per-element mark is the
 * safe default; refined-github's animation trick depends on page CSS). Everything hangs off an
 * AbortSignal: aborting disconnects the observer and drops pending callbacks.
 */

/** Runs `cb` soon, once per batch of DOM changes. Default: next animation frame (cheap, paused in hidden tabs). */
export type Scheduler = (cb: () => void) => void;

/** The default scheduler: `requestAnimationFrame` when the window has it, else a 16 ms timer. */
export function frameScheduler(win: Window & typeof globalThis = globalThis as Window & typeof globalThis): Scheduler {
  return typeof win.requestAnimationFrame === 'function' ? (cb) => void win.requestAnimationFrame(() => cb()) : (cb) => void setTimeout(cb, 16);
}

/** Options of {@link onDomChange}. */
export interface DomChangeOptions {
  /** Stops observing when aborted. Required: nothing may outlive the content script. */
  signal: AbortSignal;
  /** Batches changes into one call. Default {@link frameScheduler}. Tests pass `queueMicrotask`. */
  schedule?: Scheduler;
  /**
   * Attribute names whose changes count (recycled list items change an id-bearing attribute
   * without adding nodes, docs/sites/x.md 1.3). Default: none (child list changes only).
   */
  attributes?: readonly string[];
  /** Return true for a mutation record that should not trigger a call (e.g. our own UI). */
  ignore?: (record: MutationRecord) => boolean;
  /**
   * When true, the changes `cb` itself makes while it runs are dropped (`takeRecords()` right after
   * it returns) instead of being delivered and filtered by `ignore` one record at a time: for a
   * caller whose own changes are never news (the Save controls it inserts). Changes made later, by
   * the page or asynchronously by the caller, are observed as usual.
   */
  dropOwnChanges?: boolean;
}

/**
 * Calls `cb` at most once per scheduled batch after nodes are added or removed anywhere under
 * `root` (and after changes of the listed attributes). `cb` receives the batch's mutation records
 * that `ignore` did not filter out (never empty), so a caller can look only at what changed.
 * Never calls `cb` after `signal` aborts.
 */
export function onDomChange(root: Node, cb: (records: MutationRecord[]) => void, opts: DomChangeOptions): void {
  const { signal } = opts;
  if (signal.aborted) return;
  const win = (root.ownerDocument ?? (root as Document)).defaultView;
  const schedule = opts.schedule ?? frameScheduler(win ?? undefined);
  let batch: MutationRecord[] = [];
  const keep = (records: MutationRecord[]) => {
    for (const r of records) if (!opts.ignore || !opts.ignore(r)) batch.push(r);
  };
  const run = (): void => {
    if (opts.dropOwnChanges) keep(mo.takeRecords()); // the page's changes not delivered yet
    const records = batch;
    batch = [];
    if (signal.aborted || records.length === 0) return;
    cb(records);
    if (opts.dropOwnChanges) mo.takeRecords(); // only `cb` ran since the line above
  };
  const MO = win?.MutationObserver ?? MutationObserver;
  const mo = new MO((records) => {
    if (signal.aborted) return;
    const pending = batch.length > 0;
    keep(records);
    if (!pending && batch.length > 0) schedule(run);
  });
  mo.observe(root, {
    childList: true,
    subtree: true,
    ...(opts.attributes?.length ? { attributes: true, attributeFilter: [...opts.attributes] } : {}),
  });
  signal.addEventListener('abort', () => { mo.disconnect(); batch = []; }, { once: true });
}

/** Options of {@link observe}. */
export interface ObserveOptions extends Omit<DomChangeOptions, 'attributes'> {
  /** Where to look. Default: the document. */
  root?: ParentNode & Node;
}

/**
 * Calls `cb` once for every element matching `selector` now and whenever one appears later
 * (docs/architecture.md 6.1 `observe(selector, cb, {signal})`). Each element is reported once per call
 * site: the mark is a WeakSet, so nothing is written onto the page's nodes. A throwing callback is
 * isolated to its element.
 */
export function observe(selector: string, cb: (el: Element) => void, opts: ObserveOptions): void {
  const root = opts.root ?? document;
  const seen = new WeakSet<Element>();
  const scan = (): void => {
    for (const el of root.querySelectorAll(selector)) {
      if (seen.has(el)) continue;
      seen.add(el);
      try {
        cb(el);
      } catch (err) {
        console.warn('[Satchel] observe callback failed for', selector, err);
      }
    }
  };
  if (opts.signal.aborted) return;
  scan();
  onDomChange(root, () => scan(), opts);
}

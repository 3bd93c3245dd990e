import type { ControlView, MountedControl } from './types';

/** One post element that has a control. Identity of the post is `postId`, re-read on every scan. */
export interface PostEntry {
  readonly el: Element;
  postId: string;
  key: string;
  anchor: Element;
  ui: MountedControl;
  panelOpen: boolean;
  focusPanel: boolean;
}

/** The post elements that have a control, indexed by element, by key and by host. */
export interface Entries {
  get(el: Element): PostEntry | undefined;
  /** Post elements with a control, in mount order. */
  readonly live: ReadonlySet<Element>;
  /** True for a `<satchel-save>` host this flow mounted and has not unmounted. */
  owns(host: Element): boolean;
  add(e: PostEntry): void;
  /** The element now shows another post (recycled, or its real id was found): the control follows it. */
  rekey(e: PostEntry, postId: string, key: string): void;
  /** Removes the control of `el` (no-op without one). */
  unmount(el: Element): void;
  unmountAll(): void;
  /** The first entry showing `key`, if any. */
  first(key: string): PostEntry | undefined;
  /** Calls `fn` for each entry showing `key` (a copy of the set: `fn` may re-key or unmount). */
  forKey(key: string, fn: (e: PostEntry) => void): void;
  /** Re-renders `e` from the current state. */
  render(e: PostEntry): void;
  /** Re-renders every control showing `key`: O(controls of that key), not O(all posts). */
  renderKey(key: string): void;
  renderAll(): void;
}

/** A new {@link Entries}; `view` computes what a control shows now, `log` takes render errors. */
export function createEntries(view: (e: PostEntry) => ControlView, log: (what: string, err: unknown) => void): Entries {
  const entries = new WeakMap<Element, PostEntry>();
  const live = new Set<Element>();
  const hosts = new WeakSet<Element>();
  /** Post elements by key (`renderKey`/`forKey` run per status answer: O(1) lookup, not a loop over every post). */
  const byKey = new Map<string, Set<Element>>();
  const index = (el: Element, key: string | null, old: string | null) => {
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
  const render = (e: PostEntry) => {
    try {
      e.ui.update(view(e));
    } catch (err) {
      log('render failed', err);
    }
  };
  const forKey = (key: string, fn: (e: PostEntry) => void) => {
    for (const el of [...(byKey.get(key) ?? [])]) {
      const e = entries.get(el);
      if (e && e.key === key) fn(e);
    }
  };
  const unmount = (el: Element) => {
    const e = entries.get(el);
    entries.delete(el);
    live.delete(el);
    if (!e) return;
    index(el, null, e.key);
    hosts.delete(e.ui.host);
    try {
      e.ui.unmount();
    } catch (err) {
      log('unmount failed', err);
    }
  };
  return {
    get: (el) => entries.get(el),
    live,
    owns: (host) => hosts.has(host),
    add(e) {
      entries.set(e.el, e);
      hosts.add(e.ui.host);
      index(e.el, e.key, null);
      live.add(e.el);
    },
    rekey(e, postId, key) {
      e.postId = postId;
      index(e.el, key, e.key);
      e.key = key;
    },
    unmount,
    unmountAll() {
      for (const el of [...live]) unmount(el);
    },
    first(key) {
      for (const el of byKey.get(key) ?? []) {
        const e = entries.get(el);
        if (e && e.key === key) return e;
      }
      return undefined;
    },
    forKey,
    render,
    renderKey: (key) => forKey(key, render),
    renderAll() {
      for (const el of live) {
        const e = entries.get(el);
        if (e) render(e);
      }
    },
  };
}

import type { ExtractContext, SiteAdapter } from '../sites/types';
import type { Entries } from './entries';
import type { Health } from './health';
import type { KeyStore } from './keys';
import type { CaptureDeps, CollectionChoice, Send, Translate } from './types';

/**
 * What the parts of one capture flow share (controller.ts creates it): the injected dependencies,
 * the adapter picked for the current URL, post keys' state, the mounted controls and the health
 * counters. Each part (scan, status, save, panel, completion, merge) is a small module over it.
 */
export interface Runtime {
  readonly deps: CaptureDeps;
  readonly doc: Document;
  readonly send: Send;
  readonly t: Translate;
  readonly signal: AbortSignal;
  /** Logs each distinct error once, with the site and page (log-once.ts). */
  readonly log: (what: string, err: unknown) => void;
  /** The adapter for the current URL, or null (re-picked on navigation). */
  adapter: SiteAdapter | null;
  /** The URL last handled (navigation compares against it). */
  url: string;
  readonly keys: KeyStore;
  readonly entries: Entries;
  /** This page view's capture health counters. */
  readonly health: Health;
  /**
   * Content keys of posts whose real id was found in this content script's life (a Save's probe,
   * a quiet merge) → that id. The adapter keeps returning the content key for such a post; scans
   * read it through this map so its control stays on the real key. Usually empty.
   */
  readonly recovered: Map<string, string>;
  /** Recent tags and collections for the panel (`library/recent`). */
  recent: { tags: string[]; collections: CollectionChoice[] };
  /** A fresh extract context for the page as it is now. */
  ctx(): ExtractContext;
}

/** The post id `adapter` reads for `el` now, through {@link Runtime.recovered}; null when it has none. */
export function readPostId(rt: Runtime, a: SiteAdapter, el: Element, c: ExtractContext): string | null {
  const id = a.postId(el, c);
  return id !== null && rt.recovered.size !== 0 ? (rt.recovered.get(id) ?? id) : id;
}

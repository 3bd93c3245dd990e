import type { CaptureDraft, Platform } from '../schema';

/** Options passed to {@link SiteAdapter.extract}. */
export interface ExtractContext {
  /** The document the post lives in (tests pass a jsdom document). */
  document: Document;
  /** The page URL (absolute). Relative hrefs are resolved against it. */
  url: string;
  /**
   * A post URN recovered at click time outside the DOM — the MAIN-world React props probe. Used
   * only when the adapter's own sources find none; must parse as a post URN (else ignored).
   */
  recoveredId?: string | null;
  /**
   * The time of the read, epoch ms (default `Date.now()`): adapters that turn a relative label into
   * a time use it (LinkedIn's "18h •" on a post without an id, docs/sites/linkedin.md "Post time").
   * Tests and fixtures pin it (`now` in a fixture's `.expected.json`).
   */
  now?: number;
}

/**
 * Contract of one site adapter (docs/architecture.md 6.3). Adapters are pure: DOM in, CaptureDraft out.
 * They know nothing of storage, messaging or UI.
 */
export interface SiteAdapter {
  /** Folder name, and the `platform` stored in captures. Never renamed. */
  readonly id: Exclude<Platform, 'web'>;
  /** WXT/Chrome match patterns for the content script. */
  readonly matches: readonly string[];
  /** True when `url` is a page of this site where posts can appear. Pure. */
  isSupportedPage(url: string): boolean;
  /**
   * Post root elements in `root`'s subtree, `root` itself included when it is one, in document
   * order, each exactly once (quoted posts are not roots; a root nested in another is not listed).
   */
  findPosts(root: ParentNode): Element[];
  /**
   * Optional, for incremental scanning: the post root that is or contains `node` (the outermost
   * one), or null when `node` is not inside a post. When present, the capture controller re-reads
   * only the posts a DOM change touched (`postRootOf(record.target)`) plus, for nodes added outside
   * every post, `findPosts(addedNode)`, instead of `findPosts(document)` on every change. Must agree with {@link findPosts}: every root
   * `findPosts(document)` returns is `postRootOf` of itself and of its descendants.
   */
  postRootOf?(node: Element): Element | null;
  /** The platform post id of a post root, or null when it cannot be recovered. Re-read on every call: elements are recycled. */
  postId(postEl: Element, ctx: ExtractContext): string | null;
  /**
   * Reads one post root into a draft.
   * @throws ExtractError when a required part (id, permalink, author or text) cannot be read.
   */
  extract(postEl: Element, ctx: ExtractContext): CaptureDraft;
  /**
   * Where the Save control goes: the post's own action row, or null to place it at the post root's end.
   * The returned element receives the control as its last child.
   */
  actionRow(postEl: Element): Element | null;
  /**
   * Optional: on a post's own page, the author's self-thread (or the Viva Engage conversation)
   * around `postEl` as one draft with `thread` parts. Absent when the site has no threads here.
   */
  extractThread?(postEl: Element, ctx: ExtractContext): CaptureDraft | null;
  /**
   * Optional, for capture health (issue 9 part 3): the name of the layout `postEl` is rendered in
   * (e.g. `gen-c`), or null when the adapter does not recognise it (the site changed its markup).
   * Pure. Never called while scanning: only for a post whose draft is read anyway (a save, a completion).
   */
  layoutOf?(postEl: Element): string | null;
}

/** The required part of a post an {@link ExtractError} names: its id (or permalink), its author, or its text. */
export type ExtractField = 'postId' | 'author' | 'text';

/**
 * A required part of a post could not be read. Carries the site, field and selector name. The
 * message is for developers (console, fixtures); learners are told which part could not be read in
 * their own words, from `field` (lib/capture/replies.ts `unreadableReason`).
 */
export class ExtractError extends Error {
  override name = 'ExtractError';
  constructor(
    readonly site: Platform,
    readonly field: ExtractField,
    readonly selector: string,
    message?: string,
  ) {
    super(message ?? `${site}: could not read the post's ${field} (selector ${selector})`);
  }
}

/**
 * True for an {@link ExtractError}, also one made by another bundle's copy of the class: the panel
 * UI (panel-ui.js, lib/capture/panel-edits.ts) reads errors thrown by the content script's adapter,
 * where `instanceof` would be false. Checks the name and the field.
 */
export function isExtractError(err: unknown): err is ExtractError {
  return err instanceof Error && err.name === 'ExtractError' && typeof (err as ExtractError).field === 'string';
}

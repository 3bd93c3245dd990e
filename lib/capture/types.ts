import type { ContentToBackground, ReplyFor } from '../messages';
import type { CaptureHealth, SaveInViewReply } from '../messages/to-content';
import type { Intent } from '../schema';
import type { SiteAdapter } from '../sites/types';
import type { PanelEdits } from './panel-edits';
import type { Runtime } from './runtime';

/**
 * Types shared by the content-side capture flow and the UI mount that entrypoints/content injects.
 * Type-only imports from lib/messages and lib/schema: the content script never bundles zod; the
 * background validates every message (docs/architecture.md 6.9 rule 1).
 */

/** What the Save control shows. `save` also covers "not known yet" (status pending). */
export type SaveStatus = 'save' | 'saving' | 'saved' | 'failed';

/** The thread offer in the panel: hidden, offered, in flight, done or failed. */
export type ThreadStatus = 'none' | 'available' | 'saving' | 'saved' | 'failed';

/** Library fields the learner can set right after saving (sent as `capture/update`). */
export interface CapturePatch {
  intent?: Intent | null;
  tags?: string[];
  note?: string | null;
  collectionIds?: string[];
}

/** A collection the panel offers one tap away. */
export interface CollectionChoice {
  id: string;
  name: string;
}

/** Everything the save panel shows. */
export interface PanelView {
  intent: Intent | null;
  tags: string[];
  note: string;
  collectionIds: string[];
  /** From `library/recent`; empty until it answers. */
  recentTags: string[];
  recentCollections: CollectionChoice[];
  /** The saved draft was truncated by the site: the panel says so (never silent, B001). */
  truncated: boolean;
  /** Display name of the site ("X", "LinkedIn", "Viva Engage"), for the truncation notice. */
  siteName: string;
  thread: ThreadStatus;
  /** Reason of the last failed update or thread save, shown in the panel. */
  error: string | null;
  /** Move keyboard focus into the panel when it opens (the save was made with the keyboard). */
  focus: boolean;
}

/** Everything one Save control shows. */
export interface ControlView {
  /** Current platform id of the post the control belongs to (mirrored in `data-post-id`). */
  postId: string;
  /** `<platform>:<postId>`. */
  key: string;
  status: SaveStatus;
  /** Why the last save failed (ExtractError message or the background's error); null otherwise. */
  error: string | null;
  /** The panel, when open. */
  panel: PanelView | null;
}

/** Callbacks of one Save control. They act on the control's post element as it is at call time. */
export interface ControlActions {
  /** The button was pressed: save (or retry) now, or open the panel when already saved. */
  activate(viaKeyboard: boolean): void;
  /** Close the panel (Esc, click outside, Done or × button; it never closes by itself, docs/decisions/0010). */
  closePanel(): void;
  /** Change library fields of the saved capture. */
  update(patch: CapturePatch): void;
  /** Create a collection and add the capture to it. */
  createCollection(name: string): void;
  /** Save the whole thread around this post (post pages of adapters with `extractThread`). */
  saveThread(): void;
}

/** A mounted control, returned by {@link MountControl}. */
export interface MountedControl {
  /** The `<satchel-save>` host element (light DOM, carries `data-post-id`). */
  readonly host: Element;
  /** Re-render with a new view (state change, or the element now shows another post). */
  update(view: ControlView): void;
  /** Remove the host and unmount its UI. Idempotent. */
  unmount(): void;
}

/**
 * Mounts one Save control: creates a `<satchel-save data-post-id>` host appended as the last child
 * of `anchor` (the post's action row, else the post root) and renders `view` into its shadow root.
 * Must be synchronous so the one-control-per-post invariant holds at every moment.
 */
export type MountControl = (anchor: Element, view: ControlView, actions: ControlActions) => MountedControl;

/**
 * Sends a message to the background and resolves with its reply: the success reply of that message
 * type or an `ErrorReply` (check `ok`). It may reject (no background, context invalidated).
 */
export type Send = <M extends ContentToBackground>(msg: M) => Promise<ReplyFor<M['type']>>;

/** Reads a UI string (browser.i18n.getMessage in the page, the English file in tests). */
export type Translate = (key: string, substitutions?: string[]) => string;

/** Injected dependencies of {@link startCapture} (see controller.ts). */
export interface CaptureDeps {
  /** The adapter for a page URL, or null (re-picked on every URL change). */
  pickAdapter: (url: string) => SiteAdapter | null;
  document: Document;
  /** Current page URL (location.href). */
  url: () => string;
  send: Send;
  mount: MountControl;
  /** Aborted when the content script is invalidated: everything is removed. */
  signal: AbortSignal;
  /** UI strings for error reasons. */
  t: Translate;
  /** Batches DOM changes (default: next animation frame). Tests pass `queueMicrotask`. */
  schedule?: (cb: () => void) => void;
  /** Debounce of `capture/status` batches in ms (default 150). */
  statusDelayMs?: number;
  /** On DOM changes, compare the page URL at most this often, ms (default 250; tests pass 0). */
  urlCheckMs?: number;
  /** Error sink (default: console.warn once per distinct error). */
  log?: (message: string, err: unknown) => void;
  /**
   * Attributes whose change may mean a recycled element shows another post (the site's
   * `idAttributes` in lib/sites/meta.ts; default: every site's).
   */
  idAttributes?: readonly string[];
  /** Runs low-priority work when the page is idle (default: requestIdleCallback). Tests pass `queueMicrotask`. */
  idle?: (cb: () => void) => void;
  /** How long a Save waits for `capture/probe-id` before extracting without it, ms (default 1500). */
  probeTimeoutMs?: number;
  /**
   * The open panel's edits (lib/capture/panel-edits.ts), asked for the first time the panel calls
   * `update`, `createCollection` or `saveThread`: the content script takes them from the loaded panel
   * UI (entrypoints/content/control-ui.tsx), tests pass `() => createPanelEdits`. Null, or absent:
   * not loaded; the call is logged and does nothing.
   */
  panelEdits?: () => ((rt: Runtime) => PanelEdits) | null;
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
  /** This page view's capture health counters (counts only, nothing about any post). */
  health(): CaptureHealth;
}

/** Result of the keyboard shortcut, sent back as the reply to `capture/save-in-view` (lib/messages/to-content.ts). */
export type SaveInViewResult = SaveInViewReply;

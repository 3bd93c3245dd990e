/**
 * What the two phases of a report session (picker.ts, then dialog.ts) share: the host in the page,
 * its layer, the listeners of the current phase, the UI strings, and how to close (start.ts).
 */
import type { ReportSessionOptions } from './start';

/** The open report UI, as a phase sees it. */
export interface ReportShell {
  readonly opts: ReportSessionOptions;
  readonly doc: Document;
  /** The `<satchel-report>` host (its events are the UI's own) and its shadow root. */
  readonly host: HTMLElement;
  readonly shadow: ShadowRoot;
  /** Where a phase puts its elements (emptied between phases). */
  readonly layer: HTMLElement;
  /** A UI string with `{name}` tokens filled in. */
  t(key: string, vars?: Record<string, string | number>): string;
  /** Adds a capturing window listener for the current phase (removed by {@link endPhase}). */
  listen(type: string, fn: (e: Event) => void, passive?: boolean): void;
  /** Removes the current phase's listeners. */
  endPhase(): void;
  /** True when the event comes from the report UI itself. */
  inUi(e: Event): boolean;
  /** Where focus goes when the session is asked to come to the front. */
  setFocusTarget(el: HTMLElement): void;
  /** The learner saved the sample at least once. */
  markSaved(): void;
  /** Closes the UI: listeners off, host removed, focus back where it was. */
  close(): void;
}

/** An element with attributes and text (text is set as text, never parsed). */
export function make<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (text !== undefined) el.textContent = text;
  return el;
}

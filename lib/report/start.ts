/**
 * The "Report this page" flow in the page (issue 9 part 3), loaded only when a report starts
 * (entrypoints/report-ui): pick a post (pointer: hover highlights, click picks; keyboard: Tab /
 * Shift+Tab go from post to post, Enter picks, Esc cancels), then a dialog shows exactly the
 * anonymised sample that would be saved, with "Save as file" (a download from a blob URL: nothing
 * is sent anywhere) and "Cancel". Everything lives in one `<satchel-report>` host with an open
 * shadow root; the page gets no events while the UI is open (its shortcuts and click handlers
 * would fire otherwise), and focus goes back where it was when it closes.
 */
import type { ReportStartDeps } from './global';
import { REPORT_CSS } from './style';
import { showDialog } from './dialog';
import { showPicker } from './picker';
import { make, type ReportShell } from './shell';

export { downloadFile } from './dialog';

/** {@link startReport}'s dependencies: the content script's, plus seams for tests. */
export interface ReportSessionOptions extends ReportStartDeps {
  /** Saves `html` as a file named `fileName` (default: {@link downloadFile} inside the report UI). */
  download?: (html: string, fileName: string) => void;
  /** Seed of the sample's placeholders (default random). */
  seed?: () => number;
  /** Capture time (default now). */
  now?: () => Date;
}

/** An open report UI. */
export interface ReportSession {
  /** Resolves when the UI closes: `saved` when the sample was saved at least once. */
  readonly done: Promise<'saved' | 'cancelled'>;
  /** Closes the UI (as Cancel does). */
  cancel(): void;
}

/** Tag of the host element; the anonymiser drops it, so a report never contains its own UI. */
export const REPORT_HOST = 'satchel-report';

const sessions = new WeakMap<Document, ReportSession & { focus(): void }>();

/**
 * Opens the picker in `opts.document`, or focuses the report UI already open there.
 * @returns the session; `done` settles when the learner saves and closes, or cancels.
 */
export function startReport(opts: ReportSessionOptions): ReportSession {
  const doc = opts.document;
  const open = sessions.get(doc);
  if (open) {
    open.focus();
    return open;
  }
  const win = doc.defaultView ?? window;
  const t = (key: string, vars: Record<string, string | number> = {}) => opts.t(key).replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
  const previous = doc.activeElement as HTMLElement | null;

  const host = doc.createElement(REPORT_HOST);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = REPORT_CSS;
  const layer = make(doc, 'div', { class: 'layer' });
  shadow.append(style, layer);
  doc.documentElement.append(host);

  let finish!: (how: 'saved' | 'cancelled') => void;
  const done = new Promise<'saved' | 'cancelled'>((r) => (finish = r));
  let saved = false;
  let closed = false;
  // Listeners of the current phase (picking, then the dialog); removed together. A list rather than
  // an AbortSignal: the page's window and the content script's AbortController may be of different realms.
  let phase: Array<() => void> = [];
  const endPhase = () => {
    phase.forEach((off) => off());
    phase = [];
  };
  let focusTarget: HTMLElement = layer;

  const close = () => {
    if (closed) return;
    closed = true;
    endPhase();
    host.remove();
    sessions.delete(doc);
    if (previous && previous.isConnected) previous.focus?.();
    finish(saved ? 'saved' : 'cancelled');
  };
  const inUi = (e: Event) => e.composedPath().includes(host);
  const listen = (type: string, fn: (e: Event) => void, passive = false) => {
    win.addEventListener(type, fn, { capture: true, passive });
    phase.push(() => win.removeEventListener(type, fn, { capture: true }));
  };

  const ui: ReportShell = {
    opts, doc, host, shadow, layer, t, listen, endPhase, inUi, close,
    setFocusTarget: (el) => (focusTarget = el),
    markSaved: () => (saved = true),
  };
  const picker = showPicker(ui, (sample) => showDialog(ui, sample));
  const session = {
    done,
    cancel: close,
    focus: () => focusTarget.focus(),
  };
  sessions.set(doc, session);
  picker.focus();
  picker.sayIfEmpty();
  return session;
}

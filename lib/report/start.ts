/**
 * The "Report this page" flow in the page (issue 9 part 3), loaded only when a report starts
 * (entrypoints/report-ui): pick a post (pointer: hover highlights, click picks; keyboard: Tab /
 * Shift+Tab go from post to post, Enter picks, Esc cancels), then a dialog shows exactly the
 * anonymised sample that would be saved, with "Save as file" (a download from a blob URL: nothing
 * is sent anywhere) and "Cancel". Everything lives in one `<satchel-report>` host with an open
 * shadow root; the page gets no events while the UI is open (its shortcuts and click handlers
 * would fire otherwise), and focus goes back where it was when it closes.
 */
import { anonymise, reportFileName, type ReportSample } from './anonymise';
import type { ReportStartDeps } from './global';
import { REPORT_CSS } from './style';

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
  let focusTarget: HTMLElement;

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

  // ------------------------------------------------------------------ picking
  const banner = make(doc, 'div', { class: 'banner', role: 'group', tabindex: '-1', 'aria-labelledby': 'satchel-report-prompt' });
  const prompt = make(doc, 'p', { id: 'satchel-report-prompt' }, t('reportPickPrompt'));
  const live = make(doc, 'p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const cancelPick = make(doc, 'button', { type: 'button' }, t('reportCancel'));
  const text = make(doc, 'div');
  text.append(prompt, live);
  banner.append(text, cancelPick);
  const hl = make(doc, 'div', { class: 'hl', 'aria-hidden': 'true' });
  layer.append(hl, banner);
  cancelPick.addEventListener('click', close);
  focusTarget = banner;

  let current: Element | null = null;
  const posts = () => opts.adapter.findPosts(doc);
  /** The post under an event target: the innermost post root that contains it (a reply, not its thread). */
  const postAt = (target: EventTarget | null): Element | null => {
    const el = target && (target as Node).nodeType === 1 ? (target as Element) : null;
    if (!el || el === host) return null;
    const roots = posts().filter((r) => r.contains(el));
    return roots[roots.length - 1] ?? null;
  };
  const highlight = (post: Element | null) => {
    current = post;
    if (!post) {
      hl.classList.remove('on');
      return;
    }
    const r = post.getBoundingClientRect();
    Object.assign(hl.style, { top: `${r.top}px`, left: `${r.left}px`, width: `${r.width}px`, height: `${r.height}px` });
    hl.classList.add('on');
  };
  const say = (s: string) => {
    live.textContent = s;
  };
  const move = (delta: 1 | -1) => {
    const list = posts();
    if (list.length === 0) {
      say(t('reportPickNone'));
      return;
    }
    const at = current ? list.indexOf(current) : -1;
    const next = at < 0 ? (delta > 0 ? 0 : list.length - 1) : (at + delta + list.length) % list.length;
    const post = list[next]!;
    post.scrollIntoView?.({ block: 'center' });
    highlight(post);
    say(t('reportPickPost', { n: next + 1, total: list.length }));
  };

  listen('pointerover', (e) => {
    if (!inUi(e)) highlight(postAt(e.target));
  }, true);
  listen('click', (e) => {
    if (inUi(e)) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    const post = postAt(e.target);
    if (post) pick(post);
    else say(t('reportPickNotPost'));
  });
  // The page must not act on the presses that pick a post (X opens a post on click).
  for (const type of ['pointerdown', 'pointerup', 'mousedown', 'mouseup', 'dblclick', 'auxclick']) {
    listen(type, (e) => {
      if (inUi(e)) return;
      e.preventDefault();
      e.stopImmediatePropagation();
    });
  }
  listen('keydown', (e) => {
    const k = e as KeyboardEvent;
    e.stopImmediatePropagation(); // no page shortcuts (X: j, k, l…) while reporting
    if (k.key === 'Escape') {
      k.preventDefault();
      close();
    } else if (k.key === 'Tab') {
      k.preventDefault();
      move(k.shiftKey ? -1 : 1);
    } else if ((k.key === 'Enter' || k.key === ' ') && !e.composedPath().includes(cancelPick)) {
      k.preventDefault();
      if (current) pick(current);
      else say(t('reportPickNone'));
    }
  });
  for (const type of ['keyup', 'keypress']) listen(type, (e) => e.stopImmediatePropagation());
  listen('scroll', () => highlight(current), true);
  listen('resize', () => highlight(current), true);

  // ------------------------------------------------------------------ the sample
  const pick = (post: Element) => {
    let sample: ReportSample;
    try {
      sample = anonymise(post, { site: opts.adapter.id, pageUrl: opts.url(), now: opts.now?.(), seed: opts.seed?.() });
    } catch (err) {
      say(t('reportSampleFailed', { error: err instanceof Error ? err.message : String(err) }));
      return;
    }
    endPhase();
    layer.replaceChildren();
    showDialog(sample);
  };

  const showDialog = (sample: ReportSample) => {
    const fileName = reportFileName(sample);
    const backdrop = make(doc, 'div', { class: 'backdrop' });
    const dialog = make(doc, 'div', { class: 'dialog', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'satchel-report-title', 'aria-describedby': 'satchel-report-intro' });
    const title = make(doc, 'h2', { id: 'satchel-report-title' }, t('reportDialogTitle'));
    const intro = make(doc, 'p', { id: 'satchel-report-intro' }, t('reportDialogIntro'));
    const meta = make(doc, 'p', { class: 'meta' }, t('reportDialogMeta', { site: sample.site, kind: sample.pageKind, file: fileName, size: sample.html.length }));
    const pre = make(doc, 'pre', { tabindex: '0', 'aria-label': t('reportDialogSample'), 'data-testid': 'report-sample' }, sample.html);
    const status = make(doc, 'p', { class: 'status', role: 'status', 'aria-live': 'polite' });
    const saveBtn = make(doc, 'button', { type: 'button', class: 'primary' }, t('reportSave'));
    const closeBtn = make(doc, 'button', { type: 'button' }, t('reportCancel'));
    const actions = make(doc, 'div', { class: 'actions' });
    actions.append(saveBtn, closeBtn);
    dialog.append(title, intro, meta, pre, status, actions);
    layer.append(backdrop, dialog);
    focusTarget = pre;

    saveBtn.addEventListener('click', () => {
      try {
        if (opts.download) opts.download(sample.html, fileName);
        else downloadFile(sample.html, fileName, layer);
        saved = true;
        status.classList.remove('error');
        status.textContent = t('reportSaved', { file: fileName });
        closeBtn.textContent = t('reportClose');
      } catch (err) {
        status.classList.add('error');
        status.textContent = t('reportSaveFailed', { error: err instanceof Error ? err.message : String(err) });
      }
    });
    closeBtn.addEventListener('click', close);

    // Focus stays in the dialog: Tab and Shift+Tab cycle through its three stops; Esc closes.
    const stops: HTMLElement[] = [pre, saveBtn, closeBtn];
    listen('keydown', (e) => {
      const k = e as KeyboardEvent;
      e.stopImmediatePropagation();
      if (k.key === 'Escape') {
        k.preventDefault();
        close();
      } else if (k.key === 'Tab') {
        k.preventDefault();
        const at = stops.indexOf(shadow.activeElement as HTMLElement);
        stops[(at + (k.shiftKey ? -1 : 1) + stops.length) % stops.length]!.focus();
      }
    });
    for (const type of ['keyup', 'keypress']) listen(type, (e) => e.stopImmediatePropagation());
    listen('focusin', (e) => {
      if (!inUi(e)) pre.focus();
    });
    pre.focus();
  };

  const session = {
    done,
    cancel: close,
    focus: () => focusTarget.focus(),
  };
  sessions.set(doc, session);
  banner.focus();
  if (posts().length === 0) say(t('reportPickNone'));
  return session;
}

/**
 * Saves `html` through a blob URL and a temporary `<a download>` put in `where` (the report UI's
 * shadow root, so the page's link handlers never see an anchor): the browser's own download.
 */
export function downloadFile(html: string, fileName: string, where: Element): void {
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
  const a = make(where.ownerDocument, 'a', { href: url, download: fileName, hidden: '' });
  where.append(a);
  try {
    a.click();
  } finally {
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}

/** An element with attributes and text (text is set as text, never parsed). */
function make<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (text !== undefined) el.textContent = text;
  return el;
}

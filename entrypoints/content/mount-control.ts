import type { ControlView, MountControl, MountedControl, SaveStatus } from '../../lib/capture/types';
import type { ControlUi } from './control-ui';
import { ensureLiveRegion, paintStaticControl, staticControlMarkup, type Translate } from './static-button';
import { backdropOf } from './backdrop';
import { createFitToRow, type FitToRow } from './fit-row';
import css from './style.css?inline';

/** Loads the Preact control UI on demand (see entrypoints/panel-ui.ts); rejects when it cannot. */
export type LoadControlUi = () => Promise<ControlUi>;

/**
 * The UI mount injected into lib/capture: one `<satchel-save data-post-id="…" data-state="…">` host
 * per post (`data-state`: save | saving | saved | failed, for tests and people's own scripts) with
 * an open shadow root holding the Save button and, when open, the save panel.
 *
 * Cost per post (content-overhead bench): the host, its shadow root with one shared constructed
 * stylesheet, and a clone of one static `<button>` (with its text); no listener of its own (events
 * reach it through one document-level set). The button's states (save, saving, saved, failed) are
 * painted statically. Preact and the panel are
 * loaded the first time a panel opens ({@link LoadControlUi}); from then on that control renders
 * with Preact. If loading fails the button still shows its state and the failure is logged.
 *
 * Why not `createShadowRootUi` (docs/toolchain.md 2): it is async (it fetches the stylesheet on every
 * call) and registers a `ctx.onInvalidated` listener per UI that is never released, so an endless
 * feed would leak one closure per post ever seen, and a post could briefly have zero or two
 * controls while a mount is pending. Here the host is created synchronously, the CSS is bundled as
 * a string (`?inline`), and cleanup on invalidation is done by lib/capture through `ctx.signal`.
 *
 * Once the control leaves the "save" state its host gets `data-bg="light|dark"` from the background
 * it sits on (./backdrop.ts), which picks the Saved/failed palette (issue 12: not the system theme).
 * The control stays inside its action row however full the row is (./fit-row.ts: icon only, then
 * a wrapping row), so a card that clips its overflow never hides it (issue 12).
 * The live region made before the Preact UI loads stays when it takes over, so "Saved in Satchel"
 * is announced once and not removed a few ms later (issue 12).
 */
export function createMountControl(t: Translate, loadUi: LoadControlUi, log: (msg: string, err: unknown) => void = () => {}, signal?: AbortSignal): MountControl {
  let proto: HTMLButtonElement | null = null;
  let sheet: CSSStyleSheet | null | undefined;
  let fitToRow: FitToRow | undefined;
  // Static controls (no Preact yet), by host. Their events are handled by one document-level set of
  // capture listeners (`watch`) instead of listeners on every host: composed events from inside an
  // open shadow root reach the document retargeted to the host.
  const statics = new WeakMap<Element, StaticControl>();
  const watched = new WeakSet<Document>();
  const watch = (doc: Document) => {
    if (watched.has(doc)) return;
    watched.add(doc);
    const onEvent = (e: Event) => {
      const st = statics.get(e.target as Element);
      if (st) st.handle(e);
    };
    for (const type of STATIC_EVENTS) doc.addEventListener(type, onEvent, { capture: true, passive: PASSIVE.has(type), signal });
  };
  return (anchor, view, actions): MountedControl => {
    const doc = anchor.ownerDocument;
    const host = doc.createElement('satchel-save');
    host.setAttribute('data-post-id', view.postId);
    host.setAttribute('data-state', view.status);
    const shadow = host.attachShadow({ mode: 'open' });
    if (sheet === undefined) sheet = sharedSheet(doc);
    if (sheet) shadow.adoptedStyleSheets = [sheet];
    else {
      const style = doc.createElement('style');
      style.textContent = css;
      shadow.append(style);
    }
    proto ??= staticControlMarkup(doc, t);
    shadow.append(proto.cloneNode(true));
    watch(doc);

    let current = view;
    let painted: SaveStatus = 'save';
    let alive = true;
    let ui: ControlUi | null = null;
    let root: Element | null = null;
    let loading = false;

    // The page must not see our clicks and keys: on X a click anywhere in a post opens it, and
    // single-key shortcuts (l, r, j, k) would fire while the control has focus. Until Preact takes
    // over, the document-level listeners stop them for this host in the capture phase (before any
    // listener of the page below the document) and a click on the button activates the control.
    statics.set(host, {
      handle(e) {
        if (e.type === 'pointerover' || e.type === 'focusin') {
          ensureLiveRegion(shadow); // in place before a save is announced in it
          return;
        }
        e.stopPropagation();
        if (e.type === 'click' && (e.composedPath() as EventTarget[]).some((n) => (n as Element).localName === 'button')) {
          actions.activate((e as MouseEvent).detail === 0);
        }
      },
    });
    // Preact's handlers inside the shadow root need the events to reach them: from then on the
    // host itself stops every event type at its own level (target phase), like before.
    const takeOver = () => {
      statics.delete(host);
      for (const type of STOPPED_EVENTS) host.addEventListener(type, stop);
    };

    let announce = (_text: string) => {};
    let shaded = 'save|0';
    // The palette of a state other than "save" follows the background under the control, read
    // again when the state changes or its panel opens or closes (a site may switch its own theme).
    const shade = () => {
      const key = `${current.status}|${current.panel ? 1 : 0}`;
      if (key === shaded || current.status === 'save' || !host.isConnected) {
        shaded = key;
        return;
      }
      shaded = key;
      const bg = backdropOf(host);
      if (host.getAttribute('data-bg') !== bg) host.setAttribute('data-bg', bg);
    };
    let paintedKey = 'save||0';
    const paint = () => {
      shade();
      if (ui && root) {
        ui.render(root, current, actions, t, announce);
        return;
      }
      const key = `${current.status}|${current.error ?? ''}|${current.panel ? 1 : 0}`;
      if (key === paintedKey && !current.panel) return; // same static state: nothing to touch
      paintedKey = key;
      paintStaticControl(shadow, current, painted, t);
      painted = current.status;
      if (current.panel && !loading) {
        loading = true;
        loadUi().then(
          (loaded) => {
            if (!alive || ui) return;
            ui = loaded;
            takeOver();
            // The live region stays (with what it announced); the rest is Preact's from now on.
            const live = ensureLiveRegion(shadow);
            announce = (text) => {
              if (live) live.textContent = text;
            };
            root = ui.adopt(shadow, live, current, actions, t, announce);
          },
          (err: unknown) => {
            loading = false;
            log('control UI failed to load', err);
            // Say so on the control (its state, e.g. Saved, stays true); a click tries again.
            const reason = `${t('panelLoadFailed')} ${err instanceof Error ? err.message : String(err)}`.trim();
            const btn = shadow.querySelector('button');
            btn?.setAttribute('aria-description', reason);
            btn?.setAttribute('title', reason);
          },
        );
      }
    };
    anchor.append(host);
    fitToRow ??= createFitToRow();
    const unfit = fitToRow(host, anchor);
    if (current.status !== 'save' || current.panel || current.error) paint();
    return {
      host,
      update(v) {
        if (!alive) return;
        current = v;
        if (host.getAttribute('data-post-id') !== v.postId) host.setAttribute('data-post-id', v.postId);
        if (host.getAttribute('data-state') !== v.status) host.setAttribute('data-state', v.status);
        paint();
      },
      unmount() {
        if (!alive) return;
        alive = false;
        statics.delete(host);
        unfit();
        if (ui && root) ui.unmount(root);
        host.remove();
      },
    };
  };
}

/** A control still drawn as static markup: handles the events the document-level listeners route to it. */
interface StaticControl {
  handle(e: Event): void;
}

/** One constructed stylesheet shared by every control's shadow root, or null where adopting is unsupported. */
function sharedSheet(doc: Document): CSSStyleSheet | null {
  try {
    const win = doc.defaultView as (Window & typeof globalThis) | null;
    if (!win || !('adoptedStyleSheets' in win.ShadowRoot.prototype)) return null;
    const s = new win.CSSStyleSheet();
    s.replaceSync(css);
    return s;
  } catch {
    return null; // e.g. Firefox content-script xrays: fall back to a <style> per root
  }
}

/** Every event type the page could act on (clicks, presses, keys): the page never sees them on a control. */
const PAGE_EVENTS = ['click', 'keydown', 'keyup', 'keypress', 'dblclick', 'auxclick', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'touchstart', 'touchend'];

/** Event types stopped at the host once Preact renders the control (its panel holds inputs). */
const STOPPED_EVENTS = [...PAGE_EVENTS, 'input', 'paste', 'copy', 'cut'];

/**
 * Event types the document-level listeners route to static controls: {@link PAGE_EVENTS}, stopped;
 * plus pointerover/focusin, which only mark the learner reaching the control (not stopped).
 */
const STATIC_EVENTS = [...PAGE_EVENTS, 'pointerover', 'focusin'];
/** Registered passive so a document-level touch listener never delays scrolling. */
const PASSIVE = new Set(['touchstart', 'touchend', 'pointerover']);

function stop(e: Event): void {
  e.stopPropagation();
}

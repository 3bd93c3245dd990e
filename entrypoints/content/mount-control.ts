import type { ControlView, MountControl, MountedControl, SaveStatus } from '../../lib/capture/types';
import type { ControlUi } from './control-ui';
import { paintStaticControl, staticControlMarkup, type Translate } from './static-button';
import css from './style.css?inline';

/** Loads the Preact control UI on demand (see entrypoints/panel-ui.ts); rejects when it cannot. */
export type LoadControlUi = () => Promise<ControlUi>;

/**
 * The UI mount injected into lib/capture: one `<satchel-save data-post-id="…" data-state="…">` host
 * per post (`data-state`: save | saving | saved | failed, for tests and people's own scripts) with
 * an open shadow root holding the Save button and, when open, the save panel.
 *
 * Cost per post (content-overhead bench): the host, its shadow root with one shared constructed
 * stylesheet, and a clone of static button markup; two event listeners until first contact. The
 * button's states (save, saving, saved, failed) are painted statically. Preact and the panel are
 * loaded the first time a panel opens ({@link LoadControlUi}); from then on that control renders
 * with Preact. If loading fails the button still shows its state and the failure is logged.
 *
 * Why not `createShadowRootUi` (TOOLCHAIN.md 2): it is async (it fetches the stylesheet on every
 * call) and registers a `ctx.onInvalidated` listener per UI that is never released, so an endless
 * feed would leak one closure per post ever seen, and a post could briefly have zero or two
 * controls while a mount is pending. Here the host is created synchronously, the CSS is bundled as
 * a string (`?inline`), and cleanup on invalidation is done by lib/capture through `ctx.signal`.
 */
export function createMountControl(t: Translate, loadUi: LoadControlUi, log: (msg: string, err: unknown) => void = () => {}, signal?: AbortSignal): MountControl {
  let proto: DocumentFragment | null = null;
  let sheet: CSSStyleSheet | null | undefined;
  // Hosts waiting for their full set of event stoppers, armed on first pointer or focus contact by
  // one document-level listener pair (composed events reach the document retargeted to the host).
  const unarmed = new WeakMap<Element, () => void>();
  const watched = new WeakSet<Document>();
  const watch = (doc: Document) => {
    if (watched.has(doc)) return;
    watched.add(doc);
    const onContact = (e: Event) => {
      const host = e.target as Element | null;
      const arm = host ? unarmed.get(host) : undefined;
      if (arm) arm();
    };
    doc.addEventListener('pointerover', onContact, { capture: true, passive: true, signal });
    doc.addEventListener('focusin', onContact, { capture: true, signal });
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
    const root = doc.createElement('span');
    root.className = 'satchel-root';
    shadow.append(root);
    // The page must not see our clicks and keys: on X a click anywhere in a post opens it, and
    // single-key shortcuts (l, r, j, k) would fire while typing a tag or a note. `click` and
    // `keydown` are stopped from the start (assistive tech may click without any pointer or focus
    // event first); the rest once the pointer or focus first reaches the control (`watch`).
    watch(doc);
    host.addEventListener('keydown', stop);
    host.addEventListener('click', (e) => {
      e.stopPropagation();
      // Static button: activate from here (one listener per control, not two).
      if (!ui && (e.composedPath() as EventTarget[]).some((n) => (n as Element).tagName === 'BUTTON')) actions.activate((e as MouseEvent).detail === 0);
    });
    const arm = () => {
      unarmed.delete(host);
      for (const type of STOPPED_EVENTS) host.addEventListener(type, stop);
    };
    unarmed.set(host, arm);

    let current = view;
    let painted: SaveStatus = 'save';
    let alive = true;
    let ui: ControlUi | null = null;
    let loading = false;

    proto ??= staticControlMarkup(doc, t);
    root.append(proto.cloneNode(true));

    let paintedKey = 'save||0';
    const paint = () => {
      if (ui) {
        ui.render(root, current, actions, t);
        return;
      }
      const key = `${current.status}|${current.error ?? ''}|${current.panel ? 1 : 0}`;
      if (key === paintedKey && !current.panel) return; // same static state: nothing to touch
      paintedKey = key;
      paintStaticControl(root, current, painted, t);
      painted = current.status;
      if (current.panel && !loading) {
        loading = true;
        loadUi().then(
          (loaded) => {
            if (!alive || ui) return;
            const hadFocus = shadow.activeElement !== null;
            ui = loaded;
            arm(); // Preact's own handlers inside need every stopper on the host from now on
            root.textContent = '';
            ui.render(root, current, actions, t);
            if (hadFocus && shadow.activeElement === null) root.querySelector('button')?.focus();
          },
          (err: unknown) => {
            loading = false;
            log('control UI failed to load', err);
            // Say so on the control (its state, e.g. Saved, stays true); a click tries again.
            const reason = `${t('panelLoadFailed')} ${err instanceof Error ? err.message : String(err)}`.trim();
            const btn = root.querySelector('button');
            btn?.setAttribute('aria-description', reason);
            btn?.setAttribute('title', reason);
          },
        );
      }
    };
    if (current.status !== 'save' || current.panel || current.error) paint();
    anchor.append(host);
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
        if (ui) ui.unmount(root);
        host.remove();
      },
    };
  };
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

const STOPPED_EVENTS = ['dblclick', 'auxclick', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'touchstart', 'touchend', 'keyup', 'keypress', 'input', 'paste', 'copy', 'cut'];

function stop(e: Event): void {
  e.stopPropagation();
}

import { render } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { SaveButton, type Translate } from '../../components/SaveButton';
import { SavePanel, type CloseReason } from '../../components/SavePanel';
import type { ControlActions, ControlView } from '../../lib/capture/types';
import { platformOfKey } from '../../lib/capture/keys';
import { createPanelEdits } from '../../lib/capture/panel-edits';
import { SITE_META, type SiteId } from '../../lib/sites/meta';
import panelCss from './panel.css?inline';
import { usePanelTheme } from './panel-theme';

/**
 * The Preact half of a Save control: the button and its save panel. Not in the content script's
 * own bundle: entrypoints/panel-ui.ts bundles it and the background injects it into the tab the
 * first time a panel opens (docs/decisions/0005-content-script-size.md). Until then the control is
 * static markup painted by ./static-button.ts. The panel's stylesheet (./panel.css) comes with it.
 */
export interface ControlUi {
  /**
   * Renders (or re-renders) the control for `view` into `root` (replacing what is there on first
   * call). `announce` puts a text into the control's polite live region, which lives outside `root`
   * so an announcement made before the UI loaded survives it (issue 12).
   */
  render(root: Element, view: ControlView, actions: ControlActions, t: Translate, announce: (text: string) => void): void;
  /**
   * Takes over a static control's shadow root: everything but its stylesheet and the live region
   * `live` makes way for a new `<span class="satchel-root">` before `live`, rendered like
   * {@link render}; a focus inside the control stays inside it. Returns that root. Here rather than
   * in mount-control.ts, because it runs only once this UI is loaded (content-size bench).
   */
  adopt(shadow: ShadowRoot, live: Element | null, view: ControlView, actions: ControlActions, t: Translate, announce: (text: string) => void): Element;
  /** Unmounts the Preact tree from `root`. */
  unmount(root: Element): void;
  /** What the open panel does (update, collections, thread), for the content script's controller (`CaptureDeps.panelEdits`). */
  panelEdits: typeof createPanelEdits;
}

/** The {@link ControlUi} implementation. */
export const controlUi: ControlUi = {
  render(root, view, actions, t, announce) {
    adoptPanelCss(root);
    render(<Control view={view} actions={actions} t={t} announce={announce} />, root);
  },
  adopt(shadow, live, view, actions, t, announce) {
    const hadFocus = shadow.activeElement !== null;
    const root = shadow.ownerDocument.createElement('span');
    root.className = 'satchel-root';
    for (const n of [...shadow.childNodes]) if ((n as Element).localName !== 'style' && n !== live) n.remove();
    shadow.insertBefore(root, live);
    controlUi.render(root, view, actions, t, announce);
    if (hadFocus && shadow.activeElement === null) root.querySelector('button')?.focus();
    return root;
  },
  unmount(root) {
    render(null, root);
  },
  panelEdits: createPanelEdits,
};


const styled = new WeakSet<Node>();
let panelSheet: CSSStyleSheet | null | undefined;

/** Adds the panel's stylesheet to the shadow root holding `root`, once (a `<style>` where adopting fails). */
function adoptPanelCss(root: Element): void {
  const shadow = root.getRootNode() as ShadowRoot | Document;
  if (shadow === root.ownerDocument || styled.has(shadow)) return;
  styled.add(shadow);
  if (panelSheet === undefined) {
    try {
      const win = root.ownerDocument.defaultView as Window & typeof globalThis;
      panelSheet = new win.CSSStyleSheet();
      panelSheet.replaceSync(panelCss);
    } catch {
      panelSheet = null; // e.g. Firefox content-script xrays
    }
  }
  try {
    if (panelSheet) {
      shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, panelSheet];
      return;
    }
  } catch {
    // fall through to a <style>
  }
  const style = root.ownerDocument.createElement('style');
  style.textContent = panelCss;
  shadow.insertBefore(style, shadow.firstChild);
}

/** Save button plus the anchored panel; the panel is a popover (top layer) so no page box clips or moves it. */
function Control({ view, actions, t, announce }: { view: ControlView; actions: ControlActions; t: Translate; announce: (text: string) => void }) {
  const wrap = useRef<HTMLSpanElement>(null);
  const layer = useRef<HTMLDivElement>(null);
  const panel = view.panel;
  const open = panel !== null;
  const site = platformOfKey(view.key) as SiteId;
  const theme = usePanelTheme();

  useLayoutEffect(() => {
    const el = layer.current;
    const box = wrap.current;
    if (!open || !el || !box) return;
    const doc = el.ownerDocument;
    const win = doc.defaultView ?? window;
    try {
      (el as HTMLElement & { showPopover?: () => void }).showPopover?.();
    } catch {
      // not supported or already shown: the fixed-position fallback applies
    }
    let grown: MutationObserver | null = null;
    const place = () => {
      const inner = el.firstElementChild as HTMLElement | null;
      if (inner) inner.style.maxHeight = '';
      const size = { width: el.offsetWidth || 340, height: el.offsetHeight || 0 };
      const at = box.getBoundingClientRect();
      const inset = Math.max(SITE_META[site]?.topBarPx ?? 0, pageTopBar(doc, (at.left + at.right) / 2));
      const p = placePanel(at, size, { width: win.innerWidth, height: win.innerHeight }, inset);
      if (inner && p.maxHeight !== null) inner.style.maxHeight = `${p.maxHeight}px`;
      el.style.top = `${p.top}px`;
      el.style.left = `${p.left}px`;
      grown?.takeRecords(); // our own style writes are no growth
    };
    place();
    win.addEventListener('scroll', place, { capture: true, passive: true });
    win.addEventListener('resize', place, { passive: true });
    // The panel's height changes after it opened (recent tags, the thread offer, tag chips, fonts):
    // place it again. place() restores the size it measured, so this does not loop.
    const resized = typeof ResizeObserver === 'function' ? new ResizeObserver(place) : null;
    resized?.observe(el);
    // A ResizeObserver reports at the next frame, which a busy machine delays by up to a second
    // (red team finding 12: Done below the window meanwhile): a change inside the panel (a tag or a
    // collection added, a note's rows) re-places it at once, in the same task (a microtask).
    grown = typeof MutationObserver === 'function' ? new MutationObserver(place) : null;
    grown?.observe(el, { subtree: true, childList: true, characterData: true, attributes: true });
    return () => {
      grown?.disconnect();
      resized?.disconnect();
      win.removeEventListener('scroll', place, { capture: true });
      win.removeEventListener('resize', place);
      try {
        (el as HTMLElement & { hidePopover?: () => void }).hidePopover?.();
      } catch {
        // already hidden
      }
    };
  }, [open]);

  const button = () => wrap.current?.querySelector('button') ?? null;
  const close = (reason: CloseReason) => {
    const returnFocus = reason === 'escape' || reason === 'button';
    actions.closePanel();
    if (returnFocus) button()?.focus();
  };

  return (
    <span
      class="satchel"
      ref={wrap}
      onKeyDown={(e) => {
        // Escape on the Save button closes its open panel too (the panel handles its own keys).
        if (e.key === 'Escape' && open && !layer.current?.contains(e.target as Node)) {
          e.preventDefault();
          close('escape');
        }
      }}
    >
      <SaveButton status={view.status} error={view.error} expanded={open} onActivate={actions.activate} onAnnounce={announce} t={t} />
      {panel && (
        <div class="satchel-layer" data-theme={theme} popover="manual" ref={layer}>
          <SavePanel
            mode={view.status === 'failed' ? 'failed' : 'saved'}
            error={view.status === 'failed' ? view.error : panel.error}
            intent={panel.intent}
            tags={panel.tags}
            note={panel.note}
            collectionIds={panel.collectionIds}
            recentTags={panel.recentTags}
            recentCollections={panel.recentCollections}
            truncated={panel.truncated}
            siteName={panel.siteName}
            thread={panel.thread}
            autoFocus={panel.focus}
            anchor={wrap.current}
            onIntent={(intent) => actions.update({ intent })}
            onTags={(tags) => actions.update({ tags })}
            onNote={(note) => actions.update({ note })}
            onCollections={(collectionIds) => actions.update({ collectionIds })}
            onCreateCollection={actions.createCollection}
            onSaveThread={actions.saveThread}
            onRetry={() => actions.activate(true)}
            onClose={close}
            t={t}
          />
        </div>
      )}
    </span>
  );
}

/** Gap between the control and the panel (CSS px). */
const GAP = 6;
/** The panel's smallest distance to the viewport's edges and to the page's top bar (CSS px). */
const MARGIN = 8;
/**
 * Below this much room under the page's top bar the panel may go up to the window's own margin; a
 * panel taller than the window scrolls at no less than this height (and may then cover its control).
 */
const MIN_HEIGHT = 120;

/** Where {@link placePanel} puts the panel: viewport coordinates, and a max height when it must scroll inside itself. */
export interface PanelPlacement {
  top: number;
  left: number;
  maxHeight: number | null;
}

/**
 * Places the save panel (natural size `panel`) next to its control (`anchor`, viewport coordinates)
 * in a viewport of size `view`, below the page's top bar (`inset`, its bottom edge in px: the panel
 * never covers the site's navigation). In order: below the control if it fits, else above, else
 * beside it (right, else left) at full height; else whole on the roomier side, covering its control
 * and moved up or down as far as it must (never under the top bar); only a panel taller than the
 * usable height gets a max height, on the roomier side (its body then scrolls and its footer with
 * Done stays in view). The
 * control's box is clipped to the usable area first and the result is clamped, so the panel always
 * lies inside it: when the control scrolls out of view the panel stays pinned to the edge it left by.
 */
export function placePanel(
  anchor: { top: number; bottom: number; left: number; right: number },
  panel: { width: number; height: number },
  view: { width: number; height: number },
  inset = 0,
): PanelPlacement {
  const bottomEdge = view.height - MARGIN;
  // A window too short to leave room under the top bar may use it.
  const topEdge = bottomEdge - (inset + MARGIN) >= MIN_HEIGHT ? inset + MARGIN : MARGIN;
  const clip = (y: number) => Math.min(Math.max(y, topEdge - MARGIN), view.height);
  const spaceBelow = bottomEdge - clip(anchor.bottom) - GAP;
  const spaceAbove = clip(anchor.top) - GAP - topEdge;
  const clampTop = (y: number, height: number) => Math.round(Math.max(topEdge, Math.min(y, bottomEdge - height)));
  const clampLeft = (x: number) => Math.round(Math.max(MARGIN, Math.min(x, view.width - MARGIN - panel.width)));
  const aligned = clampLeft(anchor.left + panel.width <= view.width - MARGIN ? anchor.left : anchor.right - panel.width);
  if (panel.height <= spaceBelow) return { top: clampTop(clip(anchor.bottom) + GAP, panel.height), left: aligned, maxHeight: null };
  if (panel.height <= spaceAbove) return { top: clampTop(clip(anchor.top) - GAP - panel.height, panel.height), left: aligned, maxHeight: null };
  const full = bottomEdge - topEdge;
  const right = anchor.right + GAP;
  const left = anchor.left - GAP - panel.width;
  const side = right + panel.width <= view.width - MARGIN ? right : left >= MARGIN ? left : null;
  if (side !== null && panel.height <= full) {
    const middle = (clip(anchor.top) + clip(anchor.bottom)) / 2 - panel.height / 2;
    return { top: clampTop(middle, panel.height), left: Math.round(side), maxHeight: null };
  }
  // Still whole if it may cover its control: on the roomier side, moved towards the middle as far as
  // it must (up to just under the top bar), rather than scrolling inside itself (red team finding 12).
  const below = spaceBelow >= spaceAbove;
  if (panel.height <= full) {
    const top = below ? clip(anchor.bottom) + GAP : clip(anchor.top) - GAP - panel.height;
    return { top: clampTop(top, panel.height), left: aligned, maxHeight: null };
  }
  // Taller than the window's usable height: it scrolls inside itself anyway, so on the roomier side,
  // clear of its control.
  const maxHeight = Math.floor(Math.min(full, Math.max(MIN_HEIGHT, below ? spaceBelow : spaceAbove)));
  const top = below ? clip(anchor.bottom) + GAP : clip(anchor.top) - GAP - maxHeight;
  return { top: clampTop(top, maxHeight), left: aligned, maxHeight };
}

/**
 * The bottom edge (viewport px) of the page's own top bar above x = `x`: the lowest fixed or sticky
 * element (or ancestor of the element) found at the top row of the viewport that spans at least a
 * third of its width and less than a third of its height; 0 when there is none. Satchel's own
 * controls are skipped.
 */
export function pageTopBar(doc: Document, x: number): number {
  const win = doc.defaultView;
  if (!win || typeof doc.elementsFromPoint !== 'function') return 0;
  let bottom = 0;
  // Runs on every scroll while a panel is open: each element is looked at once.
  const seen = new Set<Element>();
  for (const hit of doc.elementsFromPoint(Math.max(0, Math.min(x, win.innerWidth - 1)), 1)) {
    if (hit.localName === 'satchel-save') continue;
    for (let el: Element | null = hit; el && el !== doc.documentElement && !seen.has(el); el = el.parentElement) {
      seen.add(el);
      const pos = win.getComputedStyle(el).position;
      if (pos !== 'fixed' && pos !== 'sticky') continue;
      const r = el.getBoundingClientRect();
      if (r.top <= 1 && r.width >= win.innerWidth / 3 && r.height < win.innerHeight / 3) bottom = Math.max(bottom, r.bottom);
    }
  }
  return bottom;
}

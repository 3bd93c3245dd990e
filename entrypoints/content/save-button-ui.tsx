import { render } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { SaveButton, type Translate } from '../../components/SaveButton';
import { SavePanel, type CloseReason } from '../../components/SavePanel';
import type { ControlActions, ControlView, MountControl, MountedControl } from '../../lib/capture/types';
import css from './style.css?inline';

/**
 * The UI mount injected into lib/capture: one `<satchel-save data-post-id="…">` host per post with
 * an open shadow root holding the Save button and, when open, the save panel.
 *
 * Why not `createShadowRootUi` (TOOLCHAIN.md 2): it is async (it fetches the stylesheet on every
 * call) and registers a `ctx.onInvalidated` listener per UI that is never released, so an endless
 * feed would leak one closure per post ever seen, and a post could briefly have zero or two
 * controls while a mount is pending. Here the host is created synchronously, the CSS is bundled as
 * a string (`?inline`), and cleanup on invalidation is done by lib/capture through `ctx.signal`.
 */
export function createMountControl(t: Translate): MountControl {
  let proto: DocumentFragment | null = null;
  let sheet: CSSStyleSheet | null | undefined;
  return (anchor, view, actions): MountedControl => {
    const doc = anchor.ownerDocument;
    const host = doc.createElement('satchel-save');
    host.setAttribute('data-post-id', view.postId);
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
    // event first); the rest on the first pointer or focus contact, which precedes them, so a feed
    // of 1,000 posts does not pay 16 listeners per post up front.
    for (const type of EAGER_STOPPED) host.addEventListener(type, stop);
    const arm = () => {
      host.removeEventListener('pointerover', arm);
      host.removeEventListener('focusin', arm);
      for (const type of STOPPED_EVENTS) if (!EAGER_STOPPED.includes(type)) host.addEventListener(type, stop);
    };
    host.addEventListener('pointerover', arm);
    host.addEventListener('focusin', arm);

    let current = view;
    let alive = true;
    // First paint of the usual state ("save", no panel) is a clone of static markup, identical to
    // what <SaveButton> renders; Preact takes over on the first change of state (content-overhead
    // bench: a Preact render per post was most of the cost of a long feed).
    let preact = !isPlainSave(view);
    const draw = () => render(<Control view={current} actions={actions} t={t} />, root);
    if (preact) draw();
    else {
      proto ??= plainSaveMarkup(doc, t);
      root.append(proto.cloneNode(true));
      root.querySelector('button')!.addEventListener('click', (e) => {
        if (!preact) actions.activate(e.detail === 0);
      });
    }
    anchor.append(host);
    return {
      host,
      update(v) {
        if (!alive) return;
        current = v;
        if (host.getAttribute('data-post-id') !== v.postId) host.setAttribute('data-post-id', v.postId);
        if (!preact) {
          if (isPlainSave(v)) return;
          preact = true;
          const hadFocus = shadow.activeElement !== null;
          root.textContent = '';
          draw();
          if (hadFocus) root.querySelector('button')?.focus();
          return;
        }
        draw();
      },
      unmount() {
        if (!alive) return;
        alive = false;
        if (preact) render(null, root);
        host.remove();
      },
    };
  };
}

const isPlainSave = (v: ControlView) => v.status === 'save' && v.panel === null && !v.error;

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

/**
 * The static markup of `<SaveButton status="save">` inside `<Control>` with no panel. Kept equal to
 * the component's output by components/SaveButton.test.tsx ("plain save markup").
 */
export function plainSaveMarkup(doc: Document, t: Translate): DocumentFragment {
  const tpl = doc.createElement('template');
  const label = escapeAttr(t('saveButtonSave'));
  tpl.innerHTML =
    `<span class="satchel"><span class="satchel-ctl"><button type="button" class="satchel-btn is-save" aria-label="${label}" aria-expanded="false" title="${label}">` +
    `<svg class="satchel-icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false"><path fill="none" stroke="currentColor" stroke-width="2" d="M6 3h12v17l-6-4-6 4z"></path></svg>` +
    `<span class="satchel-text" aria-hidden="true">${escapeAttr(t('saveButtonTextSave'))}</span></button>` +
    `<span class="satchel-sr" role="status" aria-live="polite"></span></span></span>`;
  return tpl.content;
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const EAGER_STOPPED = ['click', 'keydown'];
const STOPPED_EVENTS = ['click', 'dblclick', 'auxclick', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'touchstart', 'touchend', 'keydown', 'keyup', 'keypress', 'input', 'paste', 'copy', 'cut'];

function stop(e: Event): void {
  e.stopPropagation();
}

/** Save button plus the anchored panel; the panel is a popover (top layer) so no page box clips or moves it. */
function Control({ view, actions, t }: { view: ControlView; actions: ControlActions; t: Translate }) {
  const wrap = useRef<HTMLSpanElement>(null);
  const layer = useRef<HTMLDivElement>(null);
  const panel = view.panel;
  const open = panel !== null;

  useLayoutEffect(() => {
    const el = layer.current;
    const box = wrap.current;
    if (!open || !el || !box) return;
    const win = el.ownerDocument.defaultView ?? window;
    try {
      (el as HTMLElement & { showPopover?: () => void }).showPopover?.();
    } catch {
      // not supported or already shown: the fixed-position fallback applies
    }
    const place = () => {
      const r = box.getBoundingClientRect();
      const inner = el.firstElementChild as HTMLElement | null;
      if (inner) inner.style.maxHeight = '';
      const w = el.offsetWidth || 300;
      let h = el.offsetHeight || 0;
      // Below the control if it fits, else above, else on the roomier side with a scrolling panel.
      const spaceBelow = win.innerHeight - r.bottom - 14;
      const spaceAbove = r.top - 14;
      const below = h <= spaceBelow || (h > spaceAbove && spaceBelow >= spaceAbove);
      const space = below ? spaceBelow : spaceAbove;
      if (h > space && inner) {
        inner.style.maxHeight = `${Math.max(120, space)}px`;
        h = el.offsetHeight || space;
      }
      const top = below ? r.bottom + 6 : r.top - 6 - h;
      // Start-aligned with the control when it fits, else end-aligned; always inside the viewport.
      const start = r.left + w <= win.innerWidth - 8 ? r.left : r.right - w;
      const left = Math.max(8, Math.min(start, win.innerWidth - w - 8));
      el.style.top = `${Math.round(top)}px`;
      el.style.left = `${Math.round(left)}px`;
    };
    place();
    win.addEventListener('scroll', place, { capture: true, passive: true });
    win.addEventListener('resize', place, { passive: true });
    return () => {
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
    <span class="satchel" ref={wrap}>
      <SaveButton status={view.status} error={view.error} expanded={open} onActivate={actions.activate} t={t} />
      {panel && (
        <div class="satchel-layer" popover="manual" ref={layer}>
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

import { render } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { SaveButton, type Translate } from '../../components/SaveButton';
import { SavePanel, type CloseReason } from '../../components/SavePanel';
import type { ControlActions, ControlView } from '../../lib/capture/types';

/**
 * The Preact half of a Save control: the button and its save panel. Not in the content script's
 * own bundle: entrypoints/panel-ui.ts bundles it and the background injects it into the tab the
 * first time a panel opens (docs/decisions/0005-content-script-size.md). Until then the control is
 * static markup painted by ./static-button.ts.
 */
export interface ControlUi {
  /** Renders (or re-renders) the control for `view` into `root` (replacing what is there on first call). */
  render(root: Element, view: ControlView, actions: ControlActions, t: Translate): void;
  /** Unmounts the Preact tree from `root`. */
  unmount(root: Element): void;
}

/** The {@link ControlUi} implementation. */
export const controlUi: ControlUi = {
  render(root, view, actions, t) {
    render(<Control view={view} actions={actions} t={t} />, root);
  },
  unmount(root) {
    render(null, root);
  },
};

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
      const inner = el.firstElementChild as HTMLElement | null;
      if (inner) inner.style.maxHeight = '';
      const size = { width: el.offsetWidth || 300, height: el.offsetHeight || 0 };
      const at = placePanel(box.getBoundingClientRect(), size, { width: win.innerWidth, height: win.innerHeight });
      if (inner && at.maxHeight !== null) inner.style.maxHeight = `${at.maxHeight}px`;
      el.style.top = `${at.top}px`;
      el.style.left = `${at.left}px`;
    };
    place();
    win.addEventListener('scroll', place, { capture: true, passive: true });
    win.addEventListener('resize', place, { passive: true });
    // The panel's height changes after it opened (recent tags, the thread offer, tag chips, fonts):
    // place it again. place() restores the size it measured, so this does not loop.
    const resized = typeof ResizeObserver === 'function' ? new ResizeObserver(place) : null;
    resized?.observe(el);
    return () => {
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

/** Gap between the control and the panel (CSS px). */
const GAP = 6;
/** The panel's smallest distance to the viewport's edges (CSS px). */
const MARGIN = 8;
/** A panel squeezed into less room than this scrolls at this height instead (and may cover its control). */
const MIN_HEIGHT = 120;

/** Where {@link placePanel} puts the panel: viewport coordinates, and a max height when it must scroll inside itself. */
export interface PanelPlacement {
  top: number;
  left: number;
  maxHeight: number | null;
}

/**
 * Places the save panel (natural size `panel`) next to its control (`anchor`, viewport coordinates)
 * in a viewport of size `view`: below the control if it fits, else above, else on the roomier side
 * with a max height so it scrolls inside itself; start-aligned with the control when it fits, else
 * end-aligned. The control's box is clipped to the viewport first and the result is clamped, so the
 * panel always lies inside the viewport: when the control scrolls out of view the panel stays pinned
 * to the edge it left by.
 */
export function placePanel(
  anchor: { top: number; bottom: number; left: number; right: number },
  panel: { width: number; height: number },
  view: { width: number; height: number },
): PanelPlacement {
  const clip = (y: number) => Math.min(Math.max(y, 0), view.height);
  const spaceBelow = view.height - clip(anchor.bottom) - GAP - MARGIN;
  const spaceAbove = clip(anchor.top) - GAP - MARGIN;
  const below = panel.height <= spaceBelow || (panel.height > spaceAbove && spaceBelow >= spaceAbove);
  const space = below ? spaceBelow : spaceAbove;
  const maxHeight = panel.height > space ? Math.floor(Math.min(view.height - 2 * MARGIN, Math.max(MIN_HEIGHT, space))) : null;
  const height = maxHeight === null ? panel.height : Math.min(panel.height, maxHeight);
  const top = below ? clip(anchor.bottom) + GAP : clip(anchor.top) - GAP - height;
  const start = anchor.left + panel.width <= view.width - MARGIN ? anchor.left : anchor.right - panel.width;
  return {
    top: Math.round(Math.max(MARGIN, Math.min(top, view.height - MARGIN - height))),
    left: Math.round(Math.max(MARGIN, Math.min(start, view.width - MARGIN - panel.width))),
    maxHeight,
  };
}

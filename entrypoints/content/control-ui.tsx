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

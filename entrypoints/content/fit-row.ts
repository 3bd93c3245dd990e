/**
 * Keeps each Save control visible inside the site's action row (issue 12, red team finding 3: at
 * 1024 px the LinkedIn row was full, the control overflowed it and the post card, which clips with
 * `overflow:hidden`, hid it).
 *
 * One ResizeObserver watches every row and its control. When the control does not fit inside its
 * row it drops its text (`data-fit="icon"` on the host: a 32 px icon button, still named by its
 * aria-label and title); when even that does not fit and the row is a flex row that does not wrap,
 * the row is allowed to wrap (`flex-wrap:wrap` set inline, removed again when it is no longer
 * needed), so the control takes a line of its own inside the card. Everything runs in the observer's
 * callback, before the frame is painted, so nothing flickers.
 */

/** Starts fitting `host` into `row`; the returned function stops it (call it on unmount). */
export type FitToRow = (host: HTMLElement, row: Element) => () => void;

/** Half a CSS pixel of slack for sub-pixel layout. */
const SLACK = 0.5;

/**
 * Creates the shared fitter for one document's controls. Without ResizeObserver (very old engines)
 * controls are left as they are.
 */
export function createFitToRow(): FitToRow {
  const RO = (globalThis as { ResizeObserver?: typeof ResizeObserver }).ResizeObserver;
  if (!RO) return () => () => {};
  const rowOf = new WeakMap<Element, Element>();
  const hostOf = new WeakMap<Element, HTMLElement>();
  const wrapped = new WeakSet<Element>();
  const ro = new RO((entries) => {
    const done = new Set<Element>();
    for (const e of entries) {
      const row = rowOf.get(e.target) ?? e.target;
      const host = hostOf.get(row);
      if (!host || done.has(row)) continue;
      done.add(row);
      fit(host, row, wrapped);
    }
  });
  return (host, row) => {
    rowOf.set(host, row);
    hostOf.set(row, host);
    ro.observe(row);
    ro.observe(host);
    return () => {
      ro.unobserve(host);
      ro.unobserve(row);
      if (hostOf.get(row) === host) hostOf.delete(row);
      unwrap(row, wrapped);
    };
  };
}

/**
 * Fits `host` into `row` from scratch: full control first, then icon only, then a wrapping row
 * (with the text back when the wrapped row has room for it).
 * Exported for tests.
 */
export function fit(host: HTMLElement, row: Element, wrapped: WeakSet<Element>): void {
  if (!host.isConnected || host.parentElement !== row) return;
  if (host.hasAttribute('data-fit')) host.removeAttribute('data-fit');
  unwrap(row, wrapped);
  if (fits(host, row)) return;
  host.setAttribute('data-fit', 'icon');
  if (fits(host, row)) return;
  const cs = getComputedStyle(row);
  if (!cs.display.endsWith('flex') || cs.flexWrap !== 'nowrap' || !(row instanceof HTMLElement)) return;
  row.style.setProperty('flex-wrap', 'wrap');
  wrapped.add(row);
  // The wrapped row may leave room for the text again.
  host.removeAttribute('data-fit');
  if (!fits(host, row)) host.setAttribute('data-fit', 'icon');
}

/** True when the control's box lies inside its row's box (horizontally). */
function fits(host: Element, row: Element): boolean {
  const h = host.getBoundingClientRect();
  const r = row.getBoundingClientRect();
  return h.left >= r.left - SLACK && h.right <= r.right + SLACK;
}

/** Takes back the inline `flex-wrap` this module set on `row`, if any. */
function unwrap(row: Element, wrapped: WeakSet<Element>): void {
  if (!wrapped.has(row)) return;
  wrapped.delete(row);
  (row as HTMLElement).style.removeProperty('flex-wrap');
  if ((row as HTMLElement).getAttribute('style') === '') row.removeAttribute('style');
}

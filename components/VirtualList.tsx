import type { ComponentChildren, Ref } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

/** Props of {@link VirtualList}. */
export interface VirtualListProps {
  /** Number of rows. */
  count: number;
  /** Fixed row height, CSS px (every row has exactly this height). */
  rowHeight: number;
  /** Renders row `index`; must return one element of height `rowHeight` (positioned by the list). */
  renderRow: (index: number, style: string) => ComponentChildren;
  /** Row with the keyboard cursor; the list scrolls to keep it visible. -1: none. */
  activeIndex: number;
  /** DOM id of the active row, for `aria-activedescendant`. */
  activeId?: string;
  /** Accessible name of the list. */
  label: string;
  /** Rows rendered beyond each edge of the viewport. Default 6. */
  overscan?: number;
  /** Height used before the element is measured (jsdom, first paint), px. Default 600. */
  initialHeight?: number;
  onKeyDown?: (e: KeyboardEvent) => void;
  /** The focusable listbox element, for the container to focus it. */
  listRef?: Ref<HTMLDivElement>;
  /** Extra attributes for tests. */
  testId?: string;
  /** What the rows answer (e.g. the search text), exposed as `data-query` for tests and benchmarks. */
  query?: string;
}

/**
 * A windowed listbox: only the rows in view (plus `overscan`) exist in the DOM, absolutely
 * positioned inside a spacer of `count × rowHeight` px, so 100,000 rows scroll like 20. The listbox
 * itself takes focus (`tabIndex=0`) and points at the cursor row with `aria-activedescendant`;
 * rows are `role="option"` and must not contain interactive elements.
 */
export function VirtualList(p: VirtualListProps) {
  const own = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(p.initialHeight ?? 600);
  const overscan = p.overscan ?? 6;

  const setRefs = (el: HTMLDivElement | null) => {
    own.current = el;
    const r = p.listRef;
    if (typeof r === 'function') r(el);
    else if (r) r.current = el;
  };

  useLayoutEffect(() => {
    const el = own.current;
    if (!el) return;
    if (el.clientHeight > 0) setHeight(el.clientHeight);
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => el.clientHeight > 0 && setHeight(el.clientHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // A new row height (the library's density changed): keep the same first row at the top, so the
  // learner does not land somewhere else in the list (issue 12: two densities).
  const lastHeight = useRef(p.rowHeight);
  useLayoutEffect(() => {
    const el = own.current;
    const prev = lastHeight.current;
    lastHeight.current = p.rowHeight;
    if (!el || prev === p.rowHeight) return;
    const top = Math.floor(el.scrollTop / prev) * p.rowHeight;
    el.scrollTop = top;
    setScrollTop(top);
  }, [p.rowHeight]);

  // Keep the cursor row in view.
  useEffect(() => {
    const el = own.current;
    if (!el || p.activeIndex < 0) return;
    const top = p.activeIndex * p.rowHeight;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + p.rowHeight > el.scrollTop + el.clientHeight && el.clientHeight > 0) el.scrollTop = top + p.rowHeight - el.clientHeight;
  }, [p.activeIndex, p.rowHeight]);

  // Back to the top when the rows change wholesale (new search): the container resets activeIndex.
  useEffect(() => {
    const el = own.current;
    if (el && el.scrollTop > p.count * p.rowHeight) el.scrollTop = 0;
  }, [p.count]);

  const first = Math.max(0, Math.floor(scrollTop / p.rowHeight) - overscan);
  const last = Math.min(p.count - 1, Math.ceil((scrollTop + height) / p.rowHeight) + overscan);
  const rows: ComponentChildren[] = [];
  for (let i = first; i <= last; i++) {
    rows.push(p.renderRow(i, `position:absolute;top:0;left:0;right:0;height:${p.rowHeight}px;transform:translateY(${i * p.rowHeight}px)`));
  }
  return (
    <div
      ref={setRefs}
      class="vlist"
      role="listbox"
      aria-multiselectable="true"
      aria-label={p.label}
      aria-activedescendant={p.activeIndex >= 0 ? p.activeId : undefined}
      tabIndex={0}
      data-testid={p.testId}
      data-count={p.count}
      data-query={p.query}
      onScroll={(e) => setScrollTop((e.currentTarget as HTMLDivElement).scrollTop)}
      onKeyDown={p.onKeyDown}
    >
      <div class="vlist__spacer" style={`position:relative;height:${p.count * p.rowHeight}px`}>
        {rows}
      </div>
    </div>
  );
}

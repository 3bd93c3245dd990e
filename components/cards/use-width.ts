import { useLayoutEffect, useState } from 'preact/hooks';
import type { RefObject } from 'preact';

/** Callbacks by observed element: one ResizeObserver serves every row of a list. */
const watchers = new Map<Element, (width: number) => void>();
let observer: ResizeObserver | null = null;

function shared(): ResizeObserver | null {
  if (observer || typeof ResizeObserver === 'undefined') return observer;
  observer = new ResizeObserver((entries) => {
    for (const e of entries) watchers.get(e.target)?.(Math.round(e.contentRect.width));
  });
  return observer;
}

/**
 * The content-box width of `ref`'s element in CSS px (rounded), kept current through one shared
 * ResizeObserver; `initial` until it is first measured, and always where ResizeObserver is missing
 * (jsdom). The element re-renders only when the rounded width changes.
 */
export function useWidth(ref: RefObject<Element | null>, initial: number | null = null): number | null {
  const [width, setWidth] = useState<number | null>(initial);
  useLayoutEffect(() => {
    const el = ref.current;
    const ro = shared();
    if (!el || !ro) return;
    watchers.set(el, setWidth);
    ro.observe(el);
    return () => {
      watchers.delete(el);
      ro.unobserve(el);
    };
  }, [ref.current]);
  return width;
}

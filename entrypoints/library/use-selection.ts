import { useState } from 'preact/hooks';
import { clampSelection, initialSelection, type ListSelection } from '../../components/selection';

/** The list's cursor and selection, with its setter. */
export interface SelectionState {
  sel: ListSelection;
  setSel: (next: ListSelection | ((s: ListSelection) => ListSelection)) => void;
}

/**
 * The selection belongs to one query (compared by identity): a new query starts fresh with the
 * cursor on top in the same render (no second pass); a data change only clamps it to `count`.
 */
export function useListSelection(query: unknown, count: number): SelectionState {
  const [selState, setSelState] = useState<{ q: unknown; s: ListSelection }>({ q: null, s: initialSelection(0) });
  const sel: ListSelection = selState.q === query ? clampSelection(selState.s, count) : initialSelection(count);
  const setSel = (next: ListSelection | ((s: ListSelection) => ListSelection)) =>
    setSelState((old) => {
      const base = old.q === query ? old.s : initialSelection(count);
      return { q: query, s: typeof next === 'function' ? next(base) : next };
    });
  return { sel, setSel };
}

/**
 * The library list's selection model, pure (no DOM): an active row (keyboard cursor), a set of
 * selected row indexes and an anchor for range selection. Rows are indexes 0..count-1 into the
 * current result order; the container maps them to capture ids.
 */
export interface ListSelection {
  /** Index of the row with the keyboard cursor, or -1 when the list is empty. */
  active: number;
  /** Selected row indexes. */
  selected: ReadonlySet<number>;
  /** Start of a Shift range (the last plain or Ctrl click/move). */
  anchor: number;
}

/** Modifier keys of a click or key press. `meta` (Cmd) counts as Ctrl. */
export interface Mods {
  shift?: boolean;
  ctrl?: boolean;
  meta?: boolean;
}

/** Empty selection with the cursor on the first row (or -1 for an empty list). */
export function initialSelection(count: number): ListSelection {
  return { active: count > 0 ? 0 : -1, selected: new Set(), anchor: count > 0 ? 0 : -1 };
}

const range = (a: number, b: number): Set<number> => {
  const out = new Set<number>();
  for (let i = Math.min(a, b); i <= Math.max(a, b); i++) out.add(i);
  return out;
};

/**
 * A click on row `index`: plain click selects only it; Ctrl/Cmd toggles it; Shift selects the
 * range from the anchor.
 */
export function clickRow(s: ListSelection, index: number, mods: Mods = {}): ListSelection {
  if (mods.shift && s.anchor >= 0) return { active: index, selected: range(s.anchor, index), anchor: s.anchor };
  if (mods.ctrl || mods.meta) {
    const selected = new Set(s.selected);
    if (selected.has(index)) selected.delete(index);
    else selected.add(index);
    return { active: index, selected, anchor: index };
  }
  return { active: index, selected: new Set([index]), anchor: index };
}

/** Keys {@link keyRow} handles; anything else returns null. */
export type ListKey = 'ArrowDown' | 'ArrowUp' | 'Home' | 'End' | 'PageDown' | 'PageUp' | ' ' | 'a' | 'A';

/**
 * A key press on the focused list of `count` rows (`page` rows per screen). Arrows/Home/End/Page
 * move the cursor (plain: the selection follows only if it was a single row or empty; Shift:
 * extend the range from the anchor); Space toggles the cursor row; Ctrl/Cmd+A selects all.
 * Returns null for keys the list does not handle.
 */
export function keyRow(s: ListSelection, key: string, count: number, mods: Mods = {}, page = 10): ListSelection | null {
  if (count === 0) return null;
  if ((key === 'a' || key === 'A') && (mods.ctrl || mods.meta)) {
    return { active: Math.max(s.active, 0), selected: range(0, count - 1), anchor: 0 };
  }
  if (key === ' ') {
    if (s.active < 0) return null;
    return clickRow(s, s.active, { ctrl: true });
  }
  const from = s.active < 0 ? 0 : s.active;
  const to =
    key === 'ArrowDown' ? from + 1
    : key === 'ArrowUp' ? from - 1
    : key === 'Home' ? 0
    : key === 'End' ? count - 1
    : key === 'PageDown' ? from + page
    : key === 'PageUp' ? from - page
    : null;
  if (to === null) return null;
  const next = Math.max(0, Math.min(count - 1, to));
  if (mods.shift) {
    const anchor = s.anchor >= 0 ? s.anchor : from;
    return { active: next, selected: range(anchor, next), anchor };
  }
  // Plain move: a multi-selection stays (so the learner can keep it while looking); otherwise the cursor row is the selection.
  const selected = s.selected.size > 1 ? s.selected : new Set([next]);
  return { active: next, selected, anchor: next };
}

/** The selection after the list content changed to `count` rows: indexes past the end are dropped; returns `s` itself when nothing changes. */
export function clampSelection(s: ListSelection, count: number): ListSelection {
  if (count === 0) return s.active === -1 && s.selected.size === 0 ? s : initialSelection(0);
  if (s.active >= 0 && s.active < count && s.anchor < count && [...s.selected].every((i) => i < count)) return s; // unchanged: same object
  const selected = new Set([...s.selected].filter((i) => i < count));
  const active = Math.min(Math.max(s.active, 0), count - 1);
  return { active, selected, anchor: Math.min(Math.max(s.anchor, 0), count - 1) };
}

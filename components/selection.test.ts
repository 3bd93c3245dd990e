import { describe, it, expect } from 'vitest';
import { clampSelection, clickRow, initialSelection, keyRow } from './selection';

const sel = (s: { selected: ReadonlySet<number> }) => [...s.selected].sort((a, b) => a - b);

describe('list selection model', () => {
  it('starts on the first row with nothing selected; empty lists have no cursor', () => {
    expect(initialSelection(3)).toEqual({ active: 0, selected: new Set(), anchor: 0 });
    expect(initialSelection(0).active).toBe(-1);
    expect(keyRow(initialSelection(0), 'ArrowDown', 0)).toBeNull();
  });

  it('click selects one, Ctrl/Cmd toggles, Shift selects the range from the anchor', () => {
    let s = clickRow(initialSelection(10), 2);
    expect(sel(s)).toEqual([2]);
    s = clickRow(s, 5, { ctrl: true });
    expect(sel(s)).toEqual([2, 5]);
    s = clickRow(s, 2, { meta: true });
    expect(sel(s)).toEqual([5]);
    s = clickRow(s, 8, { shift: true });
    expect(sel(s)).toEqual([2, 3, 4, 5, 6, 7, 8]); // the anchor is the last Ctrl-clicked row
    expect(s.active).toBe(8);
  });

  it('arrows move the cursor within bounds; Shift+arrows extend; Home/End/Page jump', () => {
    let s = initialSelection(5);
    s = keyRow(s, 'ArrowUp', 5)!;
    expect(s.active).toBe(0);
    s = keyRow(s, 'ArrowDown', 5)!;
    expect([s.active, ...sel(s)]).toEqual([1, 1]);
    s = keyRow(s, 'ArrowDown', 5, { shift: true })!;
    s = keyRow(s, 'ArrowDown', 5, { shift: true })!;
    expect(sel(s)).toEqual([1, 2, 3]);
    s = keyRow(s, 'ArrowUp', 5, { shift: true })!;
    expect(sel(s)).toEqual([1, 2]);
    expect(keyRow(s, 'End', 5)!.active).toBe(4);
    expect(keyRow(s, 'Home', 5)!.active).toBe(0);
    expect(keyRow(initialSelection(100), 'PageDown', 100, {}, 10)!.active).toBe(10);
    expect(keyRow(s, 'x', 5)).toBeNull();
  });

  it('plain moves keep a multi-selection; Space toggles; Ctrl+A selects all', () => {
    let s = keyRow(initialSelection(4), 'a', 4, { ctrl: true })!;
    expect(sel(s)).toEqual([0, 1, 2, 3]);
    s = keyRow(s, 'ArrowDown', 4)!;
    expect(sel(s)).toEqual([0, 1, 2, 3]);
    s = keyRow(s, ' ', 4)!;
    expect(sel(s)).toEqual([0, 2, 3]);
  });

  it('clamps when the list shrinks', () => {
    const s = clampSelection({ active: 7, selected: new Set([1, 6, 7]), anchor: 6 }, 3);
    expect(s).toEqual({ active: 2, selected: new Set([1]), anchor: 2 });
    expect(clampSelection(s, 0).active).toBe(-1);
    expect(clampSelection(s, 3)).toBe(s);
  });
});

// @vitest-environment jsdom
import { describe, it, expect } from 'vitest';
import { createEntries, type PostEntry } from './entries';
import type { ControlView } from './types';

function entryFor(id: string, updates: string[]): PostEntry {
  const el = document.createElement('article');
  const host = document.createElement('satchel-save');
  el.append(host);
  return {
    el, postId: id, key: `x:${id}`, anchor: el, panelOpen: false, focusPanel: false,
    ui: { host, update: (v: ControlView) => void updates.push(v.key), unmount: () => host.remove() },
  };
}

describe('entries', () => {
  const view = (e: PostEntry): ControlView => ({ postId: e.postId, key: e.key, status: 'save', error: null, panel: null });

  it('indexes controls by element, key and host; renderKey reaches only that key', () => {
    const updates: string[] = [];
    const entries = createEntries(view, () => {});
    const a = entryFor('1', updates);
    const b = entryFor('2', updates);
    entries.add(a);
    entries.add(b);
    expect(entries.get(a.el)).toBe(a);
    expect(entries.owns(a.ui.host)).toBe(true);
    expect([...entries.live]).toEqual([a.el, b.el]);
    entries.renderKey('x:2');
    expect(updates).toEqual(['x:2']);
  });

  it('rekey moves the control to its new key in the index', () => {
    const updates: string[] = [];
    const entries = createEntries(view, () => {});
    const a = entryFor('1', updates);
    entries.add(a);
    entries.rekey(a, '9', 'x:9');
    entries.renderKey('x:1');
    expect(updates).toEqual([]);
    entries.renderKey('x:9');
    expect(updates).toEqual(['x:9']);
  });

  it('unmount removes the host and forgets it; a failing unmount is logged, not thrown', () => {
    const logs: string[] = [];
    const entries = createEntries(view, (w) => logs.push(w));
    const a = entryFor('1', []);
    const b = entryFor('2', []);
    b.ui = { ...b.ui, unmount: () => { throw new Error('boom'); } };
    entries.add(a);
    entries.add(b);
    entries.unmountAll();
    expect(entries.live.size).toBe(0);
    expect(entries.owns(a.ui.host)).toBe(false);
    expect(a.el.querySelector('satchel-save')).toBeNull();
    expect(logs).toEqual(['unmount failed']);
  });
});

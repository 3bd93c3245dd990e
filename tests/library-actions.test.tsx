import { describe, it, expect, vi } from 'vitest';
import { renderHook, act } from '@testing-library/preact';
import { SatchelDb } from '../lib/db';
import { makeTranslate } from '../lib/util/i18n';
import en from '../public/_locales/en/messages.json';
import { useLibraryActions } from '../entrypoints/library/use-actions';
import type { CaptureStore } from '../entrypoints/library/use-library-store';

const t = makeTranslate(null, en);

describe('useLibraryActions (issue 12: errors name the thing and clear on the next action)', () => {
  it('a failed action says what failed; the next action clears it; a success toast shows its message', async () => {
    const db = new SatchelDb(`actions-${Math.random()}`);
    const store = { current: { byId: new Map(), search: null, maxUpdated: 0 } as CaptureStore };
    const absorb = vi.fn();
    const { result } = renderHook(() => useLibraryActions(db, store, absorb, t, 'en', () => {}));
    await act(async () => {
      await result.current.many('Couldn\'t rename tag “ml”:', () => Promise.reject(new Error('the tag is in use')));
    });
    expect(result.current.toast).toEqual({ message: 'Couldn\'t rename tag “ml”: the tag is in use', error: true });
    let seen: unknown = 'not run';
    await act(async () => {
      await result.current.run('Couldn\'t do it:', async () => {
        seen = result.current.toast;
      });
    });
    expect(result.current.toast).toBeNull();
    await act(async () => {
      await result.current.many('Couldn\'t tag:', async () => [], 'Tagged 0 captures');
    });
    expect(result.current.toast).toEqual({ message: 'Tagged 0 captures' });
    expect(absorb).toHaveBeenCalledWith([]);
    expect(seen).not.toBe('not run');
    db.close();
  });

  it('a failed edit names the capture by its author', async () => {
    const db = new SatchelDb(`actions-${Math.random()}`);
    const capture = { id: 'c1', author: { name: 'Ana Silva', handle: null, profileUrl: null, avatarUrl: null }, title: null, permalink: null, key: 'x:1' };
    const store = { current: { byId: new Map([['c1', capture]]), search: null, maxUpdated: 0 } as unknown as CaptureStore };
    const { result } = renderHook(() => useLibraryActions(db, store, () => {}, t, 'en', () => {}));
    db.close(); // every write now fails
    await act(async () => {
      await result.current.edit('c1', { note: 'x' });
    });
    expect(result.current.toast?.error).toBe(true);
    expect(result.current.toast?.message).toMatch(/^Couldn't save the change to “Ana Silva”: /);
  });
});

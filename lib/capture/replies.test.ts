import { describe, it, expect } from 'vitest';
import { errorOf, isOk, reasonOf, request } from './replies';
import type { Send } from './types';

const t = (k: string) => k;

describe('replies', () => {
  it.each<[{ ok: boolean; error?: string } | null | undefined, boolean]>([
    [{ ok: true }, true],
    [{ ok: false, error: 'no' }, false],
    [undefined, false],
    [null, false],
  ])('isOk(%j) is %s', (reply, ok) => {
    expect(isOk(reply)).toBe(ok);
  });

  it('errorOf reads a non-empty reason only', () => {
    expect(errorOf({ ok: false, error: 'Storage is full' })).toBe('Storage is full');
    expect(errorOf({ ok: false, error: '' })).toBeNull();
    expect(errorOf(undefined)).toBeNull();
  });

  it('reasonOf says to reload when the extension was updated or is gone', () => {
    expect(reasonOf(new Error('Extension context invalidated.'), t)).toBe('errorReload');
    expect(reasonOf(new Error('Could not establish connection. Receiving end does not exist.'), t)).toBe('errorReload');
    expect(reasonOf(new Error('quota'), t)).toBe('quota');
    expect(reasonOf(undefined, t)).toBe('errorNoAnswer');
  });

  it('request turns a rejected send into an error reply', async () => {
    const send: Send = async () => {
      throw new Error('gone');
    };
    expect(await request({ send, t }, { type: 'library/recent' })).toEqual({ ok: false, error: 'gone' });
  });
});

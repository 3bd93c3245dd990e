import { describe, it, expect } from 'vitest';
import { applyCapture, createKeyStore, keyOf, platformOfKey, postIdOfKey } from './keys';
import { makeDraft } from './test-helpers';
import { makeCapture } from '../db/testing';

describe('key store', () => {
  it('creates a "save", not-known state on first use and keeps it', () => {
    const keys = createKeyStore();
    expect(keys.peek('x:1')).toBeUndefined();
    const st = keys.get('x:1');
    expect(st).toMatchObject({ status: 'save', known: false, captureId: null, thread: 'none' });
    expect(keys.get('x:1')).toBe(st);
  });

  it('moves a state to another key and forgets the old one', () => {
    const keys = createKeyStore();
    const st = keys.get('linkedin:content:ab');
    st.tags = ['kept'];
    keys.move('linkedin:content:ab', 'linkedin:urn:li:activity:1');
    expect(keys.peek('linkedin:content:ab')).toBeUndefined();
    expect(keys.get('linkedin:urn:li:activity:1')).toBe(st);
    keys.move('nothing:here', 'x:2'); // no state: no-op
    expect(keys.peek('x:2')).toBeUndefined();
  });

  it('applyCapture marks saved with the stored capture, else with the draft', () => {
    const keys = createKeyStore();
    const st = keys.get('x:1');
    st.status = 'saving';
    st.error = 'old';
    applyCapture(st, undefined, makeDraft({ truncated: true }));
    expect(st).toMatchObject({ status: 'saved', known: true, error: null, truncated: true, incomplete: true, captureId: null });
    const cap = makeCapture({ ...makeDraft(), id: 'c1', key: 'x:1', intent: 'tip', note: null, tags: ['a'], collectionIds: ['k'], truncated: false });
    applyCapture(st, cap, makeDraft({ truncated: true }));
    expect(st).toMatchObject({ captureId: 'c1', intent: 'tip', note: '', tags: ['a'], collectionIds: ['k'], truncated: false, incomplete: false });
  });

  it('splits keys at the first colon (ids may hold colons)', () => {
    const key = keyOf('linkedin', 'urn:li:activity:7');
    expect(key).toBe('linkedin:urn:li:activity:7');
    expect(platformOfKey(key)).toBe('linkedin');
    expect(postIdOfKey(key)).toBe('urn:li:activity:7');
  });
});

import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { decodeSduiPostKey } from '../sites/linkedin/ids';
import { rewriteSduiKey } from './sdui-key';

describe('rewriteSduiKey', () => {
  it.each(['CgsI2r3pi5yfsvHOAQ', 'EgsIkM+T7+3DivfOAQ', 'CgsItK7P/KGq4Z3OAQ', 'CgsInLjwgLb9vpHRAQ'])('%s: the adapter reads the new id from the rewritten key', (b64) => {
    const before = decodeSduiPostKey(b64)!;
    expect(before).not.toBeNull();
    const newId = (BigInt(before.id) + 12345n).toString();
    const out = rewriteSduiKey(b64, () => newId)!;
    expect(out).not.toBe(b64);
    expect(decodeSduiPostKey(out)).toEqual({ kind: before.kind, id: newId, urn: `urn:li:${before.kind}:${newId}` });
  });

  it('leaves what does not decode exactly to the generic rules (other tag, trailing bytes, odd zigzag, not base64)', () => {
    for (const bad of ['MgUIkquEBA', 'CgsIhoCAgNCa55LRAQAA', 'CgsIhYCAgNyr4JLRAQ', 'not base64!', 'AAAA']) {
      expect(decodeSduiPostKey(bad)).toBeNull();
      expect(rewriteSduiKey(bad, (id) => id)).toBeNull();
    }
  });

  it('any plausible id written into a key is what the adapter decodes (property, seeded)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2016, 0, 1), max: Date.UTC(2026, 0, 1) }), fc.integer({ min: 0, max: 0x3fffff }), fc.constantFrom('CgsI2r3pi5yfsvHOAQ', 'EgsIkM+T7+3DivfOAQ'), (ms, low, key) => {
        const id = ((BigInt(ms) << 22n) | BigInt(low)).toString();
        const out = rewriteSduiKey(key, () => id)!;
        expect(decodeSduiPostKey(out)?.id).toBe(id);
        expect(decodeSduiPostKey(out)?.kind).toBe(decodeSduiPostKey(key)!.kind);
      }),
      { seed: 9, numRuns: 200 },
    );
  });
});

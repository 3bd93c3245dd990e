// Lives in tests/ (not beside lib/schema/tag.ts): lib/schema may import only zod, since the server compiles that folder.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { normalizeTag, normalizeTags, tagKey, sameTag, MAX_TAG_LENGTH } from '../lib/schema/tag';

describe('tag normalisation (issue 3: normalised once)', () => {
  it('AI, ai and " Ai " are one tag; the first spelling is kept', () => {
    expect(tagKey('AI')).toBe('ai');
    expect(tagKey(' Ai ')).toBe('ai');
    expect(sameTag('AI', '  ai')).toBe(true);
    expect(normalizeTags(['AI', 'ai', ' Ai ', 'ml'])).toEqual(['AI', 'ml']);
  });

  it('NFC, trimmed, inner whitespace collapsed, case kept in the label', () => {
    expect(normalizeTag('  Caf\u0065\u0301 \t\n Time ')).toBe('Caf\u00e9 Time');
    expect(tagKey('CAFE\u0301')).toBe(tagKey('café'));
    expect(normalizeTag('   ')).toBeNull();
    expect(tagKey('')).toBeNull();
  });

  it('keeps any script and emoji', () => {
    expect(normalizeTag(' 学习 ')).toBe('学习');
    expect(normalizeTag('تعلم')).toBe('تعلم');
    expect(normalizeTag('🚀 launch')).toBe('🚀 launch');
    expect(tagKey('ÖL')).toBe('öl');
    expect(sameTag('Straße', 'STRASSE')).toBe(false); // simple case folding only: ß has no single-char uppercase
  });

  it('cuts to 64 UTF-16 units without splitting an emoji', () => {
    expect(normalizeTag('a'.repeat(80))).toHaveLength(MAX_TAG_LENGTH);
    const t = normalizeTag('a'.repeat(63) + '😀')!;
    expect(t).toBe('a'.repeat(63));
  });

  it('property: normalising is idempotent and the key is a fixed point', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (s) => {
        const label = normalizeTag(s);
        if (label === null) return tagKey(s) === null;
        return normalizeTag(label) === label && tagKey(label) === tagKey(s) && tagKey(tagKey(s)!) === tagKey(s) && label.length <= MAX_TAG_LENGTH;
      }),
    );
  });

  it('property: case and surrounding space never make two tags', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 40 }), fc.nat(3), (s, pad) => {
        fc.pre(s.trim().length > 0);
        const variant = ' '.repeat(pad) + s.toUpperCase() + '\t';
        return normalizeTags([s, variant]).length === 1;
      }),
    );
  });
});

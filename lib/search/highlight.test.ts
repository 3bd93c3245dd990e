import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { highlight } from './highlight';
import { foldText, tokenize, terms } from './fold';

describe('foldText / tokenize', () => {
  it('folds diacritics and case', () => {
    expect(foldText('Café ÄRGER naïve Ångström')).toBe('cafe arger naive angstrom');
  });
  it('tokenises words, CJK characters and emoji sequences with offsets', () => {
    expect(terms('Hello, wörld! #learning')).toEqual(['hello', 'world', 'learning']);
    expect(terms('学习很好')).toEqual(['学', '习', '很', '好']);
    expect(terms('ship it 🚀🚀 👍🏽 family 👨‍👩‍👧')).toEqual(['ship', 'it', '🚀', '🚀', '👍🏽', 'family', '👨‍👩‍👧']);
    expect(tokenize('a bc')).toEqual([{ text: 'a', start: 0, end: 1 }, { text: 'bc', start: 2, end: 4 }]);
    expect(terms('مرحبا بالعالم')).toEqual(['مرحبا', 'بالعالم']);
  });
});

describe('highlight', () => {
  it('marks whole tokens matching a term or starting with it, diacritics- and case-insensitive', () => {
    expect(highlight('Café culture and CAFES', ['cafe'])).toEqual([
      { text: 'Café', match: true },
      { text: ' culture and ', match: false },
      { text: 'CAFES', match: true },
    ]);
    expect(highlight('Learn by doing', ['LEA', 'doing'])).toEqual([
      { text: 'Learn', match: true },
      { text: ' by ', match: false },
      { text: 'doing', match: true },
    ]);
  });

  it('never produces markup: HTML in the text stays text', () => {
    const s = highlight('<img src=x onerror=alert(1)> alert', ['alert']);
    expect(s.map((x) => x.text).join('')).toBe('<img src=x onerror=alert(1)> alert');
    expect(s.filter((x) => x.match).map((x) => x.text)).toEqual(['alert', 'alert']);
  });

  it('no terms: one plain segment; empty text: none', () => {
    expect(highlight('abc', [])).toEqual([{ text: 'abc', match: false }]);
    expect(highlight('', ['a'])).toEqual([]);
  });

  it('property: segments concatenate back to the text and alternate', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.array(fc.string({ maxLength: 5 }), { maxLength: 4 }), (text, ts) => {
        const segs = highlight(text, ts);
        if (segs.map((s) => s.text).join('') !== text) return false;
        return segs.every((s, i) => s.text.length > 0 && (i === 0 || segs[i - 1]!.match !== s.match));
      }),
    );
  });
});

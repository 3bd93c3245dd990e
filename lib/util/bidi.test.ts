import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { BIDI_CONTROLS, FSI, PDI, isolateName, splitIsolates, stripBidiOverrides } from './bidi';

const CONTROLS = [...'\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069'];

describe('lib/util/bidi', () => {
  it('stripBidiOverrides removes the embeddings, overrides and isolates, and nothing else', () => {
    expect(stripBidiOverrides('Cy \u202Eexe.gnp')).toBe('Cy exe.gnp');
    expect(stripBidiOverrides(CONTROLS.join('a'))).toBe('aaaaaaaa');
    // Marks and letters of right-to-left scripts, ZWJ emoji and combining marks stay.
    const kept = 'سلام \u200F\u200E 👩‍💻 Ǻ Z\u0301\u0302';
    expect(stripBidiOverrides(kept)).toBe(kept);
  });

  it('stripped text has no control left and keeps every other code point in order (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...CONTROLS), fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 20 }), (parts) => {
        const s = parts.join('');
        const out = stripBidiOverrides(s);
        expect(out).not.toMatch(BIDI_CONTROLS);
        expect(out).toBe([...s].filter((c) => !CONTROLS.includes(c)).join(''));
      }),
      { numRuns: 200 },
    );
  });

  it('isolateName wraps the stripped name in FSI … PDI; splitIsolates finds it again', () => {
    const line = `Shared by ${isolateName('\u2069Cy \u202Eexe.gnp')}: a note`;
    expect(line).toBe(`Shared by ${FSI}Cy exe.gnp${PDI}: a note`);
    expect(splitIsolates(line)).toEqual([
      { text: 'Shared by ', isolated: false },
      { text: 'Cy exe.gnp', isolated: true },
      { text: ': a note', isolated: false },
    ]);
  });

  it('splitIsolates takes only balanced pairs without controls inside; the rest stays as written', () => {
    expect(splitIsolates(`a${PDI}b${FSI}c`)).toEqual([{ text: `a${PDI}b${FSI}c`, isolated: false }]);
    expect(splitIsolates(`${FSI}x\u202Ey${PDI}`)).toEqual([{ text: `${FSI}x\u202Ey${PDI}`, isolated: false }]);
    expect(splitIsolates(`${FSI}${FSI}n${PDI}`)).toEqual([{ text: FSI, isolated: false }, { text: 'n', isolated: true }]);
    expect(splitIsolates('')).toEqual([]);
  });
});

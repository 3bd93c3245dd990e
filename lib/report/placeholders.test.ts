// @vitest-environment jsdom
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { anonymise } from './anonymise';
import { Placeholders, lengthClass, letterName, wordsOf } from './placeholders';
import { UI_WORDS, isKeptLabel } from './vocabulary';

const NOW = new Date('2026-11-30T00:00:00Z');
/** Seeded and bounded, so a failure is reproducible (fast-check prints the seed and the path). */
const RUNS = { seed: 20261130, numRuns: 200 };

function sampleText(text: string, seed = 1): string {
  const doc = document.implementation.createHTMLDocument('');
  const p = doc.createElement('p');
  p.textContent = text;
  doc.body.append(p);
  const out = anonymise(doc.body, { site: 'x', pageUrl: 'https://x.com/home', seed, now: NOW }).markup;
  const back = doc.createElement('div');
  back.innerHTML = out;
  return back.textContent ?? '';
}

/** Words, digits, spaces and punctuation (no @, #, URLs: those have their own placeholders). */
const textArb = fc
  .array(
    fc.oneof(
      fc.stringMatching(/^[A-Za-zÀ-ÿ]{1,12}$/),
      fc.constantFrom('Ana', 'Lima', 'post', 'Show more', 'Zoë', 'straße', 'Ελένη', 'Привет', '東京'),
      fc.stringMatching(/^[0-9]{1,20}$/),
      fc.constantFrom(' ', '  ', '\n', ', ', '. ', '! ', '? ', ' — ', ' (', ') ', ' 🎉 ', '…'),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

describe('text placeholders (property)', () => {
  it('keep white space and punctuation, and no original word of 4 letters or more', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const out = sampleText(text);
        const skeleton = (s: string) => s.replace(/[\p{L}\p{M}\p{N}]+/gu, 'w');
        expect(skeleton(out)).toBe(skeleton(text));
        const kept = isKeptLabel(text); // a UI label is kept as it is
        if (!kept) {
          const after = new Set(wordsOf(out));
          expect(wordsOf(text).filter((w) => w.length >= 4 && after.has(w))).toEqual([]);
        }
      }),
      RUNS,
    );
  });

  it('are reproducible with the same seed', () => {
    fc.assert(fc.property(textArb, fc.integer(), (text, seed) => sampleText(text, seed) === sampleText(text, seed)), { ...RUNS, numRuns: 50 });
  });

  it('keep the length class of each word', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{4,30}$/), (w) => {
        fc.pre(!UI_WORDS.has(w));
        const p = new Placeholders(7, { words: new Set([w]), corpus: w });
        const out = p.word(w);
        expect(out.length).toBe(lengthClass(w.length));
        expect(out).not.toBe(w);
      }),
      RUNS,
    );
  });
});

describe('digit placeholders (property)', () => {
  it('same length, never the original (4+ digits), the same for the same run', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{1,20}$/), (d) => {
        const p = new Placeholders(3);
        const out = p.digits(d);
        expect(out).toHaveLength(d.length);
        expect(out).toMatch(/^[0-9]+$/);
        if (d.length >= 4) expect(out).not.toBe(d);
        expect(p.digits(d)).toBe(out);
      }),
      RUNS,
    );
  });
});

describe('address placeholders (property)', () => {
  it('an X status link keeps its shape and loses its handle and id', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9_]{4,15}$/), fc.bigInt(10n ** 17n, 2n ** 63n - 1n), (handle, id) => {
        fc.pre(!/^(?:home|status|search|explore|settings|user_[a-z]+)$/i.test(handle));
        const doc = document.implementation.createHTMLDocument('');
        doc.body.innerHTML = `<a href="/${handle}/status/${id}">@${handle}</a>`;
        const out = anonymise(doc.body, { site: 'x', pageUrl: 'https://x.com/home', seed: 5, now: NOW }).markup;
        expect(out).toMatch(new RegExp(`^<a href="/user_a/status/\\d{${String(id).length}}">@user_a</a>$`));
        expect(out).not.toContain(String(id));
        expect(out.toLowerCase()).not.toContain(handle.toLowerCase());
      }),
      RUNS,
    );
  });
});

describe('names', () => {
  it('letterName counts a…z, aa…', () => {
    expect([0, 1, 25, 26, 27, 701, 702].map(letterName)).toEqual(['a', 'b', 'z', 'aa', 'ab', 'zz', 'aaa']);
  });

  it('a named placeholder never equals text of the original', () => {
    const p = new Placeholders(1, { words: new Set(), corpus: 'see /in/member-a/ and /in/member-b/' });
    expect(p.named('member', 'jane')).toBe('member-c');
    expect(p.named('member', 'JANE')).toBe('member-c');
    expect(p.named('member', 'joe')).toBe('member-d');
  });
});

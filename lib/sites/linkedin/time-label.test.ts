// @vitest-environment jsdom
import { describe, it, expect } from 'vitest';
import { LABEL_PACKS } from './labels';
import { UNIT_MS, agoToIso, labelTimeC } from './time-label';

// docs/sites/linkedin.md "Post time": a post whose time cannot come from its id gets the start of
// the bucket its relative label names ("18h" → 18 hours before now, down to the hour).
const NOW = Date.parse('2026-12-07T13:58:42.123Z');
const [EN, PT] = [LABEL_PACKS.find((p) => p.lang === 'en')!, LABEL_PACKS.find((p) => p.lang === 'pt-BR')!];

describe('agoToIso: relative post-time labels', () => {
  it.each([
    ['18h •', '2026-12-06T19:00:00.000Z'],
    ['5h • ', '2026-12-07T08:00:00.000Z'],
    ['4h • Edited •', '2026-12-07T09:00:00.000Z'],
    ['45m •', '2026-12-07T13:13:00.000Z'],
    ['2d •', '2026-12-05T00:00:00.000Z'],
    ['1w • Edited •', '2026-11-30T00:00:00.000Z'],
    ['3mo •', '2026-09-08T00:00:00.000Z'],
    ['1yr •', '2025-12-07T00:00:00.000Z'],
    ['  17h\u00a0•', '2026-12-06T20:00:00.000Z'],
  ])('en %j → %s', (label, iso) => {
    expect(agoToIso(label, EN, NOW)).toBe(iso);
  });

  it.each([
    ['4 h • Editado •', '2026-12-07T09:00:00.000Z'],
    ['2 d •', '2026-12-05T00:00:00.000Z'],
    ['1 sem •', '2026-11-30T00:00:00.000Z'],
    ['3 m •', '2026-09-08T00:00:00.000Z'], // pt-BR "m" is months; minutes are "min"
    ['20 min •', '2026-12-07T13:38:00.000Z'],
    ['1 a •', '2025-12-07T00:00:00.000Z'],
  ])('pt-BR %j → %s', (label, iso) => {
    expect(agoToIso(label, PT, NOW)).toBe(iso);
  });

  it.each(['Promoted', 'Edited •', '', '•', 'h •', '3 fortnights •', 'Dec 11', '-2h •', '2.5h •', '18hours •'].map((l) => [l]))('unknown label %j → null', (label) => {
    expect(agoToIso(label, EN, NOW)).toBeNull();
  });

  it("a language's units are not another's: \"3 m\" is minutes in English, months in pt-BR; \"1 sem\" is not English", () => {
    expect(agoToIso('3 m •', EN, NOW)).toBe('2026-12-07T13:55:00.000Z');
    expect(agoToIso('3 m •', PT, NOW)).toBe('2026-09-08T00:00:00.000Z');
    expect(agoToIso('1 sem •', EN, NOW)).toBeNull();
    expect(agoToIso('3mo •', PT, NOW)).toBeNull();
  });

  it('never a time in the future, and never later than the label allows (the bucket start)', () => {
    for (const pack of [EN, PT]) {
      for (const [i, unit] of pack.ago.split(' ').entries()) {
        const ms = UNIT_MS[i]!;
        for (const n of [0, 1, 7, 59]) {
          const iso = agoToIso(`${n}${pack === PT ? ' ' : ''}${unit} •`, pack, NOW);
          expect(iso, `${n} ${unit}`).not.toBeNull();
          expect(Date.parse(iso!)).toBeLessThanOrEqual(NOW - n * ms);
          // …and inside the label's bucket: less than one unit (or one day) earlier
          expect(NOW - n * ms - Date.parse(iso!)).toBeLessThan(Math.min(ms, 864e5));
        }
      }
    }
  });
});

describe('labelTimeC: the Gen C post-time <p> (the one holding the visibility icon)', () => {
  const card = (p: string, icon: string) => {
    document.body.innerHTML = `<div id="r"><p>Member A</p><p>${p}<span> </span><svg aria-label="${icon}: Global"></svg></p></div>`;
    return document.getElementById('r')!;
  };
  it('reads the label in the language its icon names; no icon → null', () => {
    expect(labelTimeC(card('18h •', 'Visibility'), '', NOW)).toBe('2026-12-06T19:00:00.000Z');
    expect(labelTimeC(card('3 m •', 'Visibilidade'), '', NOW)).toBe('2026-09-08T00:00:00.000Z');
    expect(labelTimeC(card('3m •', 'Visibility'), '', NOW)).toBe('2026-12-07T13:55:00.000Z');
    document.body.innerHTML = '<div id="r"><p>18h •</p></div>';
    expect(labelTimeC(document.getElementById('r')!, '', NOW)).toBeNull();
  });
  it('skips an excluded block (a reshared part or comment) and reads the card\'s own time', () => {
    document.body.innerHTML = `<div id="r"><div class="x"><p>3d •<svg aria-label="Visibility: Global"></svg></p></div><p>5h •<svg aria-label="Visibility: Global"></svg></p></div>`;
    expect(labelTimeC(document.getElementById('r')!, '.x', NOW)).toBe('2026-12-07T08:00:00.000Z');
  });
});

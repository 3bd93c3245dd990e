import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { csvCell, csvRow, parseCsv, exportCsv, CSV_COLUMNS } from './csv';
import { makeCapture } from '../db/testing';

const guarded = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

describe('CSV', () => {
  it('quotes per RFC 4180 and guards formula injection', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"\nbye')).toBe('"say ""hi""\nbye"');
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    for (const s of ['+1', '-2', '@SUM(A1)', '\tx', '\rx']) expect(parseCsv(csvCell(s))[0]![0]).toBe(`'${s}`);
    expect(csvCell(null)).toBe('');
  });

  it('exports one row per capture with a header, CRLF line ends', async () => {
    const c = makeCapture({ text: 'Line one\nline two, with "quotes"', tags: ['AI', 'ML'], note: '=1+1', collectionIds: ['01900000-0000-7000-8000-0000000000c1'] });
    const text = await exportCsv([c], [{ id: '01900000-0000-7000-8000-0000000000c1', scopeId: 'personal:local', name: 'Team, tips', inbox: false, createdAt: 1, updatedAt: 1, deletedAt: null }]);
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(text);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    const row = Object.fromEntries(CSV_COLUMNS.map((k, i) => [k, rows[1]![i]]));
    expect(row).toMatchObject({ id: c.id, text: 'Line one\nline two, with "quotes"', tags: 'AI; ML', collections: 'Team, tips', note: "'=1+1", truncated: 'false' });
  });

  it('property: parse(serialise(rows)) gives the rows back (with formula guards)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: 'grapheme', maxLength: 30 }), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 10 }), (rows) => {
        fc.pre(!rows.some((r) => r.length === 1 && r[0] === '')); // a lone empty field is an empty line
        const text = rows.map(csvRow).join('\r\n') + '\r\n';
        expect(parseCsv(text)).toEqual(rows.map((r) => r.map(guarded)));
      }),
    );
  });

  it('parseCsv refuses malformed quoting', () => {
    expect(() => parseCsv('"abc')).toThrow(SyntaxError);
    expect(() => parseCsv('ab"c')).toThrow(SyntaxError);
  });
});

import { describe, it, expect } from 'vitest';
import { parseSatchelJson } from './parse-import';
import { exportJson } from './json';
import { scanJson, lineColumn, formatPath } from './json-locate';
import { makeCapture } from '../db/testing';

const good = async () => exportJson([makeCapture(), makeCapture({ id: '01900000-0000-7000-8000-000000000002', postId: '2' })], [], { now: 0 });
const lineOf = (text: string, needle: string, nth = 0) => {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  return text.slice(0, at).split('\n').length;
};

describe('parseSatchelJson', () => {
  it('accepts a good file (and a UTF-8 BOM)', async () => {
    const text = await good();
    expect(parseSatchelJson(text).ok).toBe(true);
    expect(parseSatchelJson('\ufeff' + text).ok).toBe(true);
  });

  it('a syntax error is refused with its line and column', async () => {
    const text = (await good()).replace('"lang": "en",', '"lang": "en",,');
    const r = parseSatchelJson(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ path: '(file)', line: lineOf(text, ',,') });
    expect(r.errors[0]!.message).toMatch(/^not valid JSON: unexpected ","/);
  });

  it('a bad field is refused with the line and JSON path of the field at fault', async () => {
    const text = (await good()).replace('"note": null', '"note": 42').replace(/"capturedAt": \d+/g, (m, off: number) => (off > 2000 ? '"capturedAt": "yesterday"' : m));
    const r = parseSatchelJson(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.path)).toEqual(['captures[0].note', 'captures[1].capturedAt']);
    expect(r.errors[0]!.line).toBe(lineOf(text, '"note": 42'));
    expect(r.errors[1]!.line).toBe(lineOf(text, '"capturedAt": "yesterday"'));
    expect(r.errors[0]!.column).toBe(text.split('\n')[r.errors[0]!.line - 1]!.indexOf('42') + 1);
  });

  it('an unknown field is pointed at by its key path', async () => {
    const text = (await good()).replace('"reflection": null', '"reflection": null,\n      "evil": "<script>"');
    const r = parseSatchelJson(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]).toMatchObject({ path: 'captures[0].evil', line: lineOf(text, '"evil"') });
  });

  it('refuses a file that is not a Satchel export, or from a newer version', () => {
    expect(parseSatchelJson('{"format":"pocket"}')).toMatchObject({ ok: false, errors: [{ path: 'format' }] });
    expect(parseSatchelJson('[]')).toMatchObject({ ok: false, errors: [{ path: 'format' }] });
    const r = parseSatchelJson('{"format":"satchel","version":2}');
    expect(r).toMatchObject({ ok: false, errors: [{ path: 'version' }] });
    expect(!r.ok && r.errors[0]!.message).toMatch(/newer Satchel/);
    expect(parseSatchelJson('')).toMatchObject({ ok: false, errors: [{ line: 1, column: 1 }] });
  });
});

describe('json-locate', () => {
  it('finds values by path and reports syntax errors with offsets', () => {
    const text = '{\n  "a": [1, {"b": "x"}],\n  "c": null\n}';
    const m = scanJson(text, new Set(['a[1].b', 'c', 'a']));
    expect(lineColumn(text, m.get('a[1].b')!)).toEqual({ line: 2, column: 18 });
    expect(lineColumn(text, m.get('c')!)).toEqual({ line: 3, column: 8 });
    expect(() => scanJson('{"a": tru}', new Set())).toThrow(/expected a value/);
    expect(formatPath(['captures', 3, 'note'])).toBe('captures[3].note');
    expect(formatPath([])).toBe('(file)');
  });
});

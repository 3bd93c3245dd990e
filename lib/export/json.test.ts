import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { exportJson, toSatchelExport } from './json';
import { parseSatchelJson } from './parse-import';
import { libraryArb } from './testing';
import { makeCapture } from '../db/testing';

describe('exportJson', () => {
  it('writes the versioned envelope with every field', async () => {
    const c = makeCapture({ note: 'n', reflection: 'r', tags: ['AI'], followUp: { dueAt: 1, answer: 'did it', answeredAt: 2 }, reviewedAt: 3 });
    const text = await exportJson([c], [], { now: Date.UTC(2026, 11, 1) });
    const obj = JSON.parse(text);
    expect(obj).toEqual({ format: 'satchel', version: 1, exportedAt: '2026-12-01T00:00:00.000Z', captures: [c], collections: [] });
    expect(text.split('\n').length).toBeGreaterThan(30); // pretty-printed so import errors can name a line
  });

  it('reports progress per chunk', async () => {
    const cs = Array.from({ length: 7 }, (_, i) => makeCapture({ id: `01900000-0000-7000-8000-00000000000${i}` }));
    const seen: Array<[number, number]> = [];
    await exportJson(cs, [], { chunkSize: 3, onProgress: (d, t) => seen.push([d, t]) });
    expect(seen).toEqual([[3, 7], [6, 7], [7, 7]]);
  });

  it('property: export → parse gives back exactly what was exported', async () => {
    await fc.assert(
      fc.asyncProperty(libraryArb(), async ({ captures, collections }) => {
        const text = await exportJson(captures, collections, { now: 0 });
        const back = parseSatchelJson(text);
        expect(back).toEqual({ ok: true, data: toSatchelExport(captures, collections, 0) });
      }),
      { numRuns: 60, seed: 20261207 },
    );
  }, 60_000); // budget for a busy 2-core machine (60 runs of a full export + parse)
});

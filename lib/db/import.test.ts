import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import fc from 'fast-check';
import { SatchelDb } from './database';
import { saveCapture, updateCapture } from './mutations';
import { createCollection } from './collections';
import { planImport, applyImport } from './import';
import { readAllCaptures } from './read-all';
import { listCollections, getCapture } from './queries';
import { makeDraft } from './testing';
import { exportJson, toSatchelExport } from '../export/json';
import { parseSatchelJson } from '../export/parse-import';
import { libraryArb } from '../export/testing';
import { tagKey, type Capture, type SatchelExport } from '../schema';

let db: SatchelDb;
let now = 1_790_000_000_000;
const clock = () => (now += 1000);
beforeEach(() => {
  db = new SatchelDb(`t-${Math.random()}`);
});
afterEach(() => db.close());

async function snapshot(d: SatchelDb): Promise<SatchelExport> {
  return toSatchelExport(await readAllCaptures(d), await listCollections(d), 0);
}
const parse = (text: string) => {
  const r = parseSatchelJson(text);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.data;
};

describe('import', () => {
  it('dry run counts, import, then importing the same file again changes nothing', async () => {
    const src = new SatchelDb(`src-${Math.random()}`);
    const a = (await saveCapture(src, makeDraft({ postId: '1' }), { clock })).capture;
    await saveCapture(src, makeDraft({ postId: '2' }), { clock });
    const col = await createCollection(src, 'Team tips', { clock });
    await updateCapture(src, a.id, { note: 'mine', tags: ['AI'], intent: 'tip', reflection: 'apply', collectionIds: [col.id] }, { clock });
    const file = parse(await exportJson(await readAllCaptures(src), await listCollections(src)));
    src.close();

    expect(await planImport(db, file)).toEqual({ captures: { add: 2, update: 0, skip: 0 }, collections: { add: 2, update: 0, skip: 0 } });
    expect(await db.captures.count()).toBe(0); // the dry run writes nothing
    const progress: number[] = [];
    const done = await applyImport(db, file, { clock, chunkSize: 1, onProgress: (d) => progress.push(d) });
    expect(done).toEqual({ captures: { add: 2, update: 0, skip: 0 }, collections: { add: 2, update: 0, skip: 0 }, touchedIds: file.captures.map((c) => c.id) });
    expect(progress).toEqual([1, 2]);
    expect(await getCapture(db, a.id)).toMatchObject({ note: 'mine', tags: ['AI'], intent: 'tip', reflection: 'apply', collectionIds: [col.id] });
    const names = (await db.outbox.toArray()).map((o) => o.name);
    expect(names).toEqual(['createCollection', 'createCollection', 'createCapture', 'createCapture', 'updateCapture']); // file is newest first

    const before = await snapshot(db);
    const outboxBefore = await db.outbox.count();
    expect(await planImport(db, file)).toEqual({ captures: { add: 0, update: 0, skip: 2 }, collections: { add: 0, update: 0, skip: 2 } });
    expect((await applyImport(db, file, { clock })).touchedIds).toEqual([]);
    expect(await snapshot(db)).toEqual(before);
    expect(await db.outbox.count()).toBe(outboxBefore);
  });

  it('a newer row in the file updates library fields; an older one is skipped; content merges fuller-wins', async () => {
    const local = (await saveCapture(db, makeDraft({ text: 'Short…', truncated: true }), { clock, inbox: false })).capture;
    const newer: Capture = { ...local, note: 'from file', text: 'Short and now complete.', truncated: false, updatedAt: local.updatedAt + 10 };
    const file = toSatchelExport([newer], [], 0);
    expect((await planImport(db, file)).captures).toEqual({ add: 0, update: 1, skip: 0 });
    await applyImport(db, file, { clock });
    expect(await getCapture(db, local.id)).toMatchObject({ note: 'from file', text: 'Short and now complete.', truncated: false });
    await updateCapture(db, local.id, { note: 'edited later' }, { clock });
    const older = toSatchelExport([{ ...newer, note: 'stale' }], [], 0);
    expect((await planImport(db, older)).captures).toEqual({ add: 0, update: 0, skip: 1 });
    await applyImport(db, older, { clock });
    expect((await getCapture(db, local.id))!.note).toBe('edited later');
  });

  it('matches a post saved under another id by its key, and maps collections by name', async () => {
    const mine = (await saveCapture(db, makeDraft({ postId: '7' }), { clock, inbox: false })).capture;
    const localCol = await createCollection(db, 'Reading', { clock });
    const other: Capture = { ...mine, id: '01900000-0000-7000-8000-0000000000aa', collectionIds: ['01900000-0000-7000-8000-0000000000bb'], updatedAt: mine.updatedAt + 5 };
    const file = toSatchelExport([other], [{ id: '01900000-0000-7000-8000-0000000000bb', scopeId: 'personal:local', name: 'reading', inbox: false, createdAt: 0, updatedAt: 0, deletedAt: null }], 0);
    expect(await planImport(db, file)).toEqual({ captures: { add: 0, update: 1, skip: 0 }, collections: { add: 0, update: 0, skip: 1 } });
    await applyImport(db, file, { clock });
    expect(await db.captures.count()).toBe(1);
    expect((await getCapture(db, mine.id))!.collectionIds).toEqual([localCol.id]);
  });

  it('a bad file is refused whole and nothing stored is touched', async () => {
    await saveCapture(db, makeDraft(), { clock });
    const before = await snapshot(db);
    const n = await db.outbox.count();
    const text = (await exportJson(await readAllCaptures(db), [])).replace('"note": null', '"note": 5');
    const r = parseSatchelJson(text);
    expect(r.ok).toBe(false);
    expect(await snapshot(db)).toEqual(before);
    expect(await db.outbox.count()).toBe(n);
  });

  it('property: export → import into an empty profile → export gives the same library', async () => {
    await fc.assert(
      fc.asyncProperty(libraryArb(6), async (lib) => {
        // Within one scope a tag has one spelling (the first one used).
        const first = new Map<string, string>();
        const captures = lib.captures.map((c) => ({ ...c, tags: c.tags.map((t) => (first.has(tagKey(t)!) ? first.get(tagKey(t)!)! : (first.set(tagKey(t)!, t), t))) }));
        const fresh = new SatchelDb(`p-${Math.random()}`);
        try {
          const file = parse(await exportJson(captures, lib.collections));
          await applyImport(fresh, file, { clock });
          const got = await snapshot(fresh);
          const byId = (a: Capture, b: Capture) => (a.id < b.id ? -1 : 1);
          expect([...got.captures].sort(byId)).toEqual([...captures].sort(byId));
          expect(got.collections.map((c) => c.id).sort()).toEqual(lib.collections.map((c) => c.id).sort());
          await applyImport(fresh, file, { clock });
          expect(await snapshot(fresh)).toEqual(got);
        } finally {
          fresh.close();
        }
      }),
      { numRuns: 25 },
    );
  }, 60_000); // 25 IndexedDB round trips; ~4 s idle, budgeted for a loaded 2-core machine
});

import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { SatchelDb } from './database';
import { saveCapture, updateCapture } from './mutations';
import { createCollection } from './collections';
import { planImport, applyImport } from './import';
import { startImportJob, runImportJob } from './import-jobs';
import { NOTE_SEPARATOR } from './import-merge';
import { getCapture, listCollections } from './queries';
import { readAllCaptures } from './read-all';
import { makeDraft } from './testing';
import { readImportFile } from '../import';
import { toSatchelExport } from '../export/json';
import type { Capture, SatchelExport } from '../schema';

let db: SatchelDb;
let now = 1_790_000_000_000;
const clock = () => (now += 1000);
beforeEach(() => {
  db = new SatchelDb(`t-${Math.random()}`);
});
afterEach(() => db.close());

/** A Raindrop CSV backup of one link, saved at `created` (ISO), in `folder`, with `tags` and `note`. */
const raindrop = (created: string, folder: string, tags: string, note: string, excerpt = 'From Raindrop') =>
  `id,title,note,excerpt,url,folder,tags,created,cover,highlights,favorite\n1,Retro formats,"${note}","${excerpt}",https://example.com/retros,${folder},"${tags}",${created},,,false\n`;
function read(text: string): SatchelExport {
  const r = readImportFile(text, 1_800_000_000_000);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.data;
}
async function importOtherTool(text: string) {
  const id = await startImportJob(db, { fileName: 'raindrop.csv', format: 'raindrop', data: read(text) });
  return runImportJob(db, id, { clock });
}

describe("an import never loses the learner's work (issue 12)", () => {
  it("another tool's newer file: the capture keeps its note, intent, text and tags; tags and collections are added; nothing is removed", async () => {
    await importOtherTool(raindrop('2020-01-01T00:00:00.000Z', 'Work', 'retros', ''));
    const [first] = await readAllCaptures(db);
    const col = await createCollection(db, 'Mine', { clock });
    await updateCapture(db, first!.id, { note: 'I will try the sailboat retro', intent: 'tip', tags: ['retros', 'Agile'], collectionIds: [...first!.collectionIds, col.id] }, { clock });
    const before = (await getCapture(db, first!.id))!;

    // Saved in Raindrop long after the learner's edit, with another folder, tag, note and excerpt.
    const later = raindrop('2030-01-01T00:00:00.000Z', 'Reading', 'facilitation', 'A different note', 'A much longer excerpt written by Raindrop');
    expect((await planImport(db, read(later), { policy: 'add-only' })).captures).toEqual({ add: 0, update: 1, skip: 0 });
    await importOtherTool(later);
    const after = (await getCapture(db, first!.id))!;
    expect(after.note).toBe('I will try the sailboat retro');
    expect(after.intent).toBe('tip');
    expect(after.text).toBe(before.text);
    expect(after.tags).toEqual(['retros', 'Agile', 'facilitation']);
    const reading = (await listCollections(db)).find((c) => c.name === 'Reading')!;
    expect(after.collectionIds).toEqual([...before.collectionIds, reading.id]);
    expect(await db.captures.count()).toBe(1);

    // The same file again changes nothing.
    const outbox = await db.outbox.count();
    expect((await planImport(db, read(later), { policy: 'add-only' })).captures).toEqual({ add: 0, update: 0, skip: 1 });
    await importOtherTool(later);
    expect(await getCapture(db, first!.id)).toEqual(after);
    expect(await db.outbox.count()).toBe(outbox);
  });

  it("another tool's note fills a capture that has none, and an older file still adds its tags", async () => {
    await importOtherTool(raindrop('2030-01-01T00:00:00.000Z', 'Work', 'retros', ''));
    const [c] = await readAllCaptures(db);
    expect(c!.note).toBeNull();
    await importOtherTool(raindrop('2010-01-01T00:00:00.000Z', 'Work', 'coaching', 'Worth a second read'));
    const after = (await getCapture(db, c!.id))!;
    expect(after.note).toBe('Worth a second read');
    expect(after.tags).toEqual(['retros', 'coaching']);
  });

  it("Satchel's own newer file: a different note never silently replaces the learner's, both are kept", async () => {
    const local = (await saveCapture(db, makeDraft(), { clock, inbox: false })).capture;
    await updateCapture(db, local.id, { note: 'My own note' }, { clock });
    const mine = (await getCapture(db, local.id))!;
    const newer: Capture = { ...mine, note: 'Note from the other profile', intent: 'question', updatedAt: mine.updatedAt + 10 };
    const file = toSatchelExport([newer], [], 0);
    expect((await planImport(db, file)).captures).toEqual({ add: 0, update: 1, skip: 0 });
    await applyImport(db, file, { clock });
    const after = (await getCapture(db, local.id))!;
    expect(after.note).toBe(`My own note${NOTE_SEPARATOR}Note from the other profile`);
    expect(after.intent).toBe('question'); // the newer file still wins the other library fields (docs/import-export.md)
    // Again: nothing is appended twice.
    await applyImport(db, toSatchelExport([{ ...newer, updatedAt: after.updatedAt + 10 }], [], 0), { clock });
    expect((await getCapture(db, local.id))!.note).toBe(after.note);
  });

  it("Satchel's own newer file: a note that only grew replaces it; an empty one leaves it", async () => {
    const local = (await saveCapture(db, makeDraft(), { clock, inbox: false })).capture;
    await updateCapture(db, local.id, { note: 'Try it' }, { clock });
    let mine = (await getCapture(db, local.id))!;
    await applyImport(db, toSatchelExport([{ ...mine, note: 'Try it on Monday', updatedAt: mine.updatedAt + 10 }], [], 0), { clock });
    mine = (await getCapture(db, local.id))!;
    expect(mine.note).toBe('Try it on Monday');
    await applyImport(db, toSatchelExport([{ ...mine, note: null, tags: ['x'], updatedAt: mine.updatedAt + 10 }], [], 0), { clock });
    expect(await getCapture(db, local.id)).toMatchObject({ note: 'Try it on Monday', tags: ['x'] });
  });
});

describe('a page saved before keys dropped tracking parameters is matched by an import (red team)', () => {
  it('an existing capture keyed web:<url with utm_*> is updated, not duplicated, by a Raindrop row of that page', async () => {
    const old = 'https://example.com/retros?utm_source=newsletter&id=7';
    const saved = await saveCapture(db, makeDraft({ platform: 'web', postId: old, permalink: old, author: null }), { clock });
    await updateCapture(db, saved.capture.id, { note: 'mine' }, { clock });
    const csv = `id,title,note,excerpt,url,folder,tags,created,cover,highlights,favorite\n1,Retros,,,${old},Work,"retros",2020-01-01T00:00:00.000Z,,,false\n`;
    expect((await planImport(db, read(csv), { policy: 'add-only' })).captures).toEqual({ add: 0, update: 1, skip: 0 });
    await importOtherTool(csv);
    const all = (await readAllCaptures(db)).filter((c) => c.deletedAt === null);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ id: saved.capture.id, key: `web:${old}`, note: 'mine', tags: ['retros'] });
    // A snippet of the page (its own text-fragment key) is another capture, never matched.
    await saveCapture(db, makeDraft({ platform: 'web', postId: 'https://example.com/retros?id=7#:~:text=x', permalink: 'https://example.com/retros?id=7#:~:text=x', author: null }), { clock });
    expect((await planImport(db, read(csv), { policy: 'add-only' })).captures).toEqual({ add: 0, update: 0, skip: 1 });
  });
});

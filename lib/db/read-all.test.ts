import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { SatchelDb } from './database';
import { saveCapture, updateCapture } from './mutations';
import { deleteCaptures } from './delete';
import { eachCaptureChunk, readAllCaptures } from './read-all';
import { changedSince } from './queries';
import { makeDraft } from './testing';

let db: SatchelDb;
beforeEach(() => {
  db = new SatchelDb(`t-${Math.random()}`);
});
afterEach(() => db.close());

describe('eachCaptureChunk / changedSince', () => {
  it('reads every live capture newest first in chunks, with progress, even when many share a millisecond', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 23; i++) ids.push((await saveCapture(db, makeDraft({ postId: String(i) }), { clock: () => 1000 + Math.floor(i / 4), inbox: false /* four saves per millisecond */ })).capture.id);
    await deleteCaptures(db, [ids[5]!], { clock: () => 5000 });
    const chunks: number[] = [];
    const progress: Array<[number, number]> = [];
    const seen: string[] = [];
    const mark = await eachCaptureChunk(db, (c) => void (chunks.push(c.length), seen.push(...c.map((x) => x.id))), { chunkSize: 5, onProgress: (d, n) => progress.push([d, n]) });
    expect(new Set(seen).size).toBe(22);
    expect(seen).not.toContain(ids[5]);
    expect(seen).toEqual([...ids].filter((x) => x !== ids[5]).reverse()); // newest first, ties by id (UUIDv7 order)
    expect(progress.at(-1)).toEqual([23, 23]);
    expect(mark).toBe(5000);
    expect((await readAllCaptures(db)).length).toBe(22);
  });

  it('changedSince returns later writes, tombstones included, oldest change first', async () => {
    const a = (await saveCapture(db, makeDraft({ postId: '1' }), { clock: () => 10, inbox: false })).capture;
    const b = (await saveCapture(db, makeDraft({ postId: '2' }), { clock: () => 20, inbox: false })).capture;
    await updateCapture(db, a.id, { note: 'x' }, { clock: () => 30 });
    await deleteCaptures(db, [b.id], { clock: () => 40 });
    const rows = await changedSince(db, 20);
    expect(rows.map((r) => [r.id, r.deletedAt])).toEqual([[a.id, null], [b.id, 40]]);
  });
});

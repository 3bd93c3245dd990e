import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { SatchelDb } from './database';
import { saveCapture, updateCapture } from './mutations';
import { createCollection, addToCollection, deleteCollection } from './collections';
import { deleteCaptures, undoDelete, UNDO_WINDOW_MS } from './delete';
import { listRecent, getCapture, countCaptures, statusForKeys, listByCollection, recentTags } from './queries';
import { countUnreviewed } from './review';
import { listTags } from './tags';
import { makeDraft } from './testing';

let db: SatchelDb;
let now = 1_790_000_000_000;
const clock = () => (now += 1000);
beforeEach(() => {
  db = new SatchelDb(`t-${Math.random()}`);
});
afterEach(() => db.close());

async function setup() {
  const a = (await saveCapture(db, makeDraft({ postId: '1', text: 'first' }), { clock, inbox: false })).capture;
  const b = (await saveCapture(db, makeDraft({ postId: '2', text: 'second' }), { clock, inbox: false })).capture;
  const col = await createCollection(db, 'Keep', { clock });
  await addToCollection(db, col.id, [a.id, b.id], { clock });
  await updateCapture(db, a.id, { tags: ['AI'], note: 'my note', intent: 'tip', reviewedAt: 5, reflection: 'apply it' }, { clock });
  return { a: (await getCapture(db, a.id))!, b: (await getCapture(db, b.id))!, col };
}

describe('deleteCaptures', () => {
  it('soft-deletes many in one go: they vanish from every query; one deleteCapture each in the outbox', async () => {
    const { a, b, col } = await setup();
    const before = await db.outbox.count();
    const t = await deleteCaptures(db, [a.id, b.id, a.id, '01900000-0000-7000-8000-0000000000ff'], { clock });
    expect(t.count).toBe(2);
    expect(t.expiresAt).toBe(now + UNDO_WINDOW_MS);
    expect(await listRecent(db)).toEqual([]);
    expect(await getCapture(db, a.id)).toBeNull();
    expect(await countCaptures(db)).toBe(0);
    expect(await countUnreviewed(db)).toBe(0);
    expect(await statusForKeys(db, [a.key])).toEqual([]);
    expect(await listByCollection(db, col.id)).toEqual([]);
    expect(await recentTags(db)).toEqual([]);
    expect(await listTags(db)).toEqual([]);
    const tomb = await db.captures.get(a.id);
    expect(tomb).toMatchObject({ deletedAt: now, tags: [], collectionIds: [] }); // a tombstone for sync
    const out = (await db.outbox.toArray()).slice(before);
    expect(out.map((o) => [o.name, o.args])).toEqual([['deleteCapture', { id: a.id }], ['deleteCapture', { id: b.id }]]);
  });

  it('undo within the window restores every field under a new id, appending compensating mutations only', async () => {
    const { a, col } = await setup();
    const t = await deleteCaptures(db, [a.id], { clock });
    const seqsBefore = (await db.outbox.toArray()).map((o) => o.seq);
    const restored = await undoDelete(db, t.token, { clock });
    expect(restored).toHaveLength(1);
    const r = restored![0]!;
    expect(r.id).not.toBe(a.id);
    const { id: _1, updatedAt: _2, ...rest } = a;
    expect(r).toMatchObject({ ...rest, deletedAt: null, collectionIds: [col.id], tags: ['AI'] });
    expect(await getCapture(db, r.id)).toEqual(r);
    expect(await db.captures.get(a.id)).toBeUndefined();
    const out = await db.outbox.toArray();
    // Nothing removed from the outbox (seq stays contiguous); a re-create was appended.
    expect(out.slice(0, seqsBefore.length).map((o) => o.seq)).toEqual(seqsBefore);
    expect(out.slice(seqsBefore.length).map((o) => o.name)).toEqual(['createCapture', 'updateCapture']);
    expect(out.at(-2)!.args).toMatchObject({ id: r.id, note: 'my note', tags: ['ai'], collectionIds: [col.id] });
    expect(out.at(-1)!.args).toEqual({ id: r.id, baseVersion: 0, set: { intent: 'tip', reviewedAt: 5, reflection: 'apply it', followUp: r.followUp } });
    expect(await undoDelete(db, t.token, { clock })).toBeNull(); // a token works once
  });

  it('undo after the window does nothing', async () => {
    const { a } = await setup();
    const t = await deleteCaptures(db, [a.id], { clock, windowMs: 500 });
    expect(await undoDelete(db, t.token, { clock })).toBeNull();
    expect(await getCapture(db, a.id)).toBeNull();
  });

  it('undo skips collections deleted meanwhile', async () => {
    const { a, col } = await setup();
    const t = await deleteCaptures(db, [a.id], { clock });
    await deleteCollection(db, col.id, { clock });
    expect((await undoDelete(db, t.token, { clock }))![0]!.collectionIds).toEqual([]);
  });

  it('saving a deleted post again creates it anew; undo then leaves the new save alone', async () => {
    const { a } = await setup();
    const t = await deleteCaptures(db, [a.id], { clock });
    const again = await saveCapture(db, makeDraft({ postId: '1', text: 'first' }), { clock });
    expect(again.created).toBe(true);
    expect(again.capture.id).not.toBe(a.id);
    expect(again.capture.note).toBeNull();
    expect(await undoDelete(db, t.token, { clock })).toEqual([]);
    expect((await listRecent(db)).map((c) => c.id)).toContain(again.capture.id);
  });

  it('updates of a deleted capture are refused (null) and write nothing', async () => {
    const { a } = await setup();
    await deleteCaptures(db, [a.id], { clock });
    const n = await db.outbox.count();
    expect(await updateCapture(db, a.id, { note: 'x' }, { clock })).toBeNull();
    expect(await db.outbox.count()).toBe(n);
  });
});

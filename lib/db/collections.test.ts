import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { SatchelDb } from './database';
import { saveCapture } from './mutations';
import { createCollection, renameCollection, deleteCollection, addToCollection, removeFromCollection, ensureInbox, CollectionNameError } from './collections';
import { listCollections, listByCollection, getCapture, collectionCounts } from './queries';
import { makeDraft } from './testing';
import { steppingClock } from '../util/clock';

let db: SatchelDb;
const clock = steppingClock(1_790_000_000_000, 1000);
beforeEach(() => {
  db = new SatchelDb(`t-${Math.random()}`);
});
afterEach(() => db.close());

const names = async () => (await db.outbox.toArray()).map((o) => o.name);

describe('Inbox', () => {
  it('fresh saves go to one Inbox per scope, created on first need', async () => {
    const a = await saveCapture(db, makeDraft({ postId: '1' }), { clock });
    const b = await saveCapture(db, makeDraft({ postId: '2' }), { clock });
    const t = await saveCapture(db, makeDraft({ postId: '3' }), { clock, scopeId: 'team:t1' });
    const [inbox] = await listCollections(db);
    expect(inbox).toMatchObject({ name: 'Inbox', inbox: true, scopeId: 'personal:local' });
    expect(a.capture.collectionIds).toEqual([inbox!.id]);
    expect(b.capture.collectionIds).toEqual([inbox!.id]);
    expect((await listCollections(db, 'team:t1'))[0]!.id).toBe(t.capture.collectionIds[0]);
    expect(await names()).toEqual(['createCollection', 'createCapture', 'createCapture', 'createCollection', 'createCapture']);
    expect((await ensureInbox(db)).id).toBe(inbox!.id);
  });

  it('a deleted Inbox is re-created by the next fresh save', async () => {
    const inbox = await ensureInbox(db, { clock });
    await deleteCollection(db, inbox.id, { clock });
    const c = await saveCapture(db, makeDraft(), { clock });
    expect(c.capture.collectionIds).toHaveLength(1);
    expect(c.capture.collectionIds[0]).not.toBe(inbox.id);
  });
});

describe('collections', () => {
  it('create, rename, add many, a capture in several, remove, delete keeps captures', async () => {
    const a = await saveCapture(db, makeDraft({ postId: '1' }), { clock, inbox: false });
    const b = await saveCapture(db, makeDraft({ postId: '2' }), { clock, inbox: false });
    const x = await createCollection(db, '  Team   tips ', { clock });
    const y = await createCollection(db, 'Onboarding', { clock });
    expect(x.name).toBe('Team tips');
    expect(await addToCollection(db, x.id, [a.capture.id, b.capture.id, a.capture.id], { clock })).toBe(2);
    expect(await addToCollection(db, y.id, [a.capture.id], { clock })).toBe(1);
    expect(await addToCollection(db, y.id, [a.capture.id], { clock })).toBe(0); // already in
    expect((await getCapture(db, a.capture.id))!.collectionIds).toEqual([x.id, y.id]);
    expect(Object.fromEntries(await collectionCounts(db))).toEqual({ [x.id]: 2, [y.id]: 1 });

    expect(await renameCollection(db, x.id, 'Tips', { clock })).toMatchObject({ name: 'Tips' });
    expect(await removeFromCollection(db, x.id, [b.capture.id], { clock })).toBe(1);
    expect((await listByCollection(db, x.id)).map((c) => c.id)).toEqual([a.capture.id]);

    expect(await deleteCollection(db, y.id, { clock })).toBe(true);
    expect(await deleteCollection(db, y.id, { clock })).toBe(false);
    expect((await listCollections(db)).map((c) => c.name)).toEqual(['Tips']);
    expect((await getCapture(db, a.capture.id))!.collectionIds).toEqual([x.id]); // capture stays, membership gone
    expect(await getCapture(db, b.capture.id)).not.toBeNull();

    const out = await db.outbox.toArray();
    expect(out.map((o) => o.name)).toEqual([
      'createCapture', 'createCapture', 'createCollection', 'createCollection',
      'addToCollection', 'addToCollection', 'addToCollection', 'renameCollection', 'removeFromCollection', 'deleteCollection',
    ]);
    expect(out.at(-1)!.args).toEqual({ id: y.id });
    expect(out[7]!.args).toEqual({ id: x.id, name: 'Tips' });
  });

  it('refuses an empty or too long name and writes nothing', async () => {
    await expect(createCollection(db, '   ')).rejects.toThrow(CollectionNameError);
    await expect(createCollection(db, 'x'.repeat(201))).rejects.toThrow(CollectionNameError);
    expect(await db.outbox.count()).toBe(0);
  });

  it('adding to an unknown collection throws and writes nothing', async () => {
    const a = await saveCapture(db, makeDraft(), { clock, inbox: false });
    await expect(addToCollection(db, '01900000-0000-7000-8000-0000000000ff', [a.capture.id])).rejects.toThrow(/no collection/);
    expect(await names()).toEqual(['createCapture']);
  });
});

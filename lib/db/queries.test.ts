import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { SatchelDb } from './database';
import { saveCapture, updateCapture } from './mutations';
import { createCollection } from './collections';
import { listRecent, statusForKeys, recentTags, listCollections, countCaptures } from './queries';
import { makeDraft } from './testing';
import { deleteCaptures } from './delete';
import { steppingClock } from '../util/clock';

let db: SatchelDb;
beforeEach(() => {
  db = new SatchelDb(`t-${Math.random()}`);
});
afterEach(() => db.close());

describe('listRecent', () => {
  it('lists newest first with limit and offset', async () => {
    const clock = steppingClock(1_000, 10);
    for (let i = 1; i <= 5; i++) await saveCapture(db, makeDraft({ postId: String(i) }), { clock });
    expect((await listRecent(db, 2)).map((c) => c.postId)).toEqual(['5', '4']);
    expect((await listRecent(db, 2, 2)).map((c) => c.postId)).toEqual(['3', '2']);
    expect(await countCaptures(db)).toBe(5);
  });

  it('orders saves in the same millisecond by save order (UUIDv7)', async () => {
    const clock = () => 42;
    for (const id of ['a', 'b', 'c']) await saveCapture(db, makeDraft({ postId: id }), { clock });
    expect((await listRecent(db)).map((c) => c.postId)).toEqual(['c', 'b', 'a']);
  });

  it('only lists the requested scope', async () => {
    await saveCapture(db, makeDraft({ postId: '1' }));
    await saveCapture(db, makeDraft({ postId: '2' }), { scopeId: 'team:abc' });
    expect((await listRecent(db)).map((c) => c.postId)).toEqual(['1']);
    expect((await listRecent(db, 50, 0, 'team:abc')).map((c) => c.postId)).toEqual(['2']);
  });
});

describe('statusForKeys', () => {
  it('returns saved keys with id and incomplete flag; unknown keys are absent', async () => {
    const a = await saveCapture(db, makeDraft({ postId: '1' }));
    const b = await saveCapture(db, makeDraft({ postId: '2', truncated: true }));
    const s = await statusForKeys(db, ['x:1', 'x:2', 'x:3', 'x:1']);
    expect(s.sort((p, q) => p.key.localeCompare(q.key))).toEqual([
      { key: 'x:1', id: a.capture.id, incomplete: false, truncated: false },
      { key: 'x:2', id: b.capture.id, incomplete: true, truncated: true },
    ]);
    expect(await statusForKeys(db, [])).toEqual([]);
  });
});

describe('recentTags and listCollections', () => {
  it('ranks tags by use on recent captures', async () => {
    const clock = steppingClock(1_000, 10);
    const ids: string[] = [];
    for (let i = 1; i <= 3; i++) ids.push((await saveCapture(db, makeDraft({ postId: String(i) }), { clock })).capture.id);
    await updateCapture(db, ids[0]!, { tags: ['old', 'common'] });
    await updateCapture(db, ids[1]!, { tags: ['common'] });
    await updateCapture(db, ids[2]!, { tags: ['new'] });
    expect(await recentTags(db)).toEqual(['common', 'new', 'old']);
    expect(await recentTags(db, 1)).toEqual(['common']);
  });

  it('sorts collections by name', async () => {
    await createCollection(db, 'zeta');
    await createCollection(db, 'Alpha');
    expect((await listCollections(db)).map((c) => c.name)).toEqual(['Alpha', 'zeta']);
  });
});

describe('deleted captures vanish from queries', () => {
  it('listRecent skips tombstones before applying offset and limit', async () => {
    const clock = steppingClock(1_000, 10);
    const ids: string[] = [];
    for (let i = 1; i <= 6; i++) ids.push((await saveCapture(db, makeDraft({ postId: String(i) }), { clock })).capture.id);
    await deleteCaptures(db, [ids[5]!, ids[3]!]);
    expect((await listRecent(db, 2)).map((c) => c.postId)).toEqual(['5', '3']);
    expect((await listRecent(db, 2, 2)).map((c) => c.postId)).toEqual(['2', '1']);
    expect(await countCaptures(db)).toBe(4);
  });
});

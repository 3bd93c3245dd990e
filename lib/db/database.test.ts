import { describe, it, expect } from 'vitest';
import { Dexie } from 'dexie';
import { SatchelDb, stageOf } from './database';
import { makeCapture } from './testing';
import { listRecent, listCollections, countCaptures, getCaptures } from './queries';
import { countUnreviewed } from './review';
import { listTags } from './tags';
import { updateCapture } from './mutations';

describe('version 2 upgrade', () => {
  it('keeps version-1 rows working: new fields null, collections not Inbox, tag spellings recorded', async () => {
    const name = `v1-${Math.random()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({
      captures: 'id, &[scopeId+key], [scopeId+capturedAt], scopeId, key, updatedAt',
      collections: 'id, scopeId, [scopeId+name]',
      outbox: '++seq, &mutationId',
      kv: 'key',
    });
    const { deletedAt: _d, reviewedAt: _r, archivedAt: _a, reflection: _re, followUp: _f, ...oldRow } = makeCapture({ tags: ['ml', 'feedback'] });
    await v1.table('captures').add(oldRow);
    await v1.table('collections').add({ id: '01900000-0000-7000-8000-0000000000c1', scopeId: 'personal:local', name: 'Old', createdAt: 1, updatedAt: 1 });
    v1.close();

    const db = new SatchelDb(name);
    const [c] = await listRecent(db);
    expect(c).toMatchObject({ id: oldRow.id, deletedAt: null, reviewedAt: null, archivedAt: null, reflection: null, followUp: null, tags: ['ml', 'feedback'] });
    expect(c).not.toHaveProperty('stage'); // index helper never leaks into reads
    expect(await db.captures.get(oldRow.id)).not.toHaveProperty('stage');
    expect((await getCaptures(db, [oldRow.id]))[0]).not.toHaveProperty('stage');
    expect((await db.captures.where('tags').equals('ml').toArray())[0]).not.toHaveProperty('stage');
    expect(await listCollections(db)).toEqual([{ id: '01900000-0000-7000-8000-0000000000c1', scopeId: 'personal:local', name: 'Old', createdAt: 1, updatedAt: 1, inbox: false, deletedAt: null }]);
    expect(await countUnreviewed(db)).toBe(1);
    expect(await countCaptures(db)).toBe(1);
    expect((await listTags(db)).map((t) => t.label).sort()).toEqual(['feedback', 'ml']);
    // An old row can be written through the mutations.
    expect(await updateCapture(db, oldRow.id, { tags: ['ML', 'New'] })).toMatchObject({ tags: ['ml', 'New'] });
    db.close();
  });

  it('stageOf: deleted > archived > reviewed > unreviewed', () => {
    expect(stageOf({ deletedAt: 1, archivedAt: 1, reviewedAt: 1 })).toBe('deleted');
    expect(stageOf({ deletedAt: null, archivedAt: 1, reviewedAt: 1 })).toBe('archived');
    expect(stageOf({ deletedAt: null, archivedAt: null, reviewedAt: 1 })).toBe('reviewed');
    expect(stageOf({ deletedAt: null, archivedAt: null, reviewedAt: null })).toBe('unreviewed');
  });
});

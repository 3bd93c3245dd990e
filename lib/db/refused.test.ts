import { describe, it, expect, beforeEach, afterEach, vi } from 'vitest';
import { liveQuery } from 'dexie';
import { SatchelDb, type RejectedRow } from './database';
import { listRefused, dismissRefused } from './refused';

let db: SatchelDb;
beforeEach(() => {
  db = new SatchelDb(`refused-${Math.random()}`);
});
afterEach(() => db.close());

const T = 1_790_000_000_000;
const row = (o: Partial<RejectedRow> & Pick<RejectedRow, 'mutationId'>): RejectedRow => ({
  seq: 1, name: 'addTag', args: { captureId: '01900000-0000-7000-8000-0000000000c1', tag: 'ai' }, scopeId: null, status: 'rejected', code: null, at: T, ...o,
});
const ids = (rows: RejectedRow[]) => rows.map((r) => r.mutationId);

describe('listRefused', () => {
  it('is empty for a fresh database', async () => {
    expect(await listRefused(db)).toEqual([]);
  });

  it('returns every row, payload included, newest first (same push: higher seq first)', async () => {
    await db.rejected.bulkPut([
      row({ mutationId: 'm-old', seq: 1, at: T - 60_000 }),
      row({ mutationId: 'm-new', seq: 9, at: T, name: 'createCollection', args: { id: 'c', scopeId: 'team:t1', name: 'Reading' }, scopeId: 'team:t1', status: 'gone' }),
      row({ mutationId: 'm-same-push-a', seq: 4, at: T - 1000 }),
      row({ mutationId: 'm-same-push-b', seq: 5, at: T - 1000, code: 'forbidden' }),
    ]);
    const rows = await listRefused(db);
    expect(ids(rows)).toEqual(['m-new', 'm-same-push-b', 'm-same-push-a', 'm-old']);
    expect(rows[0]).toEqual({ mutationId: 'm-new', seq: 9, at: T, name: 'createCollection', args: { id: 'c', scopeId: 'team:t1', name: 'Reading' }, scopeId: 'team:t1', status: 'gone', code: null });
    expect(rows[1]!.code).toBe('forbidden');
  });

  it('works inside liveQuery and follows later changes', async () => {
    const seen: string[][] = [];
    const sub = liveQuery(() => listRefused(db)).subscribe({ next: (r) => seen.push(ids(r)) });
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    await db.rejected.put(row({ mutationId: 'm1' }));
    await vi.waitFor(() => expect(seen.at(-1)).toEqual(['m1']));
    await dismissRefused(db, ['m1']);
    await vi.waitFor(() => expect(seen.at(-1)).toEqual([]));
    sub.unsubscribe();
    expect(seen[0]).toEqual([]);
  });
});

describe('dismissRefused', () => {
  it('deletes only the given rows and says how many it removed; unknown ids are ignored', async () => {
    await db.rejected.bulkPut([row({ mutationId: 'a' }), row({ mutationId: 'b', seq: 2 }), row({ mutationId: 'c', seq: 3 })]);
    expect(await dismissRefused(db, ['a', 'c', 'nope', 'a'])).toBe(2);
    expect(ids(await listRefused(db))).toEqual(['b']);
  });

  it('no ids is a no-op; all ids empties the table', async () => {
    await db.rejected.bulkPut([row({ mutationId: 'a' }), row({ mutationId: 'b', seq: 2 })]);
    expect(await dismissRefused(db, [])).toBe(0);
    expect(await db.rejected.count()).toBe(2);
    expect(await dismissRefused(db, ids(await listRefused(db)))).toBe(2);
    expect(await listRefused(db)).toEqual([]);
  });

  it('leaves the outbox and the library alone', async () => {
    await db.rejected.put(row({ mutationId: 'a' }));
    await db.outbox.add({ mutationId: 'pending', name: 'addTag', args: {}, clientTs: T });
    await dismissRefused(db, ['a', 'pending']);
    expect(await db.outbox.count()).toBe(1);
  });
});

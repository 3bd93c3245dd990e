import { describe, it, expect } from 'vitest';
import { createSyncRunner, refreshMembers, MEMBER_NAMES_TTL_MS, SYNC_LOCK, type Locks } from './runner';
import { SYNC_SCOPES_KEY } from '../db/share';
import { writeSyncAuth } from '../db/sync-state';
import { readMembers, writeMembers } from '../db/members';
import { SatchelDb } from '../db';
import type { Fetch } from './transport';

/** A Web Locks double: `held` makes ifAvailable requests get null. */
function fakeLocks(held: boolean): Locks & { asked: Array<{ name: string; ifAvailable: boolean }> } {
  const asked: Array<{ name: string; ifAvailable: boolean }> = [];
  return {
    asked,
    request: (name, opts, cb) => {
      asked.push({ name, ifAvailable: opts.ifAvailable });
      return cb(held && opts.ifAvailable ? null : {});
    },
  };
}

const neverFetch: Fetch = async () => {
  throw new Error('no network in this test');
};

describe('createSyncRunner', () => {
  it('is signed-out without auth, and asks the Web Lock without waiting unless forced', async () => {
    const db = new SatchelDb(`runner-${Math.random()}`);
    const locks = fakeLocks(false);
    const run = createSyncRunner({ db, fetch: neverFetch, locks });
    expect(await run()).toEqual({ status: 'signed-out' });
    expect(await run(true)).toEqual({ status: 'signed-out' });
    expect(locks.asked).toEqual([{ name: SYNC_LOCK, ifAvailable: true }, { name: SYNC_LOCK, ifAvailable: false }]);
    db.close();
  });

  it('returns busy when another run holds the lock', async () => {
    const db = new SatchelDb(`runner-${Math.random()}`);
    const run = createSyncRunner({ db, fetch: neverFetch, locks: fakeLocks(true) });
    expect(await run()).toEqual({ status: 'busy' });
    db.close();
  });

  it('afterRun hears every run outcome (the background updates the badge there)', async () => {
    const db = new SatchelDb(`runner-${Math.random()}`);
    const seen: string[] = [];
    const run = createSyncRunner({ db, fetch: neverFetch, afterRun: (out) => void seen.push(out.status) });
    await run();
    expect(seen).toEqual(['signed-out']);
    db.close();
  });
});

describe('refreshMembers', () => {
  const member = (userId: string, displayName: string) => ({ userId, displayName, role: 'editor' as const, joinedAt: 1, spotlight: true });
  it('fetches stale team lists only, drops the lists (and the old name map) of teams left, keeps a failed team and rethrows', async () => {
    const db = new SatchelDb(`runner-members-${Math.random()}`);
    await writeSyncAuth(db, { serverUrl: 'https://satchel.example.org', token: 'cap_0123_secret', deviceId: '01900000-0000-7000-8000-0000000000d1', userId: 'u-me' });
    await db.kv.put({ key: SYNC_SCOPES_KEY, value: [{ id: 'team:a', role: 'owner', name: 'A' }, { id: 'team:b', role: 'viewer', name: 'B' }, { id: 'team:c', role: 'viewer', name: 'C' }] });
    await db.kv.put({ key: 'syncMemberNames', value: { at: 1, names: { x: 'X' } } });
    const now = 10 * MEMBER_NAMES_TTL_MS;
    await writeMembers(db, 'team:b', [member('u-b', 'Fresh')], now - 1000); // fresh: not fetched
    await writeMembers(db, 'team:c', [member('u-c', 'Old C')], 0);
    await writeMembers(db, 'team:gone', [member('u-g', 'Gone')], 0);
    const asked: string[] = [];
    const fetch: Fetch = async (url) => {
      asked.push(String(url));
      if (String(url).includes('/teams/c/')) return new Response('{}', { status: 503 });
      return new Response(JSON.stringify({ members: [member('u-a', 'Ana')] }), { status: 200, headers: { 'content-type': 'application/json' } });
    };
    await expect(refreshMembers(db, fetch, now)).rejects.toMatchObject({ status: 503 });
    expect(asked.map((u) => u.replace('https://satchel.example.org', ''))).toEqual(['/v1/teams/a/members', '/v1/teams/c/members']);
    expect((await readMembers(db, 'team:a')).members.map((m) => m.displayName)).toEqual(['Ana']);
    expect((await readMembers(db, 'team:b')).members.map((m) => m.displayName)).toEqual(['Fresh']);
    expect((await readMembers(db, 'team:c')).members.map((m) => m.displayName)).toEqual(['Old C']);
    expect((await readMembers(db, 'team:gone')).fetchedAt).toBe(0);
    expect(await db.kv.get('syncMemberNames')).toBeUndefined();
    db.close();
  });

  it('fetches a fresh list again when a comment in the team comes from someone the list does not have (a colleague who just joined and replied: issue 12)', async () => {
    const db = new SatchelDb(`runner-members-new-${Math.random()}`);
    await writeSyncAuth(db, { serverUrl: 'https://satchel.example.org', token: 'cap_0123_secret', deviceId: '01900000-0000-7000-8000-0000000000d1', userId: 'u-me' });
    await db.kv.put({ key: SYNC_SCOPES_KEY, value: [{ id: 'team:a', role: 'owner', name: 'A' }] });
    const now = 10 * MEMBER_NAMES_TTL_MS;
    await writeMembers(db, 'team:a', [member('u-me', 'Me')], now - 1000); // fresh by age
    const comment = (id: string, authorUserId: string) => ({ id, scopeId: 'team:a', captureId: 'c1', parentId: null, authorUserId, body: 'hi', mentions: [], createdAt: now - 500, editedAt: null });
    await db.comments.add(comment('k1', 'u-me'));
    const asked: string[] = [];
    const fetch: Fetch = async (url) => {
      asked.push(String(url));
      return new Response(JSON.stringify({ members: [member('u-me', 'Me'), member('u-sam', 'Sam')] }), { status: 200, headers: { 'content-type': 'application/json' } });
    };
    await refreshMembers(db, fetch, now);
    expect(asked, 'every author is known: no fetch').toEqual([]);
    await db.comments.add(comment('k2', 'u-sam'));
    await refreshMembers(db, fetch, now);
    expect(asked).toHaveLength(1);
    expect((await readMembers(db, 'team:a')).members.map((m) => m.displayName)).toEqual(['Me', 'Sam']);
    db.close();
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SatchelDb } from './database';
import { SYNC_SCOPES_KEY, shareCapture } from './share';
import { deleteCaptures } from './delete';
import { makeCapture } from './testing';
import { sharedToTeams } from './shared-to';

/** Issue 12 "my copy does not say it was shared": the learner's capture knows the teams it went to. */
let db: SatchelDb;
const MINE = '01900000-0000-7000-8000-0000000000b1';
const OTHER = '01900000-0000-7000-8000-0000000000b2';

beforeEach(async () => {
  db = new SatchelDb(`shared-to-${Math.random()}`);
  await db.kv.put({ key: SYNC_SCOPES_KEY, value: [{ id: 'personal:local', role: 'owner' }, { id: 'team:a', role: 'editor', name: 'L&D Guild 🎓' }, { id: 'team:b', role: 'owner', name: 'Cohort B' }] });
  await db.captures.bulkAdd([makeCapture({ id: MINE, postId: '1' }), makeCapture({ id: OTHER, postId: '2' })]);
});
afterEach(() => db.delete());

describe('sharedToTeams', () => {
  it('is empty without teams or shares', async () => {
    expect(await sharedToTeams(db)).toEqual(new Map());
    await db.kv.put({ key: SYNC_SCOPES_KEY, value: [] });
    expect(await sharedToTeams(db)).toEqual(new Map());
  });

  it('names the teams a capture was shared into, before sync (outbox) and after (syncMeta), in team order, once each', async () => {
    const copyB = await shareCapture(db, MINE, 'team:b', { note: 'why' });
    const copyA = await shareCapture(db, MINE, 'team:a');
    expect(await sharedToTeams(db)).toEqual(new Map([[MINE, ['L&D Guild 🎓', 'Cohort B']]]));
    // After the push and a pull: the outbox is empty and the server's sourceCaptureId links them.
    await db.outbox.clear();
    await db.syncMeta.bulkPut([copyA, copyB].map((c) => ({ id: c.id, scopeId: c.scopeId, version: 1, noteVersion: 0, ownerUserId: 'u-me', sourceCaptureId: MINE })));
    expect(await sharedToTeams(db)).toEqual(new Map([[MINE, ['L&D Guild 🎓', 'Cohort B']]]));
  });

  it('forgets a deleted team copy and a team the learner left; a colleague\'s copy of the same post does not count', async () => {
    const copy = await shareCapture(db, MINE, 'team:a');
    // A colleague shared the same post into team:b: same key, but not from my capture.
    await db.captures.add(makeCapture({ id: '01900000-0000-7000-8000-0000000000c1', postId: '1', scopeId: 'team:b' }));
    await db.syncMeta.put({ id: '01900000-0000-7000-8000-0000000000c1', scopeId: 'team:b', version: 1, noteVersion: 0, ownerUserId: 'u-ana', sourceCaptureId: '01900000-0000-7000-8000-0000000000ff' });
    expect((await sharedToTeams(db)).get(MINE)).toEqual(['L&D Guild 🎓']);
    await db.kv.put({ key: SYNC_SCOPES_KEY, value: [{ id: 'team:b', role: 'owner', name: 'Cohort B' }] });
    expect((await sharedToTeams(db)).get(MINE)).toBeUndefined();
    await db.kv.put({ key: SYNC_SCOPES_KEY, value: [{ id: 'team:a', role: 'editor', name: 'L&D Guild 🎓' }] });
    await deleteCaptures(db, [copy.id]);
    expect(await sharedToTeams(db)).toEqual(new Map());
  });
});

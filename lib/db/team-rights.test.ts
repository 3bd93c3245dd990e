import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SatchelDb } from './database';
import { SYNC_SCOPES_KEY } from './share';
import { writeSyncAuth } from './sync-state';
import { makeCapture } from './testing';
import { updateCapture } from './mutations';
import { captureRight } from './team-rights';
import { conversationStartedAt, recordConversationStarted } from './discussion';

/**
 * A normal client never queues a change the server's role table refuses (docs/sync-protocol.md 4,
 * issue 10): the learner's edits of a team capture they may not change stay off the outbox.
 */
let db: SatchelDb;
const TEAM = 'team:t1';
const ME = 'user-me';
const CAP = '01900000-0000-7000-8000-0000000000a1';
const COL_A = '01900000-0000-7000-8000-0000000000c1';
const COL_B = '01900000-0000-7000-8000-0000000000c2';

async function seed(role: 'owner' | 'editor' | 'viewer', owner: string | null, scopeId = TEAM): Promise<void> {
  await db.kv.put({ key: SYNC_SCOPES_KEY, value: [{ id: 'personal:local', role: 'owner' }, { id: TEAM, role, name: 'Cohort' }] });
  await writeSyncAuth(db, { serverUrl: 'https://satchel.example.org', token: 'cap_0123_secret', deviceId: '01900000-0000-7000-8000-0000000000d1', userId: ME });
  await db.captures.add(makeCapture({ id: CAP, scopeId, tags: ['seed'], collectionIds: [COL_A] }));
  if (owner) await db.syncMeta.put({ id: CAP, scopeId, version: 3, noteVersion: 0, ownerUserId: owner, sourceCaptureId: null });
}

const queued = async () => (await db.outbox.toArray()).map((r) => r.name).sort();
const edit = () => updateCapture(db, CAP, { note: 'mine now', tags: ['other'], collectionIds: [COL_B] });

beforeEach(() => {
  db = new SatchelDb(`team-rights-${Math.random()}`);
});
afterEach(() => db.close());

describe('edits of team captures within the role table', () => {
  it("an editor's edit of another member's capture queues only the collection it adds", async () => {
    await seed('editor', 'user-other');
    expect(await captureRight(db, { id: CAP, scopeId: TEAM })).toBe('file');
    const c = await edit();
    expect(await queued()).toEqual(['addToCollection']);
    expect(c).toMatchObject({ note: null, tags: ['seed'], collectionIds: [COL_A, COL_B] });
    expect((await db.outbox.toArray())[0]!.args).toEqual({ collectionId: COL_B, captureId: CAP });
  });

  it("a viewer's edit queues nothing and changes nothing", async () => {
    await seed('viewer', 'user-other');
    const before = await db.captures.get(CAP);
    expect(await edit()).toEqual(before);
    expect(await queued()).toEqual([]);
  });

  it('an editor changes what they shared, the team owner anything, and personal captures are always theirs', async () => {
    for (const [role, owner, scope] of [['editor', ME, TEAM], ['owner', 'user-other', TEAM], ['viewer', 'user-other', 'personal:local']] as const) {
      await db.delete();
      db = new SatchelDb(`team-rights-${Math.random()}`);
      await seed(role, owner, scope);
      const c = await edit();
      expect({ role, scope, queued: await queued() }).toEqual({ role, scope, queued: ['addTag', 'addToCollection', 'removeFromCollection', 'removeTag', 'updateCapture'] });
      expect(c).toMatchObject({ note: 'mine now', tags: ['other'], collectionIds: [COL_B] });
    }
  });

  it('clearing the last tag of a team capture keeps its transaction (regression: PrematureCommitError)', async () => {
    await seed('owner', ME);
    await updateCapture(db, CAP, { tags: [] });
    expect((await db.captures.get(CAP))!.tags).toEqual([]);
    expect(await queued()).toEqual(['removeTag']);
  });

  it('recording a conversation start on a team capture the learner shared queues it; on another member’s, it stays on the device', async () => {
    await seed('editor', ME);
    await recordConversationStarted(db, CAP, { clock: () => 42 });
    expect((await db.outbox.toArray()).map((r) => r.args)).toEqual([{ id: CAP, baseVersion: 3, set: { conversationStartedAt: 42 } }]);
    await db.syncMeta.update(CAP, { ownerUserId: 'user-other' });
    await recordConversationStarted(db, CAP, { clock: () => 43 });
    expect(await db.outbox.count()).toBe(1);
    expect(await conversationStartedAt(db, CAP)).toBe(43);
  });

  it('a capture whose owner is not known yet (a share not synced yet) is the learner’s', async () => {
    await seed('editor', null);
    expect(await captureRight(db, { id: CAP, scopeId: TEAM })).toBe('all');
  });
});

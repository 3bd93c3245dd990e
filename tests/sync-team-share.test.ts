// @vitest-environment node
import 'fake-indexeddb/auto';
import { describe, it, expect, afterEach } from 'vitest';
import { startTestSyncServer, type TestSyncServer } from './helpers/sync-server';
import { signedInPerson } from './helpers/sync-person';
import { SatchelDb, LOCAL_SCOPE, saveCapture, listRecent, shareCapture, listTeamScopes, listTeamCaptures, ShareError } from '../lib/db';
import { refreshMemberNames } from '../lib/sync/runner';
import { makeDraft } from '../lib/db/testing';

// Issue 4, teams: A shares a capture into the team with a note; B (another member) gets it on the
// next sync; when A removes B, B's copy of the team goes away and B's own captures stay.

let srv: TestSyncServer | null = null;
const dbs: SatchelDb[] = [];
afterEach(async () => {
  for (const d of dbs.splice(0)) d.close();
  await srv?.cleanup();
  srv = null;
});

async function setup() {
  srv = await startTestSyncServer();
  const person = async (email: string, name: string) => {
    const p = await signedInPerson(srv!, 'team', email, name);
    dbs.push(p.db);
    return p;
  };
  return { person };
}

describe('team sharing through sync', () => {
  it('share reaches another member with the note; removing the member removes the team copy only', async () => {
    const { person } = await setup();
    const A = await person('ana@example.org', 'Ana');
    const B = await person('bo@example.org', 'Bo');
    const team = await A.api.createTeam('Cohort A');
    const { code } = await A.api.createInvite(team.teamId, 'editor', 24);
    await B.api.acceptInvite(code);

    const mine = await saveCapture(A.db, makeDraft({ postId: '1800000000000000041', text: 'Write the retro actions on the board' }));
    const bosOwn = await saveCapture(B.db, makeDraft({ postId: '1800000000000000042', text: 'Bo keeps this one' }));
    await A.sync(); // learns the team scope
    expect((await listTeamScopes(A.db)).map((t) => [t.id, t.name, t.role])).toEqual([[team.scopeId, 'Cohort A', 'owner']]);
    const copy = await shareCapture(A.db, mine.capture.id, team.scopeId, { note: 'Worth reading before Friday' });
    expect(copy.scopeId).toBe(team.scopeId);
    await A.sync();
    expect(await A.db.rejected.count()).toBe(0);

    await B.sync();
    const teamRows = await listRecent(B.db, 50, 0, team.scopeId);
    expect(teamRows).toEqual([expect.objectContaining({ id: copy.id, text: 'Write the retro actions on the board', note: 'Worth reading before Friday' })]);
    expect((await B.db.syncMeta.get(copy.id))?.ownerUserId).toBe(A.userId);
    expect((await listRecent(B.db)).map((c) => c.id)).toEqual([bosOwn.capture.id]);
    await refreshMemberNames(B.db, B.fetch, Date.now());
    expect((await listTeamCaptures(B.db)).map((v) => [v.capture.id, v.teamName, v.sharedBy, v.capture.note])).toEqual([[copy.id, 'Cohort A', 'Ana', 'Worth reading before Friday']]);
    // A's own capture is untouched by the share.
    expect((await A.db.captures.get(mine.capture.id))?.scopeId).toBe(LOCAL_SCOPE);

    await A.api.removeMember(team.teamId, B.userId);
    await B.sync();
    expect(await listRecent(B.db, 50, 0, team.scopeId)).toEqual([]);
    expect(await listTeamScopes(B.db)).toEqual([]);
    expect((await listRecent(B.db)).map((c) => c.id)).toEqual([bosOwn.capture.id]);
  });

  it('a viewer cannot share; an unknown team is refused', async () => {
    const { person } = await setup();
    const A = await person('ana@example.org', 'Ana');
    const V = await person('vi@example.org', 'Vi');
    const team = await A.api.createTeam('Readers');
    await V.api.acceptInvite((await A.api.createInvite(team.teamId, 'viewer', 24)).code);
    const c = await saveCapture(V.db, makeDraft({ postId: '1800000000000000051' }));
    await V.sync();
    await expect(shareCapture(V.db, c.capture.id, team.scopeId)).rejects.toThrow(ShareError);
    await expect(shareCapture(V.db, c.capture.id, 'team:nope')).rejects.toThrow(/not a team/);
    expect(await V.db.outbox.count()).toBe(0);
  });
});

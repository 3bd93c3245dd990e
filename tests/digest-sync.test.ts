// @vitest-environment node
/**
 * Issue 11, digest: the server's digest and the one this device builds from its synced copy agree
 * (same lists, totals and credit), and the library falls back to the device's copy only when the
 * server cannot answer (entrypoints/library/digest-page.tsx `loadDigest`; docs/discussion.md "Digest").
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestSyncServer, type TestSyncServer } from './helpers/sync-server';
import { signedInPerson } from './helpers/sync-person';
import { ApiError } from '../lib/sync/api-client';
import type { Fetch } from '../lib/sync/transport';
import { SatchelDb, saveCapture, shareCapture, listTeamScopes } from '../lib/db';
import { addComment, markAnswered, setReaction } from '../lib/db/discussion';
import { writeMembers } from '../lib/db/members';
import { makeDraft } from '../lib/db/testing';
import { loadDigest } from '../entrypoints/library/digest-page';
import type { Digest } from '../lib/schema/digest';

const BUDGET = 60_000;
let srv: TestSyncServer | null = null;
const dbs: SatchelDb[] = [];
afterEach(async () => {
  for (const d of dbs.splice(0)) d.close();
  await srv?.cleanup();
  srv = null;
}, BUDGET);

async function person(email: string, name: string) {
  const p = await signedInPerson(srv!, 'digest', email, name);
  dbs.push(p.db);
  return p;
}

/** What both digests must agree on (share times differ: server clock vs the id's device clock). */
const comparable = (d: Digest) => ({
  lists: [d.top, d.openQuestions, d.answeredQuestions, d.firstShares].map((l) => l.map(({ sharedAt: _s, ...rest }) => rest)),
  contributors: d.contributors,
  totals: d.totals,
});

describe('team digest: server and device agree', () => {
  it('a shared question, a reply, a reaction and the pinned answer give the same digest from the server and from the synced copy', async () => {
    srv = await startTestSyncServer();
    const A = await person('ana@example.org', 'Ana');
    const B = await person('bo@example.org', 'Bo');
    const team = await A.api.createTeam('Cohort A');
    const { code } = await A.api.createInvite(team.teamId, 'editor', 24);
    await B.api.acceptInvite(code);
    await A.sync();
    await B.sync();
    const mine = await saveCapture(A.db, makeDraft({ postId: '1800000000000000077', text: 'How do you run a retro with 30 people?' }));
    const shared = await shareCapture(A.db, mine.capture.id, team.scopeId, { note: 'Ideas welcome', intent: 'question' });
    await A.sync();
    await B.sync();
    const reply = await addComment(B.db, B.userId, shared.id, 'Split into groups of five');
    await setReaction(B.db, B.userId, { kind: 'capture', id: shared.id }, 'useful', true);
    await B.sync();
    await A.sync();
    await markAnswered(A.db, A.userId, shared.id, reply.id);
    await A.sync();
    await B.sync();

    const { members } = await B.api.members(team.teamId);
    await writeMembers(B.db, team.scopeId, members, Date.now());
    const teamName = (await listTeamScopes(B.db)).find((x) => x.id === team.scopeId)!.name;
    const from = Date.now() - 3_600_000;
    const to = Date.now() + 3_600_000;
    const online = await loadDigest(B.db, team.scopeId, teamName, from, to, srv.fetch);
    const down: Fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    const offline = await loadDigest(B.db, team.scopeId, teamName, from, to, down);
    expect(online.fromDevice).toBe(false);
    expect(offline.fromDevice).toBe(true);
    expect(online.digest.answeredQuestions.map((i) => i.answer?.by.name)).toEqual(['Bo']);
    expect(online.digest.contributors.map((c) => [c.name, c.shares, c.comments, c.answers])).toEqual([
      ['Bo', 0, 1, 1],
      ['Ana', 1, 0, 0],
    ]);
    expect(comparable(offline.digest)).toEqual(comparable(online.digest));
    expect(offline.digest).toMatchObject({ teamId: team.teamId, teamName: 'Cohort A' });
  }, BUDGET);

  it('a refusal is not hidden behind the device copy: a 4xx is thrown, a 5xx falls back', async () => {
    srv = await startTestSyncServer();
    const A = await person('ana@example.org', 'Ana');
    const team = await A.api.createTeam('Cohort A');
    const answer = (status: number): Fetch => async () => ({ status, headers: { get: () => null }, text: async () => JSON.stringify({ error: { code: 'x', message: 'refused' } }) });
    await expect(loadDigest(A.db, team.scopeId, 'Cohort A', 0, 1000, answer(404))).rejects.toBeInstanceOf(ApiError);
    expect((await loadDigest(A.db, team.scopeId, 'Cohort A', 0, 1000, answer(503))).fromDevice).toBe(true);
  }, BUDGET);
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SatchelDb, type CommentRow } from './database';
import { writeMembers } from './members';
import { makeCapture } from './testing';
import { readLocalDigestRows } from './digest-rows';
import { buildDigest } from '../digest/build';
import { Digest } from '../schema/digest';

const TEAM = 'team:cohort';
const DAY = 24 * 3600 * 1000;
const T0 = Date.UTC(2026, 10, 30);

/** A UUIDv7 with time stamp `ms` and a distinguishing tail `n`. */
function v7(ms: number, n: number): string {
  const h = ms.toString(16).padStart(12, '0');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-7000-8000-${n.toString(16).padStart(12, '0')}`;
}

let db: SatchelDb;
let seq = 0;
beforeEach(() => {
  db = new SatchelDb(`digest-rows-${++seq}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const comment = (id: string, captureId: string, authorUserId: string, createdAt: number, body = 'a reply'): CommentRow => ({ id, scopeId: TEAM, captureId, parentId: null, authorUserId, body, mentions: [], createdAt, editedAt: null });

describe("readLocalDigestRows (the digest from this device's copy)", () => {
  it('gives buildDigest the same picture as the server: shares by id time, discussion in range, pinned answers, cached members', async () => {
    const q = makeCapture({ id: v7(T0 + DAY, 1), scopeId: TEAM, postId: '1', intent: 'question', note: 'How do you run retros?', capturedAt: T0 - 30 * DAY });
    const old = makeCapture({ id: v7(T0 - 20 * DAY, 2), scopeId: TEAM, postId: '2', capturedAt: T0 - 20 * DAY });
    const quiet = makeCapture({ id: v7(T0 - 20 * DAY, 3), scopeId: TEAM, postId: '3' });
    const gone = makeCapture({ id: v7(T0 + DAY, 4), scopeId: TEAM, postId: '4', deletedAt: T0 + 2 * DAY });
    const mine = makeCapture({ id: v7(T0 + DAY, 5), scopeId: 'personal:local', postId: '5' });
    const answer = comment(v7(T0 - 5 * DAY, 10), q.id, 'u-ben', T0 - 5 * DAY, 'Sailboat format');
    await db.captures.bulkPut([{ ...q, answerCommentId: answer.id }, old, quiet, gone, mine]);
    await db.syncMeta.bulkPut([q, old, quiet, gone].map((c) => ({ id: c.id, scopeId: TEAM, version: 1, noteVersion: 0, ownerUserId: 'u-ana', sourceCaptureId: null })));
    await db.comments.bulkPut([answer, comment(v7(T0 + 2 * DAY, 11), old.id, 'u-cleo', T0 + 2 * DAY), comment(v7(T0 + 9 * DAY, 12), quiet.id, 'u-cleo', T0 + 9 * DAY)]);
    await db.reactions.put({ targetKind: 'capture', targetId: q.id, captureId: q.id, scopeId: TEAM, userId: 'u-cleo', kind: 'useful', createdAt: T0 + 3 * DAY });
    await writeMembers(db, TEAM, [
      { userId: 'u-ana', displayName: 'Ana', role: 'owner', joinedAt: T0 - 90 * DAY, spotlight: true },
      { userId: 'u-ben', displayName: 'Ben', role: 'editor', joinedAt: T0 - 90 * DAY, spotlight: true },
      { userId: 'u-cleo', displayName: 'Cleo', role: 'viewer', joinedAt: T0 - 90 * DAY, spotlight: false },
    ], T0);

    const rows = await readLocalDigestRows(db, TEAM, 'Cohort', T0, T0 + 7 * DAY);
    expect(rows.captures.map((c) => c.id).sort()).toEqual([q.id, old.id].sort());
    const d = buildDigest(rows);
    expect(Digest.parse(d)).toEqual(d);
    expect(d).toMatchObject({ teamId: 'cohort', teamName: 'Cohort', totals: { captures: 1, comments: 1, reactions: 1 } });
    expect(d.top.map((i) => i.captureId)).toEqual([old.id]); // the question is listed under its own heading only
    expect(d.top[0]).toMatchObject({ comments: 1, reactions: 0 });
    expect(d.answeredQuestions.map((i) => [i.captureId, i.reactions])).toEqual([[q.id, 1]]);
    expect(d.answeredQuestions.map((i) => i.answer)).toEqual([{ by: { userId: 'u-ben', name: 'Ben' }, excerpt: 'Sailboat format' }]);
    expect(d.contributors).toEqual([
      { userId: 'u-ana', name: 'Ana', shares: 1, comments: 0, answers: 0 },
      { userId: 'u-cleo', name: null, shares: 0, comments: 1, answers: 0 },
    ]);
  });
});

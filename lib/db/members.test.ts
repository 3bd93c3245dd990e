import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SatchelDb } from './database';
import { creditOf, memberActivity, memberNames, readAllMembers, writeMembers } from './members';
import { makeCapture } from './testing';
import type { Member } from '../schema';

const TEAM = 'team:cohort';
const ana: Member = { userId: 'u-ana', displayName: 'Ana', role: 'editor', joinedAt: 1, spotlight: true };
const cy: Member = { userId: 'u-cy', displayName: 'Cy', role: 'viewer', joinedAt: 2, spotlight: false };
const id = (n: number) => `0190000${n}-0000-7000-8000-0000000000c${n}`;

let db: SatchelDb;
let seq = 0;
beforeEach(() => {
  db = new SatchelDb(`members-${++seq}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('lib/db/members', () => {
  it('creditOf names a member who is in spotlights, hides one who opted out, and knows when it does not know', () => {
    expect(creditOf([ana, cy], 'u-ana')).toEqual({ kind: 'named', name: 'Ana' });
    expect(creditOf([ana, cy], 'u-cy')).toEqual({ kind: 'hidden' });
    expect(creditOf([ana, cy], 'u-zed')).toEqual({ kind: 'unknown' });
    expect(creditOf([ana], null)).toEqual({ kind: 'unknown' });
  });

  it('names derive from the per-team member lists', async () => {
    await writeMembers(db, TEAM, [ana, cy], 10);
    await writeMembers(db, 'team:other', [{ ...ana, displayName: 'Ana B.' }], 10);
    expect([...(await readAllMembers(db)).keys()].sort()).toEqual(['team:cohort', 'team:other']);
    expect((await memberNames(db)).get('u-cy')).toBe('Cy');
  });

  it('memberActivity: what a member shared, their pinned answers and the reactions those got', async () => {
    await writeMembers(db, TEAM, [ana, cy], 10);
    const mine = makeCapture({ id: id(1), postId: '1', scopeId: TEAM, intent: 'question' });
    const theirs = makeCapture({ id: id(2), postId: '2', scopeId: TEAM });
    const gone = makeCapture({ id: id(3), postId: '3', scopeId: TEAM, deletedAt: 5 });
    await db.captures.bulkAdd([mine, theirs, gone]);
    await db.syncMeta.bulkPut([mine, theirs, gone].map((c, i) => ({ id: c.id, scopeId: TEAM, version: 1, noteVersion: 0, ownerUserId: i === 1 ? 'u-cy' : 'u-ana', sourceCaptureId: null })));
    const answer = { id: id(4), scopeId: TEAM, captureId: theirs.id, parentId: null, authorUserId: 'u-ana', body: 'Pair on it', mentions: [], createdAt: 20, editedAt: null };
    await db.comments.bulkAdd([answer, { ...answer, id: id(5), captureId: mine.id, authorUserId: 'u-cy', body: 'Thanks' }]);
    await db.captures.update(theirs.id, { answerCommentId: answer.id });
    await db.reactions.bulkAdd([
      { targetKind: 'capture', targetId: mine.id, captureId: mine.id, scopeId: TEAM, userId: 'u-cy', kind: 'useful', createdAt: 1 },
      { targetKind: 'comment', targetId: answer.id, captureId: theirs.id, scopeId: TEAM, userId: 'u-cy', kind: 'thanks', createdAt: 2 },
      { targetKind: 'capture', targetId: theirs.id, captureId: theirs.id, scopeId: TEAM, userId: 'u-ana', kind: 'useful', createdAt: 3 },
    ]);
    const a = await memberActivity(db, TEAM, 'u-ana');
    expect(a.member?.displayName).toBe('Ana');
    expect(a.shared.map((s) => [s.capture.id, s.reactions.useful, s.comments])).toEqual([[mine.id, 1, 1]]);
    expect(a.answers.map((x) => [x.capture.id, x.comment.body, x.reactions.thanks])).toEqual([[theirs.id, 'Pair on it', 1]]);
    expect(a.totals).toEqual({ useful: 1, tried: 0, thanks: 1 });
    const c = await memberActivity(db, TEAM, 'u-cy');
    expect(c.member?.spotlight).toBe(false); // the page decides not to show it
    expect(c.answers).toEqual([]);
  });
});

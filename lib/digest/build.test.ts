import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Digest, MAX_DIGEST_ITEMS } from '../schema/digest';
import { buildDigest } from './build';
import { DAY, WEEK_START, makeCaptureRow, makeCommentRow, makeInput, makeMember, makeReactionRow, testId } from './testing';
import { excerptOf } from './excerpt';

const WEEK_END = WEEK_START + 7 * DAY;

describe('buildDigest (docs/discussion.md "Digest")', () => {
  it('ranks captures by reactions + 2 × comments in the range, ties by id, and counts totals', () => {
    const a = makeCaptureRow();
    const b = makeCaptureRow();
    const c = makeCaptureRow({ createdAt: WEEK_START - 30 * DAY }); // shared before, discussed in the range
    const old = makeCaptureRow({ createdAt: WEEK_START - 30 * DAY }); // nothing in the range
    const d = buildDigest(
      makeInput({
        captures: [a, b, c, old],
        comments: [makeCommentRow(c.id), makeCommentRow(c.id, { createdAt: WEEK_START - DAY }), makeCommentRow(old.id, { createdAt: WEEK_END })],
        reactions: [makeReactionRow(b.id), makeReactionRow(b.id, { userId: 'u-ben' }), makeReactionRow(a.id, { createdAt: WEEK_START - 1 })],
      }),
    );
    expect(Digest.parse(d)).toEqual(d);
    expect(d.top.map((i) => i.captureId)).toEqual([b.id, c.id, a.id]); // b: 2, c: 2 (ties by id: b < c), a: 0
    expect(d.top.find((i) => i.captureId === c.id)).toMatchObject({ comments: 1, reactions: 0 });
    expect(d.totals).toEqual({ captures: 2, comments: 1, reactions: 2 });
  });

  it('reactions on a comment count for its capture; reactions on a deleted comment and deleted rows never count', () => {
    const a = makeCaptureRow();
    const gone = makeCaptureRow({ deletedAt: WEEK_START + 3 * DAY });
    const live = makeCommentRow(a.id);
    const deleted = makeCommentRow(a.id, { deleted: true });
    const d = buildDigest(
      makeInput({
        captures: [a, gone],
        comments: [live, deleted, makeCommentRow(gone.id)],
        reactions: [
          makeReactionRow(a.id, { targetKind: 'comment', targetId: live.id }),
          makeReactionRow(a.id, { targetKind: 'comment', targetId: deleted.id }),
          makeReactionRow(gone.id),
        ],
      }),
    );
    expect(d.top.map((i) => [i.captureId, i.comments, i.reactions])).toEqual([[a.id, 1, 1]]);
    expect(d.totals).toEqual({ captures: 1, comments: 1, reactions: 1 });
    expect(d.contributors.map((c) => c.userId)).toEqual(['u-ana', 'u-ben']);
  });

  it('splits questions into open and answered, with who answered and an excerpt of the pinned reply', () => {
    const open = makeCaptureRow({ intent: 'question', note: 'How do you run retros?' });
    const answered = makeCaptureRow({ intent: 'question' });
    const reply = makeCommentRow(answered.id, { authorUserId: 'u-cleo', body: 'We  use\nthe sailboat format' });
    answered.answerCommentId = reply.id;
    const stale = makeCaptureRow({ intent: 'question' }); // its pinned answer was deleted: open again
    const gone = makeCommentRow(stale.id, { deleted: true });
    stale.answerCommentId = gone.id;
    const d = buildDigest(makeInput({ captures: [open, answered, stale], comments: [reply, gone] }));
    expect(d.openQuestions.map((i) => i.captureId)).toEqual([open.id, stale.id]);
    expect(d.answeredQuestions).toHaveLength(1);
    expect(d.answeredQuestions[0]!.answer).toEqual({ by: { userId: 'u-cleo', name: 'Cleo' }, excerpt: 'We use the sailboat format' });
    expect(d.openQuestions[0]!.note).toBe('How do you run retros?');
    expect(d.contributors.find((c) => c.userId === 'u-cleo')).toMatchObject({ comments: 1, answers: 1 });
  });

  it('an older question answered in the range is listed as answered', () => {
    const q = makeCaptureRow({ intent: 'question', createdAt: WEEK_START - 20 * DAY });
    const reply = makeCommentRow(q.id, { createdAt: WEEK_START - 10 * DAY });
    q.answerCommentId = reply.id;
    const quiet = buildDigest(makeInput({ captures: [q], comments: [reply] }));
    expect(quiet.answeredQuestions).toEqual([]); // answered and discussed before the range
    const late = makeCommentRow(q.id, { createdAt: WEEK_START + DAY });
    const q2 = { ...q, answerCommentId: late.id };
    expect(buildDigest(makeInput({ captures: [q2], comments: [reply, late] })).answeredQuestions.map((i) => i.captureId)).toEqual([q.id]);
  });

  it("lists each new member's first share in the range, oldest first", () => {
    const members = [
      makeMember(),
      makeMember({ userId: 'u-dan', displayName: 'Dan', joinedAt: WEEK_START + DAY }),
      makeMember({ userId: 'u-eve', displayName: 'Eve', joinedAt: WEEK_START + 2 * DAY }),
      makeMember({ userId: 'u-fay', displayName: 'Fay', joinedAt: WEEK_START + 2 * DAY }), // shares nothing
    ];
    const dan1 = makeCaptureRow({ ownerUserId: 'u-dan', createdAt: WEEK_START + 3 * DAY });
    const dan2 = makeCaptureRow({ ownerUserId: 'u-dan', createdAt: WEEK_START + 4 * DAY });
    const eve1 = makeCaptureRow({ ownerUserId: 'u-eve', createdAt: WEEK_START + 2 * DAY + 5 });
    const ana = makeCaptureRow({ ownerUserId: 'u-ana' });
    const d = buildDigest(makeInput({ members, captures: [dan2, ana, dan1, eve1] }));
    expect(d.firstShares.map((i) => i.captureId)).toEqual([eve1.id, dan1.id]);
    expect(d.firstShares[0]!.sharedBy).toEqual({ userId: 'u-eve', name: 'Eve' });
    // Listed once: a welcomed first share is not repeated in the top list.
    expect(d.top.map((i) => i.captureId)).toEqual([dan2.id, ana.id]); // no activity: ties by id
  });

  it("does not welcome the team's founder in the team's first week, nor list a capture twice", () => {
    const members = [makeMember({ joinedAt: WEEK_START + DAY }), makeMember({ userId: 'u-bo', displayName: 'Bo', joinedAt: WEEK_START + DAY + 60_000 })];
    const q = makeCaptureRow({ intent: 'question', createdAt: WEEK_START + 2 * DAY });
    const d = buildDigest(makeInput({ members, captures: [q], comments: [makeCommentRow(q.id, { authorUserId: 'u-bo' })] }));
    expect(d.openQuestions.map((i) => i.captureId)).toEqual([q.id]);
    expect(d.top).toEqual([]);
    expect(d.firstShares).toEqual([]);
  });

  it('never names a member who opted out of spotlights, nor someone no longer a member', () => {
    const members = [makeMember(), makeMember({ userId: 'u-ben', displayName: 'Ben Private', spotlight: false })];
    const mine = makeCaptureRow({ ownerUserId: 'u-ben' });
    const d = buildDigest(makeInput({ members, captures: [mine], comments: [makeCommentRow(mine.id, { authorUserId: 'u-gone' })] }));
    expect(d.top[0]!.sharedBy).toEqual({ userId: 'u-ben', name: null });
    expect(d.contributors).toEqual([
      { userId: 'u-ben', name: null, shares: 1, comments: 0, answers: 0 },
      { userId: 'u-gone', name: null, shares: 0, comments: 1, answers: 0 },
    ]);
    expect(JSON.stringify(d)).not.toContain('Ben Private');
  });

  it('keeps only http(s) permalinks, and uses the title or a word-boundary excerpt of the text', () => {
    const long = 'word '.repeat(100);
    const a = makeCaptureRow({ permalink: 'javascript:alert(1)', text: long });
    const b = makeCaptureRow({ permalink: 'https://x.com/a/status/1', title: 'An X Article' });
    const d = buildDigest(makeInput({ captures: [a, b] }));
    const byId = new Map(d.top.map((i) => [i.captureId, i]));
    expect(byId.get(a.id)!.permalink).toBeNull();
    expect(byId.get(a.id)!.excerpt).toBe(excerptOf(long));
    expect(byId.get(a.id)!.excerpt.endsWith('word…')).toBe(true);
    expect(byId.get(b.id)!).toMatchObject({ permalink: 'https://x.com/a/status/1', excerpt: 'An X Article' });
  });

  it('holds at most MAX_DIGEST_ITEMS per list', () => {
    const questions = Array.from({ length: MAX_DIGEST_ITEMS + 5 }, () => makeCaptureRow({ intent: 'question' }));
    const tips = Array.from({ length: MAX_DIGEST_ITEMS + 5 }, () => makeCaptureRow({ intent: 'tip' }));
    const d = buildDigest(makeInput({ captures: [...questions, ...tips] }));
    expect(d.top).toHaveLength(MAX_DIGEST_ITEMS);
    expect(d.openQuestions).toHaveLength(MAX_DIGEST_ITEMS);
    expect(d.totals.captures).toBe(2 * (MAX_DIGEST_ITEMS + 5));
  });

  it('property: the same rows in any order give the same, valid digest; counts never exceed the rows in range', () => {
    const users = ['u-ana', 'u-ben', 'u-cleo'];
    const captureIds = Array.from({ length: 6 }, testId);
    const t = fc.integer({ min: WEEK_START - 2 * DAY, max: WEEK_END + 2 * DAY });
    const captureArb = fc.record({ i: fc.nat(5), owner: fc.constantFrom(...users), at: t, q: fc.boolean(), del: fc.boolean() });
    const commentArb = fc.record({ c: fc.nat(5), by: fc.constantFrom(...users), at: t, del: fc.boolean() });
    const reactionArb = fc.record({ c: fc.nat(5), by: fc.constantFrom(...users), at: t });
    fc.assert(
      fc.property(fc.uniqueArray(captureArb, { selector: (c) => c.i, maxLength: 6 }), fc.array(commentArb, { maxLength: 20 }), fc.array(reactionArb, { maxLength: 20 }), fc.nat(), (cs, ms, rs, seed) => {
        const captures = cs.map((c) => makeCaptureRow({ id: captureIds[c.i]!, ownerUserId: c.owner, createdAt: c.at, intent: c.q ? 'question' : 'tip', deletedAt: c.del ? c.at : null }));
        const comments = ms.map((m) => makeCommentRow(captureIds[m.c]!, { authorUserId: m.by, createdAt: m.at, deleted: m.del }));
        const reactions = rs.map((r) => makeReactionRow(captureIds[r.c]!, { userId: r.by, createdAt: r.at }));
        const input = makeInput({ captures, comments, reactions });
        const d = buildDigest(input);
        expect(Digest.parse(d)).toEqual(d);
        const shuffle = <T>(xs: readonly T[]) => xs.map((x, i) => [x, (i * 7919 + seed) % 101] as const).sort((a, b) => a[1] - b[1]).map((p) => p[0]);
        expect(buildDigest({ ...input, captures: shuffle(captures), comments: shuffle(comments), reactions: shuffle(reactions) })).toEqual(d);
        const inRange = (x: number) => x >= WEEK_START && x < WEEK_END;
        expect(d.totals.comments).toBeLessThanOrEqual(comments.filter((c) => !c.deleted && inRange(c.createdAt)).length);
        expect(d.totals.reactions).toBeLessThanOrEqual(reactions.filter((r) => inRange(r.createdAt)).length);
        for (const item of d.top) expect(captures.find((c) => c.id === item.captureId)!.deletedAt).toBeNull();
      }),
      { numRuns: 150 },
    );
  }, 30_000);
});

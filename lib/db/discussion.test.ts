import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DiscussionMutationArgs, MAX_COMMENT_CHARS } from '../schema/discussion';
import { steppingClock } from '../util/clock';
import { SatchelDb, type MutationName } from './database';
import { SYNC_SCOPES_KEY } from './share';
import { writeSyncAuth } from './sync-state';
import { makeCapture } from './testing';
import {
  addComment, conversationStartedAt, CONVERSATION_STARTS_KEY, deleteComment, DiscussionError, editComment, markAnswered, readThread,
  recordConversationStarted, setReaction,
} from './discussion';

/**
 * Conversations on team captures, the device side (lib/db/discussion.ts): each write changes the
 * local rows and queues exactly the lib/schema mutation, in one transaction; the local copy of the
 * server's rights (docs/sync-protocol.md 4) refuses what the server would refuse, queueing nothing.
 */
let db: SatchelDb;
const TEAM = 'team:t1';
const ME = 'user-me';
const OTHER = 'user-other';
const CAP = '01900000-0000-7000-8000-0000000000a1';
const PERSONAL = '01900000-0000-7000-8000-0000000000a2';
const clock = () => steppingClock(1_780_000_000_000, 1000);

async function seed(role: 'owner' | 'editor' | 'viewer', sharer: string | null = OTHER): Promise<void> {
  await db.kv.put({ key: SYNC_SCOPES_KEY, value: [{ id: 'personal:local', role: 'owner' }, { id: TEAM, role, name: 'Cohort' }] });
  await writeSyncAuth(db, { serverUrl: 'https://satchel.example.org', token: 'cap_0123_secret', deviceId: '01900000-0000-7000-8000-0000000000d1', userId: ME });
  await db.captures.add(makeCapture({ id: CAP, scopeId: TEAM, intent: 'question', key: 'x:1' }));
  await db.captures.add(makeCapture({ id: PERSONAL, postId: '2', key: 'x:2' }));
  if (sharer) await db.syncMeta.put({ id: CAP, scopeId: TEAM, version: 3, noteVersion: 0, ownerUserId: sharer, sourceCaptureId: null });
}

/** The queued mutations, each checked against its lib/schema args schema (strict: no extra keys). */
async function queued(): Promise<Array<{ name: MutationName; args: Record<string, unknown> }>> {
  const rows = await db.outbox.orderBy('seq').toArray();
  for (const r of rows) {
    const schema = (DiscussionMutationArgs as Record<string, { parse: (v: unknown) => unknown } | undefined>)[r.name];
    if (schema) expect(schema.parse(r.args)).toEqual(r.args);
  }
  return rows.map((r) => ({ name: r.name, args: r.args }));
}

/** Simulates the server acknowledging everything queued so far. */
const ack = () => db.outbox.clear();

beforeEach(() => {
  db = new SatchelDb(`discussion-${Math.random()}`);
});
afterEach(() => db.close());

describe('comments', () => {
  it('a comment is stored and queued as createComment with trimmed, cleaned text, and shows as pending until acknowledged', async () => {
    await seed('viewer');
    const c = await addComment(db, ME, CAP, '  Has anyone\u0000 tried this?\n ', { mentions: [OTHER, OTHER], clock: clock() });
    expect(c).toMatchObject({ scopeId: TEAM, captureId: CAP, parentId: null, authorUserId: ME, body: 'Has anyone tried this?', mentions: [OTHER], editedAt: null });
    expect(await queued()).toEqual([{ name: 'createComment', args: { id: c.id, captureId: CAP, parentId: null, body: 'Has anyone tried this?', mentions: [OTHER] } }]);
    expect((await readThread(db, CAP, ME)).comments.map((x) => [x.id, x.pending])).toEqual([[c.id, true]]);
    await ack();
    expect((await readThread(db, CAP, ME)).comments[0]!.pending).toBe(false);
  });

  it('a reply to a reply is filed under the top-level comment; the thread nests replies oldest first', async () => {
    await seed('editor');
    const tick = clock();
    const top = await addComment(db, OTHER, CAP, 'Question?', { clock: tick });
    const r1 = await addComment(db, ME, CAP, 'First reply', { parentId: top.id, clock: tick });
    const r2 = await addComment(db, ME, CAP, 'Reply to the reply', { parentId: r1.id, clock: tick });
    const second = await addComment(db, ME, CAP, 'Another topic', { clock: tick });
    expect(r2.parentId).toBe(top.id);
    expect((await queued()).at(2)!.args.parentId).toBe(top.id);
    const t = await readThread(db, CAP, ME);
    expect(t.comments.map((c) => [c.body, c.replies.map((r) => r.body)])).toEqual([
      ['Question?', ['First reply', 'Reply to the reply']],
      ['Another topic', []],
    ]);
    expect(t.count).toBe(4);
    expect(second.parentId).toBeNull();
  });

  it('refuses empty or too long text, personal captures, teams the learner is not in, and deleted captures; nothing is queued', async () => {
    await seed('viewer');
    await expect(addComment(db, ME, CAP, '   ')).rejects.toThrow(DiscussionError);
    await expect(addComment(db, ME, CAP, 'x'.repeat(MAX_COMMENT_CHARS + 1))).rejects.toThrow(DiscussionError);
    await expect(addComment(db, ME, PERSONAL, 'hello')).rejects.toThrow(DiscussionError);
    await db.kv.put({ key: SYNC_SCOPES_KEY, value: [{ id: 'personal:local', role: 'owner' }] });
    await expect(addComment(db, ME, CAP, 'hello')).rejects.toThrow(DiscussionError);
    await seedScopesAgain();
    await db.captures.update(CAP, { deletedAt: 1 });
    await expect(addComment(db, ME, CAP, 'hello')).rejects.toThrow(DiscussionError);
    expect(await queued()).toEqual([]);
    expect(await db.comments.count()).toBe(0);
  });

  it('only the author edits; an edit is queued with the new text and keeps the mentions unless given', async () => {
    await seed('owner');
    const tick = clock();
    const mine = await addComment(db, ME, CAP, 'Frist', { mentions: [OTHER], clock: tick });
    const theirs = await addComment(db, OTHER, CAP, 'Theirs', { clock: tick });
    await ack();
    const edited = await editComment(db, ME, mine.id, ' First ', { clock: tick });
    expect(edited).toMatchObject({ body: 'First', mentions: [OTHER] });
    expect(edited.editedAt).toBeGreaterThan(mine.createdAt);
    expect(await queued()).toEqual([{ name: 'editComment', args: { id: mine.id, body: 'First', mentions: [OTHER] } }]);
    expect((await readThread(db, CAP, ME)).comments.find((c) => c.id === mine.id)!.pending).toBe(true);
    // Not even the team's owner edits another person's comment.
    await expect(editComment(db, ME, theirs.id, 'changed')).rejects.toThrow(DiscussionError);
    expect((await db.comments.get(theirs.id))!.body).toBe('Theirs');
    // The same text again changes nothing and queues nothing.
    await ack();
    await editComment(db, ME, mine.id, 'First');
    expect(await queued()).toEqual([]);
  });

  it('the author or the team owner deletes; its reactions go, replies stay under a stub', async () => {
    await seed('editor');
    const tick = clock();
    const top = await addComment(db, OTHER, CAP, 'Top', { clock: tick });
    const reply = await addComment(db, ME, CAP, 'Reply', { parentId: top.id, clock: tick });
    await setReaction(db, ME, { kind: 'comment', id: top.id }, 'useful', true, { clock: tick });
    await ack();
    await expect(deleteComment(db, ME, top.id)).rejects.toThrow(DiscussionError); // an editor, not the author
    await db.kv.put({ key: SYNC_SCOPES_KEY, value: [{ id: TEAM, role: 'owner', name: 'Cohort' }] });
    await deleteComment(db, ME, top.id, { clock: tick });
    expect(await queued()).toEqual([{ name: 'deleteComment', args: { id: top.id } }]);
    expect(await db.comments.get(top.id)).toBeUndefined();
    expect(await db.reactions.where('targetId').equals(top.id).count()).toBe(0);
    const t = await readThread(db, CAP, ME);
    expect(t.comments).toHaveLength(1);
    expect(t.comments[0]).toMatchObject({ id: top.id, deleted: true, body: '' });
    expect(t.comments[0]!.replies.map((r) => r.id)).toEqual([reply.id]);
    expect(t.count).toBe(1);
    await deleteComment(db, ME, reply.id); // the author deletes their own
    expect((await readThread(db, CAP, ME)).comments).toEqual([]);
  });
});

describe('reactions', () => {
  it('set and clear one own reaction per kind on a capture or a comment; idempotent; counted with who reacted', async () => {
    await seed('viewer');
    const tick = clock();
    const c = await addComment(db, OTHER, CAP, 'Tip', { clock: tick });
    await ack();
    await setReaction(db, ME, { kind: 'capture', id: CAP }, 'useful', true, { clock: tick });
    await setReaction(db, ME, { kind: 'capture', id: CAP }, 'useful', true, { clock: tick }); // again: nothing new
    await setReaction(db, ME, { kind: 'comment', id: c.id }, 'thanks', true, { clock: tick });
    await db.reactions.put({ targetKind: 'capture', targetId: CAP, captureId: CAP, scopeId: TEAM, userId: OTHER, kind: 'useful', createdAt: 0 });
    expect(await queued()).toEqual([
      { name: 'setReaction', args: { targetKind: 'capture', targetId: CAP, kind: 'useful', present: true } },
      { name: 'setReaction', args: { targetKind: 'comment', targetId: c.id, kind: 'thanks', present: true } },
    ]);
    let t = await readThread(db, CAP, ME);
    expect(t.reactions.useful).toEqual({ count: 2, userIds: [OTHER, ME], mine: true });
    expect(t.reactions.tried).toEqual({ count: 0, userIds: [], mine: false });
    expect(t.comments[0]!.reactions.thanks).toEqual({ count: 1, userIds: [ME], mine: true });
    await ack();
    await setReaction(db, ME, { kind: 'capture', id: CAP }, 'useful', false, { clock: tick });
    await setReaction(db, ME, { kind: 'capture', id: CAP }, 'tried', false, { clock: tick }); // not set: nothing to clear
    expect(await queued()).toEqual([{ name: 'setReaction', args: { targetKind: 'capture', targetId: CAP, kind: 'useful', present: false } }]);
    t = await readThread(db, CAP, OTHER);
    expect(t.reactions.useful).toEqual({ count: 1, userIds: [OTHER], mine: true });
  });

  it('refuses a reaction on a gone comment or a personal capture', async () => {
    await seed('viewer');
    await expect(setReaction(db, ME, { kind: 'comment', id: '01900000-0000-7000-8000-0000000000ff' }, 'useful', true)).rejects.toThrow(DiscussionError);
    await expect(setReaction(db, ME, { kind: 'capture', id: PERSONAL }, 'useful', true)).rejects.toThrow(DiscussionError);
    expect(await queued()).toEqual([]);
  });
});

describe('mark answered', () => {
  it('the sharer pins a reply as the answer, and clears it', async () => {
    await seed('editor', ME);
    const tick = clock();
    const c = await addComment(db, OTHER, CAP, 'Here is how', { clock: tick });
    await ack();
    await markAnswered(db, ME, CAP, c.id, { clock: tick });
    expect((await db.captures.get(CAP))!.answerCommentId).toBe(c.id);
    expect(await queued()).toEqual([{ name: 'markAnswered', args: { captureId: CAP, commentId: c.id } }]);
    expect((await readThread(db, CAP, ME)).answer?.id).toBe(c.id);
    await markAnswered(db, ME, CAP, null, { clock: tick });
    expect((await readThread(db, CAP, ME)).answer).toBeNull();
    expect((await queued()).at(-1)).toEqual({ name: 'markAnswered', args: { captureId: CAP, commentId: null } });
    // A deleted answer is no longer pinned.
    await markAnswered(db, ME, CAP, c.id, { clock: tick });
    await db.kv.put({ key: SYNC_SCOPES_KEY, value: [{ id: TEAM, role: 'owner', name: 'Cohort' }] });
    await deleteComment(db, ME, c.id, { clock: tick });
    expect((await db.captures.get(CAP))!.answerCommentId).toBeNull();
  });

  it('the team owner may mark; another editor or a viewer may not; a comment of another capture is refused', async () => {
    const rows: Array<[role: 'owner' | 'editor' | 'viewer', allowed: boolean]> = [['owner', true], ['editor', false], ['viewer', false]];
    for (const [role, allowed] of rows) {
      await db.delete();
      db = new SatchelDb(`discussion-${Math.random()}`);
      await seed(role, OTHER);
      const c = await addComment(db, OTHER, CAP, 'An answer');
      await ack();
      const run = markAnswered(db, ME, CAP, c.id);
      if (allowed) await run;
      else await expect(run).rejects.toThrow(DiscussionError);
      expect({ role, queued: (await queued()).length, answer: (await db.captures.get(CAP))!.answerCommentId ?? null }).toEqual({ role, queued: allowed ? 1 : 0, answer: allowed ? c.id : null });
    }
    await expect(markAnswered(db, ME, CAP, '01900000-0000-7000-8000-0000000000ff')).rejects.toThrow(DiscussionError);
  });
});

describe('recordConversationStarted', () => {
  it('on a capture the learner may change: set on the row and queued as updateCapture', async () => {
    await seed('editor', ME);
    await db.syncMeta.put({ id: PERSONAL, scopeId: 'personal:local', version: 7, noteVersion: 0, ownerUserId: ME, sourceCaptureId: null });
    await recordConversationStarted(db, PERSONAL, { clock: () => 5000 });
    expect((await db.captures.get(PERSONAL))!.conversationStartedAt).toBe(5000);
    expect(await queued()).toEqual([{ name: 'updateCapture', args: { id: PERSONAL, baseVersion: 7, set: { conversationStartedAt: 5000 } } }]);
    expect(await conversationStartedAt(db, PERSONAL)).toBe(5000);
  });

  it("on another member's team capture: kept only on this device, nothing queued", async () => {
    await seed('viewer', OTHER);
    await recordConversationStarted(db, CAP, { clock: () => 6000 });
    expect(await queued()).toEqual([]);
    expect((await db.captures.get(CAP))!.conversationStartedAt ?? null).toBeNull();
    expect((await db.kv.get(CONVERSATION_STARTS_KEY))!.value).toEqual({ [CAP]: 6000 });
    expect(await conversationStartedAt(db, CAP)).toBe(6000);
  });
});

async function seedScopesAgain(): Promise<void> {
  await db.kv.put({ key: SYNC_SCOPES_KEY, value: [{ id: 'personal:local', role: 'owner' }, { id: TEAM, role: 'viewer', name: 'Cohort' }] });
}

describe('readThread with a limit (a page, docs/discussion.md "Reading a page")', () => {
  const T0 = 1_780_000_000_000;
  const cid = (i: number) => `01900000-0000-7000-8000-${(0xc00 + i).toString(16).padStart(12, '0')}`;
  /** A comment row as pull writes it: `i` orders ids, `at` minutes after T0. */
  const row = (i: number, at: number, parentId: string | null = null) =>
    ({ id: cid(i), scopeId: TEAM, captureId: CAP, parentId, authorUserId: i % 2 ? OTHER : ME, body: `c${i}`, mentions: [], createdAt: T0 + at * 60_000, editedAt: null });
  const react = (targetId: string, userId: string, kind: 'useful' | 'tried' | 'thanks', kindOf: 'capture' | 'comment' = 'comment') =>
    ({ targetKind: kindOf, targetId, captureId: CAP, scopeId: TEAM, userId, kind, createdAt: T0 });
  const bodies = (t: Awaited<ReturnType<typeof readThread>>) => t.comments.map((c) => [c.deleted ? 'stub' : c.body, c.replies.map((r) => r.body)]);

  /** 25 top-level comments (c0…c24, one a minute) and 10 replies (c100…c109) to every third of the first 30 minutes, some late. */
  async function seedLong(): Promise<void> {
    await seed('editor');
    await db.comments.bulkPut(Array.from({ length: 25 }, (_, i) => row(i, i)));
    await db.comments.bulkPut(Array.from({ length: 10 }, (_, k) => row(100 + k, k < 5 ? 3 * k + 0.5 : 100 + k, cid((7 * k) % 25))));
    await db.reactions.bulkPut([react(CAP, OTHER, 'useful', 'capture'), react(cid(24), OTHER, 'thanks'), react(cid(0), ME, 'tried'), react(cid(105), ME, 'useful')]);
  }

  it('the newest `limit` top-level comments with all their replies, oldest first; counts of the whole thread', async () => {
    await seedLong();
    const full = await readThread(db, CAP, ME);
    expect(full.comments).toHaveLength(25);
    expect(full.olderCount).toBe(0);
    const page = await readThread(db, CAP, ME, { limit: 10 });
    expect(page.comments.map((c) => c.body)).toEqual(Array.from({ length: 10 }, (_, i) => `c${15 + i}`));
    // The same comments as the whole thread's newest ten, replies, reactions and marks included.
    expect(page.comments).toEqual(full.comments.slice(15));
    expect(page.count).toBe(35);
    const shown = page.comments.reduce((n, c) => n + 1 + c.replies.length, 0);
    expect(page.olderCount).toBe(35 - shown);
    expect(page.reactions).toEqual(full.reactions);
    expect(page.comments.at(-1)!.reactions.thanks).toEqual({ count: 1, userIds: [OTHER], mine: false });
  });

  it('every page size agrees with the whole thread; a limit past the start is the whole thread', async () => {
    await seedLong();
    const full = await readThread(db, CAP, OTHER);
    for (const limit of [1, 2, 7, 10, 24, 25, 26, 1000]) {
      const page = await readThread(db, CAP, OTHER, { limit });
      const expected = full.comments.slice(Math.max(0, 25 - limit));
      expect({ limit, comments: page.comments }).toEqual({ limit, comments: expected });
      expect({ limit, older: page.olderCount }).toEqual({ limit, older: full.count - expected.reduce((n, c) => n + 1 + c.replies.length, 0) });
      expect(page.count).toBe(full.count);
    }
    expect(await readThread(db, CAP, OTHER, { limit: 25 })).toEqual(full);
  });

  it('when the newest rows are all replies, it reads further back until it has the page', async () => {
    await seed('editor');
    await db.comments.bulkPut([...Array.from({ length: 6 }, (_, i) => row(i, i)), ...Array.from({ length: 70 }, (_, k) => row(200 + k, 10 + k, cid(k % 6)))]);
    const full = await readThread(db, CAP, ME);
    for (const limit of [1, 2, 5, 6]) {
      const page = await readThread(db, CAP, ME, { limit });
      expect({ limit, comments: page.comments }).toEqual({ limit, comments: full.comments.slice(6 - limit) });
      expect(page.olderCount).toBe(76 - page.comments.reduce((n, c) => n + 1 + c.replies.length, 0));
    }
  });

  it('replies of the shown comments only: a late reply to an old comment is not read (and counted as older); an early-clocked reply to a shown one is', async () => {
    await seed('editor');
    await db.comments.bulkPut([row(0, 0), row(1, 1), row(2, 2), row(3, 50, cid(0)), row(4, 0.5, cid(2))]); // c4: its device's clock was behind
    const page = await readThread(db, CAP, ME, { limit: 2 });
    expect(bodies(page)).toEqual([['c1', []], ['c2', ['c4']]]);
    expect(page).toMatchObject({ count: 5, olderCount: 2 });
    expect(bodies(await readThread(db, CAP, ME, { limit: 3 }))).toEqual([['c0', ['c3']], ['c1', []], ['c2', ['c4']]]);
  });

  it('the pinned answer is read by id even when older than the page, with its reactions and pending mark', async () => {
    await seed('editor', ME);
    await db.comments.bulkPut([row(0, 0), row(1, 1, cid(0)), ...Array.from({ length: 12 }, (_, i) => row(10 + i, 10 + i))]);
    await db.reactions.put(react(cid(1), OTHER, 'useful'));
    await markAnswered(db, ME, CAP, cid(1));
    await db.outbox.add({ mutationId: '01900000-0000-7000-8000-00000000e001', name: 'editComment', args: { id: cid(1), body: 'c1', mentions: [] }, clientTs: T0 });
    const page = await readThread(db, CAP, ME, { limit: 10 });
    expect(page.comments.map((c) => c.body)).toEqual(Array.from({ length: 10 }, (_, i) => `c${12 + i}`));
    expect(page.answer).toMatchObject({ id: cid(1), body: 'c1', pending: true, reactions: { useful: { count: 1, userIds: [OTHER], mine: false } } });
    // The answer on the page is the comment as shown there (a top-level answer keeps its replies).
    await markAnswered(db, ME, CAP, cid(21));
    expect((await readThread(db, CAP, ME, { limit: 10 })).answer).toMatchObject({ id: cid(21), body: 'c21', pending: false });
    // A pinned id of another capture's comment or a gone comment is no answer.
    await db.captures.update(CAP, { answerCommentId: '01900000-0000-7000-8000-0000000000ff' });
    expect((await readThread(db, CAP, ME, { limit: 10 })).answer).toBeNull();
  });

  it('a deleted top-level comment whose replies are on the page shows as a stub with all of them', async () => {
    await seed('editor');
    await db.comments.bulkPut([row(0, 0), row(1, 1), row(2, 2), row(3, 3), row(4, 4, cid(1)), row(5, 0.2, cid(1)), row(6, 5)]);
    await db.comments.delete(cid(1)); // as a pulled tombstone leaves it: replies stay
    const page = await readThread(db, CAP, ME, { limit: 2 });
    expect(bodies(page)).toEqual([['stub', ['c5', 'c4']], ['c3', []], ['c6', []]]);
    expect(page).toMatchObject({ count: 6, olderCount: 2 });
    expect(bodies(await readThread(db, CAP, ME, { limit: 4 }))).toEqual(bodies(await readThread(db, CAP, ME)));
  });

  it('"Not sent yet" only from the outbox rows naming a shown comment, however long the queue', async () => {
    await seed('editor');
    const tick = clock();
    const first = await addComment(db, ME, CAP, 'queued first', { clock: tick });
    // A long offline queue after it: 300 other mutations.
    for (let i = 0; i < 150; i++) await setReaction(db, ME, { kind: 'capture', id: CAP }, 'useful', i % 2 === 0, { clock: tick });
    await db.outbox.bulkAdd(Array.from({ length: 150 }, (_, i) => ({ mutationId: `01900000-0000-7000-8000-${(0xf000 + i).toString(16).padStart(12, '0')}`, name: 'deleteComment' as const, args: { id: cid(500 + i) }, clientTs: T0 })));
    const later = await addComment(db, OTHER, CAP, 'pulled and acknowledged', { clock: tick });
    await db.outbox.where('args.id').equals(later.id).delete();
    expect(await db.outbox.count()).toBe(301);
    const page = await readThread(db, CAP, ME, { limit: 10 });
    expect(page.comments.map((c) => [c.body, c.pending])).toEqual([['queued first', true], ['pulled and acknowledged', false]]);
    // A deleteComment naming a comment is not "not sent yet" for it.
    await db.comments.put(row(500, 999));
    expect((await readThread(db, CAP, ME, { limit: 10 })).comments.find((c) => c.id === cid(500))!.pending).toBe(false);
  });
});

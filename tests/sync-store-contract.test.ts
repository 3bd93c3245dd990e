// @vitest-environment node
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SatchelDb } from '../lib/db/database';
import { completeCapture } from '../lib/db/mutations';
import { dexieSyncStore } from '../lib/db/sync-store';
import { APPLY } from '../lib/db/sync/apply';
import { writeSyncAuth } from '../lib/db/sync-state';
import { SYNC_SCOPES_KEY } from '../lib/db/share';
import { readMembers, writeMembers } from '../lib/db/members';
import { makeCapture, makeDraft } from '../lib/db/testing';
import { addComment, deleteComment, editComment, markAnswered, readThread, setReaction } from '../lib/db/discussion';
import { deleteCaptures } from '../lib/db/delete';
import type { SyncStore } from '../lib/sync/types';
import { MutationArgs, PullResponse, SYNC_ENTITY_NAMES, type SyncCapture, type SyncChange, type SyncComment, type SyncReaction, type PushResponse } from '../lib/schema/sync';
import { reactionKey } from '../lib/schema/discussion';

/**
 * The Dexie sync store (lib/db/sync/) against hand-made pull pages and push answers, without a
 * server: the engine's `SyncStore` contract, the one-applier-per-entity table, and conversations
 * (issue 11) through pull, refusal, purge and capture deletion. The real client against the real
 * server is tests/sync-dexie-server.test.ts and tests/sync-property.test.ts.
 */

// Compile-time: the store is the engine's SyncStore.
const _contract: (db: SatchelDb) => SyncStore = dexieSyncStore;

let db: SatchelDb;
const ME = 'user-me';
const OTHER = 'user-other';
const TEAM = 'team:t1';
const CAP = '01900000-0000-7000-8000-0000000000a1';
const C1 = '01900000-0000-7000-8000-0000000000c1';
const C2 = '01900000-0000-7000-8000-0000000000c2';
let version = 0;

const wireCapture = (over: Partial<SyncCapture> = {}): SyncCapture => {
  const { tags: _t, collectionIds: _c, deletedAt: _d, scopeId: _s, ...rest } = makeCapture({ id: CAP, scopeId: TEAM, intent: 'question' });
  return {
    ...rest, scopeId: TEAM, conversationStartedAt: null, ownerUserId: OTHER, sourceCaptureId: null, noteVersion: 0, answerCommentId: null, version: ++version,
    createdAt: 1, completedAt: null, ...over,
  } as SyncCapture;
};
const wireComment = (over: Partial<SyncComment> = {}): SyncComment => ({
  id: C1, scopeId: TEAM, captureId: CAP, parentId: null, authorUserId: OTHER, body: 'From the server', mentions: [], createdAt: 10, editedAt: null, version: ++version, ...over,
});
const wireReaction = (over: Partial<SyncReaction> = {}): SyncReaction => ({ targetKind: 'capture', targetId: CAP, captureId: CAP, userId: OTHER, kind: 'useful', createdAt: 11, ...over });

const put = (entity: SyncChange['entity'], value: { id?: string } & object, key?: string): SyncChange =>
  ({ entity, scopeId: TEAM, version: ++version, key: key ?? (value as { id: string }).id, op: 'put', value }) as SyncChange;
const del = (entity: SyncChange['entity'], key: string): SyncChange => ({ entity, scopeId: TEAM, version: ++version, key, op: 'del' }) as SyncChange;

/** A pull page, validated with the wire schema exactly as the transport does. */
const page = (changes: SyncChange[], over: Partial<PullResponse> = {}): PullResponse =>
  PullResponse.parse({ cookie: `c${++version}`, hasMore: false, lastMutationSeq: 0, scopes: [{ id: `personal:${ME}`, role: 'owner' }, { id: TEAM, role: 'editor', name: 'Cohort' }], revokedScopes: [], resetScopes: [], changes, ...over });

const store = () => dexieSyncStore(db);
/** Pushes what is queued and answers each mutation with `status` (default applied). */
async function push(status: (name: string) => PushResponse['results'][number]['status'] = () => 'applied'): Promise<void> {
  const sent = await store().readOutbox(100);
  const res: PushResponse = { lastMutationSeq: sent.at(-1)?.seq ?? 0, results: sent.map((s) => ({ seq: s.seq, status: status(s.name), ...(status(s.name) === 'rejected' ? { code: 'forbidden' as const } : {}) })) };
  await store().applyPushResults(res, sent);
}

beforeEach(async () => {
  db = new SatchelDb(`contract-${Math.random()}`);
  await writeSyncAuth(db, { serverUrl: 'https://satchel.example.org', token: 'cap_0123_secret', deviceId: '01900000-0000-7000-8000-0000000000d1', userId: ME });
  await db.kv.put({ key: SYNC_SCOPES_KEY, value: [{ id: 'personal:local', role: 'owner' }, { id: TEAM, role: 'editor', name: 'Cohort' }] });
  await store().writeState({ cookie: 'c0' });
});
afterEach(() => db.close());

describe('the pull dispatcher', () => {
  it('has one applier per lib/schema SYNC_ENTITIES name, and nothing else', () => {
    expect(Object.keys(APPLY).sort()).toEqual([...SYNC_ENTITY_NAMES].sort());
  });
});

describe('conversations through pull', () => {
  it('applies comments and reactions; a reaction whose capture is not here yet waits for it', async () => {
    await store().applyPullPage(page([put('reaction', wireReaction(), reactionKey(wireReaction())), put('comment', wireComment())]));
    expect(await db.comments.get(C1)).toMatchObject({ scopeId: TEAM, body: 'From the server', authorUserId: OTHER });
    expect(await db.reactions.count()).toBe(0); // parked: the capture is on a later page
    await store().applyPullPage(page([put('capture', wireCapture({ answerCommentId: C1 }))]));
    const t = await readThread(db, CAP, ME);
    expect(t.reactions.useful).toEqual({ count: 1, userIds: [OTHER], mine: false });
    expect(t.answer?.id).toBe(C1);
    await store().applyPullPage(page([del('reaction', reactionKey(wireReaction())), del('comment', C1)]));
    expect(await db.comments.count()).toBe(0);
    expect((await readThread(db, CAP, ME)).reactions.useful.count).toBe(0);
  });

  it('keeps a pending local create or edit until acknowledged, then takes the server copy', async () => {
    await store().applyPullPage(page([put('capture', wireCapture()), put('comment', wireComment({ authorUserId: ME, body: 'v1' }))]));
    await editComment(db, ME, C1, 'v2 local');
    await store().applyPullPage(page([put('comment', wireComment({ authorUserId: ME, body: 'v1 again' }))]));
    expect((await db.comments.get(C1))!.body).toBe('v2 local');
    const mine = await addComment(db, ME, CAP, 'new one');
    await push();
    await store().applyPullPage(page([put('comment', wireComment({ id: mine.id, authorUserId: ME, body: 'new one', createdAt: 99 })), put('comment', wireComment({ authorUserId: ME, body: 'v2 local', editedAt: 50 }))]));
    expect(await db.comments.get(mine.id)).toMatchObject({ createdAt: 99 });
    expect(await db.comments.get(C1)).toMatchObject({ body: 'v2 local', editedAt: 50 });
  });

  it('a deleted capture (pull or local) drops its comments and reactions', async () => {
    const CAP2 = '01900000-0000-7000-8000-0000000000a2';
    await store().applyPullPage(page([
      put('capture', wireCapture()), put('capture', wireCapture({ id: CAP2, key: 'x:2', postId: '2', ownerUserId: ME })),
      put('comment', wireComment()), put('comment', wireComment({ id: C2, captureId: CAP2 })),
      put('reaction', wireReaction(), reactionKey(wireReaction())), put('reaction', wireReaction({ targetId: CAP2, captureId: CAP2 }), `${CAP2}|${OTHER}|useful`),
    ]));
    await store().applyPullPage(page([del('capture', CAP)]));
    expect((await db.comments.toArray()).map((c) => c.id)).toEqual([C2]);
    expect((await db.reactions.toArray()).map((r) => r.captureId)).toEqual([CAP2]);
    await deleteCaptures(db, [CAP2]);
    expect(await db.comments.count()).toBe(0);
    expect(await db.reactions.count()).toBe(0);
  });

  it('a revoked team loses its comments, reactions and cached members; a reset keeps pending comments', async () => {
    await store().applyPullPage(page([put('capture', wireCapture()), put('comment', wireComment()), put('reaction', wireReaction(), reactionKey(wireReaction()))]));
    const mine = await addComment(db, ME, CAP, 'queued');
    await store().applyPullPage(page([], { resetScopes: [TEAM] }));
    expect((await db.comments.toArray()).map((c) => c.id)).toEqual([mine.id]);
    await writeMembers(db, TEAM, [], 1);
    await store().applyPullPage(page([], { revokedScopes: [TEAM], scopes: [{ id: `personal:${ME}`, role: 'owner' }] }));
    expect([await db.comments.count(), await db.reactions.count(), await db.captures.count()]).toEqual([0, 0, 0]);
    expect((await readMembers(db, TEAM)).fetchedAt).toBe(0);
  });

  it('an initial snapshot sweeps comments and reactions it did not hold', async () => {
    await store().applyPullPage(page([put('capture', wireCapture()), put('comment', wireComment()), put('comment', wireComment({ id: C2 })), put('reaction', wireReaction(), reactionKey(wireReaction()))]));
    await store().writeState({ cookie: null });
    await store().applyPullPage(page([put('capture', wireCapture()), put('comment', wireComment({ id: C2 }))]));
    expect((await db.comments.toArray()).map((c) => c.id)).toEqual([C2]);
    expect(await db.reactions.count()).toBe(0);
  });
});

describe('refused discussion changes are put right', () => {
  beforeEach(async () => {
    await store().applyPullPage(page([put('capture', wireCapture({ ownerUserId: ME })), put('comment', wireComment({ authorUserId: ME, body: 'server text' })), put('reaction', wireReaction({ targetKind: 'comment', targetId: C1 }), `${C1}|${OTHER}|useful`)]));
  });

  it('a refused create drops the comment; a refused edit gets the server text back', async () => {
    const c = await addComment(db, ME, CAP, 'never stored');
    await editComment(db, ME, C1, 'my edit');
    await push(() => 'rejected');
    expect(await db.comments.get(c.id)).toBeUndefined();
    expect((await db.comments.get(C1))!.body).toBe('server text');
    expect((await db.rejected.toArray()).map((r) => r.name).sort()).toEqual(['createComment', 'editComment']);
  });

  it('a refused delete brings the comment back with its reactions; a gone one stays deleted', async () => {
    await deleteComment(db, ME, C1);
    await push(() => 'rejected');
    expect((await db.comments.get(C1))?.body).toBe('server text');
    expect((await readThread(db, CAP, ME)).comments[0]!.reactions.useful.count).toBe(1);
    await deleteComment(db, ME, C1);
    await push(() => 'gone');
    expect(await db.comments.get(C1)).toBeUndefined();
  });

  it('a refused reaction is undone, a refused unreact restored; a refused answer goes back to the server one', async () => {
    await setReaction(db, ME, { kind: 'capture', id: CAP }, 'thanks', true);
    await push(() => 'rejected');
    expect(await db.reactions.get([CAP, ME, 'thanks'])).toBeUndefined();
    await store().applyPullPage(page([put('reaction', wireReaction({ userId: ME, kind: 'tried' }), `${CAP}|${ME}|tried`)]));
    await setReaction(db, ME, { kind: 'capture', id: CAP }, 'tried', false);
    await push(() => 'rejected');
    expect(await db.reactions.get([CAP, ME, 'tried'])).toBeDefined();
    await markAnswered(db, ME, CAP, C1);
    await push(() => 'rejected');
    expect((await db.captures.get(CAP))!.answerCommentId).toBeNull();
  });

  it('a pending answer is kept over a pulled capture until acknowledged', async () => {
    await markAnswered(db, ME, CAP, C1);
    await store().applyPullPage(page([put('capture', wireCapture({ ownerUserId: ME, note: 'changed elsewhere' }))]));
    expect(await db.captures.get(CAP)).toMatchObject({ answerCommentId: C1, note: 'changed elsewhere' });
  });
});

describe('library fields through pull', () => {
  it('conversationStartedAt and the pinned answer come with the capture; a later completeCapture carries only draft fields', async () => {
    await store().applyPullPage(page([put('capture', wireCapture({ conversationStartedAt: 1234, answerCommentId: C1, truncated: true }))]));
    expect(await db.captures.get(CAP)).toMatchObject({ conversationStartedAt: 1234, answerCommentId: C1 });
    const done = await completeCapture(db, makeDraft({ postId: wireCapture().postId, text: `${wireCapture().text} and the rest`, truncated: false }), { scopeId: TEAM });
    expect(done?.changed).toBe(true);
    const queued = (await db.outbox.toArray()).find((r) => r.name === 'completeCapture')!;
    expect(MutationArgs.completeCapture.safeParse(queued.args).success).toBe(true);
  });
});

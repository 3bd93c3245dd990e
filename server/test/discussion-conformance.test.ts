// @vitest-environment node
/**
 * Conformance of the discussion mutations (issue 11; docs/discussion.md, docs/sync-protocol.md 3.3):
 * createComment, editComment, deleteComment, setReaction and markAnswered on SQLite and PostgreSQL.
 * Idempotent replays, tombstones, reply filing, edit/delete rights, one reaction per person per kind,
 * the pinned answer, deleteCapture's cascade, what pull carries (typed by lib/schema `SyncChange`),
 * a removed member, the library field registry on the server and tombstone GC.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { LIBRARY_FIELDS, LIBRARY_FIELD_NAMES } from '../../lib/schema/library-fields';
import { SYNC_ENTITY_NAMES, SyncChange, type PullResponse } from '../../lib/schema';
import { SERVER_COLUMNS } from '../src/sync/capture-row';
import { gcTombstones } from '../src/sync/gc';
import { READERS } from '../src/sync/pull';
import { draft, Replica, setup, STORE_KINDS, type Api, type Device, type TestStore } from './harness';

/** Per test: a handful of pushes and pulls; generous for a busy 2-core machine. */
const BUDGET = 60_000;

const open: TestStore[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.cleanup();
}, BUDGET);

/** A team (owner, editor, viewer, a stranger) and a "question to discuss" the editor shared into it. */
async function team(kind: 'sqlite' | 'postgres') {
  const e = await setup(kind);
  open.push(e.ts);
  const { api } = e;
  const owner = await api.signup('owner');
  const { teamId, scopeId } = await api.createTeam(owner);
  const [editor, viewer, stranger] = [await api.signup('editor'), await api.signup('viewer'), await api.signup('stranger')];
  await api.join(owner, teamId, editor, 'editor');
  await api.join(owner, teamId, viewer, 'viewer');
  const cap = await api.createCapture(editor, uuidv7(), { intent: 'question', note: 'does this work?' }, scopeId);
  return { ...e, owner, editor, viewer, stranger, teamId, scope: scopeId, cap };
}

type Answer = { status: string; code?: string };
/** Pushes one mutation and answers `status` or `status:code`. */
async function send(api: Api, d: Device, name: string, args: Record<string, unknown>): Promise<string> {
  const r: Answer = (await api.pushOk(d, [api.mut(d, name, args)])).results[0]!;
  return r.code ? `${r.status}:${r.code}` : r.status;
}
const comment = (captureId: string, over: Record<string, unknown> = {}) => ({ id: uuidv7(), captureId, parentId: null, body: 'a comment', mentions: [], ...over });
const react = (targetKind: 'capture' | 'comment', targetId: string, kind: string, present = true) => ({ targetKind, targetId, kind, present });

/** Every change of the pages, each checked against lib/schema `SyncChange` (typed records, strict). */
function parsed(pages: PullResponse[]) {
  const out = pages.flatMap((p) => p.changes);
  for (const c of out) expect(SyncChange.safeParse(c).error).toBeUndefined();
  return out;
}
async function replicaOf(api: Api, d: Device): Promise<Replica> {
  const rep = new Replica();
  const pages = await api.pullAll({ ...d, cookie: null });
  parsed(pages);
  rep.apply(pages);
  return rep;
}

describe('the server covers every synced entity', () => {
  it('pull has a reader for every entity of lib/schema SYNC_ENTITIES and no other', () => {
    expect(Object.keys(READERS).sort()).toEqual([...SYNC_ENTITY_NAMES].sort());
  });
});

describe.each(STORE_KINDS)('discussion conformance on %s', (kind) => {
  it('createComment: any member (a viewer too) comments; replays are duplicates or noop; ids are never overwritten', async () => {
    const { api, store, viewer, editor, stranger, cap } = await team(kind);
    const c = comment(cap, { body: '  first!  ' });
    const m = api.mut(viewer, 'createComment', c);
    expect((await api.pushOk(viewer, [m])).results[0]!.status).toBe('applied');
    expect((await api.pushOk(viewer, [m])).results[0]).toMatchObject({ status: 'applied', duplicate: true });
    expect(await send(api, viewer, 'createComment', c)).toBe('noop'); // the same create queued twice
    expect(await send(api, editor, 'createComment', { ...c, body: 'mine now' })).toBe('rejected:id_conflict');
    expect(await send(api, viewer, 'createComment', { ...comment(cap), id: cap })).toBe('rejected:id_conflict'); // a capture's id
    expect(await send(api, stranger, 'createComment', comment(cap))).toBe('not_found');
    const rows = await store.db.selectFrom('comments').selectAll().execute();
    expect(rows.map((r) => [r.id, r.body, r.author_user_id])).toEqual([[c.id, 'first!', viewer.userId]]);
  }, BUDGET);

  it('createComment: a reply to a reply is filed under its parent; a parent of another capture is invalid; mentions keep members only', async () => {
    const { api, editor, viewer, owner, stranger, scope, cap } = await team(kind);
    const other = await api.createCapture(editor, uuidv7(), {}, scope);
    const top = comment(cap);
    const reply = comment(cap, { parentId: top.id, mentions: [owner.userId, stranger.userId, owner.userId, 'nobody'] });
    const deep = comment(cap, { parentId: reply.id });
    expect(await send(api, editor, 'createComment', top)).toBe('applied');
    expect(await send(api, viewer, 'createComment', reply)).toBe('applied');
    expect(await send(api, owner, 'createComment', deep)).toBe('applied');
    expect(await send(api, owner, 'createComment', comment(other, { parentId: top.id }))).toBe('rejected:invalid');
    expect(await send(api, owner, 'createComment', comment(cap, { parentId: uuidv7() }))).toBe('rejected:invalid');
    const rep = await replicaOf(api, viewer);
    expect(rep.get('comment', reply.id)).toMatchObject({ parentId: top.id, mentions: [owner.userId], authorUserId: viewer.userId, captureId: cap, editedAt: null });
    expect(rep.get('comment', deep.id).parentId).toBe(top.id);
    expect(rep.keys('comment')).toHaveLength(3);
  }, BUDGET);

  it('editComment: only the author (not even the owner); sets editedAt; a deleted comment is gone', async () => {
    const { api, viewer, owner, editor, cap } = await team(kind);
    const c = comment(cap);
    await send(api, viewer, 'createComment', c);
    const edit = { id: c.id, body: 'better words', mentions: [editor.userId] };
    expect(await send(api, owner, 'editComment', edit)).toBe('rejected:forbidden');
    expect(await send(api, editor, 'editComment', edit)).toBe('rejected:forbidden');
    expect(await send(api, viewer, 'editComment', { ...edit, id: uuidv7() })).toBe('not_found');
    expect(await send(api, viewer, 'editComment', edit)).toBe('applied');
    const v = (await replicaOf(api, viewer)).get('comment', c.id);
    expect(v).toMatchObject({ body: 'better words', mentions: [editor.userId] });
    expect(v.editedAt).toEqual(expect.any(Number));
    expect(await send(api, viewer, 'editComment', edit)).toBe('applied'); // same text: nothing changes
    expect((await replicaOf(api, viewer)).get('comment', c.id).version).toBe(v.version);
    expect(await send(api, viewer, 'deleteComment', { id: c.id })).toBe('applied');
    expect(await send(api, viewer, 'editComment', edit)).toBe('gone');
    expect(await send(api, owner, 'editComment', edit)).toBe('rejected:forbidden'); // the role before the tombstone
  }, BUDGET);

  it('deleteComment: the author or the owner; again → noop; its reactions become absent; replies stay; the pull carries the del', async () => {
    const { api, store, viewer, owner, editor, cap } = await team(kind);
    const [a, b] = [comment(cap), comment(cap)];
    const reply = comment(cap, { parentId: b.id });
    await api.pushOk(viewer, [api.mut(viewer, 'createComment', a), api.mut(viewer, 'createComment', b)]);
    await send(api, editor, 'createComment', reply);
    expect(await send(api, editor, 'setReaction', react('comment', b.id, 'thanks'))).toBe('applied');
    const seen = await replicaOf(api, editor);
    const cookie = (await api.pullAll(editor)).at(-1)!.cookie;
    expect(await send(api, editor, 'deleteComment', { id: a.id })).toBe('rejected:forbidden');
    expect(await send(api, viewer, 'deleteComment', { id: a.id })).toBe('applied');
    expect(await send(api, owner, 'deleteComment', { id: b.id })).toBe('applied');
    expect(await send(api, viewer, 'deleteComment', { id: b.id })).toBe('noop');
    expect(await send(api, editor, 'deleteComment', { id: b.id })).toBe('rejected:forbidden');
    const changes = parsed(await api.pullAll({ ...editor, cookie }));
    expect(changes.map((c) => `${c.entity}:${c.op}:${c.key}`).sort()).toEqual(
      [`comment:del:${a.id}`, `comment:del:${b.id}`, `reaction:del:${b.id}|${editor.userId}|thanks`].sort(),
    );
    seen.apply(await api.pullAll({ ...editor, cookie }));
    expect(seen.keys('comment')).toEqual([`comment:${reply.id}`]);
    expect(seen.keys('reaction')).toEqual([]);
    const stored = await store.db.selectFrom('comments').select(['id', 'body', 'deleted_at']).where('id', '=', a.id).executeTakeFirstOrThrow();
    expect(stored.body).toBe(''); // the text of a deleted comment is not kept
  }, BUDGET);

  it('setReaction: one per person per kind, counted; only on change a new version; absent travels as del; deleted target → gone', async () => {
    const { api, store, viewer, owner, editor, stranger, cap, scope } = await team(kind);
    const c = comment(cap);
    await send(api, editor, 'createComment', c);
    for (const d of [viewer, owner, editor]) expect(await send(api, d, 'setReaction', react('capture', cap, 'useful'))).toBe('applied');
    const version = async () => Number((await store.db.selectFrom('scopes').select('version').where('id', '=', scope).executeTakeFirstOrThrow()).version);
    const v0 = await version();
    expect(await send(api, viewer, 'setReaction', react('capture', cap, 'useful'))).toBe('applied'); // twice = once
    expect(await version()).toBe(v0);
    expect(await send(api, viewer, 'setReaction', react('capture', cap, 'tried'))).toBe('applied');
    expect(await send(api, viewer, 'setReaction', react('comment', c.id, 'thanks'))).toBe('applied');
    expect(await send(api, stranger, 'setReaction', react('capture', cap, 'useful'))).toBe('not_found');
    expect(await send(api, viewer, 'setReaction', react('comment', cap, 'useful'))).toBe('not_found'); // a capture id is no comment
    let rep = await replicaOf(api, owner);
    const useful = rep.keys('reaction').filter((k) => k.startsWith(`reaction:${cap}|`) && k.endsWith('|useful'));
    expect(useful).toHaveLength(3);
    expect(rep.get('reaction', `${cap}|${viewer.userId}|tried`)).toMatchObject({ targetKind: 'capture', captureId: cap, userId: viewer.userId, kind: 'tried' });
    expect(rep.get('reaction', `${c.id}|${viewer.userId}|thanks`)).toMatchObject({ targetKind: 'comment', targetId: c.id, captureId: cap });
    const cookie = (await api.pullAll(owner)).at(-1)!.cookie;
    expect(await send(api, viewer, 'setReaction', react('capture', cap, 'useful', false))).toBe('applied');
    expect(await send(api, viewer, 'setReaction', react('capture', cap, 'useful', false))).toBe('applied');
    expect(await send(api, stranger, 'setReaction', react('capture', uuidv7(), 'useful', false))).toBe('not_found');
    const changes = parsed(await api.pullAll({ ...owner, cookie }));
    expect(changes.map((x) => `${x.op}:${x.key}`)).toEqual([`del:${cap}|${viewer.userId}|useful`]);
    rep = await replicaOf(api, owner);
    expect(rep.keys('reaction').filter((k) => k.endsWith('|useful'))).toHaveLength(2); // initial snapshot: present only
    await send(api, editor, 'deleteComment', { id: c.id });
    expect(await send(api, owner, 'setReaction', react('comment', c.id, 'useful'))).toBe('gone');
  }, BUDGET);

  it("a comment's id is never a capture's: createCapture and shareCapture with it are id_conflict; a stranger's capture cannot reach its reactions", async () => {
    // Red team (issue 11): a removed member made a personal capture with a team comment's id, deleted it,
    // and the comment's reactions became absent with versions from the wrong scope's clock.
    const { api, store, editor, viewer, stranger, owner, scope, cap } = await team(kind);
    const c = comment(cap);
    await send(api, editor, 'createComment', c);
    expect(await send(api, viewer, 'setReaction', react('comment', c.id, 'useful'))).toBe('applied');
    expect(await send(api, owner, 'setReaction', react('comment', c.id, 'thanks'))).toBe('applied');
    const before = await store.db.selectFrom('scopes').select('version').where('id', '=', scope).executeTakeFirstOrThrow();
    const id = (name: string, args: Record<string, unknown>) => send(api, stranger, name, args);
    expect(await id('createCapture', { id: c.id, scopeId: `personal:${stranger.userId}`, capturedAt: 1, ...draft(uuidv7()) })).toBe('rejected:id_conflict');
    expect(await id('deleteCapture', { id: c.id })).toBe('not_found');
    const mine = await api.createCapture(editor, uuidv7());
    expect(await send(api, editor, 'shareCapture', { sourceId: mine, newId: c.id, targetScopeId: scope })).toBe('rejected:id_conflict');
    const rows = await store.db.selectFrom('reactions').select(['target_kind', 'kind', 'present']).where('target_id', '=', c.id).orderBy('kind').execute();
    expect(rows).toEqual([{ target_kind: 'comment', kind: 'thanks', present: 1 }, { target_kind: 'comment', kind: 'useful', present: 1 }]);
    expect(await store.db.selectFrom('scopes').select('version').where('id', '=', scope).executeTakeFirstOrThrow()).toEqual(before);
    // A reaction on the capture-kind with the comment's id never shares the comment's keys.
    expect(await send(api, editor, 'setReaction', react('capture', c.id, 'useful'))).toBe('not_found');
  }, BUDGET);

  it("markAnswered: the sharer or the owner pins a live comment of this capture; others forbidden; null clears; deleting the answer clears the pin", async () => {
    const { api, viewer, owner, editor, scope, cap } = await team(kind);
    const other = await api.createCapture(editor, uuidv7(), {}, scope);
    const [q, r] = [comment(cap), comment(other)];
    await send(api, viewer, 'createComment', q);
    await send(api, viewer, 'createComment', r);
    expect(await send(api, viewer, 'markAnswered', { captureId: cap, commentId: q.id })).toBe('rejected:forbidden');
    expect(await send(api, editor, 'markAnswered', { captureId: cap, commentId: r.id })).toBe('rejected:invalid');
    expect(await send(api, editor, 'markAnswered', { captureId: cap, commentId: uuidv7() })).toBe('rejected:invalid');
    expect(await send(api, editor, 'markAnswered', { captureId: cap, commentId: q.id })).toBe('applied');
    expect((await replicaOf(api, viewer)).get('capture', cap).answerCommentId).toBe(q.id);
    expect(await send(api, owner, 'markAnswered', { captureId: cap, commentId: null })).toBe('applied');
    expect((await replicaOf(api, viewer)).get('capture', cap).answerCommentId).toBeNull();
    expect(await send(api, owner, 'markAnswered', { captureId: cap, commentId: q.id })).toBe('applied');
    const cookie = (await api.pullAll(editor)).at(-1)!.cookie;
    expect(await send(api, viewer, 'deleteComment', { id: q.id })).toBe('applied');
    const changes = parsed(await api.pullAll({ ...editor, cookie }));
    expect(changes.map((c) => `${c.entity}:${c.op}`).sort()).toEqual(['capture:put', 'comment:del']);
    expect(changes.find((c) => c.entity === 'capture' && c.op === 'put')).toMatchObject({ value: { answerCommentId: null } });
    expect(await send(api, editor, 'markAnswered', { captureId: cap, commentId: q.id })).toBe('gone');
  }, BUDGET);

  it('deleteCapture: its comments become tombstones and its reactions absent in the same push; later comments on it are gone', async () => {
    const { api, store, viewer, editor, owner, cap } = await team(kind);
    const c = comment(cap);
    await send(api, viewer, 'createComment', c);
    await api.pushOk(viewer, [api.mut(viewer, 'setReaction', react('capture', cap, 'useful')), api.mut(viewer, 'setReaction', react('comment', c.id, 'thanks'))]);
    const cookie = (await api.pullAll(owner)).at(-1)!.cookie;
    expect(await send(api, editor, 'deleteCapture', { id: cap })).toBe('applied');
    const changes = parsed(await api.pullAll({ ...owner, cookie }));
    expect(changes.map((x) => `${x.entity}:${x.op}`).sort()).toEqual(['capture:del', 'comment:del', 'reaction:del', 'reaction:del']);
    expect(await store.db.selectFrom('reactions').select('present').where('present', '=', 1).execute()).toEqual([]);
    expect(await send(api, viewer, 'createComment', comment(cap))).toBe('gone');
    expect(await send(api, viewer, 'setReaction', react('capture', cap, 'tried'))).toBe('gone');
    expect(await send(api, editor, 'markAnswered', { captureId: cap, commentId: null })).toBe('gone');
    const rep = await replicaOf(api, viewer);
    expect([...rep.keys('comment'), ...rep.keys('reaction'), ...rep.keys('capture')]).toEqual([]);
  }, BUDGET);

  it('the initial pull carries live comments and present reactions only; a later pull carries put and del of each', async () => {
    const { api, viewer, editor, cap } = await team(kind);
    const [keep, drop] = [comment(cap), comment(cap)];
    await api.pushOk(viewer, [
      api.mut(viewer, 'createComment', keep), api.mut(viewer, 'createComment', drop),
      api.mut(viewer, 'setReaction', react('comment', keep.id, 'useful')), api.mut(viewer, 'setReaction', react('comment', keep.id, 'tried')),
    ]);
    const cookie = (await api.pullAll(editor)).at(-1)!.cookie;
    await api.pushOk(viewer, [api.mut(viewer, 'deleteComment', { id: drop.id }), api.mut(viewer, 'setReaction', react('comment', keep.id, 'tried', false))]);
    const initial = parsed(await api.pullAll({ ...editor, cookie: null }));
    expect(initial.filter((c) => c.op === 'del')).toEqual([]);
    expect(initial.filter((c) => c.entity === 'comment' || c.entity === 'reaction').map((c) => c.key).sort()).toEqual([keep.id, `${keep.id}|${viewer.userId}|useful`].sort());
    const later = parsed(await api.pullAll({ ...editor, cookie }));
    expect(later.map((c) => `${c.entity}:${c.op}:${c.key}`).sort()).toEqual([`comment:del:${drop.id}`, `reaction:del:${keep.id}|${viewer.userId}|tried`].sort());
  }, BUDGET);

  it('a removed member can no longer push comments or reactions (not_found) nor pull them (revokedScopes)', async () => {
    const { api, owner, viewer, teamId, scope, cap } = await team(kind);
    const c = comment(cap);
    await send(api, viewer, 'createComment', c);
    const before = await api.pullAll(viewer);
    expect(before.flatMap((p) => p.changes).some((x) => x.entity === 'comment')).toBe(true);
    expect((await api.req('DELETE', `/v1/teams/${teamId}/members/${viewer.userId}`, { token: owner.token })).status).toBe(200);
    expect(await send(api, viewer, 'createComment', comment(cap))).toBe('not_found');
    expect(await send(api, viewer, 'editComment', { id: c.id, body: 'still here?', mentions: [] })).toBe('not_found');
    expect(await send(api, viewer, 'deleteComment', { id: c.id })).toBe('not_found');
    expect(await send(api, viewer, 'setReaction', react('capture', cap, 'useful'))).toBe('not_found');
    const after = await api.pullAll(viewer);
    expect(after[0]!.revokedScopes).toEqual([scope]);
    expect(after.flatMap((p) => p.changes).filter((x) => x.scopeId === scope)).toEqual([]);
  }, BUDGET);

  it('shareCapture: the copy keeps the source intent unless `intent` says otherwise', async () => {
    const { api, editor, scope } = await team(kind);
    const src = await api.createCapture(editor, uuidv7(), { intent: 'tip' });
    const [kept, asked] = [uuidv7(), uuidv7()];
    expect(await send(api, editor, 'shareCapture', { sourceId: src, newId: kept, targetScopeId: scope })).toBe('applied');
    const src2 = await api.createCapture(editor, uuidv7(), { intent: 'tip' });
    expect(await send(api, editor, 'shareCapture', { sourceId: src2, newId: asked, targetScopeId: scope, intent: 'question', note: 'what do you think?' })).toBe('applied');
    const rep = await replicaOf(api, editor);
    expect(rep.get('capture', kept).intent).toBe('tip');
    expect(rep.get('capture', asked)).toMatchObject({ intent: 'question', note: 'what do you think?', answerCommentId: null, conversationStartedAt: null });
  }, BUDGET);

  it('library fields from the registry: conversationStartedAt is written, pulled and cleared; every captures column is a library field or a server column', async () => {
    const { api, store, editor, cap } = await team(kind);
    expect(await send(api, editor, 'updateCapture', { id: cap, baseVersion: 0, set: { conversationStartedAt: 1_765_000_000_000, title: 'A title' } })).toBe('applied');
    expect((await replicaOf(api, editor)).get('capture', cap)).toMatchObject({ conversationStartedAt: 1_765_000_000_000, title: 'A title', intent: 'question' });
    expect(await send(api, editor, 'updateCapture', { id: cap, baseVersion: 0, set: { conversationStartedAt: null } })).toBe('applied');
    expect((await replicaOf(api, editor)).get('capture', cap).conversationStartedAt).toBeNull();
    const row = await store.db.selectFrom('captures').selectAll().where('id', '=', cap).executeTakeFirstOrThrow();
    const libraryColumns = LIBRARY_FIELD_NAMES.map((f) => LIBRARY_FIELDS[f].column).filter((c) => c !== 'content');
    expect(Object.keys(row).sort()).toEqual([...SERVER_COLUMNS, ...libraryColumns].sort());
  }, BUDGET);

  it('GC purges deleted comments and absent reactions older than the cutoff; an older cursor is reset', async () => {
    const { api, store, viewer, editor, scope, cap } = await team(kind);
    const [keep, drop] = [comment(cap), comment(cap)];
    await api.pushOk(viewer, [
      api.mut(viewer, 'createComment', keep), api.mut(viewer, 'createComment', drop),
      api.mut(viewer, 'setReaction', react('comment', keep.id, 'useful')), api.mut(viewer, 'setReaction', react('capture', cap, 'tried')),
    ]);
    const cookie = (await api.pullAll(editor)).at(-1)!.cookie;
    await api.pushOk(viewer, [api.mut(viewer, 'deleteComment', { id: drop.id }), api.mut(viewer, 'setReaction', react('capture', cap, 'tried', false))]);
    expect(await gcTombstones(store, Date.now() - 60_000)).toBe(0); // too young
    expect(await gcTombstones(store, Date.now() + 60_000)).toBe(2);
    expect((await store.db.selectFrom('comments').select('id').execute()).map((r) => r.id)).toEqual([keep.id]);
    expect((await store.db.selectFrom('reactions').select('kind').execute()).map((r) => r.kind)).toEqual(['useful']);
    const pages = await api.pullAll({ ...editor, cookie });
    expect(pages[0]!.resetScopes).toEqual([scope]);
    const rep = new Replica();
    rep.apply(pages);
    expect(rep.keys('comment')).toEqual([`comment:${keep.id}`]);
  }, BUDGET);
});

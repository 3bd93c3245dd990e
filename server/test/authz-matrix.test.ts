// @vitest-environment node
/**
 * Authorisation matrix (issue 4, docs/sync-protocol.md 4 role table): for every mutation and team endpoint,
 * a stranger, a viewer, an editor, a removed member and a revoked device get exactly what the
 * role table says, and nothing about rows outside their scopes (an existing id and a random id
 * give the same answer). The owner column is the positive control.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { Api, draft, Replica, setup, STORE_KINDS, type Device, type TestStore } from './harness';

const open: TestStore[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.cleanup();
});

type Actor = 'owner' | 'editor' | 'viewer' | 'stranger' | 'removed';

/** Targets made fresh for each case, in the team scope. */
interface Targets {
  scopeId: string;
  teamId: string;
  /** capture shared by the owner */
  ownerCap: string;
  /** capture shared by the actor (null when the actor cannot write) */
  actorCap: string | null;
  /** collection created by the owner */
  ownerCol: string;
  /** a personal capture of the actor (to share) */
  personalCap: string;
}

type Case = { name: string; args: (t: Targets) => Record<string, unknown>; mutation: string; expect: Record<Actor, string> };

const F = 'rejected:forbidden';
const NF = 'not_found';
const A = 'applied';
const cases: Case[] = [
  { name: 'createCapture in team', mutation: 'createCapture', args: (t) => ({ id: uuidv7(), scopeId: t.scopeId, capturedAt: 1, ...draft(uuidv7()) }), expect: { owner: A, editor: A, viewer: F, stranger: F, removed: F } },
  { name: "updateCapture on the owner's capture", mutation: 'updateCapture', args: (t) => ({ id: t.ownerCap, baseVersion: 0, set: { note: 'n' } }), expect: { owner: A, editor: F, viewer: F, stranger: NF, removed: NF } },
  { name: 'completeCapture', mutation: 'completeCapture', args: (t) => ({ id: t.ownerCap, set: draft('owner-post', { permalink: 'https://x.com/o/status/1', text: 'fuller '.repeat(40) }) }), expect: { owner: A, editor: A, viewer: F, stranger: NF, removed: NF } },
  { name: "deleteCapture of the owner's capture", mutation: 'deleteCapture', args: (t) => ({ id: t.ownerCap }), expect: { owner: A, editor: F, viewer: F, stranger: NF, removed: NF } },
  { name: 'addTag', mutation: 'addTag', args: (t) => ({ captureId: t.ownerCap, tag: 'x' }), expect: { owner: A, editor: A, viewer: F, stranger: NF, removed: NF } },
  { name: 'removeTag', mutation: 'removeTag', args: (t) => ({ captureId: t.ownerCap, tag: 'seed' }), expect: { owner: A, editor: A, viewer: F, stranger: NF, removed: NF } },
  { name: 'createCollection in team', mutation: 'createCollection', args: (t) => ({ id: uuidv7(), scopeId: t.scopeId, name: 'c' }), expect: { owner: A, editor: A, viewer: F, stranger: F, removed: F } },
  { name: "renameCollection of the owner's collection", mutation: 'renameCollection', args: (t) => ({ id: t.ownerCol, name: 'r' }), expect: { owner: A, editor: F, viewer: F, stranger: NF, removed: NF } },
  { name: "deleteCollection of the owner's collection", mutation: 'deleteCollection', args: (t) => ({ id: t.ownerCol }), expect: { owner: A, editor: F, viewer: F, stranger: NF, removed: NF } },
  { name: 'addToCollection', mutation: 'addToCollection', args: (t) => ({ collectionId: t.ownerCol, captureId: t.ownerCap }), expect: { owner: A, editor: A, viewer: F, stranger: NF, removed: NF } },
  { name: 'removeFromCollection', mutation: 'removeFromCollection', args: (t) => ({ collectionId: t.ownerCol, captureId: t.ownerCap }), expect: { owner: A, editor: A, viewer: F, stranger: NF, removed: NF } },
  { name: 'shareCapture into the team', mutation: 'shareCapture', args: (t) => ({ sourceId: t.personalCap, newId: uuidv7(), targetScopeId: t.scopeId, collectionId: t.ownerCol, note: 'why' }), expect: { owner: A, editor: A, viewer: F, stranger: F, removed: F } },
  { name: 'updateCapture on own shared capture', mutation: 'updateCapture', args: (t) => ({ id: t.actorCap ?? t.ownerCap, baseVersion: 0, set: { note: 'mine' } }), expect: { owner: A, editor: A, viewer: F, stranger: NF, removed: NF } },
  { name: 'deleteCapture of own shared capture', mutation: 'deleteCapture', args: (t) => ({ id: t.actorCap ?? t.ownerCap }), expect: { owner: A, editor: A, viewer: F, stranger: NF, removed: NF } },
];

const label = (r: { status: string; code?: string }) => (r.status === 'rejected' ? `rejected:${r.code}` : r.status);

async function world(kind: 'sqlite' | 'postgres', actorKind: Actor) {
  const e = await setup(kind);
  open.push(e.ts);
  const api = e.api;
  const owner = await api.signup('owner');
  const { teamId, scopeId } = await api.createTeam(owner);
  const actor = actorKind === 'owner' ? owner : await api.signup(actorKind);
  if (actorKind === 'editor' || actorKind === 'removed') await api.join(owner, teamId, actor, 'editor');
  if (actorKind === 'viewer') await api.join(owner, teamId, actor, 'viewer');
  return { api, owner, actor, teamId, scopeId, store: e.store };
}

async function targets(api: Api, owner: Device, actor: Device, actorKind: Actor, teamId: string, scopeId: string): Promise<Targets> {
  const ownerCap = uuidv7();
  const ownerCol = uuidv7();
  await api.pushOk(owner, [
    api.mut(owner, 'createCapture', { id: ownerCap, scopeId, capturedAt: 1, ...draft('owner-post-' + ownerCap), postId: 'owner-post', permalink: 'https://x.com/o/status/1', tags: ['seed'] }),
    api.mut(owner, 'createCollection', { id: ownerCol, scopeId, name: 'team col' }),
    api.mut(owner, 'addToCollection', { collectionId: ownerCol, captureId: ownerCap }),
  ]);
  let actorCap: string | null = null;
  if (actorKind === 'editor' || actorKind === 'removed') {
    actorCap = uuidv7();
    const r = await api.pushOk(actor, [api.mut(actor, 'createCapture', { id: actorCap, scopeId, capturedAt: 1, ...draft(uuidv7()) })]);
    expect(r.results[0]!.status).toBe('applied');
  }
  const personalCap = uuidv7();
  await api.pushOk(actor, [api.mut(actor, 'createCapture', { id: personalCap, scopeId: `personal:${actor.userId}`, capturedAt: 1, ...draft(uuidv7()) })]);
  void teamId;
  return { scopeId, teamId, ownerCap, actorCap, ownerCol, personalCap };
}

describe.each(STORE_KINDS)('authorisation matrix on %s', (kind) => {
  it.each(['owner', 'editor', 'viewer', 'stranger', 'removed'] as Actor[])('%s: every mutation gets what the role table says', async (actorKind) => {
    const { api, owner, actor, teamId, scopeId } = await world(kind, actorKind);
    const got: Record<string, string> = {};
    const want: Record<string, string> = {};
    for (const c of cases) {
      const t = await targets(api, owner, actor, actorKind, teamId, scopeId);
      if (actorKind === 'removed') {
        const r = await api.req('DELETE', `/v1/teams/${teamId}/members/${actor.userId}`, { token: owner.token });
        if (r.status !== 200 && r.status !== 404) throw new Error('remove failed');
      }
      const res = await api.pushOk(actor, [api.mut(actor, c.mutation, c.args(t))]);
      got[c.name] = label(res.results[0]!);
      want[c.name] = c.expect[actorKind];
      if (actorKind === 'removed') await api.join(owner, teamId, actor, 'editor'); // re-add for the next case's setup
      // Clean the owner's capture out of the way so the next case can reuse the post key.
      await api.pushOk(owner, [api.mut(owner, 'deleteCapture', { id: t.ownerCap })]);
    }
    expect(got).toEqual(want);
  });

  it.each(['stranger', 'removed'] as Actor[])('%s: an existing id and a random id get identical answers (no existence leak)', async (actorKind) => {
    const { api, owner, actor, teamId, scopeId } = await world(kind, actorKind);
    const t = await targets(api, owner, actor, actorKind, teamId, scopeId);
    if (actorKind === 'removed') await api.req('DELETE', `/v1/teams/${teamId}/members/${actor.userId}`, { token: owner.token });
    const ghost: Targets = { ...t, ownerCap: uuidv7(), ownerCol: uuidv7(), actorCap: uuidv7() };
    for (const c of cases) {
      const real = await api.pushOk(actor, [api.mut(actor, c.mutation, c.args(t))]);
      const fake = await api.pushOk(actor, [api.mut(actor, c.mutation, c.args(ghost))]);
      expect({ case: c.name, r: label(real.results[0]!) }).toEqual({ case: c.name, r: label(fake.results[0]!) });
    }
    const rep = new Replica();
    rep.apply(await api.pullAll(actor));
    expect([...rep.rows.values()].every((v) => v.scopeId === `personal:${actor.userId}`)).toBe(true);
    // Team endpoints: a non-member gets 404 for a real team, the same as for a random one.
    for (const path of [`/v1/teams/${teamId}/members`, `/v1/teams/${uuidv7()}/members`]) {
      expect((await api.req('GET', path, { token: actor.token })).status).toBe(404);
    }
  });

  it('team endpoints by role: only owners invite, change roles and remove others; anyone may leave', async () => {
    const { api, owner, teamId } = await world(kind, 'owner');
    const editor = await api.signup('editor');
    const viewer = await api.signup('viewer');
    const stranger = await api.signup('stranger');
    await api.join(owner, teamId, editor, 'editor');
    await api.join(owner, teamId, viewer, 'viewer');
    const status = async (d: Device, method: string, path: string, body?: unknown) => (await api.req(method, path, { token: d.token, body })).status;
    const inv = { role: 'viewer', expiresInHours: 1 };
    expect(await status(editor, 'POST', `/v1/teams/${teamId}/invites`, inv)).toBe(403); // S4
    expect(await status(viewer, 'POST', `/v1/teams/${teamId}/invites`, inv)).toBe(403);
    expect(await status(stranger, 'POST', `/v1/teams/${teamId}/invites`, inv)).toBe(404);
    expect(await status(editor, 'PATCH', `/v1/teams/${teamId}/members/${viewer.userId}`, { role: 'editor' })).toBe(403);
    expect(await status(stranger, 'PATCH', `/v1/teams/${teamId}/members/${viewer.userId}`, { role: 'editor' })).toBe(404);
    expect(await status(editor, 'DELETE', `/v1/teams/${teamId}/members/${viewer.userId}`)).toBe(403);
    expect(await status(viewer, 'GET', `/v1/teams/${teamId}/members`)).toBe(200);
    expect(await status(stranger, 'GET', `/v1/teams/${teamId}/members`)).toBe(404);
    expect(await status(owner, 'PATCH', `/v1/teams/${teamId}/members/${viewer.userId}`, { role: 'editor' })).toBe(200);
    expect(await status(owner, 'DELETE', `/v1/teams/${teamId}/members/${owner.userId}`)).toBe(409); // last owner
    expect(await status(editor, 'DELETE', `/v1/teams/${teamId}/members/${editor.userId}`)).toBe(200); // leave
    expect(await status(editor, 'GET', `/v1/teams/${teamId}/members`)).toBe(404);
    // revoked device: every authenticated endpoint is 401
    expect(await status(viewer, 'DELETE', '/v1/sessions/current')).toBe(200);
    for (const [m, p] of [['GET', '/v1/me'], ['GET', '/v1/devices'], ['GET', `/v1/teams/${teamId}/members`], ['POST', '/v1/sync/pull'], ['POST', '/v1/sync/push']] as const) {
      expect(await status(viewer, m, p, m === 'POST' ? {} : undefined)).toBe(401);
    }
  });
});

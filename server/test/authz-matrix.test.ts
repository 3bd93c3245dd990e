// @vitest-environment node
/**
 * Authorisation matrix (issue 10, docs/sync-protocol.md 4 "role table"): every mutation name of
 * `MUTATION_NAMES` × every actor kind (scope owner, editor on their own row, editor on another's row
 * or comment, viewer, non-member, another user's personal scope, removed member) gets exactly the answer of its row in
 * ./authz-rows.ts, and a refusal leaves every stored row and scope version as it was. A mutation name
 * without a row fails. Runs on SQLite and PostgreSQL, one shared world per store (fresh target rows
 * per cell). Also: unreadable ids answer like random ones (no existence leak), a revoked device gets
 * 401 for every mutation, and the team endpoints by role.
 */
import { isDeepStrictEqual } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { MUTATION_NAMES } from '../../lib/schema';
import { draft, Replica, setup, STORE_KINDS, type Device, type TestStore } from './harness';
import { ACTOR_KINDS, buildWorld, label, makeCell, snapshot, type Cell, type World } from './authz-world';
import { ROWS, uncovered } from './authz-rows';

/** Per test: a few dozen pushes and snapshots; generous for a busy 2-core machine. */
const BUDGET = 180_000;

describe('the authorisation matrix covers every mutation', () => {
  it('has a row for every name in MUTATION_NAMES and no row for any other name', () => {
    expect(uncovered(ROWS, MUTATION_NAMES)).toEqual([]);
    expect(Object.keys(ROWS).sort()).toEqual([...MUTATION_NAMES].sort());
  });

  it('the coverage check names a mutation that was added without a row', () => {
    expect(uncovered(ROWS, [...MUTATION_NAMES, 'someFutureMutation'])).toEqual(['someFutureMutation']);
    const { withdraw: _w, ...missingOne } = ROWS;
    expect(uncovered(missingOne, MUTATION_NAMES)).toEqual(['withdraw']);
  });
});

describe.each(STORE_KINDS)('authorisation on %s', (kind) => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(kind);
  }, BUDGET);
  afterAll(async () => {
    await w?.ts.cleanup();
  }, BUDGET);

  const send = async (c: Cell, name: string, args: Record<string, unknown>) => label((await w.api.pushOk(c.actor, [w.api.mut(c.actor, name, args)])).results[0]!);

  it.each(MUTATION_NAMES)('%s: each actor kind gets its role-table answer; a refusal changes no stored row', async (name) => {
    const row = ROWS[name];
    if (!row) throw new Error(`no matrix row for mutation ${name}`);
    const got: Record<string, { answer: string; changed: boolean }> = {};
    const want: typeof got = {};
    for (const actorKind of ACTOR_KINDS) {
      const c = await makeCell(w, actorKind);
      const before = await snapshot(w.db);
      const answer = await send(c, name, row.args(c));
      got[actorKind] = { answer, changed: !isDeepStrictEqual(before, await snapshot(w.db)) };
      want[actorKind] = { answer: row.expect[actorKind], changed: row.expect[actorKind].startsWith('applied') };
    }
    expect(got).toEqual(want);
  }, BUDGET);

  it.each(['nonMember', 'removed', 'otherPersonal'] as const)('%s: every mutation answers a real unreadable id exactly as a random one (no existence leak)', async (who) => {
    for (const name of MUTATION_NAMES) {
      const c = who === 'removed' ? await makeCell(w, 'nonMember', w.people.removed) : await makeCell(w, who);
      const [prefix] = c.scopeId.split(':');
      const ghost: Cell = { ...c, cap: uuidv7(), loose: uuidv7(), col: uuidv7(), cmt: uuidv7(), scopeId: `${prefix}:${uuidv7()}` };
      const row = ROWS[name];
      expect({ name, answer: await send(c, name, row.args(c)) }).toEqual({ name, answer: await send(ghost, name, row.args(ghost)) });
    }
    const actor = who === 'removed' ? w.people.removed : who === 'nonMember' ? w.people.stranger : w.people.editor;
    const rep = new Replica();
    rep.apply(await w.api.pullAll({ ...actor, cookie: null }));
    const readable = who === 'otherPersonal' ? [`personal:${actor.userId}`, w.team] : [`personal:${actor.userId}`];
    expect([...rep.rows.values()].filter((v) => !readable.includes(v.scopeId))).toEqual([]);
  }, BUDGET);

  it('a revoked device: every mutation is refused with 401 before any handler; nothing changes', async () => {
    const c = await makeCell(w, 'editorOwn');
    const revoked = await w.api.newDevice(w.people.editor);
    expect((await w.api.req('DELETE', '/v1/sessions/current', { token: revoked.token })).status).toBe(200);
    const before = await snapshot(w.db);
    const answers = [];
    for (const name of MUTATION_NAMES) answers.push([name, (await w.api.push(revoked, [w.api.mut(revoked, name, ROWS[name].args({ ...c, actor: revoked }))])).status]);
    expect(answers).toEqual(MUTATION_NAMES.map((n) => [n, 401]));
    expect(await snapshot(w.db)).toEqual(before);
  }, BUDGET);

  it("no write beyond one's role: an editor's completeCapture cannot rewrite another member's team capture", async () => {
    const c = await makeCell(w, 'editorOther');
    const read = async (id: string) => JSON.parse((await w.db.selectFrom('captures').select('content_json').where('id', '=', id).executeTakeFirstOrThrow()).content_json) as { text: string; links: unknown[] };
    const stored = await read(c.cap);
    const longer = draft(c.post, { text: `${stored.text} — rewritten by someone else ${'x'.repeat(300)}`, links: [{ url: 'https://evil.example/', title: null }] });
    expect(await send(c, 'completeCapture', { id: c.cap, set: longer })).toBe('rejected:forbidden');
    expect(await read(c.cap)).toEqual(stored);
    // The capture's owner and the team's owner still complete it.
    const own = await makeCell(w, 'editorOwn');
    expect(await send(own, 'completeCapture', { id: own.cap, set: draft(own.post, { text: `post ${own.post} and more` }) })).toBe('applied');
    expect((await read(own.cap)).text).toBe(`post ${own.post} and more`);
    const byOwner = await makeCell(w, 'owner');
    expect(await send(byOwner, 'completeCapture', { id: byOwner.cap, set: draft(byOwner.post, { text: `post ${byOwner.post} and more` }) })).toBe('applied');
  }, BUDGET);

  it("no write beyond one's role: an editor's createCapture of a post another member shared merges nothing into it", async () => {
    const c = await makeCell(w, 'editorOther');
    const rowOf = (id: string) => w.db.selectFrom('captures').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const before = await rowOf(c.cap);
    const id = uuidv7();
    const res = await w.api.pushOk(c.actor, [w.api.mut(c.actor, 'createCapture', { id, scopeId: w.team, capturedAt: 1, ...draft(c.post, { text: `post ${c.post} ${'longer '.repeat(30)}` }), note: 'mine', tags: ['mine'] })]);
    expect(res.results[0]).toMatchObject({ status: 'noop', code: 'merged', canonicalId: c.cap });
    expect(await rowOf(c.cap)).toEqual(before);
    expect(await w.db.selectFrom('capture_tags').select('tag').where('capture_id', '=', c.cap).execute()).toEqual([{ tag: 'seed' }]);
    // Later mutations naming the alias reach the owner's row and are judged as such.
    expect(await send(c, 'updateCapture', { id, baseVersion: 0, set: { note: 'via alias' } })).toBe('rejected:forbidden');
  }, BUDGET);

  it('the role is judged before the tombstone: deleted rows answer a caller without the right `forbidden`, the row owner `noop`/`gone`', async () => {
    const c = await makeCell(w, 'editorOther');
    const owner = w.people.owner;
    await w.api.pushOk(owner, [w.api.mut(owner, 'deleteCapture', { id: c.cap }), w.api.mut(owner, 'deleteCollection', { id: c.col })]);
    const answers = async (cell: Cell) => ({
      deleteCapture: await send(cell, 'deleteCapture', { id: c.cap }),
      completeCapture: await send(cell, 'completeCapture', { id: c.cap, set: draft(c.post, { text: `post ${c.post} and more` }) }),
      addTag: await send(cell, 'addTag', { captureId: c.cap, tag: 'late' }),
      renameCollection: await send(cell, 'renameCollection', { id: c.col, name: 'late' }),
      deleteCollection: await send(cell, 'deleteCollection', { id: c.col }),
    });
    const F = 'rejected:forbidden';
    expect(await answers(c)).toEqual({ deleteCapture: F, completeCapture: F, addTag: F, renameCollection: F, deleteCollection: F });
    expect(await answers({ ...c, actor: owner })).toEqual({ deleteCapture: 'noop', completeCapture: 'gone', addTag: 'gone', renameCollection: 'gone', deleteCollection: 'noop' });
  }, BUDGET);
});

describe.each(STORE_KINDS)('team endpoints by role on %s', (kind) => {
  const open: TestStore[] = [];
  afterEach(async () => {
    while (open.length) await open.pop()!.cleanup();
  }, BUDGET);

  it('only owners invite, change roles and remove others; anyone may leave; a revoked device gets 401', async () => {
    const e = await setup(kind);
    open.push(e.ts);
    const api = e.api;
    const owner = await api.signup('owner');
    const { teamId } = await api.createTeam(owner);
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
    // Listing and revoking invites (issue 10): owners only; non-members get 404.
    const invites = `/v1/teams/${teamId}/invites`;
    expect(await status(owner, 'POST', invites, inv)).toBe(201);
    const inviteId = (await api.req('GET', invites, { token: owner.token })).body.invites[0].inviteId as string;
    for (const [d, want] of [[editor, 403], [viewer, 403], [stranger, 404]] as const) {
      expect(await status(d, 'GET', invites)).toBe(want);
      expect(await status(d, 'DELETE', `${invites}/${inviteId}`)).toBe(want);
    }
    expect(await status(owner, 'DELETE', `${invites}/${inviteId}`)).toBe(200);
    expect(await status(editor, 'PATCH', `/v1/teams/${teamId}/members/${viewer.userId}`, { role: 'editor' })).toBe(403);
    expect(await status(stranger, 'PATCH', `/v1/teams/${teamId}/members/${viewer.userId}`, { role: 'editor' })).toBe(404);
    expect(await status(editor, 'DELETE', `/v1/teams/${teamId}/members/${viewer.userId}`)).toBe(403);
    expect(await status(viewer, 'GET', `/v1/teams/${teamId}/members`)).toBe(200);
    expect(await status(stranger, 'GET', `/v1/teams/${teamId}/members`)).toBe(404);
    expect(await status(stranger, 'GET', `/v1/teams/${uuidv7()}/members`)).toBe(404);
    expect(await status(owner, 'PATCH', `/v1/teams/${teamId}/members/${viewer.userId}`, { role: 'editor' })).toBe(200);
    expect(await status(owner, 'DELETE', `/v1/teams/${teamId}/members/${owner.userId}`)).toBe(409); // last owner
    expect(await status(editor, 'DELETE', `/v1/teams/${teamId}/members/${editor.userId}`)).toBe(200); // leave
    expect(await status(editor, 'GET', `/v1/teams/${teamId}/members`)).toBe(404);
    expect(await status(viewer, 'DELETE', '/v1/sessions/current')).toBe(200);
    for (const [m, p] of [['GET', '/v1/me'], ['GET', '/v1/devices'], ['GET', `/v1/teams/${teamId}/members`], ['POST', '/v1/sync/pull'], ['POST', '/v1/sync/push']] as const) {
      expect(await status(viewer, m, p, m === 'POST' ? {} : undefined)).toBe(401);
    }
  }, BUDGET);
});

// @vitest-environment node
/**
 * Invite codes (issue 10, docs/sync-protocol.md 4 "Invites"): single-use by default or `maxUses`
 * chosen at creation; listed and revoked by owners; a used-up, revoked or expired code, and an old
 * code offered by a removed member, answer exactly like an unknown one; concurrent accepts of a
 * single-use code admit exactly one user. Runs on SQLite and PostgreSQL.
 */
import { Migrator } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { InviteList } from '../../lib/schema';
import { sha256Hex } from '../src/auth/tokens';
import { migrationProvider } from '../src/db/migrations';
import { openStore } from '../src/db/open-store';
import { createApp, testConfig } from '../src/app';
import { Api, setup, STORE_KINDS, type Device, type TestStore } from './harness';

const open: TestStore[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.cleanup();
}, 60_000);

/** The answer to a code nobody ever issued: every code that admits nobody must look exactly like it. */
/** Generous per-test budget: argon2 sign-ups and PG round trips on a slow, busy 2-core machine. */
const BUDGET = 60_000;

const UNKNOWN = { status: 404, body: { error: { code: 'not_found', message: 'invite not found or no longer valid' } } };

describe.each(STORE_KINDS)('invites on %s', (kind) => {
  async function world(over: Parameters<typeof setup>[1] = {}) {
    const e = await setup(kind, over);
    open.push(e.ts);
    const owner = await e.api.signup('owner');
    const { teamId, scopeId } = await e.api.createTeam(owner);
    const invite = async (body: Record<string, unknown> = {}, by: Device = owner) =>
      e.api.req('POST', `/v1/teams/${teamId}/invites`, { token: by.token, body: { role: 'editor', expiresInHours: 24, ...body } });
    const code = async (body: Record<string, unknown> = {}): Promise<string> => {
      const r = await invite(body);
      expect(r.status).toBe(201);
      return r.body.code as string;
    };
    const accept = async (d: Device, c: string) => {
      const r = await e.api.req('POST', `/v1/invites/${encodeURIComponent(c)}/accept`, { token: d.token });
      return { status: r.status, body: r.body };
    };
    const list = async (d: Device = owner) => e.api.req('GET', `/v1/teams/${teamId}/invites`, { token: d.token });
    const memberIds = async () => (await e.store.db.selectFrom('memberships').select('user_id').where('scope_id', '=', scopeId).execute()).map((m) => m.user_id).sort();
    return { ...e, owner, teamId, scopeId, invite, code, accept, list, memberIds };
  }

  it('a code is single-use by default: the second user gets the same answer as a wrong code', { timeout: BUDGET }, async () => {
    const w = await world();
    const [a, b] = [await w.api.signup('a'), await w.api.signup('b')];
    const c = await w.code();
    expect(await w.accept(a, c)).toEqual({ status: 200, body: { teamId: w.teamId, scopeId: w.scopeId, role: 'editor' } });
    expect(await w.accept(b, c)).toEqual(UNKNOWN);
    expect(await w.accept(b, 'A'.repeat(22))).toEqual(UNKNOWN);
    expect(await w.memberIds()).toEqual([w.owner.userId, a.userId].sort());
    // A member offering the used-up code again gets the unknown answer too, and keeps their role.
    expect(await w.accept(a, c)).toEqual(UNKNOWN);
  });

  it('maxUses admits that many users, then answers like an unknown code; 0, 101 and 1.5 are refused', { timeout: BUDGET }, async () => {
    const w = await world();
    const c = await w.code({ maxUses: 3 });
    const users = [];
    for (let i = 0; i < 4; i++) users.push(await w.api.signup(`u${i}`));
    const got = [];
    for (const u of users) got.push((await w.accept(u, c)).status);
    expect(got).toEqual([200, 200, 200, 404]);
    expect(await w.accept(users[3]!, c)).toEqual(UNKNOWN);
    const [inv] = (await w.list()).body.invites;
    expect(inv).toMatchObject({ uses: 3, maxUses: 3, status: 'used_up' });
    for (const maxUses of [0, 101, 1.5, '2']) expect((await w.invite({ maxUses })).status).toBe(400);
    expect((await w.invite({ maxUses: 100 })).status).toBe(201);
  });

  it('an existing member accepting a live code keeps their role and uses nothing', { timeout: BUDGET }, async () => {
    const w = await world();
    const c = await w.code({ role: 'viewer', maxUses: 2 });
    expect(await w.accept(w.owner, c)).toMatchObject({ status: 200, body: { role: 'owner' } });
    const [inv] = (await w.list()).body.invites;
    expect(inv).toMatchObject({ uses: 0, maxUses: 2, status: 'active' });
  });

  it('an expired code answers like an unknown one and lists as expired', { timeout: BUDGET }, async () => {
    let clock = Date.now();
    const w = await world({ now: () => clock });
    const c = await w.code({ expiresInHours: 1 });
    clock += 3_600_000;
    expect(await w.accept(await w.api.signup('late'), c)).toEqual(UNKNOWN);
    expect((await w.list()).body.invites[0].status).toBe('expired');
  });

  it('the owner lists invites with role, creator, times, uses and status, never a code; others may not', { timeout: BUDGET }, async () => {
    const w = await world();
    const c1 = await w.code({ role: 'viewer', expiresInHours: 48, maxUses: 5 });
    const c2 = await w.code();
    await w.accept(await w.api.signup('a'), c1);
    const r = await w.list();
    expect(r.status).toBe(200);
    expect(InviteList.safeParse(r.body).success).toBe(true);
    const [second, first] = r.body.invites; // newest first
    expect(first).toMatchObject({ role: 'viewer', uses: 1, maxUses: 5, revokedAt: null, status: 'active', createdBy: { userId: w.owner.userId, displayName: 'owner' } });
    expect(first.expiresAt - first.createdAt).toBe(48 * 3_600_000);
    expect(second).toMatchObject({ role: 'editor', uses: 0, maxUses: 1, status: 'active' });
    const text = JSON.stringify(r.body);
    for (const c of [c1, c2]) expect(text.includes(c)).toBe(false);
    const hashes = await w.store.db.selectFrom('invites').select('code_hash').execute();
    expect(hashes.every((h) => /^[0-9a-f]{64}$/.test(h.code_hash))).toBe(true);
    const editor = await w.api.signup('editor');
    const viewer = await w.api.signup('viewer');
    await w.api.join(w.owner, w.teamId, editor, 'editor');
    await w.api.join(w.owner, w.teamId, viewer, 'viewer');
    const stranger = await w.api.signup('stranger');
    expect([(await w.list(editor)).status, (await w.list(viewer)).status, (await w.list(stranger)).status]).toEqual([403, 403, 404]);
    expect((await w.api.req('GET', `/v1/teams/${uuidv7()}/invites`, { token: w.owner.token })).status).toBe(404);
  });

  it('revoke: the code then answers like an unknown one; twice is fine; only owners; unknown or foreign ids are 404', { timeout: BUDGET }, async () => {
    const w = await world();
    const c = await w.code({ maxUses: 10 });
    const a = await w.api.signup('a');
    expect((await w.accept(a, c)).status).toBe(200);
    const inviteId = (await w.list()).body.invites[0].inviteId as string;
    const revoke = (d: Device, teamId = w.teamId, id = inviteId) => w.api.req('DELETE', `/v1/teams/${teamId}/invites/${id}`, { token: d.token });
    expect((await revoke(a)).status).toBe(403); // an editor
    expect(await revoke(w.owner)).toMatchObject({ status: 200, body: { ok: true } });
    expect((await revoke(w.owner)).status).toBe(200);
    expect(await w.accept(await w.api.signup('b'), c)).toEqual(UNKNOWN);
    const [inv] = (await w.list()).body.invites;
    expect(inv).toMatchObject({ status: 'revoked', uses: 1 });
    expect(inv.revokedAt).toEqual(expect.any(Number));
    const audit = await w.store.db.selectFrom('audit_log').select(['action', 'target']).where('action', '=', 'invite.revoke').execute();
    expect(audit).toEqual([{ action: 'invite.revoke', target: inviteId }]); // once, not per call
    // Another team's owner cannot revoke this invite through their own team, nor this team's.
    const other = await w.api.signup('other');
    const t2 = await w.api.createTeam(other);
    expect((await revoke(other, t2.teamId)).status).toBe(404);
    expect((await revoke(other)).status).toBe(404);
    for (const id of [uuidv7(), 'nope', '%00']) expect((await revoke(w.owner, w.teamId, id)).status).toBe(404);
  });

  it('a removed member cannot come back with the code they used or any code made before the removal; a new invite brings them back', { timeout: BUDGET }, async () => {
    const w = await world();
    const used = await w.code({ maxUses: 5 });
    const older = await w.code({ role: 'viewer', maxUses: 5 });
    const m = await w.api.signup('member');
    expect((await w.accept(m, used)).status).toBe(200);
    expect((await w.api.req('DELETE', `/v1/teams/${w.teamId}/members/${m.userId}`, { token: w.owner.token })).status).toBe(200);
    expect(await w.accept(m, used)).toEqual(UNKNOWN);
    expect(await w.accept(m, older)).toEqual(UNKNOWN);
    expect(await w.memberIds()).toEqual([w.owner.userId]);
    // The codes still work for others.
    expect((await w.accept(await w.api.signup('c'), used)).status).toBe(200);
    // A code made after the removal admits them.
    const fresh = await w.code();
    expect(await w.accept(m, fresh)).toMatchObject({ status: 200, body: { role: 'editor' } });
  });

  it('a member who leaves on their own may rejoin with a code that still has uses', { timeout: BUDGET }, async () => {
    const w = await world();
    const c = await w.code({ maxUses: 3 });
    const m = await w.api.signup('member');
    expect((await w.accept(m, c)).status).toBe(200);
    expect((await w.api.req('DELETE', `/v1/teams/${w.teamId}/members/${m.userId}`, { token: m.token })).status).toBe(200);
    expect((await w.accept(m, c)).status).toBe(200);
  });

  it('invites made by an owner stop when that owner leaves, is removed or is made an editor; others’ invites stay', { timeout: BUDGET }, async () => {
    const w = await world();
    const owners = [await w.api.signup('leaves'), await w.api.signup('removed'), await w.api.signup('demoted')];
    const codes: string[] = [];
    for (const o of owners) {
      await w.api.join(w.owner, w.teamId, o, 'editor');
      expect((await w.api.req('PATCH', `/v1/teams/${w.teamId}/members/${o.userId}`, { token: w.owner.token, body: { role: 'owner' } })).status).toBe(200);
      codes.push((await w.invite({ maxUses: 5 }, o)).body.code);
    }
    const mine = await w.code({ maxUses: 5 });
    const [leaves, removed, demoted] = owners as [Device, Device, Device];
    expect((await w.api.req('DELETE', `/v1/teams/${w.teamId}/members/${leaves.userId}`, { token: leaves.token })).status).toBe(200);
    expect((await w.api.req('DELETE', `/v1/teams/${w.teamId}/members/${removed.userId}`, { token: w.owner.token })).status).toBe(200);
    expect((await w.api.req('PATCH', `/v1/teams/${w.teamId}/members/${demoted.userId}`, { token: w.owner.token, body: { role: 'editor' } })).status).toBe(200);
    const newcomer = await w.api.signup('newcomer');
    for (const c of codes) expect(await w.accept(newcomer, c)).toEqual(UNKNOWN);
    const byCreator = new Map(((await w.list()).body.invites as Array<{ createdBy: { userId: string }; status: string }>).map((i) => [i.createdBy.userId, i.status]));
    expect(owners.map((o) => byCreator.get(o.userId))).toEqual(['revoked', 'revoked', 'revoked']);
    expect(await w.accept(newcomer, mine)).toMatchObject({ status: 200 });
  });

  it('concurrent accepts of a single-use code admit exactly one user', { timeout: 2 * BUDGET }, async () => {
    const w = await world();
    for (let round = 0; round < 8; round++) {
      const c = await w.code();
      const [a, b] = [await w.api.signup(`a${round}`), await w.api.signup(`b${round}`)];
      const got = await Promise.all([w.accept(a, c), w.accept(b, c)]);
      expect(got.map((g) => g.status).sort()).toEqual([200, 404]);
      expect(got.find((g) => g.status === 404)).toEqual(UNKNOWN);
      const joined = (await w.memberIds()).filter((id) => id === a.userId || id === b.userId);
      expect(joined).toHaveLength(1);
    }
    const invites = (await w.list()).body.invites as Array<{ uses: number }>;
    expect(invites.map((i) => i.uses)).toEqual(Array(8).fill(1));
  });
});

describe('migration 002 on invites made before it', () => {
  it('an invite already used once admits nobody more; an unused one admits one user', { timeout: BUDGET }, async () => {
    const store = openStore('sqlite::memory:');
    try {
      const migrator = new Migrator({ db: store.db, provider: migrationProvider });
      expect((await migrator.migrateTo('001_initial')).error).toBeUndefined();
      const api = new Api(createApp({ store, config: testConfig(), log: () => {} }));
      const t = Date.now();
      const old = (id: string, uses: number) => ({ id, code_hash: sha256Hex(id), team_id: 'T', role: 'editor' as const, created_by: 'x', created_at: t, expires_at: t + 3_600_000, uses });
      await store.db.insertInto('scopes').values({ id: 'team:T', kind: 'team', name: 'T', created_at: t }).execute();
      await store.db.insertInto('invites').values([old('used-code', 1), old('fresh-code', 0)]).execute();
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      const [a, b] = [await api.signup('a'), await api.signup('b')];
      expect((await api.req('POST', '/v1/invites/used-code/accept', { token: a.token })).status).toBe(404);
      expect((await api.req('POST', '/v1/invites/fresh-code/accept', { token: a.token })).status).toBe(200);
      expect((await api.req('POST', '/v1/invites/fresh-code/accept', { token: b.token })).status).toBe(404);
    } finally {
      await store.close();
    }
  });
});

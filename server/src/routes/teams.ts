/**
 * Teams, invites and members: online-only REST (docs/sync-protocol.md 3.3 "Team administration"), never queued.
 * Non-members get 404 for a team (existence does not leak); members lacking the role get 403.
 */
import { Hono } from 'hono';
import { uuidv7 } from 'uuidv7';
import { CreateInviteRequest, CreateTeamRequest, PatchMemberRequest } from '../../../lib/schema';
import { requireDevice } from '../auth/middleware';
import { newInviteCode, sha256Hex } from '../auth/tokens';
import { roleIn, type Role } from '../authz';
import { limit, readBody, type AppEnv } from '../context';
import type { Tx } from '../db/open-store';
import { forbidden, HttpError, notFound } from '../errors';

const scopeOf = (teamId: string) => `team:${teamId}`;

/** The caller's role in the team (404 when not a member or no such team). */
async function memberRole(tx: Tx, userId: string, teamId: string): Promise<Role> {
  const role = /^[A-Za-z0-9_-]{1,64}$/.test(teamId) ? await roleIn(tx, userId, scopeOf(teamId)) : null;
  if (!role) throw notFound('no such team');
  return role;
}

/** Locks the team scope row (PG) so membership changes serialise with pushes into the scope. */
async function lockScope(tx: Tx, forUpdate: boolean, scopeId: string): Promise<void> {
  let q = tx.selectFrom('scopes').select('id').where('id', '=', scopeId);
  if (forUpdate) q = q.forUpdate();
  await q.executeTakeFirst();
}

async function ownerCount(tx: Tx, scopeId: string): Promise<number> {
  const r = await tx.selectFrom('memberships').select((e) => e.fn.countAll<number>().as('n')).where('scope_id', '=', scopeId).where('role', '=', 'owner').executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Routes under /v1: teams, invites, members. All need a device token. */
export function teamRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.use('/teams/*', requireDevice);
  r.use('/teams', requireDevice);
  r.use('/invites/*', requireDevice);

  r.post('/teams', async (c) => {
    const { store, now } = c.get('deps');
    const auth = c.get('auth');
    await limit(c, 'invites', `team:${auth.userId}`);
    const b = await readBody(c, CreateTeamRequest);
    const teamId = uuidv7();
    const scopeId = scopeOf(teamId);
    await store.write(async (tx) => {
      const t = now();
      await tx.insertInto('scopes').values({ id: scopeId, kind: 'team', name: b.name, created_at: t }).execute();
      await tx.insertInto('teams').values({ id: teamId, scope_id: scopeId, name: b.name, created_by: auth.userId, created_at: t }).execute();
      await tx.insertInto('memberships').values({ scope_id: scopeId, user_id: auth.userId, role: 'owner', created_at: t }).execute();
    });
    return c.json({ teamId, scopeId }, 201);
  });

  r.post('/teams/:teamId/invites', async (c) => {
    const { store, now } = c.get('deps');
    const auth = c.get('auth');
    const teamId = c.req.param('teamId');
    const role = await memberRole(store.db, auth.userId, teamId);
    if (role !== 'owner') throw forbidden('only owners invite');
    await limit(c, 'invites', auth.userId); // S9: invite flood
    const b = await readBody(c, CreateInviteRequest);
    const code = newInviteCode();
    const t = now();
    const expiresAt = t + b.expiresInHours * 3_600_000;
    await store.db.insertInto('invites').values({ id: uuidv7(), code_hash: sha256Hex(code), team_id: teamId, role: b.role, created_by: auth.userId, created_at: t, expires_at: expiresAt }).execute();
    return c.json({ code, expiresAt }, 201);
  });

  r.post('/invites/:code/accept', async (c) => {
    const { store, now } = c.get('deps');
    const auth = c.get('auth');
    await limit(c, 'auth', `invite:${auth.userId}`); // guessing codes is throttled like sign-in
    const code = c.req.param('code');
    const out = await store.write(async (tx) => {
      const inv = await tx.selectFrom('invites').selectAll().where('code_hash', '=', sha256Hex(code)).executeTakeFirst();
      if (!inv || Number(inv.expires_at) <= now()) throw notFound('invite not found or expired');
      const scopeId = scopeOf(inv.team_id);
      await lockScope(tx, store.forUpdate, scopeId);
      const current = await roleIn(tx, auth.userId, scopeId);
      if (current) return { teamId: inv.team_id, scopeId, role: current }; // already a member: never downgraded
      await tx.insertInto('memberships').values({ scope_id: scopeId, user_id: auth.userId, role: inv.role, created_at: now() }).execute();
      await tx.updateTable('invites').set({ uses: Number(inv.uses) + 1 }).where('id', '=', inv.id).execute();
      await tx.insertInto('audit_log').values({ id: uuidv7(), actor_user_id: auth.userId, action: 'member.join', scope_id: scopeId, target: auth.userId, created_at: now() }).execute();
      return { teamId: inv.team_id, scopeId, role: inv.role as Role };
    });
    return c.json(out);
  });

  r.get('/teams/:teamId/members', async (c) => {
    const { store } = c.get('deps');
    const teamId = c.req.param('teamId');
    await memberRole(store.db, c.get('auth').userId, teamId);
    const rows = await store.db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select(['users.id', 'users.display_name', 'memberships.role'])
      .where('memberships.scope_id', '=', scopeOf(teamId))
      .orderBy('users.display_name')
      .execute();
    return c.json({ members: rows.map((m) => ({ userId: m.id, displayName: m.display_name, role: m.role })) });
  });

  r.patch('/teams/:teamId/members/:userId', async (c) => {
    const { store, now } = c.get('deps');
    const auth = c.get('auth');
    const teamId = c.req.param('teamId');
    const target = c.req.param('userId');
    const b = await readBody(c, PatchMemberRequest);
    await store.write(async (tx) => {
      const scopeId = scopeOf(teamId);
      if ((await memberRole(tx, auth.userId, teamId)) !== 'owner') throw forbidden('only owners change roles');
      await lockScope(tx, store.forUpdate, scopeId);
      const cur = await roleIn(tx, target, scopeId);
      if (!cur) throw notFound('no such member');
      if (cur === 'owner' && b.role !== 'owner' && (await ownerCount(tx, scopeId)) <= 1) throw new HttpError(409, 'last_owner', 'a team needs at least one owner');
      await tx.updateTable('memberships').set({ role: b.role }).where('scope_id', '=', scopeId).where('user_id', '=', target).execute();
      await tx.insertInto('audit_log').values({ id: uuidv7(), actor_user_id: auth.userId, action: `member.role.${b.role}`, scope_id: scopeId, target, created_at: now() }).execute();
    });
    return c.json({ ok: true as const });
  });

  r.delete('/teams/:teamId/members/:userId', async (c) => {
    const { store, now } = c.get('deps');
    const auth = c.get('auth');
    const teamId = c.req.param('teamId');
    const target = c.req.param('userId');
    await store.write(async (tx) => {
      const scopeId = scopeOf(teamId);
      const role = await memberRole(tx, auth.userId, teamId);
      if (role !== 'owner' && target !== auth.userId) throw forbidden('only owners remove other members');
      // 3.8 step 1: one transaction, serialised with pushes into the scope by the scope lock.
      await lockScope(tx, store.forUpdate, scopeId);
      const cur = await roleIn(tx, target, scopeId);
      if (!cur) throw notFound('no such member');
      if (cur === 'owner' && (await ownerCount(tx, scopeId)) <= 1) throw new HttpError(409, 'last_owner', 'a team needs at least one owner');
      await tx.deleteFrom('memberships').where('scope_id', '=', scopeId).where('user_id', '=', target).execute();
      await tx.insertInto('audit_log').values({ id: uuidv7(), actor_user_id: auth.userId, action: target === auth.userId ? 'member.leave' : 'member.remove', scope_id: scopeId, target, created_at: now() }).execute();
    });
    return c.json({ ok: true as const });
  });

  return r;
}

/**
 * Teams and members (invites: ./invites.ts): online-only REST (docs/sync-protocol.md 3.3 "Team administration"), never queued.
 * Non-members get 404 for a team (existence does not leak); members lacking the role get 403.
 */
import { Hono } from 'hono';
import { uuidv7 } from 'uuidv7';
import { CreateTeamRequest, PatchMemberRequest } from '../../../lib/schema';
import { requireDevice } from '../auth/middleware';
import { roleIn } from '../authz';
import { limit, readBody, type AppEnv } from '../context';
import type { Tx } from '../db/open-store';
import { forbidden, HttpError, notFound } from '../errors';
import { addInviteRoutes, excludeFromTeamInvites, revokeInvitesMadeBy } from './invites';
import { lockScope, memberRole, scopeOf } from './team-access';

async function ownerCount(tx: Tx, scopeId: string): Promise<number> {
  const r = await tx.selectFrom('memberships').select((e) => e.fn.countAll<number>().as('n')).where('scope_id', '=', scopeId).where('role', '=', 'owner').executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Routes under /v1: teams, invites ({@link addInviteRoutes}), members. All need a device token. */
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

  addInviteRoutes(r);

  r.get('/teams/:teamId/members', async (c) => {
    const { store } = c.get('deps');
    const teamId = c.req.param('teamId');
    await memberRole(store.db, c.get('auth').userId, teamId);
    const rows = await store.db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select(['users.id', 'users.display_name', 'memberships.role', 'memberships.created_at', 'memberships.spotlight'])
      .where('memberships.scope_id', '=', scopeOf(teamId))
      .orderBy('users.display_name')
      .execute();
    return c.json({
      members: rows.map((m) => ({ userId: m.id, displayName: m.display_name, role: m.role, joinedAt: Number(m.created_at), spotlight: Boolean(Number(m.spotlight)) })),
    });
  });

  /**
   * `{role?, spotlight?}`: `role` by owners only (403 else; 409 `last_owner` when the last owner steps
   * down); `spotlight` only by the member themself (403 else). Both are audited.
   */

  r.patch('/teams/:teamId/members/:userId', async (c) => {
    const { store, now } = c.get('deps');
    const auth = c.get('auth');
    const teamId = c.req.param('teamId');
    const target = c.req.param('userId');
    const b = await readBody(c, PatchMemberRequest);
    await store.write(async (tx) => {
      const scopeId = scopeOf(teamId);
      const mine = await memberRole(tx, auth.userId, teamId);
      if (b.role !== undefined && mine !== 'owner') throw forbidden('only owners change roles');
      if (b.spotlight !== undefined && target !== auth.userId) throw forbidden('only the member themself changes their spotlight');
      await lockScope(tx, store.forUpdate, scopeId);
      const cur = await roleIn(tx, target, scopeId);
      if (!cur) throw notFound('no such member');
      const audit = (action: string) => tx.insertInto('audit_log').values({ id: uuidv7(), actor_user_id: auth.userId, action, scope_id: scopeId, target, created_at: now() }).execute();
      if (b.role !== undefined) {
        if (cur === 'owner' && b.role !== 'owner' && (await ownerCount(tx, scopeId)) <= 1) throw new HttpError(409, 'last_owner', 'a team needs at least one owner');
        await tx.updateTable('memberships').set({ role: b.role }).where('scope_id', '=', scopeId).where('user_id', '=', target).execute();
        if (cur === 'owner' && b.role !== 'owner') await revokeInvitesMadeBy(tx, teamId, target, auth.userId, now());
        await audit(`member.role.${b.role}`);
      }
      if (b.spotlight !== undefined) {
        await tx.updateTable('memberships').set({ spotlight: b.spotlight ? 1 : 0 }).where('scope_id', '=', scopeId).where('user_id', '=', target).execute();
        await audit(`member.spotlight.${b.spotlight ? 'on' : 'off'}`);
      }
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
      // docs/sync-protocol.md 4 "Invites": their own invites stop; removed by an owner, no earlier invite lets them back in.
      if (cur === 'owner') await revokeInvitesMadeBy(tx, teamId, target, auth.userId, now());
      if (target !== auth.userId) await excludeFromTeamInvites(tx, teamId, target, now());
      await tx.insertInto('audit_log').values({ id: uuidv7(), actor_user_id: auth.userId, action: target === auth.userId ? 'member.leave' : 'member.remove', scope_id: scopeId, target, created_at: now() }).execute();
    });
    return c.json({ ok: true as const });
  });

  return r;
}

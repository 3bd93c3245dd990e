/**
 * Invite codes (docs/sync-protocol.md 3.3 "Team administration" and 4 "Invites"): create (owner),
 * list and revoke (owner), accept (anyone signed in). A code is single-use unless the owner chose a
 * use count (`maxUses`, 1–100); a used-up, revoked, expired or unknown code, and an old code offered
 * by a member an owner removed, all answer the same `404`, so nothing about the code leaks.
 * Only the code's SHA-256 is stored; the code is shown once, at creation.
 */
import type { Hono } from 'hono';
import { uuidv7 } from 'uuidv7';
import { CreateInviteRequest, MAX_LISTED_INVITES, type InviteInfo, type InviteStatus } from '../../../lib/schema';
import { newInviteCode, sha256Hex } from '../auth/tokens';
import { roleIn, type Role } from '../authz';
import { limit, readBody, type AppEnv } from '../context';
import type { Tx } from '../db/open-store';
import { forbidden, notFound } from '../errors';
import { lockScope, memberRole, scopeOf } from './team-access';

/** The one answer for every code that admits nobody (no existence leak). */
const unknownInvite = () => notFound('invite not found or no longer valid');

/** The invite columns {@link inviteStatus} reads. */
interface InviteState {
  uses: number;
  max_uses: number;
  expires_at: number;
  revoked_at: number | null;
}

/** Where an invite stands at `now` (epoch ms, server clock): revoked, then used up, then expired, else active. */
export function inviteStatus(inv: InviteState, now: number): InviteStatus {
  if (inv.revoked_at !== null) return 'revoked';
  if (Number(inv.uses) >= Number(inv.max_uses)) return 'used_up';
  if (Number(inv.expires_at) <= now) return 'expired';
  return 'active';
}

/**
 * After an owner removed `userId` from team `teamId`: every invite of the team that could still
 * admit someone must never admit that user (the code they used, and any other made before the
 * removal). Invites created later are not affected, so an owner brings them back with a new one.
 * Runs inside the removal's transaction, under the scope lock.
 */
export async function excludeFromTeamInvites(tx: Tx, teamId: string, userId: string, now: number): Promise<void> {
  const live = await tx
    .selectFrom('invites')
    .select('id')
    .where('team_id', '=', teamId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .where((eb) => eb('uses', '<', eb.ref('max_uses')))
    .execute();
  if (live.length === 0) return;
  await tx
    .insertInto('invite_exclusions')
    .values(live.map((i) => ({ invite_id: i.id, user_id: userId, created_at: now })))
    .onConflict((oc) => oc.columns(['invite_id', 'user_id']).doNothing())
    .execute();
}

/**
 * When `userId` stops being an owner of team `teamId` (removed, left, or given another role): every
 * invite they made there that could still admit someone is revoked by `actorId`, so nobody joins on
 * the word of someone who no longer runs the team. Runs inside that change's transaction.
 */
export async function revokeInvitesMadeBy(tx: Tx, teamId: string, userId: string, actorId: string, now: number): Promise<void> {
  await tx
    .updateTable('invites')
    .set({ revoked_at: now, revoked_by: actorId })
    .where('team_id', '=', teamId)
    .where('created_by', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .where((eb) => eb('uses', '<', eb.ref('max_uses')))
    .execute();
}

/**
 * Joins `userId` to the team of the invite whose code hashes to `codeHash`, using one of its uses.
 * The scope row is locked before the invite is read again and its use taken with a conditional
 * update, so two accepts of a single-use code at once admit exactly one user (PG READ COMMITTED:
 * the second re-reads after the first commits). A member already in the team keeps their role
 * (never downgraded) and uses nothing. Throws `404` for every code that admits nobody.
 */
async function redeem(tx: Tx, forUpdate: boolean, codeHash: string, userId: string, now: number): Promise<{ teamId: string; scopeId: string; role: Role }> {
  const found = await tx.selectFrom('invites').select(['id', 'team_id']).where('code_hash', '=', codeHash).executeTakeFirst();
  if (!found) throw unknownInvite();
  const scopeId = scopeOf(found.team_id);
  await lockScope(tx, forUpdate, scopeId);
  const inv = await tx.selectFrom('invites').selectAll().where('id', '=', found.id).executeTakeFirstOrThrow();
  const excluded = await tx.selectFrom('invite_exclusions').select('user_id').where('invite_id', '=', inv.id).where('user_id', '=', userId).executeTakeFirst();
  if (excluded || inviteStatus(inv, now) !== 'active') throw unknownInvite();
  const current = await roleIn(tx, userId, scopeId);
  if (current) return { teamId: inv.team_id, scopeId, role: current };
  const took = await tx
    .updateTable('invites')
    .set((eb) => ({ uses: eb('uses', '+', 1) }))
    .where('id', '=', inv.id)
    .where('revoked_at', 'is', null)
    .where((eb) => eb('uses', '<', eb.ref('max_uses')))
    .executeTakeFirst();
  if (Number(took.numUpdatedRows) !== 1) throw unknownInvite();
  await tx.insertInto('memberships').values({ scope_id: scopeId, user_id: userId, role: inv.role, created_at: now }).execute();
  await tx.insertInto('audit_log').values({ id: uuidv7(), actor_user_id: userId, action: 'member.join', scope_id: scopeId, target: userId, created_at: now }).execute();
  return { teamId: inv.team_id, scopeId, role: inv.role };
}

/** Owners only: `403` for other members, `404` for non-members. */
async function requireOwner(tx: Tx, userId: string, teamId: string, what: string): Promise<void> {
  if ((await memberRole(tx, userId, teamId)) !== 'owner') throw forbidden(`only owners ${what}`);
}

/** Registers the invite routes on the team router (device token already required by it). */
export function addInviteRoutes(r: Hono<AppEnv>): void {
  r.post('/teams/:teamId/invites', async (c) => {
    const { store, now } = c.get('deps');
    const auth = c.get('auth');
    const teamId = c.req.param('teamId');
    await requireOwner(store.db, auth.userId, teamId, 'invite');
    await limit(c, 'invites', auth.userId); // S9: invite flood
    const b = await readBody(c, CreateInviteRequest);
    const code = newInviteCode();
    const t = now();
    const expiresAt = t + b.expiresInHours * 3_600_000;
    await store.db
      .insertInto('invites')
      .values({ id: uuidv7(), code_hash: sha256Hex(code), team_id: teamId, role: b.role, created_by: auth.userId, created_at: t, expires_at: expiresAt, max_uses: b.maxUses })
      .execute();
    return c.json({ code, expiresAt }, 201);
  });

  r.get('/teams/:teamId/invites', async (c) => {
    const { store, now } = c.get('deps');
    const teamId = c.req.param('teamId');
    await requireOwner(store.db, c.get('auth').userId, teamId, 'list invites');
    const rows = await store.db
      .selectFrom('invites')
      .leftJoin('users', 'users.id', 'invites.created_by')
      .select(['invites.id', 'invites.role', 'invites.created_by', 'users.display_name', 'invites.created_at', 'invites.expires_at', 'invites.uses', 'invites.max_uses', 'invites.revoked_at'])
      .where('invites.team_id', '=', teamId)
      .orderBy('invites.created_at', 'desc')
      .orderBy('invites.id', 'desc')
      .limit(MAX_LISTED_INVITES)
      .execute();
    const t = now();
    const invites: InviteInfo[] = rows.map((i) => ({
      inviteId: i.id,
      role: i.role,
      createdBy: { userId: i.created_by, displayName: i.display_name ?? null },
      createdAt: Number(i.created_at),
      expiresAt: Number(i.expires_at),
      uses: Number(i.uses),
      maxUses: Number(i.max_uses),
      revokedAt: i.revoked_at === null ? null : Number(i.revoked_at),
      status: inviteStatus(i, t),
    }));
    return c.json({ invites });
  });

  r.delete('/teams/:teamId/invites/:inviteId', async (c) => {
    const { store, now } = c.get('deps');
    const auth = c.get('auth');
    const teamId = c.req.param('teamId');
    const inviteId = c.req.param('inviteId');
    await store.write(async (tx) => {
      await requireOwner(tx, auth.userId, teamId, 'revoke invites');
      const inv = /^[0-9a-f-]{36}$/i.test(inviteId)
        ? await tx.selectFrom('invites').select(['id', 'revoked_at']).where('id', '=', inviteId).where('team_id', '=', teamId).executeTakeFirst()
        : undefined;
      if (!inv) throw notFound('no such invite');
      if (inv.revoked_at !== null) return; // revoking twice is fine and changes nothing
      const t = now();
      await tx.updateTable('invites').set({ revoked_at: t, revoked_by: auth.userId }).where('id', '=', inv.id).execute();
      await tx.insertInto('audit_log').values({ id: uuidv7(), actor_user_id: auth.userId, action: 'invite.revoke', scope_id: scopeOf(teamId), target: inv.id, created_at: t }).execute();
    });
    return c.json({ ok: true as const });
  });

  r.post('/invites/:code/accept', async (c) => {
    const { store, now } = c.get('deps');
    const auth = c.get('auth');
    await limit(c, 'auth', `invite:${auth.userId}`); // guessing codes is throttled like sign-in
    const codeHash = sha256Hex(c.req.param('code'));
    return c.json(await store.write((tx) => redeem(tx, store.forUpdate, codeHash, auth.userId, now())));
  });
}

/**
 * Shared checks of the team routes (teams.ts, invites.ts): the team's scope id, the caller's role
 * in it, and the scope row lock (docs/sync-protocol.md 3.3 "Team administration").
 */
import { roleIn, type Role } from '../authz';
import type { Tx } from '../db/open-store';
import { notFound } from '../errors';

/** The scope id of team `teamId`: `team:<teamId>`. */
export const scopeOf = (teamId: string): string => `team:${teamId}`;

/**
 * The caller's role in the team. Throws `404 not_found` when they are not a member, the team does
 * not exist, or the id is not a plausible team id (so existence does not leak).
 */
export async function memberRole(tx: Tx, userId: string, teamId: string): Promise<Role> {
  const role = /^[A-Za-z0-9_-]{1,64}$/.test(teamId) ? await roleIn(tx, userId, scopeOf(teamId)) : null;
  if (!role) throw notFound('no such team');
  return role;
}

/**
 * Locks the team scope row (PG `FOR UPDATE` when `forUpdate`; SQLite's write lock already
 * serialises writers), so membership changes and invite accepts serialise with each other and
 * with pushes into the scope.
 */
export async function lockScope(tx: Tx, forUpdate: boolean, scopeId: string): Promise<void> {
  let q = tx.selectFrom('scopes').select('id').where('id', '=', scopeId);
  if (forUpdate) q = q.forUpdate();
  await q.executeTakeFirst();
}

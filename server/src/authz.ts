/**
 * The one authorisation function family (docs/sync-protocol.md 4): a user's role in a scope comes from
 * `memberships` only; the scope of an existing row always comes from the stored row.
 *
 * | action        | owner | editor | viewer |
 * | read          |   ✓   |   ✓    |   ✓    |
 * | write content |   ✓   |   ✓    |   —    |  (editors: rows they own for edit/delete, 9.4)
 * | manage members|   ✓   |   —    |   —    |
 */
import type { Kysely } from 'kysely';
import type { DB } from './db/schema';

/** A team role, or the personal scope's owner. */
export type Role = 'owner' | 'editor' | 'viewer';

/** The user's role in `scopeId`, or null when not a member (or the scope does not exist). */
export async function roleIn(db: Kysely<DB>, userId: string, scopeId: string): Promise<Role | null> {
  const r = await db.selectFrom('memberships').select('role').where('scope_id', '=', scopeId).where('user_id', '=', userId).executeTakeFirst();
  return r?.role ?? null;
}

/** Every scope the user can read, sorted by id, with role and (team) name. */
export async function scopesOf(db: Kysely<DB>, userId: string): Promise<Array<{ id: string; role: Role; name: string | null; version: number; purgedThrough: number }>> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('scopes', 'scopes.id', 'memberships.scope_id')
    .select(['scopes.id', 'memberships.role', 'scopes.name', 'scopes.version', 'scopes.purged_through_version'])
    .where('memberships.user_id', '=', userId)
    .orderBy('scopes.id')
    .execute();
  return rows.map((r) => ({ id: r.id, role: r.role, name: r.name, version: Number(r.version), purgedThrough: Number(r.purged_through_version) }));
}

/** May write content (create, tag, file, share into) in the scope. */
export const canWrite = (role: Role | null): boolean => role === 'owner' || role === 'editor';

/** May edit or delete a row owned/created by `rowOwner` (owners: anything; editors: their own). */
export const canEditRow = (role: Role | null, rowOwner: string, userId: string): boolean =>
  role === 'owner' || (role === 'editor' && rowOwner === userId);

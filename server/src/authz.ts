/**
 * The one authorisation function family (docs/sync-protocol.md 4): a user's role in a scope comes from
 * `memberships` only; the scope of an existing row always comes from the stored row.
 *
 * | action                                                        | owner | editor             | viewer |
 * | read                                                          |   ✓   |   ✓                |   ✓    |
 * | add: create, share into, file into a collection (`canWrite`)  |   ✓   |   ✓                |   —    |
 * | change a stored row: complete, edit, tag, delete, rename,     |  any  | only rows they own |   —    |
 * |   remove an item (`canEditRow`)                               |       |                    |        |
 * | comment, react (one's own reaction; ../sync/discussion.ts)      |   ✓   |   ✓                |   ✓    |
 * | edit a comment                                                | own   | own                | own    |
 * | delete a comment                                              |  any  | own                | own    |
 * | pin the answer of a capture (`canEditRow`)                    |  any  | captures they shared |  —   |
 * | manage members                                                |   ✓   |   —                |   —    |
 *
 * Per mutation and actor (non-members, other users' personal scopes too): docs/sync-protocol.md 4
 * "role table", run by server/test/authz-matrix.test.ts.
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

/** May add to the scope: create a capture or collection, share into it, file a capture into one of its collections. */
export const canWrite = (role: Role | null): boolean => role === 'owner' || role === 'editor';

/**
 * May change or delete a stored row (docs/sync-protocol.md 4 role table): the scope's owner any row; an
 * editor only a row they own; viewers and non-members (`role` null) never. `rowOwners` is who owns
 * the row: a capture (its content, fields and tags) its `owner_user_id`, i.e. who saved or shared it;
 * a collection its `created_by`; a collection item who added it and who created the collection.
 */
export const canEditRow = (role: Role | null, rowOwners: string | readonly string[], userId: string): boolean =>
  role === 'owner' || (role === 'editor' && (typeof rowOwners === 'string' ? rowOwners === userId : rowOwners.includes(userId)));

/**
 * Team members as this device last fetched them (`GET /v1/teams/:teamId/members`), kept per team
 * scope in kv so names, mention autocomplete, credit and What's new work offline (issue 11).
 * Refreshed by the library/options pages and the background after a sync run when online.
 */
import type { Member } from '../schema';
import type { SatchelDb } from './database';

/** kv key prefix of a team's cached member list: `teamMembers:<scopeId>`. */
export const TEAM_MEMBERS_KEY = 'teamMembers:';

/** A cached member list and when it was fetched (epoch ms, client clock). */
export interface CachedMembers {
  members: Member[];
  fetchedAt: number;
}

/** The cached members of team scope `scopeId` (`team:<id>`), or an empty list with `fetchedAt` 0. */
export async function readMembers(db: SatchelDb, scopeId: string): Promise<CachedMembers> {
  const v = (await db.kv.get(TEAM_MEMBERS_KEY + scopeId))?.value as CachedMembers | undefined;
  return v && Array.isArray(v.members) ? v : { members: [], fetchedAt: 0 };
}

/** Stores the member list of `scopeId` as fetched at `now`. */
export async function writeMembers(db: SatchelDb, scopeId: string, members: readonly Member[], now: number): Promise<void> {
  await db.kv.put({ key: TEAM_MEMBERS_KEY + scopeId, value: { members: [...members], fetchedAt: now } satisfies CachedMembers });
}

/** userId → display name over every cached team (for credit lines); unknown ids are absent. */
export async function memberNames(db: SatchelDb): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const rows = await db.kv.where('key').startsWith(TEAM_MEMBERS_KEY).toArray();
  for (const r of rows) for (const m of (r.value as CachedMembers).members ?? []) out.set(m.userId, m.displayName);
  return out;
}

/** Drops the cache of a team this user left or lost (purge on revoke). */
export async function forgetMembers(db: SatchelDb, scopeId: string): Promise<void> {
  await db.kv.delete(TEAM_MEMBERS_KEY + scopeId);
}

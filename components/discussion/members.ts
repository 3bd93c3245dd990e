/**
 * Team member names in the discussion: lookup by user id (an id no longer in the team reads
 * "A former member") and the mention autocomplete's filter.
 */
import type { Translate } from '../../lib/util/i18n';
import { stripBidiOverrides } from '../../lib/util/bidi';
import type { MemberView } from './types';

/** user id → display name. */
export type MemberIndex = ReadonlyMap<string, string>;

/** Indexes `members` by user id. */
export const indexMembers = (members: readonly MemberView[]): MemberIndex => new Map(members.map((m) => [m.userId, m.displayName]));

/** The display name of `userId` without direction overrides (lib/util/bidi.ts), or "A former member" (`discussionFormerMember`) when unknown. */
export const nameOf = (index: MemberIndex, userId: string, t: Translate): string => stripBidiOverrides(index.get(userId) ?? '') || t('discussionFormerMember');

/** Case- and diacritics-insensitive form of a name for matching. */
const fold = (s: string): string => s.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase();

/** 0 = the name starts with `q`, 1 = one of its words does, 2 = it contains `q` elsewhere, -1 = no match. */
function rank(name: string, q: string): number {
  const f = fold(name);
  if (f.startsWith(q)) return 0;
  if (f.split(/[\s\-'’.]+/u).some((w) => w.startsWith(q))) return 1;
  return f.includes(q) ? 2 : -1;
}

/**
 * Members whose name contains `query` (case- and accent-insensitive): names starting with it
 * first, then names with a word starting with it, then the rest, each alphabetically; at most
 * `limit`. An empty query lists everyone (up to `limit`).
 */
export function matchMembers(members: readonly MemberView[], query: string, limit = 8): MemberView[] {
  const q = fold(query.trim());
  return members
    .filter((m) => m.displayName)
    .map((m) => ({ m, r: rank(m.displayName, q) }))
    .filter((x) => x.r >= 0)
    .sort((a, b) => a.r - b.r || a.m.displayName.localeCompare(b.m.displayName))
    .slice(0, limit)
    .map((x) => x.m);
}

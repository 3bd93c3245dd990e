/** Read-only queries over the Satchel database. Nothing here writes. */
import { Dexie } from 'dexie';
import type { Capture } from '../schema';
import { LOCAL_SCOPE, type CollectionRow, type SatchelDb } from './database';
import { isIncomplete } from './merge';

/** Default page size of the popup list. */
export const PAGE_SIZE = 50;

/**
 * Captures of a scope, newest `capturedAt` first, through the `[scopeId+capturedAt]` index so only
 * `limit` rows are read (no full-table scan). `offset` skips that many newer rows. Ties on the same
 * millisecond fall back to id order (UUIDv7, so the later save still comes first).
 */
export function listRecent(db: SatchelDb, limit = PAGE_SIZE, offset = 0, scopeId = LOCAL_SCOPE): Promise<Capture[]> {
  return db.captures
    .where('[scopeId+capturedAt]')
    .between([scopeId, Dexie.minKey], [scopeId, Dexie.maxKey])
    .reverse()
    .offset(offset)
    .limit(limit)
    .toArray();
}

/** Number of captures in a scope (index count, no rows read). */
export function countCaptures(db: SatchelDb, scopeId = LOCAL_SCOPE): Promise<number> {
  return db.captures.where('scopeId').equals(scopeId).count();
}

/** Saved state of one post key, as `capture/status` replies it. */
export interface KeyStatus {
  /** `<platform>:<postId>` */
  key: string;
  /** Capture id (UUIDv7). */
  id: string;
  /** True when a completeness flag is still set (the content script may send `capture/complete`). */
  incomplete: boolean;
}

/** Which of `keys` are saved in the scope; unknown keys are simply absent. Order follows the index. */
export async function statusForKeys(db: SatchelDb, keys: readonly string[], scopeId = LOCAL_SCOPE): Promise<KeyStatus[]> {
  if (keys.length === 0) return [];
  const rows = await db.captures
    .where('[scopeId+key]')
    .anyOf([...new Set(keys)].map((k) => [scopeId, k]))
    .toArray();
  return rows.map((c) => ({ key: c.key, id: c.id, incomplete: isIncomplete(c) }));
}

/**
 * Tags used on the most recent `scan` captures, most used first (ties: most recently used
 * first), at most `limit`. Reads only `scan` rows through the capturedAt index.
 */
export async function recentTags(db: SatchelDb, limit = 20, scan = 200, scopeId = LOCAL_SCOPE): Promise<string[]> {
  const rows = await listRecent(db, scan, 0, scopeId);
  const stats = new Map<string, { n: number; first: number }>();
  rows.forEach((c, i) => {
    for (const t of c.tags) {
      const s = stats.get(t);
      if (s) s.n++;
      else stats.set(t, { n: 1, first: i });
    }
  });
  return [...stats.entries()]
    .sort((a, b) => b[1].n - a[1].n || a[1].first - b[1].first)
    .slice(0, limit)
    .map(([t]) => t);
}

/** Collections of a scope sorted by name (locale-aware, case-insensitive). */
export async function listCollections(db: SatchelDb, scopeId = LOCAL_SCOPE): Promise<CollectionRow[]> {
  const rows = await db.collections.where('scopeId').equals(scopeId).toArray();
  return rows.sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }));
}

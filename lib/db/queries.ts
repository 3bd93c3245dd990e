/** Read-only queries over the Satchel database. Nothing here writes. Deleted captures (tombstones) never appear. */
import { Dexie } from 'dexie';
import { CONTENT_KEY_PREFIX, type Capture } from '../schema';
import { LOCAL_SCOPE, type CollectionRow, type SatchelDb, type Stage } from './database';
import { flagsOf } from '../schema';

/** Default page size of the popup list. */
export const PAGE_SIZE = 50;

const live = (c: Capture) => c.deletedAt === null;

/**
 * Live captures of a scope, newest `capturedAt` first, through the `[scopeId+capturedAt]` index so
 * only about `limit` rows are read (no full-table scan; tombstones are skipped as met). `offset`
 * skips that many newer live rows. Ties on the same millisecond fall back to id order (UUIDv7, so
 * the later save still comes first).
 */
export function listRecent(db: SatchelDb, limit = PAGE_SIZE, offset = 0, scopeId = LOCAL_SCOPE): Promise<Capture[]> {
  return db.captures
    .where('[scopeId+capturedAt]')
    .between([scopeId, Dexie.minKey], [scopeId, Dexie.maxKey])
    .reverse()
    .filter(live)
    .offset(offset)
    .limit(limit)
    .toArray();
}

const LIVE_STAGES: Stage[] = ['unreviewed', 'reviewed', 'archived'];

/** Number of live captures in a scope (index counts, no rows read). */
export async function countCaptures(db: SatchelDb, scopeId = LOCAL_SCOPE): Promise<number> {
  const counts = await Promise.all(
    LIVE_STAGES.map((s) => db.captures.where('[scopeId+stage+capturedAt]').between([scopeId, s, Dexie.minKey], [scopeId, s, Dexie.maxKey]).count()),
  );
  return counts.reduce((a, b) => a + b, 0);
}

/** One live capture by id, or null (unknown or deleted). */
export async function getCapture(db: SatchelDb, id: string): Promise<Capture | null> {
  const c = await db.captures.get(id);
  return c && live(c) ? c : null;
}

/** Live captures by id, in `ids` order; unknown and deleted ids are left out. For a page of search hits. */
export async function getCaptures(db: SatchelDb, ids: readonly string[]): Promise<Capture[]> {
  const rows = await db.captures.bulkGet([...ids]);
  return rows.filter((c): c is Capture => c !== undefined && live(c));
}

/** Live captures of a collection, newest saved first. */
export async function listByCollection(db: SatchelDb, collectionId: string): Promise<Capture[]> {
  const rows = await db.captures.where('collectionIds').equals(collectionId).filter(live).toArray();
  return rows.sort((a, b) => b.capturedAt - a.capturedAt || (a.id < b.id ? 1 : -1));
}

/**
 * Every row of a scope changed after `since` (epoch ms, `updatedAt` index), tombstones INCLUDED
 * (`deletedAt` set) so an in-memory search index can drop them. Oldest change first.
 */
export async function changedSince(db: SatchelDb, since: number, scopeId = LOCAL_SCOPE): Promise<Capture[]> {
  return db.captures.where('updatedAt').above(since).filter((c) => c.scopeId === scopeId).sortBy('updatedAt');
}

/** Saved state of one post key, as `capture/status` replies it. */
export interface KeyStatus {
  /** `<platform>:<postId>` */
  key: string;
  /** Capture id (UUIDv7). */
  id: string;
  /**
   * True when the capture lacks a part a later read of the post can fill in (a completeness flag
   * other than `permalinkMissing`, the quoted post's included): the content script may then send
   * `capture/complete`. The missing id is left to the alias merge (lib/capture/alias-merge.ts): an
   * id-less capture with nothing else missing is not re-read for it.
   */
  incomplete: boolean;
  /** The stored text is cut short (the save panel says so; other flags do not make it say that). */
  truncated: boolean;
}

/** A completeness flag other than `permalinkMissing` is set (see {@link KeyStatus.incomplete}). */
const lacksReadablePart = (c: Capture): boolean => flagsOf(c).some((f) => f !== 'permalinkMissing');

/**
 * Which of `keys` are saved (live) in the scope; unknown and deleted keys are simply absent. A
 * content key (`<platform>:content:<hash>`, a post shown without its id) is also saved when the
 * device knows it as another name of a capture stored under the post's real id ({@link contentAliasOf}):
 * the answer then names the asked key with that capture's id.
 */
export async function statusForKeys(db: SatchelDb, keys: readonly string[], scopeId = LOCAL_SCOPE): Promise<KeyStatus[]> {
  if (keys.length === 0) return [];
  const asked = [...new Set(keys)];
  const rows = await db.captures
    .where('[scopeId+key]')
    .anyOf(asked.map((k) => [scopeId, k]))
    .toArray();
  const out = rows.filter(live).map((c) => ({ key: c.key, id: c.id, incomplete: lacksReadablePart(c), truncated: c.truncated }));
  const found = new Set(out.map((o) => o.key));
  for (const k of asked) {
    if (found.has(k) || !k.includes(`:${CONTENT_KEY_PREFIX}`)) continue;
    const c = await contentAliasOf(db, scopeId, k);
    if (c) out.push({ key: k, id: c.id, incomplete: lacksReadablePart(c), truncated: c.truncated });
  }
  return out;
}

/** kv key under which a content key's capture id is kept (device-local; see {@link contentAliasOf}). */
export const contentAliasKvKey = (scopeId: string, key: string) => `alias:${scopeId}:${key}`;

/**
 * The live capture of the scope that the content key `key` (`<platform>:content:<hash>`) names on
 * this device although it is stored under the post's real id: one that was saved with its id (its
 * content key is noted then), or an id-less capture that got its id later (its old key is noted
 * when it is re-keyed). Undefined otherwise. Lets a post that a page shows without its id, after it
 * was saved with it, show as saved, and a second save of it merge instead of making a duplicate
 * (found by a fresh-eyes trial, issue 9). Device-local: a pull writes the note of every capture it
 * stores (lib/db/sync/apply-capture.ts), and a save also finds a noteless capture by its content
 * (lib/db/mutations.ts `keptWithId`).
 */
export async function contentAliasOf(db: SatchelDb, scopeId: string, key: string): Promise<Capture | undefined> {
  const row = await db.kv.get(contentAliasKvKey(scopeId, key));
  const id = typeof row?.value === 'string' ? row.value : null;
  const c = id ? await db.captures.get(id) : undefined;
  return c && live(c) && c.scopeId === scopeId ? c : undefined;
}

/**
 * Issue 9: keys of the scope's live captures on `platforms` that were saved without a post id
 * (`<platform>:content:<hash>`, `permalinkMissing`), newest first, at most `limit`. One index range
 * per platform on `[scopeId+key]` (content keys sort together), so a library without such captures
 * costs one empty range read.
 */
export async function aliasKeys(db: SatchelDb, platforms: readonly string[], scopeId = LOCAL_SCOPE, limit = 500): Promise<string[]> {
  const rows: Capture[] = [];
  for (const p of new Set(platforms)) {
    const prefix = `${p}:${CONTENT_KEY_PREFIX}`;
    rows.push(...(await db.captures.where('[scopeId+key]').between([scopeId, prefix], [scopeId, `${prefix}\uffff`]).toArray()));
  }
  return rows
    .filter((c) => live(c) && c.permalinkMissing)
    .sort((a, b) => b.capturedAt - a.capturedAt)
    .slice(0, limit)
    .map((c) => c.key);
}

/**
 * Tag labels used on the most recent `scan` live captures, most used first (ties: most recently
 * used first), at most `limit`. Reads only `scan` rows through the capturedAt index.
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

/** Live collections of a scope: the Inbox first, then by name (locale-aware, case-insensitive). */
export async function listCollections(db: SatchelDb, scopeId = LOCAL_SCOPE): Promise<CollectionRow[]> {
  const rows = await db.collections.where('scopeId').equals(scopeId).filter((c) => c.deletedAt === null).toArray();
  return rows.sort((a, b) => Number(b.inbox) - Number(a.inbox) || a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }));
}

/** Live captures per live collection of the scope (index counts): `Map<collectionId, count>`. */
export async function collectionCounts(db: SatchelDb, scopeId = LOCAL_SCOPE): Promise<Map<string, number>> {
  const cols = await listCollections(db, scopeId);
  const out = new Map<string, number>();
  for (const c of cols) out.set(c.id, await db.captures.where('collectionIds').equals(c.id).count());
  return out;
}

/**
 * Tag mutations across captures: bulk add/remove, rename and merge. Tags on a capture are labels
 * (lib/schema/tag.ts); identity is the key. The wire carries keys only (`addTag`/`removeTag`
 * `{captureId, tag: key}`, docs/sync-protocol.md 3.3), so a change of spelling alone (`ai` → `AI`) is a
 * device-local display change with no outbox row; a change of key is `removeTag` + `addTag` per
 * capture, written in the same transaction as the rows (lib/db/mutations.ts invariant).
 */
import { normalizeTag, normalizeTags, tagKey } from '../schema';
import { toStorable } from '../schema/storable';
import { systemClock } from '../util/clock';
import { LOCAL_SCOPE, type SatchelDb } from './database';
import type { WriteOptions } from './mutations';
import { captureTables, patchCaptureIn } from './capture-writes';
import { keyOf } from './tag-labels';

/** A tag of the scope with the number of live captures carrying it. */
export interface TagCount {
  /** Display spelling (first one used). */
  label: string;
  /** Identity key (lib/schema `tagKey`). */
  key: string;
  /** Live captures with the tag (index count). */
  count: number;
}

/** A tag was refused (empty after normalising). */
export class TagError extends Error {
  override name = 'TagError';
}

/**
 * Adds tags to many captures in one transaction (bulk tag). Tags are normalised; each maps to the
 * scope's existing spelling. Unknown/deleted ids are skipped. Returns how many captures changed.
 */
export function addTags(db: SatchelDb, captureIds: readonly string[], tags: readonly string[], opts: Pick<WriteOptions, 'clock'> = {}): Promise<number> {
  const add = normalizeTags(tags);
  const clock = opts.clock ?? systemClock;
  return db.transaction('rw', captureTables(db), async () => {
    const now = clock();
    let n = 0;
    for (const id of new Set(captureIds)) {
      const c = await db.captures.get(id);
      if (!c || c.deletedAt !== null) continue;
      const r = await patchCaptureIn(db, id, { tags: [...c.tags, ...add] }, now);
      if (r && r !== c && r.tags.length !== c.tags.length) n++;
    }
    return n;
  });
}

/** Removes tags (compared by key) from many captures in one transaction. Returns how many changed. */
export function removeTags(db: SatchelDb, captureIds: readonly string[], tags: readonly string[], opts: Pick<WriteOptions, 'clock'> = {}): Promise<number> {
  const drop = new Set(normalizeTags(tags.map(toStorable)).map(keyOf));
  const clock = opts.clock ?? systemClock;
  return db.transaction('rw', captureTables(db), async () => {
    const now = clock();
    let n = 0;
    for (const id of new Set(captureIds)) {
      const c = await db.captures.get(id);
      if (!c || c.deletedAt !== null) continue;
      const kept = c.tags.filter((t) => !drop.has(keyOf(t)));
      if (kept.length === c.tags.length) continue;
      await patchCaptureIn(db, id, { tags: kept }, now);
      n++;
    }
    return n;
  });
}

/** Inside a transaction: renames one tag key to `toLabel` in a scope. Returns captures changed. */
async function renameIn(db: SatchelDb, scopeId: string, fromKey: string, toLabel: string, now: number): Promise<number> {
  const toKey = keyOf(toLabel);
  const fromRow = await db.tags.get([scopeId, fromKey]);
  const candidates = await db.captures.where('tags').equalsIgnoreCase(fromRow?.label ?? fromKey).toArray();
  const hits = candidates.filter((c) => c.scopeId === scopeId && c.deletedAt === null && c.tags.some((t) => keyOf(t) === fromKey));
  if (fromKey === toKey) {
    // Same tag, new spelling: display-only (the wire carries keys), so no outbox row.
    await db.tags.put({ scopeId, key: toKey, label: toLabel, createdAt: fromRow?.createdAt ?? now });
    for (const c of hits) await db.captures.put({ ...c, tags: c.tags.map((t) => (keyOf(t) === fromKey ? toLabel : t)), updatedAt: now });
    return hits.length;
  }
  for (const c of hits) {
    const tags = c.tags.map((t) => (keyOf(t) === fromKey ? toLabel : t));
    await patchCaptureIn(db, c.id, { tags }, now);
  }
  if (fromRow) await db.tags.delete([scopeId, fromKey]);
  return hits.length;
}

/**
 * Renames a tag across every live capture of the scope. `from` is any spelling of the tag;
 * `to` is the new spelling. Same key (`ai` → `AI`): only the display spelling changes. New key
 * that already exists: the tags merge (see {@link mergeTags}; the target keeps its spelling).
 * Returns how many captures carried the tag. One transaction.
 * @throws TagError when `from` or `to` is empty after normalising.
 */
export function renameTag(db: SatchelDb, from: string, to: string, opts: WriteOptions = {}): Promise<number> {
  return mergeTags(db, [from], to, opts, true);
}

/**
 * Merges tags into one: every live capture of the scope carrying any of `sources` carries
 * `target` instead (once). The target keeps its existing spelling when the tag exists, else takes
 * `target` as typed. Returns how many captures carried a source tag. One transaction; outbox
 * `removeTag` + `addTag` per capture and source (keys).
 * @throws TagError when a tag is empty after normalising.
 */
export async function mergeTags(db: SatchelDb, sources: readonly string[], target: string, opts: WriteOptions = {}, keepTypedSpelling = false): Promise<number> {
  const scopeId = opts.scopeId ?? LOCAL_SCOPE;
  const clock = opts.clock ?? systemClock;
  const toTyped = normalizeTag(toStorable(target)); // the text the stores can hold (docs/sync-protocol.md 3.3)
  if (toTyped === null) throw new TagError('the new tag name is empty');
  const fromKeys = sources.map((s) => {
    const k = tagKey(toStorable(s));
    if (k === null) throw new TagError('a tag to rename or merge is empty');
    return k;
  });
  return db.transaction('rw', captureTables(db), async () => {
    const now = clock();
    const toKey = keyOf(toTyped);
    const existing = await db.tags.get([scopeId, toKey]);
    const sameKeyRename = keepTypedSpelling && fromKeys.length === 1 && fromKeys[0] === toKey;
    const toLabel = existing && !sameKeyRename ? existing.label : toTyped;
    if (!existing) await db.tags.put({ scopeId, key: toKey, label: toLabel, createdAt: now });
    let n = 0;
    for (const k of new Set(fromKeys)) n += await renameIn(db, scopeId, k, toLabel, now);
    return n;
  });
}

/**
 * Tags of the scope with how many live captures carry each, most used first, then by label
 * (locale-aware). Tags no capture carries any more are left out. Reads one index count per tag.
 */
export async function listTags(db: SatchelDb, scopeId = LOCAL_SCOPE): Promise<TagCount[]> {
  const rows = await db.tags.where('scopeId').equals(scopeId).toArray();
  const out: TagCount[] = [];
  for (const r of rows) {
    const count = await db.captures.where('tags').equals(r.label).count();
    if (count > 0) out.push({ label: r.label, key: r.key, count });
  }
  return out.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

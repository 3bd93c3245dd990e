/**
 * Import of a validated Satchel JSON export (lib/schema `SatchelExport`; parse and validate the
 * file with lib/export `parseSatchelJson` first: a bad file never reaches this module).
 *
 * Matching, per capture: a live capture with the same id, else a live capture of the same post
 * (`[scopeId+key]`), else it is added (keeping the file's id when no row anywhere uses it, so a
 * second import matches by id). Per collection: same id, else same name (case-insensitive), else
 * the Inbox for the file's Inbox, else added.
 *
 * What happens to a matched capture depends on `ImportOptions.policy` (lib/db/import-merge.ts):
 * - `'satchel'` (default, Satchel's own JSON): content fields merge "fuller wins" (lib/db/merge.ts),
 *   as a re-save does; library fields (intent, tags, collections, review fields, follow-up) take the
 *   file's values only when the file's row is newer (`updatedAt`) and differs, and a non-empty note
 *   is never replaced by a different one (both are kept);
 * - `'add-only'` (other tools' files): content is left as it is; tags and collections are added,
 *   the note is filled only when empty; nothing is removed;
 * - otherwise it is skipped. So importing the same file twice changes nothing the second time.
 *
 * Every write goes through the mutation helpers (row + outbox rows in one rw transaction), one
 * transaction per chunk of captures so progress can be shown; the plan is computed first and a
 * crash mid-way is repaired by importing again (idempotent).
 */
import type { Capture, Collection, SatchelExport } from '../schema';
import { captureKey, tagKey } from '../schema';
import { legacyWebRows } from './web-legacy';
import { newId } from '../util/uuid';
import { systemClock } from '../util/clock';
import { LOCAL_SCOPE, type SatchelDb } from './database';
import { addMutation, outboxRows } from './outbox';
import { deepStorable } from '../schema/storable';
import { mergeDraft } from './merge';
import type { WriteOptions } from './mutations';
import { captureTables, contentOf, createMutations, patchCaptureIn } from './capture-writes';
import { findInbox } from './collection-rows';
import { libraryPatch, type ImportPolicy } from './import-merge';

/** What an import did or would do, per kind of row. */
export interface ImportCounts {
  add: number;
  update: number;
  skip: number;
}

/** The dry-run (and the result) of an import. */
export interface ImportPlan {
  captures: ImportCounts;
  collections: ImportCounts;
}

/** What {@link applyImport} did: the counts, plus the ids of captures it added or updated. */
export interface ImportResult extends ImportPlan {
  /**
   * Captures added or updated. Added rows keep the file's `updatedAt` (the import is lossless),
   * so `changedSince(watermark)` may not see them: upsert these into a search index (or rebuild).
   */
  touchedIds: string[];
}

/** Options of {@link planImport} and {@link applyImport}. */
export interface ImportOptions extends WriteOptions {
  /** Captures per transaction; default 1,000. */
  chunkSize?: number;
  /** Called after each chunk (once its transaction committed) with captures processed so far and the total in the file; awaited when it returns a promise. */
  onProgress?: (done: number, total: number) => unknown;
  /** How captures already in the library change (lib/db/import-merge.ts); default 'satchel'. */
  policy?: ImportPolicy;
}

type Action = { kind: 'add'; id: string; dropTombstone: string | null } | { kind: 'update'; id: string } | { kind: 'skip'; id: string };

async function planCollections(db: SatchelDb, scopeId: string, cols: Collection[]) {
  const map = new Map<string, string>();
  const adds: Collection[] = [];
  const counts: ImportCounts = { add: 0, update: 0, skip: 0 };
  const local = (await db.collections.where('scopeId').equals(scopeId).toArray()).filter((c) => c.deletedAt === null);
  const inbox = await findInbox(db, scopeId);
  for (const c of cols) {
    if (c.deletedAt !== null) continue;
    const match =
      local.find((l) => l.id === c.id) ??
      local.find((l) => l.name.localeCompare(c.name, undefined, { sensitivity: 'accent' }) === 0) ??
      (c.inbox ? inbox : undefined) ??
      adds.find((a) => a.name.localeCompare(c.name, undefined, { sensitivity: 'accent' }) === 0);
    if (match) {
      map.set(c.id, match.id);
      if (!adds.includes(match as Collection)) counts.skip++;
      continue;
    }
    const taken = await db.collections.get(c.id);
    const row: Collection = { ...c, id: taken ? newId() : c.id, scopeId, inbox: c.inbox && !inbox };
    adds.push(row);
    map.set(c.id, row.id);
    counts.add++;
  }
  return { map, adds, counts };
}

/** {@link legacyWebRows} when the file holds web captures (none to look for otherwise). */
async function legacyWebKeys(db: SatchelDb, scopeId: string, caps: readonly Capture[]): Promise<Map<string, Capture>> {
  return caps.some((c) => c.platform === 'web') ? legacyWebRows(db, scopeId) : new Map();
}

async function planCaptures(db: SatchelDb, scopeId: string, caps: Capture[], mapCollections: (ids: string[]) => string[], policy: ImportPolicy) {
  const actions: Action[] = [];
  const counts: ImportCounts = { add: 0, update: 0, skip: 0 };
  const claimed = new Set<string>();
  // Two bulk reads instead of two lookups per capture (10,000-capture files).
  const byIds = await db.captures.bulkGet(caps.map((c) => c.id));
  const keyed = await db.captures.where('[scopeId+key]').anyOf([...new Set(caps.map((c) => captureKey(c)))].map((k) => [scopeId, k])).toArray();
  const byKeys = new Map(keyed.map((r) => [r.key, r]));
  const legacy = await legacyWebKeys(db, scopeId, caps);
  for (const [n, raw] of caps.entries()) {
    const c = { ...raw, scopeId, key: captureKey(raw) };
    if (c.deletedAt !== null) {
      actions.push({ kind: 'skip', id: c.id });
      counts.skip++;
      continue;
    }
    const byId = byIds[n];
    const byKey = byKeys.get(c.key) ?? legacy.get(c.key);
    const match = byId && byId.deletedAt === null && byId.scopeId === scopeId ? byId : byKey && byKey.deletedAt === null ? byKey : undefined;
    if (match && !claimed.has(match.id)) {
      claimed.add(match.id);
      const contentChanged = policy === 'satchel' && mergeDraft(match, c, 0).changed;
      const libraryChanged = libraryPatch(match, c, mapCollections, policy) !== null;
      const kind = contentChanged || libraryChanged ? 'update' : 'skip';
      actions.push({ kind, id: match.id });
      counts[kind]++;
      continue;
    }
    if (match || claimed.has(c.key)) {
      // The file holds the same post twice: the first one wins.
      actions.push({ kind: 'skip', id: c.id });
      counts.skip++;
      continue;
    }
    claimed.add(c.key);
    const id = byId || claimed.has(c.id) ? newId() : c.id;
    claimed.add(id);
    actions.push({ kind: 'add', id, dropTombstone: byKey && byKey.deletedAt !== null ? byKey.id : null });
    counts.add++;
  }
  return { actions, counts };
}

/**
 * Dry run: what {@link applyImport} would add, update and skip, without writing anything.
 * Collections referenced by captures but missing from the file are dropped from those captures.
 */
export async function planImport(db: SatchelDb, dirty: SatchelExport, opts: ImportOptions = {}): Promise<ImportPlan> {
  const data = deepStorable(dirty); // as applyImport sees it
  const scopeId = opts.scopeId ?? LOCAL_SCOPE;
  const cols = await planCollections(db, scopeId, data.collections);
  const mapCollections = (ids: string[]) => ids.flatMap((i) => (cols.map.has(i) ? [cols.map.get(i)!] : []));
  const caps = await planCaptures(db, scopeId, data.captures, mapCollections, opts.policy ?? 'satchel');
  return { captures: caps.counts, collections: cols.counts };
}

/**
 * Imports a validated export into the scope (default `personal:local`). Returns what was done
 * (same shape as the dry run). Idempotent: a second import of the same file adds and updates
 * nothing. Writes rows with their outbox rows (`createCollection`, `createCapture` +
 * `updateCapture`, or the update mutations of lib/db/mutations.ts), one transaction per chunk.
 */
export async function applyImport(db: SatchelDb, dirty: SatchelExport, opts: ImportOptions = {}): Promise<ImportResult> {
  // The text the stores can hold (docs/sync-protocol.md 3.3), before the local rows and the queue: device and server agree.
  const data = deepStorable(dirty);
  const scopeId = opts.scopeId ?? LOCAL_SCOPE;
  const clock = opts.clock ?? systemClock;
  const chunk = opts.chunkSize ?? 1000;
  const policy = opts.policy ?? 'satchel';
  const cols = await planCollections(db, scopeId, data.collections);
  const mapCollections = (ids: string[]) => [...new Set(ids.flatMap((i) => (cols.map.has(i) ? [cols.map.get(i)!] : [])))];
  const caps = await planCaptures(db, scopeId, data.captures, mapCollections, opts.policy ?? 'satchel');
  await db.transaction('rw', [db.collections, db.outbox], async () => {
    const now = clock();
    for (const c of cols.adds) {
      await db.collections.add(c);
      await addMutation(db, 'createCollection', { id: c.id, scopeId, name: c.name }, now);
    }
  });
  const total = data.captures.length;
  const touchedIds = caps.actions.filter((a) => a.kind !== 'skip').map((a) => a.id);
  // Tag spellings of the scope, read once (a 10,000-capture file would otherwise read the tags
  // table once per tag per capture); new spellings are written with each chunk.
  const labels = new Map((await db.tags.where('scopeId').equals(scopeId).toArray()).map((t) => [t.key, t.label]));
  for (let i = 0; i < total; i += chunk) {
    await db.transaction('rw', captureTables(db), async () => {
      const now = clock();
      // Added captures are written in bulk, with their outbox rows in the same order (one
      // transaction: row and mutation together, as every write).
      const rows: Capture[] = [];
      const newLabels: Array<{ scopeId: string; key: string; label: string; createdAt: number }> = [];
      for (let j = i; j < Math.min(total, i + chunk); j++) {
        const action = caps.actions[j]!;
        if (action.kind !== 'add') continue;
        const src = data.captures[j]!;
        if (action.dropTombstone) await db.captures.delete(action.dropTombstone);
        const tags = src.tags.map((label) => {
          const key = tagKey(label)!;
          const known = labels.get(key);
          if (known !== undefined) return known;
          labels.set(key, label);
          newLabels.push({ scopeId, key, label, createdAt: now });
          return label;
        });
        rows.push({ ...src, id: action.id, scopeId, key: captureKey(src), tags, collectionIds: mapCollections(src.collectionIds) });
      }
      if (newLabels.length) await db.tags.bulkPut(newLabels);
      if (rows.length) {
        await db.captures.bulkAdd(rows);
        await db.outbox.bulkAdd(rows.flatMap((r) => outboxRows(createMutations(r), now)));
      }
      for (let j = i; j < Math.min(total, i + chunk); j++) {
        const action = caps.actions[j]!;
        const src = data.captures[j]!;
        if (action.kind !== 'update') continue;
        const old = (await db.captures.get(action.id))!;
        const merged = policy === 'satchel' ? mergeDraft(old, src, now) : { changed: false, capture: old };
        if (merged.changed) {
          await db.captures.put(merged.capture);
          await addMutation(db, 'completeCapture', { id: old.id, set: contentOf(merged.capture) }, now);
        }
        const patch = libraryPatch(old, src, mapCollections, policy);
        if (patch) await patchCaptureIn(db, old.id, patch, Math.max(now, src.updatedAt));
      }
    });
    await opts.onProgress?.(Math.min(total, i + chunk), total);
    await new Promise<void>((r) => setTimeout(r, 0));
  }
  return { captures: caps.counts, collections: cols.counts, touchedIds };
}

/** How many tags (distinct keys) in `data` the scope does not have yet: the tags an import creates. */
export async function countNewTags(db: SatchelDb, data: SatchelExport, scopeId: string = LOCAL_SCOPE): Promise<number> {
  const known = new Set(await db.tags.where('scopeId').equals(scopeId).primaryKeys().then((ks) => ks.map((k) => (k as unknown as [string, string])[1])));
  const fresh = new Set<string>();
  for (const c of data.captures) for (const t of c.tags) {
    const k = tagKey(t);
    if (k !== null && !known.has(k)) fresh.add(k);
  }
  return fresh.size;
}

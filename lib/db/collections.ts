/**
 * Collection mutations (docs/sync-protocol.md 3.3 createCollection / renameCollection / deleteCollection /
 * addToCollection / removeFromCollection). Same invariant as lib/db/mutations.ts: the row and its
 * outbox rows in one rw transaction.
 */
import { MAX_COLLECTION_NAME } from '../schema';
import { systemClock } from '../util/clock';
import { LOCAL_SCOPE, type CollectionRow, type SatchelDb } from './database';
import { addMutation } from './outbox';
import { newCollectionRow } from './collection-rows';
import { toStorable } from '../schema/storable';
import type { WriteOptions } from './mutations';
import { captureTables, ensureInboxIn, patchCaptureIn } from './capture-writes';

/** A collection name is refused (empty after trimming, or longer than 200 characters). */
export class CollectionNameError extends Error {
  override name = 'CollectionNameError';
}

/** NFC, the text the stores can hold (docs/sync-protocol.md 3.3), whitespace collapsed, trimmed; throws CollectionNameError. */
function cleanName(name: string): string {
  const n = toStorable(name).normalize('NFC').replace(/\s+/gu, ' ').trim();
  if (n.length === 0) throw new CollectionNameError('a collection needs a name');
  if (n.length > MAX_COLLECTION_NAME) throw new CollectionNameError(`a collection name has at most ${MAX_COLLECTION_NAME} characters (got ${n.length})`);
  return n;
}

/**
 * Creates a collection named `name` (NFC, whitespace collapsed, trimmed) in the scope.
 * Writes the row and a `createCollection {id, scopeId, name}` outbox row in one rw transaction.
 * @throws CollectionNameError for an empty or over-long name (nothing written).
 */
export async function createCollection(db: SatchelDb, name: string, opts: WriteOptions = {}): Promise<CollectionRow> {
  const scopeId = opts.scopeId ?? LOCAL_SCOPE;
  const clock = opts.clock ?? systemClock;
  const clean = cleanName(name);
  return db.transaction('rw', [db.collections, db.outbox], async () => {
    const now = clock();
    const row = newCollectionRow(scopeId, clean, now);
    await db.collections.add(row);
    await addMutation(db, 'createCollection', { id: row.id, scopeId, name: row.name }, now);
    return row;
  });
}

/** The scope's default "Inbox" collection, created (with its outbox row) on first need. */
export function ensureInbox(db: SatchelDb, opts: WriteOptions = {}): Promise<CollectionRow> {
  const clock = opts.clock ?? systemClock;
  return db.transaction('rw', [db.collections, db.outbox], () => ensureInboxIn(db, opts.scopeId ?? LOCAL_SCOPE, clock()));
}

/**
 * Renames a live collection (the Inbox too). Returns the updated row, or null when the id is
 * unknown or deleted. Outbox: `renameCollection {id, name}` (none when the name is unchanged).
 * @throws CollectionNameError for an empty or over-long name.
 */
export async function renameCollection(db: SatchelDb, id: string, name: string, opts: Pick<WriteOptions, 'clock'> = {}): Promise<CollectionRow | null> {
  const clock = opts.clock ?? systemClock;
  const clean = cleanName(name);
  return db.transaction('rw', [db.collections, db.outbox], async () => {
    const old = await db.collections.get(id);
    if (!old || old.deletedAt !== null) return null;
    if (old.name === clean) return old;
    const now = clock();
    const next = { ...old, name: clean, updatedAt: now };
    await db.collections.put(next);
    await addMutation(db, 'renameCollection', { id, name: clean }, now);
    return next;
  });
}

/**
 * Deletes a collection; its captures stay (only their membership goes). The collection becomes a
 * tombstone (`deletedAt`), its id is removed from every capture's `collectionIds` locally, and
 * ONE `deleteCollection {id}` outbox row is written (the server cascades the item tombstones,
 * docs/sync-protocol.md 3.3). Returns false when the id is unknown or already deleted. Deleting the Inbox is
 * allowed; the next fresh save creates a new one.
 */
export function deleteCollection(db: SatchelDb, id: string, opts: Pick<WriteOptions, 'clock'> = {}): Promise<boolean> {
  const clock = opts.clock ?? systemClock;
  return db.transaction('rw', captureTables(db), async () => {
    const old = await db.collections.get(id);
    if (!old || old.deletedAt !== null) return false;
    const now = clock();
    await db.collections.put({ ...old, deletedAt: now, updatedAt: now });
    const members = await db.captures.where('collectionIds').equals(id).toArray();
    for (const c of members) await db.captures.put({ ...c, collectionIds: c.collectionIds.filter((x) => x !== id), updatedAt: now });
    await addMutation(db, 'deleteCollection', { id }, now);
    return true;
  });
}

async function changeMembership(db: SatchelDb, collectionId: string, captureIds: readonly string[], add: boolean, clock: () => number): Promise<number> {
  return db.transaction('rw', captureTables(db), async () => {
    const col = await db.collections.get(collectionId);
    if (!col || col.deletedAt !== null) throw new Error(`no collection with id ${collectionId}`);
    const now = clock();
    let n = 0;
    for (const id of new Set(captureIds)) {
      const c = await db.captures.get(id);
      if (!c || c.deletedAt !== null) continue;
      const has = c.collectionIds.includes(collectionId);
      if (has === add) continue;
      const collectionIds = add ? [...c.collectionIds, collectionId] : c.collectionIds.filter((x) => x !== collectionId);
      await patchCaptureIn(db, id, { collectionIds }, now);
      n++;
    }
    return n;
  });
}

/**
 * Adds captures to a collection (bulk: many ids, one transaction). A capture can sit in several
 * collections. Already-member, unknown and deleted captures are skipped. Returns how many were
 * added. Outbox: one `addToCollection {collectionId, captureId}` per added capture.
 * @throws Error when the collection is unknown or deleted (nothing written).
 */
export function addToCollection(db: SatchelDb, collectionId: string, captureIds: readonly string[], opts: Pick<WriteOptions, 'clock'> = {}): Promise<number> {
  return changeMembership(db, collectionId, captureIds, true, opts.clock ?? systemClock);
}

/**
 * Removes captures from a collection (the captures stay). Returns how many were removed.
 * Outbox: one `removeFromCollection {collectionId, captureId}` per removed capture.
 * @throws Error when the collection is unknown or deleted (nothing written).
 */
export function removeFromCollection(db: SatchelDb, collectionId: string, captureIds: readonly string[], opts: Pick<WriteOptions, 'clock'> = {}): Promise<number> {
  return changeMembership(db, collectionId, captureIds, false, opts.clock ?? systemClock);
}

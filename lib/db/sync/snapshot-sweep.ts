/**
 * The initial snapshot's sweep (docs/sync-protocol.md 3.9). An initial pull (cookie null) carries
 * no tombstones, so a row this device holds that someone deleted before this device's first pull
 * would never be reported deleted. The ids the snapshot delivers are recorded while it spans
 * several pages; when its last page arrives, local rows it did not hold that have nothing pending
 * are dropped (they are gone on the server).
 */
import { reactionKey } from '../../schema/discussion';
import type { SyncChange } from '../../schema/sync';
import type { OutboxRow, SatchelDb } from '../database';
import { forgetCaptures, forgetComments } from './forget';
import type { Pending } from './pending';

/** kv key of the keys an initial snapshot has delivered so far (while it spans several pages). */
export const SYNC_SNAPSHOT_KEY = 'syncSnapshot';

/** Keys the snapshot delivered, per entity that the sweep checks. */
export interface SnapshotSeen {
  captures: string[];
  collections: string[];
  comments: string[];
  reactions: string[];
}

/** The snapshot in progress: the stored one, a fresh one when this pull starts from cookie null, else null. */
export async function readSnapshot(db: SatchelDb, cookie: string | null): Promise<SnapshotSeen | null> {
  const v = (await db.kv.get(SYNC_SNAPSHOT_KEY))?.value as Partial<SnapshotSeen> | undefined;
  if (v) return { captures: v.captures ?? [], collections: v.collections ?? [], comments: v.comments ?? [], reactions: v.reactions ?? [] };
  return cookie === null ? { captures: [], collections: [], comments: [], reactions: [] } : null;
}

/** Records the keys of the page's puts. */
export function noteSeen(snap: SnapshotSeen, changes: readonly SyncChange[]): void {
  for (const c of changes) {
    if (c.op !== 'put') continue;
    if (c.entity === 'capture') snap.captures.push(c.key);
    else if (c.entity === 'collection') snap.collections.push(c.key);
    else if (c.entity === 'comment') snap.comments.push(c.key);
    else if (c.entity === 'reaction') snap.reactions.push(c.key);
  }
}

/** Stores the snapshot in progress, or (last page) forgets it and sweeps `scopes`. Inside the page's rw transaction. */
export async function finishSnapshotPage(db: SatchelDb, snap: SnapshotSeen, hasMore: boolean, scopes: ReadonlySet<string>, pending: Pending): Promise<void> {
  if (hasMore) {
    await db.kv.put({ key: SYNC_SNAPSHOT_KEY, value: snap });
    return;
  }
  await db.kv.delete(SYNC_SNAPSHOT_KEY);
  await sweep(db, snap, scopes, pending);
}

/** Drops synced rows of `scopes` the snapshot did not hold, keeping anything with a pending change. */
async function sweep(db: SatchelDb, snap: SnapshotSeen, scopes: ReadonlySet<string>, pending: Pending): Promise<void> {
  const seen = { captures: new Set(snap.captures), collections: new Set(snap.collections), comments: new Set(snap.comments), reactions: new Set(snap.reactions) };
  const pendingCollections = new Set<string>();
  await db.outbox.each((r: OutboxRow) => {
    if (r.name === 'createCollection' || r.name === 'renameCollection' || r.name === 'deleteCollection') pendingCollections.add(String(r.args.id));
  });
  for (const scopeId of scopes) {
    const gone = (await db.captures.where('scopeId').equals(scopeId).toArray()).filter((c) => c.deletedAt === null && !seen.captures.has(c.id) && !pending.captures.has(c.id)).map((c) => c.id);
    await forgetCaptures(db, gone);
    const goneCols = (await db.collections.where('scopeId').equals(scopeId).toArray()).filter((c) => c.deletedAt === null && !seen.collections.has(c.id) && !pendingCollections.has(c.id)).map((c) => c.id);
    await db.collections.bulkDelete(goneCols);
    const goneComments = ((await db.comments.where('scopeId').equals(scopeId).primaryKeys()) as string[]).filter((id) => !seen.comments.has(id) && !pending.comments.has(id));
    await forgetComments(db, goneComments);
    await db.reactions.where('scopeId').equals(scopeId).filter((r) => !seen.reactions.has(reactionKey(r)) && !pending.reactions.has(reactionKey(r))).delete();
  }
}

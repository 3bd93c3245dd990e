/**
 * Sync changes the server refused (the `rejected` table, decision 0006 rule 5): read them for the
 * options page and let the learner dismiss them once kept or no longer wanted. Sync
 * (lib/db/sync-store.ts) is the only writer of new rows; this module only reads and deletes.
 */
import type { RejectedRow, SatchelDb } from './database';

/**
 * Every refused change, newest first (by `at`, then by wire `seq` for rows refused in the same
 * push). The table stays small (one row per refused mutation), so it is sorted in memory.
 * Works inside `liveQuery`.
 */
export async function listRefused(db: SatchelDb): Promise<RejectedRow[]> {
  const rows = await db.rejected.toArray();
  return rows.sort((a, b) => b.at - a.at || b.seq - a.seq);
}

/**
 * Deletes the refused changes with these mutation ids (unknown ids are ignored). Returns how many
 * rows were removed. Dismissing only forgets the record on this device: nothing is sent to the server.
 */
export function dismissRefused(db: SatchelDb, mutationIds: readonly string[]): Promise<number> {
  if (mutationIds.length === 0) return Promise.resolve(0);
  return db.transaction('rw', db.rejected, async () => {
    const ids = [...new Set(mutationIds)];
    const present = (await db.rejected.bulkGet(ids)).filter((r): r is RejectedRow => r !== undefined);
    await db.rejected.bulkDelete(present.map((r) => r.mutationId));
    return present.length;
  });
}

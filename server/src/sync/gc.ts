/**
 * Tombstone GC (docs/sync-protocol.md 3.10): hard-deletes captures, collections and comments deleted
 * before `cutoff`, with their elements (a purged capture takes its comments and reactions along),
 * and reactions absent since before `cutoff`, and raises `scopes.purged_through_version` to the highest version
 * removed, so pulls with an older cursor get `resetScopes` (D5). `devices.last_mutation_seq` is
 * never touched, so old replays stay duplicates; mutations naming purged ids get `not_found`.
 */
import type { Store } from '../db/open-store';

/** Runs GC for tombstones older than `cutoff` (epoch ms). Resolves to the number of rows removed. */
export async function gcTombstones(store: Store, cutoff: number): Promise<number> {
  return store.write(async (tx) => {
    let removed = 0;
    const horizon = new Map<string, number>();
    const bump = (scope: string, v: number) => horizon.set(scope, Math.max(horizon.get(scope) ?? 0, Number(v)));
    const caps = await tx.selectFrom('captures').select(['id', 'scope_id', 'version']).where('deleted_at', 'is not', null).where('deleted_at', '<', cutoff).execute();
    const cols = await tx.selectFrom('collections').select(['id', 'scope_id', 'version']).where('deleted_at', 'is not', null).where('deleted_at', '<', cutoff).execute();
    const comments = await tx.selectFrom('comments').select(['id', 'scope_id', 'version']).where('deleted_at', 'is not', null).where('deleted_at', '<', cutoff).execute();
    // An absent reaction's created_at is when it was removed (./discussion.ts).
    const absent = await tx.selectFrom('reactions').select(['scope_id']).where('present', '=', 0).where('created_at', '<', cutoff).execute();
    // Scope rows first, in sorted order, as a push takes them (docs/sync-protocol.md 3.4 "Lock order"):
    // GC then never holds a row a push waits for while waiting for that push's scope (no deadlock).
    const scopes = [...new Set([...caps, ...cols, ...comments, ...absent].map((r) => r.scope_id))].sort();
    for (const id of scopes) {
      let q = tx.selectFrom('scopes').select('id').where('id', '=', id);
      if (store.forUpdate) q = q.forUpdate();
      await q.execute();
    }
    for (const c of caps) {
      bump(c.scope_id, c.version);
      for (const t of ['capture_tags', 'collection_items', 'note_conflicts', 'comments', 'reactions'] as const) {
        const rows = await tx.selectFrom(t).select(['scope_id', 'version']).where('capture_id', '=', c.id).execute();
        for (const r of rows) bump(r.scope_id, r.version);
        removed += rows.length;
        await tx.deleteFrom(t).where('capture_id', '=', c.id).execute();
      }
      await tx.deleteFrom('capture_aliases').where('capture_id', '=', c.id).execute();
      await tx.deleteFrom('captures').where('id', '=', c.id).execute();
      removed++;
    }
    for (const c of cols) {
      bump(c.scope_id, c.version);
      const rows = await tx.selectFrom('collection_items').select(['scope_id', 'version']).where('collection_id', '=', c.id).execute();
      for (const r of rows) bump(r.scope_id, r.version);
      removed += rows.length + 1;
      await tx.deleteFrom('collection_items').where('collection_id', '=', c.id).execute();
      await tx.deleteFrom('collections').where('id', '=', c.id).execute();
    }
    for (const c of comments) {
      const rows = await tx.selectFrom('reactions').select(['scope_id', 'version']).where('target_id', '=', c.id).execute();
      const gone = await tx.deleteFrom('comments').where('id', '=', c.id).executeTakeFirst();
      if (Number(gone.numDeletedRows) === 0) continue; // its capture was purged above
      bump(c.scope_id, c.version);
      for (const r of rows) bump(r.scope_id, r.version);
      removed += rows.length + 1;
      await tx.deleteFrom('reactions').where('target_id', '=', c.id).execute();
    }
    const stale = await tx.selectFrom('reactions').select(['scope_id', 'version']).where('present', '=', 0).where('created_at', '<', cutoff).execute();
    for (const r of stale) bump(r.scope_id, r.version);
    removed += stale.length;
    if (stale.length) await tx.deleteFrom('reactions').where('present', '=', 0).where('created_at', '<', cutoff).execute();
    for (const [scope, v] of [...horizon].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const s = await tx.selectFrom('scopes').select('purged_through_version').where('id', '=', scope).executeTakeFirst();
      if (s && Number(s.purged_through_version) < v) await tx.updateTable('scopes').set({ purged_through_version: v }).where('id', '=', scope).execute();
    }
    return removed;
  });
}

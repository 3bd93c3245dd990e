/** Pull: one page, in one transaction (docs/sync-protocol.md 3.9 pull phase, steps 1–5). */
import { SyncChange, type PullResponse } from '../../schema/sync';
import type { SatchelDb } from '../database';
import { SYNC_SCOPES_KEY } from '../share';
import { readSyncAuth, readSyncState, writeSyncState } from '../sync-state';
import { applyChange, isRowChange } from './apply';
import type { ApplyCtx } from './context';
import { mergeInboxes } from './inboxes';
import { readPending } from './pending';
import { purgeScope } from './purge';
import { dropAcknowledged, readSeqMap } from './seq-map';
import { finishSnapshotPage, noteSeen, readSnapshot } from './snapshot-sweep';
import { SYNC_TABLES } from './tables';
import { fromWireScope } from './wire-scope';

/** kv key of element changes (tags, collection items, reactions) whose capture has not been pulled yet. */
export const SYNC_ORPHANS_KEY = 'syncOrphans';
/** At most this many waiting element changes are kept (a capture arrives within a run or two). */
const MAX_ORPHANS = 5000;

/** The parked element changes, each checked again against its lib/schema record (a stored one that no longer parses is dropped). */
async function readOrphans(db: SatchelDb): Promise<SyncChange[]> {
  const v = (await db.kv.get(SYNC_ORPHANS_KEY))?.value;
  if (!Array.isArray(v)) return [];
  return v.flatMap((x) => {
    const r = SyncChange.safeParse(x);
    return r.success ? [r.data] : [];
  });
}

/**
 * Applies one pull page: drops acknowledged outbox rows (the server holds their effect), purges
 * revoked scopes and resets reset ones, applies rows then elements (a capture's version can be
 * newer than its tags', so its change may come after theirs; elements whose row is not here yet
 * wait in kv), records the scopes, sweeps after an initial snapshot, merges Inboxes, stores the
 * cookie. One rw transaction.
 */
export function applyPullPage(db: SatchelDb, page: PullResponse): Promise<void> {
  return db.transaction('rw', SYNC_TABLES(db), async () => {
    const auth = await readSyncAuth(db);
    if (!auth) return;
    const local = (s: string) => fromWireScope(s, auth.userId);
    await dropAcknowledged(db, await readSeqMap(db, auth), page.lastMutationSeq);
    const pending = await readPending(db, auth.userId);
    for (const s of page.revokedScopes) await purgeScope(db, local(s), null);
    for (const s of page.resetScopes) await purgeScope(db, local(s), pending);
    const snap = await readSnapshot(db, (await readSyncState(db)).cookie);
    if (snap) noteSeen(snap, page.changes);
    const now = Date.now();
    const orphans: SyncChange[] = [];
    const ctx = (c: SyncChange): ApplyCtx => ({ db, scopeId: local(c.scopeId), userId: auth.userId, pending, orphans, now });
    const waiting = await readOrphans(db);
    for (const c of page.changes.filter(isRowChange)) await applyChange(c, ctx(c));
    for (const c of [...waiting, ...page.changes.filter((x) => !isRowChange(x))]) await applyChange(c, ctx(c));
    await db.kv.put({ key: SYNC_ORPHANS_KEY, value: orphans.slice(-MAX_ORPHANS) });
    await db.kv.put({ key: SYNC_SCOPES_KEY, value: page.scopes.map((x) => ({ ...x, id: local(x.id) })) });
    if (snap) await finishSnapshotPage(db, snap, page.hasMore, new Set(page.scopes.map((x) => local(x.id))), pending);
    // After the sweep: merging Inboxes writes outbox rows, which would shield swept rows.
    for (const sc of new Set(page.changes.filter((c) => c.entity === 'collection').map((c) => local(c.scopeId)))) await mergeInboxes(db, sc, now);
    await writeSyncState(db, { cookie: page.cookie });
  });
}

import { useEffect, useState } from 'preact/hooks';
import { liveQuery } from 'dexie';
import type { RejectedRow, SatchelDb } from '../../lib/db';
import { listRefused } from '../../lib/db/refused';
import { readSyncState, countPending, type StoredSyncState } from '../../lib/db/sync-state';

/** The sync figures the options page's status line shows (lib/db/sync-state; `lastSyncedAt` epoch ms). */
export interface SyncFigures {
  pending: number;
  lastError: StoredSyncState['lastError'];
  lastSyncedAt: number | null;
}

/**
 * What the options page shows about sync, live: whether the browser is online (`readOnline`, e.g.
 * `navigator.onLine`, re-read on `online`/`offline`), the sync state and pending count (the
 * background writes them), and the changes the server refused (sync keeps them in `rejected`).
 */
export function useSyncView(db: SatchelDb, readOnline: () => boolean) {
  const [online, setOnline] = useState(readOnline());
  const [sync, setSync] = useState<SyncFigures>({ pending: 0, lastError: null, lastSyncedAt: null });
  const [refused, setRefused] = useState<RejectedRow[]>([]);

  useEffect(() => {
    const up = () => setOnline(readOnline());
    window.addEventListener('online', up);
    window.addEventListener('offline', up);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', up);
    };
  }, []);

  useEffect(() => {
    const sub = liveQuery(async () => {
      const [state, pending] = await Promise.all([readSyncState(db), countPending(db)]);
      return { pending, lastError: state.lastError, lastSyncedAt: state.lastSyncedAt };
    }).subscribe({ next: setSync, error: (e: unknown) => console.error('[satchel] options could not read the sync state', e) });
    return () => sub.unsubscribe();
  }, [db]);

  useEffect(() => {
    // An empty result keeps the same array, so a library with nothing refused does not re-render.
    const sub = liveQuery(() => listRefused(db)).subscribe({ next: (rows) => setRefused((prev) => (rows.length === 0 && prev.length === 0 ? prev : rows)), error: (e: unknown) => console.error('[satchel] options could not read the refused changes', e) });
    return () => sub.unsubscribe();
  }, [db]);

  return { online, sync, refused };
}

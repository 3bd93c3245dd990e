/** After `409 device_state_mismatch` (docs/sync-protocol.md 3.4): the local database was restored from an older copy. */
import type { SatchelDb } from '../database';
import { clearSyncAuth, ensureDeviceId, writeSyncState } from '../sync-state';
import { SYNC_SEQ_KEY } from './seq-map';

/**
 * This device needs a new identity, which needs the learner's password: signs out locally, keeps
 * the outbox and the library, and forgets the seq mapping; signing in again registers a new device
 * that pushes the outbox from seq 1. One rw transaction.
 */
export function resetDevice(db: SatchelDb): Promise<void> {
  return db.transaction('rw', [db.kv], async () => {
    await db.kv.delete(SYNC_SEQ_KEY);
    await db.kv.delete('deviceId');
    await ensureDeviceId(db);
    await clearSyncAuth(db);
    await writeSyncState(db, { lastError: { kind: 'device', message: 'This device was reset; sign in again to re-register it. Nothing was lost.', at: Date.now() } });
  });
}

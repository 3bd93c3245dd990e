/**
 * The local side of sync (docs/sync-protocol.md 3.9, docs/decisions/0006-client-sync-store.md) over
 * the Dexie database: what lib/sync's engine calls as its `SyncStore`. The shapes match
 * structurally (lib/db may not import lib/sync, docs/architecture.md 6.2);
 * tests/sync-store-contract.test.ts checks they stay assignable.
 *
 * One file per step in this folder: read-outbox, push-results (+ refuse, rollback-*), pull-page
 * (+ apply, apply-*, purge, snapshot-sweep, inboxes), withdraw, reset-device; seq-map, wire-scope,
 * pending, shadow and forget are shared by them. Every method is one rw transaction: a stopped
 * service worker can repeat a step, never half-do it.
 */
import type { PullResponse, PushResponse } from '../../schema/sync';
import type { SatchelDb } from '../database';
import { readSyncAuth, readSyncState, writeSyncState, type StoredSyncAuth, type StoredSyncState } from '../sync-state';
import { applyPullPage } from './pull-page';
import { applyPushResults } from './push-results';
import { readOutbox, type WireOutboxItem } from './read-outbox';
import { resetDevice } from './reset-device';
import { withdraw } from './withdraw';

export type { WireOutboxItem } from './read-outbox';
export { fromWireScope } from './wire-scope';
export { SYNC_ORPHANS_KEY } from './pull-page';
export { SYNC_SNAPSHOT_KEY } from './snapshot-sweep';
export { SYNC_SEQ_KEY } from './seq-map';

/** The `SyncStore` of lib/sync over `db`. */
export function dexieSyncStore(db: SatchelDb) {
  return {
    readAuth: (): Promise<StoredSyncAuth | null> => readSyncAuth(db),
    readState: (): Promise<StoredSyncState> => readSyncState(db),
    async writeState(patch: Partial<StoredSyncState>): Promise<void> {
      await writeSyncState(db, patch);
    },
    readOutbox: (limit: number): Promise<WireOutboxItem[]> => readOutbox(db, limit),
    applyPushResults: (res: PushResponse, sent: readonly WireOutboxItem[]): Promise<void> => applyPushResults(db, res, sent),
    applyPullPage: (page: PullResponse): Promise<void> => applyPullPage(db, page),
    withdraw: (item: WireOutboxItem, reason: string): Promise<void> => withdraw(db, item, reason),
    resetDevice: (): Promise<void> => resetDevice(db),
  };
}

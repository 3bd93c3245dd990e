/** Giving up on a poison mutation (docs/sync-protocol.md 3.9 "Poison the client isolates"). */
import type { SatchelDb } from '../database';
import { newId } from '../../util/uuid';
import { readSyncAuth } from '../sync-state';
import type { WireOutboxItem } from './read-outbox';
import { readSeqMap } from './seq-map';
import { refuse } from './refuse';
import { SYNC_TABLES } from './tables';

/**
 * Withdraws `item` (lib/sync `SyncStore.withdraw`): refused and undone as a `rejected` result with
 * `reason`, its outbox row replaced at the same local seq by `withdraw {name, reason}` with a new
 * mutationId. Nothing when it is no longer pending. One rw transaction.
 */
export function withdraw(db: SatchelDb, item: WireOutboxItem, reason: string): Promise<void> {
  return db.transaction('rw', SYNC_TABLES(db), async () => {
    const auth = await readSyncAuth(db);
    if (!auth) return;
    const m = await readSeqMap(db, auth);
    if (m.base === null) return;
    const localSeq = m.base + item.seq;
    const row = await db.outbox.get(localSeq);
    if (!row || row.mutationId !== item.mutationId) return;
    const now = Date.now();
    await refuse(db, item, auth.userId, { status: 'rejected', code: 'withdrawn', reason, at: now });
    const args: { name: string; reason: string } = { name: item.name, reason };
    await db.outbox.put({ seq: localSeq, mutationId: newId(), name: 'withdraw', args, clientTs: now });
  });
}

/**
 * Seq mapping (docs/sync-protocol.md 3.4). The outbox numbers mutations with IndexedDB's `++seq`,
 * which never goes back; the server wants contiguous numbers per device from its
 * `last_mutation_seq + 1`. So the wire seq is `localSeq - base`, with `base` fixed the first time
 * a device pushes (and again after a device change): `base = firstPendingLocalSeq - 1 - serverLastSeq`.
 */
import type { SatchelDb } from '../database';
import type { StoredSyncAuth } from '../sync-state';

/** kv key of the seq mapping of the current device. */
export const SYNC_SEQ_KEY = 'syncSeq';

/** The seq mapping: wire seq = local seq - base; `serverSeq` = the last wire seq the server has. */
export interface SeqMap {
  deviceId: string;
  base: number | null;
  serverSeq: number;
}

/** The mapping of `auth`'s device (a fresh one after a device change). */
export async function readSeqMap(db: SatchelDb, auth: StoredSyncAuth): Promise<SeqMap> {
  const v = (await db.kv.get(SYNC_SEQ_KEY))?.value as SeqMap | undefined;
  return v && v.deviceId === auth.deviceId ? v : { deviceId: auth.deviceId, base: null, serverSeq: 0 };
}

/** Stores the mapping. */
export async function writeSeqMap(db: SatchelDb, m: SeqMap): Promise<void> {
  await db.kv.put({ key: SYNC_SEQ_KEY, value: m });
}

/** Records that the server has every wire seq ≤ `lastMutationSeq` and drops those outbox rows. Inside a rw transaction. */
export async function dropAcknowledged(db: SatchelDb, m: SeqMap, lastMutationSeq: number): Promise<void> {
  if (lastMutationSeq > m.serverSeq) m.serverSeq = lastMutationSeq;
  if (m.base !== null) await db.outbox.where('seq').belowOrEqual(m.base + m.serverSeq).delete();
  await writeSeqMap(db, m);
}

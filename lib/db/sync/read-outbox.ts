/** Push step 1: the pending mutations as the engine pushes them (docs/sync-protocol.md 3.9 push phase). */
import type { SatchelDb } from '../database';
import { readSyncAuth } from '../sync-state';
import { readSeqMap, writeSeqMap } from './seq-map';
import { toWire } from './wire-scope';
import { SYNC_TABLES } from './tables';

/** One pending mutation as the engine pushes it (lib/sync `OutboxItem`): wire seq, wire scope ids. */
export interface WireOutboxItem {
  seq: number;
  mutationId: string;
  name: string;
  args: Record<string, unknown>;
  clientTs: number;
}

/** The oldest pending mutations with wire seqs and wire scope ids, at most `limit`; none when signed out. One rw transaction (it may fix the seq base). */
export function readOutbox(db: SatchelDb, limit: number): Promise<WireOutboxItem[]> {
  return db.transaction('rw', SYNC_TABLES(db), async () => {
    const auth = await readSyncAuth(db);
    if (!auth) return [];
    const rows = await db.outbox.orderBy('seq').limit(limit).toArray();
    if (rows.length === 0) return [];
    const m = await readSeqMap(db, auth);
    if (m.base === null) {
      m.base = rows[0]!.seq! - 1 - m.serverSeq;
      await writeSeqMap(db, m);
    }
    const base = m.base;
    return rows.map((r) => ({ seq: r.seq! - base, mutationId: r.mutationId, name: r.name, args: toWire(r.args, auth.userId), clientTs: r.clientTs }));
  });
}

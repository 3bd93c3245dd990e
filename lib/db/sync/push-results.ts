/** Push step 2: what the server answered (docs/sync-protocol.md 3.4, 3.9 push phase). */
import type { PushResponse } from '../../schema/sync';
import type { SatchelDb } from '../database';
import { readSyncAuth } from '../sync-state';
import type { WireOutboxItem } from './read-outbox';
import { dropAcknowledged, readSeqMap } from './seq-map';
import { refuse } from './refuse';
import { forgetCaptures } from './forget';
import { SYNC_TABLES } from './tables';

const REFUSED = new Set(['gone', 'not_found', 'rejected']);

/**
 * Drops what the server acknowledged; keeps refused mutations (with payloads) in `rejected` and
 * undoes their local effect; a `createCapture`/`shareCapture` merged into another id
 * (`canonicalId`) drops its local row, which the following pull replaces with the canonical one.
 * One rw transaction.
 */
export function applyPushResults(db: SatchelDb, res: PushResponse, sent: readonly WireOutboxItem[]): Promise<void> {
  return db.transaction('rw', SYNC_TABLES(db), async () => {
    const auth = await readSyncAuth(db);
    if (!auth) return;
    const m = await readSeqMap(db, auth);
    const bySeq = new Map(sent.map((s) => [s.seq, s]));
    const now = Date.now();
    for (const r of res.results) {
      const item = bySeq.get(r.seq);
      if (!item) continue;
      // A withdraw's own `rejected:withdrawn` is its expected answer: the change it stands for is already in `rejected`.
      if (REFUSED.has(r.status) && item.name !== 'withdraw') await refuse(db, item, auth.userId, { status: r.status, code: r.code ?? null, at: now });
      // Merged into a capture the scope already held (same post): drop our row; the pull brings the canonical one.
      const mergedId = item.name === 'createCapture' ? item.args.id : item.name === 'shareCapture' ? item.args.newId : null;
      if (r.canonicalId && typeof mergedId === 'string' && mergedId !== r.canonicalId) await forgetCaptures(db, [mergedId]);
    }
    await dropAcknowledged(db, m, res.lastMutationSeq);
  });
}

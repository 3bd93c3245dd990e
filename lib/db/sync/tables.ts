/** The tables every sync step's transaction spans (one list, so no step misses one it touches). */
import type { SatchelDb } from '../database';

/** Every synced table plus the outbox, kv (sync state) and the refused list. */
export const SYNC_TABLES = (db: SatchelDb) => [
  db.captures, db.collections, db.tags, db.outbox, db.kv, db.syncMeta, db.noteConflicts, db.rejected, db.comments, db.reactions,
];

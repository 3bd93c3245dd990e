/** Internal helpers for collection rows (no writes here). */
import { newId } from '../util/uuid';
import type { CollectionRow, SatchelDb } from './database';

/** A new live collection row (not stored). `name` is trimmed by the caller. */
export function newCollectionRow(scopeId: string, name: string, now: number, inbox = false): CollectionRow {
  return { id: newId(), scopeId, name, inbox, createdAt: now, updatedAt: now, deletedAt: null };
}

/** The scope's live Inbox collection, or undefined. */
export async function findInbox(db: SatchelDb, scopeId: string): Promise<CollectionRow | undefined> {
  const rows = await db.collections.where('scopeId').equals(scopeId).toArray();
  return rows.filter((c) => c.inbox && c.deletedAt === null).sort((a, b) => a.createdAt - b.createdAt)[0];
}

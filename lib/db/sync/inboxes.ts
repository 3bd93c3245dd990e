/**
 * One Inbox per scope across devices (lib/db/collection-rows.ts): each browser makes its own Inbox
 * on its first save, before it has ever synced.
 */
import type { SatchelDb } from '../database';
import { addMutation } from '../outbox';

/** Name of the default collection fresh saves go to (lib/db/collection-rows.ts). */
export const INBOX_NAME = 'Inbox';

/**
 * When scope `scopeId` holds several Inboxes (ours and ones pulled from other devices), the one
 * with the smallest id wins on every device; the others' captures move into it and they are
 * deleted, with their outbox rows, so all devices converge. Inside the pull page's rw transaction.
 */
export async function mergeInboxes(db: SatchelDb, scopeId: string, now: number): Promise<void> {
  const boxes = (await db.collections.where('scopeId').equals(scopeId).toArray()).filter((c) => c.deletedAt === null && (c.inbox || c.name === INBOX_NAME));
  if (boxes.length < 2) return;
  boxes.sort((a, b) => a.id.localeCompare(b.id));
  const [winner, ...losers] = boxes;
  if (!winner!.inbox) await db.collections.put({ ...winner!, inbox: true });
  for (const loser of losers) {
    for (const cap of await db.captures.where('collectionIds').equals(loser.id).toArray()) {
      const has = cap.collectionIds.includes(winner!.id);
      await db.captures.put({ ...cap, collectionIds: [...cap.collectionIds.filter((x) => x !== loser.id && x !== winner!.id), winner!.id] });
      if (!has) await addMutation(db, 'addToCollection', { collectionId: winner!.id, captureId: cap.id }, now);
    }
    await db.collections.delete(loser.id);
    await addMutation(db, 'deleteCollection', { id: loser.id }, now);
  }
}

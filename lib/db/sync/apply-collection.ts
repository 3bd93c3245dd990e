/** Pull applier of a collection row (docs/sync-protocol.md 3.9 pull phase). */
import type { SyncChangeOf } from '../../schema/sync';
import type { ApplyCtx } from './context';
import { INBOX_NAME } from './inboxes';

/**
 * A collection put or del. A del also takes the collection off its captures (the server sends
 * the item tombstones too). Another device's "Inbox" becomes this device's Inbox when it has
 * none yet in the scope, so fresh saves on every device land in one Inbox (lib/db/collection-rows.ts).
 */
export async function applyCollection(c: SyncChangeOf<'collection'>, ctx: ApplyCtx): Promise<void> {
  const { db, scopeId, now } = ctx;
  if (c.op === 'del') {
    await db.collections.delete(c.key);
    for (const cap of await db.captures.where('collectionIds').equals(c.key).toArray()) {
      await db.captures.put({ ...cap, collectionIds: cap.collectionIds.filter((id) => id !== c.key) });
    }
    return;
  }
  const v = c.value;
  const old = await db.collections.get(v.id);
  const inbox = old?.inbox ?? (v.name === INBOX_NAME && !(await db.collections.where('scopeId').equals(scopeId).filter((x) => x.inbox && x.deletedAt === null).first()));
  await db.collections.put({ id: v.id, scopeId, name: v.name, inbox, createdAt: old?.createdAt ?? now, updatedAt: now, deletedAt: null });
}

/** Wiping a scope's synced rows (docs/sync-protocol.md 3.8 "When a member loses access", 3.10 reset). */
import type { SatchelDb } from '../database';
import { forgetMembers } from '../members';
import type { Pending } from './pending';
import { COMMENT_SHADOW_KEY, dropCommentShadows, type CommentShadow } from './shadow';
import { reactionKey } from '../../schema/discussion';

/**
 * Deletes scope `scopeId`'s synced rows. Revoked (`pending` null): everything of the scope,
 * captures, collections, tag spellings, note conflicts, comments, reactions and the cached team
 * members. Reset (`pending` given, the server's tombstones are gone): rows with no pending change,
 * so the snapshot that follows refills them and nothing queued is lost. Inside a rw transaction.
 */
export async function purgeScope(db: SatchelDb, scopeId: string, pending: Pending | null): Promise<void> {
  const ids = (await db.captures.where('scopeId').equals(scopeId).primaryKeys()).filter((id) => !pending?.captures.has(id));
  await db.captures.bulkDelete(ids);
  await db.syncMeta.bulkDelete(ids);
  await db.noteConflicts.where('scopeId').equals(scopeId).delete();
  const comments = (await db.comments.where('scopeId').equals(scopeId).primaryKeys()).filter((id) => !pending?.comments.has(id));
  await db.comments.bulkDelete(comments);
  await dropCommentShadows(db, comments);
  await db.reactions.where('scopeId').equals(scopeId).filter((r) => !pending?.reactions.has(reactionKey(r))).delete();
  if (!pending) {
    await db.kv.where('key').startsWith(COMMENT_SHADOW_KEY).filter((r) => (r.value as CommentShadow).comment?.scopeId === scopeId).delete();
    await db.collections.where('scopeId').equals(scopeId).delete();
    await db.tags.where('scopeId').equals(scopeId).delete();
    await forgetMembers(db, scopeId);
  }
}

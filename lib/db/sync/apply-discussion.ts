/**
 * Pull appliers of conversations (issue 11, docs/discussion.md): comments (rows) and reactions
 * (elements of a capture or a comment).
 */
import type { SyncChangeOf } from '../../schema/sync';
import type { CommentRow } from '../database';
import type { ApplyCtx } from './context';
import { forgetComments } from './forget';
import { writeCommentShadow } from './shadow';

/**
 * A comment put or del. A put is noted as the comment's server shadow (for rollbacks); the local
 * row keeps a pending create, edit or delete of this device until the server acknowledges it. A del
 * (its author or the owner deleted it) drops it with its reactions; its replies stay.
 */
export async function applyComment(c: SyncChangeOf<'comment'>, ctx: ApplyCtx): Promise<void> {
  const { db, scopeId } = ctx;
  if (c.op === 'del') return forgetComments(db, [c.key]);
  const v = c.value;
  const row: CommentRow = { id: v.id, scopeId, captureId: v.captureId, parentId: v.parentId, authorUserId: v.authorUserId, body: v.body, mentions: v.mentions, createdAt: v.createdAt, editedAt: v.editedAt };
  await writeCommentShadow(db, row);
  if (ctx.pending.comments.has(v.id)) return;
  await db.comments.put(row);
}

/** `targetId|userId|kind` → its parts (the user id may not contain `|`; the kind never does). */
function splitReactionKey(key: string): { targetId: string; userId: string; kind: string } {
  const a = key.indexOf('|');
  const b = key.lastIndexOf('|');
  return { targetId: key.slice(0, a), userId: key.slice(a + 1, b), kind: key.slice(b + 1) };
}

/**
 * A reaction put or del. The signed-in user's own reaction with a pending `setReaction` keeps its
 * local state. A put whose capture is not here yet is parked until it arrives (like tags).
 */
export async function applyReaction(c: SyncChangeOf<'reaction'>, ctx: ApplyCtx): Promise<void> {
  const { db, scopeId } = ctx;
  if (ctx.pending.reactions.has(c.key)) return;
  if (c.op === 'del') {
    const k = splitReactionKey(c.key);
    await db.reactions.delete([k.targetId, k.userId, k.kind]);
    return;
  }
  const v = c.value;
  if (!(await db.captures.get(v.captureId))) {
    ctx.orphans.push(c);
    return;
  }
  await db.reactions.put({ targetKind: v.targetKind, targetId: v.targetId, captureId: v.captureId, scopeId, userId: v.userId, kind: v.kind, createdAt: v.createdAt });
}

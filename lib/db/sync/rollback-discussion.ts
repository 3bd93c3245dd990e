/**
 * Undoing a refused discussion change (issue 11): the local rows go back to what the server holds.
 * `rejected` (e.g. forbidden: the learner's role changed) means the server's row is as last pulled;
 * `gone`/`not_found` means it no longer exists (the comment or its capture was deleted).
 */
import { DiscussionMutationArgs } from '../../schema/discussion';
import type { SatchelDb } from '../database';
import { forgetComments } from './forget';
import type { WireOutboxItem } from './read-outbox';
import { dropCommentShadows, readCommentShadow } from './shadow';
import { rollbackCapture } from './rollback-capture';

/** Puts right the local effect of a refused `createComment`, `editComment`, `deleteComment`, `setReaction` or `markAnswered`. Inside a rw transaction. */
export async function rollbackDiscussion(db: SatchelDb, item: WireOutboxItem, status: string, userId: string): Promise<void> {
  const gone = status !== 'rejected';
  switch (item.name) {
    case 'createComment': {
      const a = DiscussionMutationArgs.createComment.safeParse(item.args);
      if (a.success) await forgetComments(db, [a.data.id]); // it never existed on the server
      return;
    }
    case 'editComment': {
      const a = DiscussionMutationArgs.editComment.safeParse(item.args);
      if (!a.success) return;
      const shadow = await readCommentShadow(db, a.data.id);
      if (gone) await forgetComments(db, [a.data.id]);
      else if (shadow && (await db.comments.get(a.data.id))) await db.comments.put(shadow.comment);
      return;
    }
    case 'deleteComment': {
      const a = DiscussionMutationArgs.deleteComment.safeParse(item.args);
      if (!a.success) return;
      const shadow = await readCommentShadow(db, a.data.id);
      if (gone || !shadow) return dropCommentShadows(db, [a.data.id]);
      // The delete did not happen: the comment and the reactions it took come back.
      await db.comments.put(shadow.comment);
      if (shadow.reactions?.length) await db.reactions.bulkPut(shadow.reactions);
      return;
    }
    case 'setReaction': {
      const a = DiscussionMutationArgs.setReaction.safeParse(item.args);
      if (!a.success) return;
      const { targetKind, targetId, kind, present } = a.data;
      // A later change of the same reaction is queued: it decides the local state.
      const queued = await db.outbox.orderBy('seq').toArray();
      const after = queued.slice(queued.findIndex((r) => r.mutationId === item.mutationId) + 1);
      if (after.some((r) => r.name === 'setReaction' && r.args.targetId === targetId && r.args.kind === kind)) return;
      if (gone || present) return db.reactions.delete([targetId, userId, kind]); // the target is gone, or the reaction was not made
      // A refused unreact: the reaction the server still holds comes back.
      const captureId = targetKind === 'capture' ? targetId : (await db.comments.get(targetId))?.captureId;
      const capture = captureId ? await db.captures.get(captureId) : undefined;
      if (capture) await db.reactions.put({ targetKind, targetId, captureId: capture.id, scopeId: capture.scopeId, userId, kind, createdAt: Date.now() });
      return;
    }
    case 'markAnswered':
      return rollbackCapture(db, { ...item, args: { captureId: item.args.captureId } });
  }
}

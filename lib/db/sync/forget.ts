/**
 * Forgetting rows locally (no outbox row: the server already has, or never had, them): captures
 * with everything hanging off them, and comments with their reactions. Inside a rw transaction over
 * lib/db/sync/tables.ts `SYNC_TABLES`.
 */
import type { SatchelDb } from '../database';
import { dropCommentShadows } from './shadow';

/** Drops comments `ids`, the reactions on them and their shadows (replies stay). */
export async function forgetComments(db: SatchelDb, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.comments.bulkDelete([...ids]);
  await db.reactions.where('targetId').anyOf([...ids]).delete();
  await dropCommentShadows(db, ids);
}

/** Drops captures `ids` locally with their sync facts, comments and reactions (a deleted capture keeps no discussion). */
export async function forgetCaptures(db: SatchelDb, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.captures.bulkDelete([...ids]);
  await db.syncMeta.bulkDelete([...ids]);
  await forgetDiscussion(db, ids);
}

/** Drops the comments and reactions of captures `captureIds` (the capture rows stay). */
export async function forgetDiscussion(db: SatchelDb, captureIds: readonly string[]): Promise<void> {
  if (captureIds.length === 0) return;
  const comments = (await db.comments.where('captureId').anyOf([...captureIds]).primaryKeys()) as string[];
  await db.comments.bulkDelete(comments);
  await dropCommentShadows(db, comments);
  await db.reactions.where('captureId').anyOf([...captureIds]).delete();
}

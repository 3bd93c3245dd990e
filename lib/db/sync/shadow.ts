/**
 * Server shadows (docs/sync-protocol.md 3.9 "shadow rows"): the server's values as last pulled, kept
 * so a refused local change is put right without waiting for a pull that would never come (the
 * server resends only rows it changed).
 * - Captures: `syncMeta.server` holds the library fields, `answerCommentId`, tag keys and collection ids.
 * - Comments: kv `syncComment:<id>` holds the pulled comment, and the reactions a local delete took
 *   with it (restored if the delete is refused).
 */
import type { CommentRow, ReactionRow, SatchelDb } from '../database';

/** kv key prefix of a comment's server shadow. */
export const COMMENT_SHADOW_KEY = 'syncComment:';

/** A comment as last pulled, and the reactions a pending local delete removed with it. */
export interface CommentShadow {
  comment: CommentRow;
  reactions?: ReactionRow[];
}

/** Keeps the server's tag keys / collection ids of a capture in its syncMeta (for rollbacks). Inside a rw transaction. */
export async function noteServerElement(db: SatchelDb, captureId: string, list: 'tags' | 'collectionIds', value: string, present: boolean): Promise<void> {
  const meta = await db.syncMeta.get(captureId);
  if (!meta) return;
  const server = meta.server ?? { fields: {}, tags: [], collectionIds: [] };
  const next = server[list].filter((x) => x !== value);
  if (present) next.push(value);
  await db.syncMeta.put({ ...meta, server: { ...server, [list]: next } });
}

/** The shadow of comment `id`, if it was ever pulled. */
export async function readCommentShadow(db: SatchelDb, id: string): Promise<CommentShadow | undefined> {
  return (await db.kv.get(COMMENT_SHADOW_KEY + id))?.value as CommentShadow | undefined;
}

/** Records `row` as the server's copy of the comment (stashed reactions are kept). */
export async function writeCommentShadow(db: SatchelDb, row: CommentRow): Promise<void> {
  const old = await readCommentShadow(db, row.id);
  await db.kv.put({ key: COMMENT_SHADOW_KEY + row.id, value: { ...old, comment: row } satisfies CommentShadow });
}

/** Keeps the reactions a local delete of comment `id` removes, so a refused delete brings them back. No-op for a comment never pulled. */
export async function stashCommentReactions(db: SatchelDb, id: string, reactions: ReactionRow[]): Promise<void> {
  const old = await readCommentShadow(db, id);
  if (old) await db.kv.put({ key: COMMENT_SHADOW_KEY + id, value: { ...old, reactions } satisfies CommentShadow });
}

/** Forgets the shadows of comments `ids`. */
export async function dropCommentShadows(db: SatchelDb, ids: readonly string[]): Promise<void> {
  if (ids.length) await db.kv.bulkDelete(ids.map((id) => COMMENT_SHADOW_KEY + id));
}

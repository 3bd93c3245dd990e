/**
 * A mutation the server did not apply (`gone`, `not_found`, `rejected`, or withdrawn by the client):
 * kept with its payload in the refused list, and its optimistic local effect undone
 * (docs/sync-protocol.md 3.9 "shadow rows").
 */
import type { RejectedRow, SatchelDb } from '../database';
import type { WireOutboxItem } from './read-outbox';
import { fromWireScope } from './wire-scope';
import { forgetCaptures } from './forget';
import { rollbackCapture } from './rollback-capture';
import { rollbackDiscussion } from './rollback-discussion';

const DISCUSSION = new Set(['createComment', 'editComment', 'deleteComment', 'setReaction', 'markAnswered']);

/** Keeps `item` in `rejected` (with `reason` when the client withdrew it) and undoes its local effect. Inside a rw transaction over lib/db/sync/tables.ts. */
export async function refuse(db: SatchelDb, item: WireOutboxItem, userId: string, why: Pick<RejectedRow, 'status' | 'code' | 'reason' | 'at'>): Promise<void> {
  const scope = typeof item.args.scopeId === 'string' ? fromWireScope(item.args.scopeId, userId) : null;
  await db.rejected.put({ mutationId: item.mutationId, seq: item.seq, name: item.name, args: item.args, scopeId: scope, ...why });
  // A refused create never existed on the server: drop the optimistic local row (its payload is kept in `rejected`).
  const created = item.name === 'createCapture' ? item.args.id : item.name === 'shareCapture' ? item.args.newId : null;
  if (typeof created === 'string') await forgetCaptures(db, [created]);
  else if (item.name === 'createCollection' && typeof item.args.id === 'string') await db.collections.delete(item.args.id);
  else if (DISCUSSION.has(item.name)) await rollbackDiscussion(db, item, why.status, userId);
  else await rollbackCapture(db, item);
}

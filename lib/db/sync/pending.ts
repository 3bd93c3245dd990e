/**
 * What the outbox still has to tell the server (docs/sync-protocol.md 3.9 "re-apply pending"): a
 * pull never overwrites a local change the server has not acknowledged yet.
 */
import { tagKey } from '../../schema/tag';
import { DiscussionMutationArgs, reactionKey } from '../../schema/discussion';
import type { OutboxRow, SatchelDb } from '../database';

/** Pending local changes, by what they touch. */
export interface Pending {
  /**
   * Per capture id: names of library fields with a pending `updateCapture`, `answerCommentId`
   * for a pending `markAnswered`, `tag:<key>` and `col:<id>` of pending tag/collection changes,
   * `*` for a pending create, delete or completion (the local row is newer than anything pulled).
   */
  captures: Map<string, Set<string>>;
  /** Comment ids with a pending `createComment`, `editComment` or `deleteComment`. */
  comments: Set<string>;
  /** Reaction keys (`targetId|userId|kind`) with a pending `setReaction` of the signed-in user. */
  reactions: Set<string>;
}

/** Reads the outbox once and says what is pending. `userId`: the signed-in user (reactions are always one's own). */
export async function readPending(db: SatchelDb, userId: string): Promise<Pending> {
  const out: Pending = { captures: new Map(), comments: new Set(), reactions: new Set() };
  const add = (id: unknown, what: string) => {
    if (typeof id !== 'string') return;
    let s = out.captures.get(id);
    if (!s) out.captures.set(id, (s = new Set()));
    s.add(what);
  };
  await db.outbox.each((r: OutboxRow) => {
    const a = r.args;
    switch (r.name) {
      case 'updateCapture':
        for (const f of Object.keys((a.set as object | undefined) ?? {})) add(a.id, f);
        break;
      case 'markAnswered':
        add(a.captureId, 'answerCommentId');
        break;
      case 'addTag':
      case 'removeTag':
        add(a.captureId, `tag:${tagKey(String(a.tag)) ?? ''}`);
        break;
      case 'addToCollection':
      case 'removeFromCollection':
        add(a.captureId, `col:${String(a.collectionId)}`);
        break;
      case 'createCapture':
      case 'completeCapture':
      case 'deleteCapture':
        add(a.id, '*');
        break;
      case 'createComment':
      case 'editComment':
      case 'deleteComment':
        if (typeof a.id === 'string') out.comments.add(a.id);
        break;
      case 'setReaction': {
        const r = DiscussionMutationArgs.setReaction.safeParse(a);
        if (r.success) out.reactions.add(reactionKey({ targetId: r.data.targetId, userId, kind: r.data.kind }));
        break;
      }
    }
  });
  return out;
}

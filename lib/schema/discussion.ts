/**
 * Conversations on team captures (issue 11, docs/discussion.md): comments with one level of replies,
 * `@mention`s of team members, one-tap reactions, and the answer a "question to discuss" pins.
 * Wire args of the discussion mutations and the records a pull carries. Every string is `storable()`
 * (docs/sync-protocol.md 3.3 text rule); every object is strict.
 */
import { z } from 'zod';
import { storable } from './storable';
import { ScopeId } from './capture';
import { Uuid7 } from './ids';

/** Longest comment body, characters (after trimming). */
export const MAX_COMMENT_CHARS = 5000;
/** Most members one comment may mention. */
export const MAX_MENTIONS = 20;

/** The one-tap reaction set, in display order: "useful", "tried it", "thanks". */
export const REACTION_KINDS = ['useful', 'tried', 'thanks'] as const;
export const ReactionKind = z.enum(REACTION_KINDS);
export type ReactionKind = z.infer<typeof ReactionKind>;

/** What a reaction is on: a team capture or a comment. */
export const ReactionTarget = z.enum(['capture', 'comment']);
export type ReactionTarget = z.infer<typeof ReactionTarget>;

/** Comment text: plain text, line breaks kept, 1–{@link MAX_COMMENT_CHARS} characters after trimming. */
export const CommentBody = storable().trim().min(1).max(MAX_COMMENT_CHARS);

/** User ids a comment mentions (the server keeps only members of the capture's scope). */
export const Mentions = z.array(storable().min(1).max(200)).max(MAX_MENTIONS);

/** Args of the discussion mutations (joined into lib/schema/sync.ts `MutationArgs`). */
export const DiscussionMutationArgs = {
  /**
   * A comment on capture `captureId` (any role in its scope may comment, viewers included).
   * `parentId` = the comment it replies to; a reply to a reply is filed under that reply's parent
   * (one level of threading). Creates never overwrite: idempotent on `id`.
   */
  createComment: z.strictObject({ id: Uuid7, captureId: Uuid7, parentId: Uuid7.nullable(), body: CommentBody, mentions: Mentions }),
  /** New text of one's own comment (nobody edits another person's comment, not even the owner). */
  editComment: z.strictObject({ id: Uuid7, body: CommentBody, mentions: Mentions }),
  /** Deletes a comment: its author, or the team's owner. Its reactions go with it; replies stay. */
  deleteComment: z.strictObject({ id: Uuid7 }),
  /** Sets (present) or clears the caller's own reaction `kind` on a capture or comment. Idempotent. */
  setReaction: z.strictObject({ targetKind: ReactionTarget, targetId: Uuid7, kind: ReactionKind, present: z.boolean() }),
  /**
   * Pins `commentId` (a comment on this capture) as the answer to a "question to discuss", or
   * clears it (null). The capture's sharer or the team's owner.
   */
  markAnswered: z.strictObject({ captureId: Uuid7, commentId: Uuid7.nullable() }),
} as const;

/** A comment as a pull carries it. `del` of a comment is its tombstone (its replies stay). */
export const SyncComment = z.strictObject({
  id: Uuid7,
  scopeId: ScopeId,
  captureId: Uuid7,
  /** the top-level comment this replies to, or null */
  parentId: Uuid7.nullable(),
  authorUserId: storable(),
  body: storable(),
  /** user ids mentioned (members of the scope when written) */
  mentions: z.array(storable()),
  /** epoch ms, server clock */
  createdAt: z.number().int(),
  /** epoch ms, server clock; null until edited */
  editedAt: z.number().int().nullable(),
  version: z.number().int(),
});
export type SyncComment = z.infer<typeof SyncComment>;

/** One person's reaction of one kind on a capture or comment (key `targetId|userId|kind`). */
export const SyncReaction = z.strictObject({
  targetKind: ReactionTarget,
  targetId: Uuid7,
  /** the capture the target belongs to (the capture itself, or the comment's capture) */
  captureId: Uuid7,
  userId: storable(),
  kind: ReactionKind,
  /** epoch ms, server clock */
  createdAt: z.number().int(),
});
export type SyncReaction = z.infer<typeof SyncReaction>;

/** Key of a reaction row: `targetId|userId|kind`. */
export const reactionKey = (r: Pick<SyncReaction, 'targetId' | 'userId' | 'kind'>): string => `${r.targetId}|${r.userId}|${r.kind}`;

/**
 * Conversations on team captures, the device side (issue 11, docs/discussion.md): the learner's
 * comments, replies, edits, deletes, reactions and pinned answers, each written to the local table
 * and queued in the outbox in ONE rw transaction (lib/db/mutations.ts invariant), so offline comments
 * are sent later and never lost; and the thread of a capture as the UI shows it.
 *
 * Rights mirror the server (docs/sync-protocol.md 4): any member comments and reacts (viewers too);
 * only the author edits a comment; the author or the team's owner deletes one; the capture's sharer
 * or the team's owner marks the answer. A write the local copy of the rights refuses throws
 * {@link DiscussionError} and queues nothing.
 *
 * STATUS: API surface fixed by the lead (session 6); bodies implemented by the client-sync work.
 */
import type { ReactionKind } from '../schema';
import type { CommentRow, ReactionRow, SatchelDb } from './database';
import type { Clock } from '../util/clock';

/** A write the learner may not make, or on something that is gone. `message` is a sentence a person reads. */
export class DiscussionError extends Error {
  override name = 'DiscussionError';
}

/** Reaction counts of one target, with who reacted (user ids, oldest first), per kind. */
export type ReactionSummary = Record<ReactionKind, { count: number; userIds: string[]; mine: boolean }>;

/** One comment as the UI shows it. */
export interface ThreadComment extends CommentRow {
  reactions: ReactionSummary;
  /** not yet acknowledged by the server (queued in the outbox) */
  pending: boolean;
  /** replies, oldest first (top-level comments only; replies have none) */
  replies: ThreadComment[];
}

/** The discussion of one capture. */
export interface Thread {
  captureId: string;
  scopeId: string;
  /** top-level comments oldest first; a deleted parent with live replies appears as a stub with `body` '' and `deleted` */
  comments: Array<ThreadComment & { deleted?: boolean }>;
  /** reactions on the capture itself */
  reactions: ReactionSummary;
  /** the pinned answer (a comment of this thread), or null */
  answer: ThreadComment | null;
  /** total live comments (replies included) */
  count: number;
}

/** Options of every writer: `clock` for tests (epoch ms). */
export interface DiscussionOptions {
  clock?: Clock;
}

/** The thread of capture `captureId` for the signed-in user `meUserId` (for `mine`). Read-only. */
export declare function readThread(db: SatchelDb, captureId: string, meUserId: string | null): Promise<Thread>;

/**
 * Adds a comment (or a reply: `parentId`; a reply to a reply is filed under its parent) by `meUserId`
 * on team capture `captureId`. `body` is trimmed and cleaned (lib/schema toStorable); `mentions` are user ids.
 * @returns the new row. @throws DiscussionError when the capture is not a live team capture, or the text is empty/too long.
 */
export declare function addComment(db: SatchelDb, meUserId: string, captureId: string, body: string, opts?: DiscussionOptions & { parentId?: string | null; mentions?: string[] }): Promise<CommentRow>;

/** Edits one's own comment. @throws DiscussionError when it is not `meUserId`'s or is gone. */
export declare function editComment(db: SatchelDb, meUserId: string, commentId: string, body: string, opts?: DiscussionOptions & { mentions?: string[] }): Promise<CommentRow>;

/** Deletes a comment (its author or the team's owner); its reactions go too, replies stay. @throws DiscussionError */
export declare function deleteComment(db: SatchelDb, meUserId: string, commentId: string, opts?: DiscussionOptions): Promise<void>;

/** Sets or clears `meUserId`'s reaction `kind` on a capture or comment. Idempotent. @throws DiscussionError when the target is gone. */
export declare function setReaction(db: SatchelDb, meUserId: string, target: { kind: ReactionRow['targetKind']; id: string }, kind: ReactionKind, present: boolean, opts?: DiscussionOptions): Promise<void>;

/** Pins `commentId` as the answer of capture `captureId` (null clears). The sharer or the team's owner. @throws DiscussionError */
export declare function markAnswered(db: SatchelDb, meUserId: string, captureId: string, commentId: string | null, opts?: DiscussionOptions): Promise<void>;

/** Records that a "Start a conversation" prompt was copied for `captureId` (library field `conversationStartedAt`, synced when the capture is the learner's to change). */
export declare function recordConversationStarted(db: SatchelDb, captureId: string, opts?: DiscussionOptions): Promise<void>;

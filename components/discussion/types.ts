/**
 * View types of the discussion on a team capture (issue 11, docs/discussion.md "The discussion UI").
 * Plain data, structurally the same as lib/db/discussion.ts `Thread` (components may not import
 * lib/db, docs/architecture.md §6.2): the library container passes the value `readThread` returns.
 * Times are epoch ms.
 */
import type { ReactionKind } from '../../lib/schema';

/** Count, who reacted (user ids, oldest first) and whether the viewer did, for one reaction kind. */
export interface ReactionCount {
  count: number;
  userIds: readonly string[];
  mine: boolean;
}

/** Reactions on one target (the capture or a comment), per kind. */
export type ReactionSummaryView = Record<ReactionKind, ReactionCount>;

/** One comment as shown: its text, author, times, reactions, and (top-level only) its replies. */
export interface CommentView {
  id: string;
  captureId: string;
  /** the top-level comment this replies to, or null */
  parentId: string | null;
  authorUserId: string;
  /** plain text (never HTML) */
  body: string;
  /** user ids the body mentions */
  mentions: readonly string[];
  createdAt: number;
  /** null until edited */
  editedAt: number | null;
  reactions: ReactionSummaryView;
  /** not yet acknowledged by the server (waiting in the outbox) */
  pending: boolean;
  /** replies, oldest first (empty for replies) */
  replies: readonly CommentView[];
  /** a deleted top-level comment kept as a stub because it has live replies */
  deleted?: boolean;
}

/** The discussion of one capture (lib/db/discussion.ts `Thread`). */
export interface ThreadView {
  captureId: string;
  scopeId: string;
  /** top-level comments, oldest first */
  comments: readonly CommentView[];
  /** reactions on the capture itself */
  reactions: ReactionSummaryView;
  /** the pinned answer, or null */
  answer: CommentView | null;
  /** live comments, replies included */
  count: number;
  /** live comments (replies included) not in this page: "Show older comments (n)"; 0 when the whole thread is here */
  olderCount: number;
}

/** A team member as the discussion names them (lib/schema `Member`, cached by lib/db/members.ts). */
export interface MemberView {
  userId: string;
  displayName: string;
}

/**
 * Who is looking, for the rights the UI mirrors from the server (docs/sync-protocol.md 4):
 * `userId` null = signed out (read only); `teamOwner` = owner of the capture's team; `sharer` =
 * the capture's sharer (its syncMeta `ownerUserId`).
 */
export interface DiscussionViewer {
  userId: string | null;
  teamOwner: boolean;
  sharer: boolean;
  /** signed in, but no longer a member of the capture's team (removed; its data is not purged yet): read only, told so */
  notMember?: boolean;
}

/** What a reaction is on. */
export interface ReactionTargetView {
  kind: 'capture' | 'comment';
  id: string;
}

/**
 * The writes of the discussion (lib/db/discussion.ts writers, wired by the library container).
 * Each resolves when written locally (queued in the outbox), and rejects with an Error whose
 * `message` is a sentence a person reads (lib/db `DiscussionError`); the UI shows it.
 */
export interface DiscussionActions {
  /** A new comment (`parentId` null) or reply. `mentions`: user ids. */
  onAdd: (body: string, mentions: string[], parentId: string | null) => Promise<unknown>;
  /** New text of one's own comment. */
  onEdit: (commentId: string, body: string, mentions: string[]) => Promise<unknown>;
  onDelete: (commentId: string) => Promise<unknown>;
  /** Sets (`present`) or clears the viewer's reaction `kind` on `target`. */
  onReact: (target: ReactionTargetView, kind: ReactionKind, present: boolean) => Promise<unknown>;
  /** Pins `commentId` as the answer (null unpins). */
  onMarkAnswered: (commentId: string | null) => Promise<unknown>;
}

/** Everything the discussion of one capture shows, from the library container. */
export interface DiscussionData {
  /** null while loading */
  thread: ThreadView | null;
  /** the team's members (cached; may be empty offline before the first fetch) */
  members: readonly MemberView[];
  viewer: DiscussionViewer;
  /** the capture was shared as a question to discuss (intent `question`) */
  isQuestion: boolean;
  /** the sharer's note: the question itself (null: none written) */
  question: string | null;
  /** "now" for relative times (epoch ms) */
  now: number;
}

/** Props of the discussion components that show and change a thread. */
export type DiscussionProps = DiscussionData &
  DiscussionActions & {
    /** asks the container for the next page of older comments (the thread arrives again, larger); absent: no "Show older comments" */
    onShowOlder?: () => void;
  };

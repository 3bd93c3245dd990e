/**
 * What the viewer may do in a discussion, mirroring the server's rules (docs/sync-protocol.md 4,
 * docs/discussion.md "Records"): any member comments and reacts (viewers too); only the author
 * edits a comment; the author or the team's owner deletes one; the capture's sharer or the team's
 * owner marks the answer of a question. Signed out: nothing (read only).
 */
import type { CommentView, DiscussionViewer } from './types';

/** The actions shown on one comment. */
export interface CommentRights {
  reply: boolean;
  edit: boolean;
  delete: boolean;
  markAnswered: boolean;
}

/** True when the viewer may comment and react (signed in and shown the team's discussion). */
export const canTakePart = (v: DiscussionViewer): boolean => v.userId !== null;

/**
 * Rights of `viewer` on `comment` of a capture that is (`isQuestion`) or is not a question to
 * discuss. A deleted stub allows nothing but replies to its thread.
 */
export function commentRights(viewer: DiscussionViewer, comment: Pick<CommentView, 'authorUserId' | 'parentId' | 'deleted'>, isQuestion: boolean): CommentRights {
  const me = viewer.userId;
  if (me === null) return { reply: false, edit: false, delete: false, markAnswered: false };
  const live = !comment.deleted;
  const mine = comment.authorUserId === me;
  return {
    reply: comment.parentId === null,
    edit: live && mine,
    delete: live && (mine || viewer.teamOwner),
    markAnswered: live && isQuestion && (viewer.sharer || viewer.teamOwner),
  };
}

/**
 * Test data for the discussion components (tests and the discussion-open benchmark): threads,
 * comments and reaction summaries with sensible defaults. Not used by the extension at run time.
 */
import { REACTION_KINDS } from '../../lib/schema';
import type { CommentView, DiscussionViewer, ReactionSummaryView, ThreadView } from './types';

/** A reaction summary; `who` lists the user ids per kind, `me` marks the viewer's own. */
export function reactions(who: Partial<Record<keyof ReactionSummaryView, string[]>> = {}, me: string | null = null): ReactionSummaryView {
  const out = {} as ReactionSummaryView;
  for (const k of REACTION_KINDS) {
    const ids = who[k] ?? [];
    out[k] = { count: ids.length, userIds: ids, mine: me !== null && ids.includes(me) };
  }
  return out;
}

let seq = 0;
/** A comment by `u-ana` on capture `cap-1`, created 2026-12-07 08:00 UTC, unless overridden. */
export function comment(over: Partial<CommentView> = {}): CommentView {
  seq += 1;
  return {
    id: `c-${seq}`,
    captureId: 'cap-1',
    parentId: null,
    authorUserId: 'u-ana',
    body: `Comment ${seq}`,
    mentions: [],
    createdAt: Date.UTC(2026, 11, 7, 8, 0),
    editedAt: null,
    reactions: reactions(),
    pending: false,
    replies: [],
    ...over,
  };
}

/** A thread of `comments` on capture `cap-1` in `team:t1`, the whole of it (`olderCount` 0); `count` counts replies too. */
export function thread(comments: CommentView[], over: Partial<ThreadView> = {}): ThreadView {
  return {
    captureId: 'cap-1',
    scopeId: 'team:t1',
    comments,
    reactions: reactions(),
    answer: null,
    count: comments.reduce((n, c) => n + (c.deleted ? 0 : 1) + c.replies.length, 0),
    olderCount: 0,
    ...over,
  };
}

/** The team of the tests: Ana (sharer), Ben, Chloé Ünal, Dev Owner. */
export const MEMBERS = [
  { userId: 'u-ana', displayName: 'Ana Souza' },
  { userId: 'u-ben', displayName: 'Ben Okafor' },
  { userId: 'u-chloe', displayName: 'Chloé Ünal' },
  { userId: 'u-dev', displayName: 'Dev Owner' },
] as const;

/** A signed-in viewer `userId` (not the owner, not the sharer unless said). */
export const viewerOf = (userId: string | null, over: Partial<DiscussionViewer> = {}): DiscussionViewer => ({ userId, teamOwner: false, sharer: false, ...over });

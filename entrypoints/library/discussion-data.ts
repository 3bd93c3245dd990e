/**
 * The library page's container for the discussion of the open team capture (issue 11,
 * docs/discussion.md "The discussion UI"): one Dexie liveQuery over the page of the thread it shows
 * (the newest top-level comments, their replies and reactions, the outbox rows for "Not sent yet";
 * "Show older comments" widens the page), the team's cached members, the signed-in user and their
 * role, so a reply pulled by sync appears without a reload; and the writes, through
 * lib/db/discussion.ts (each queued in the outbox; the background syncs when the outbox changes).
 */
import { useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { liveQuery } from 'dexie';
import type { Capture } from '../../lib/schema';
import { listTeamScopes, type SatchelDb } from '../../lib/db';
import { readSyncAuth } from '../../lib/db/sync-state';
import { readMembers } from '../../lib/db/members';
import { addComment, deleteComment, editComment, markAnswered, readThread, setReaction } from '../../lib/db/discussion';
import type { Translate } from '../../lib/util/i18n';
import type { DiscussionData, DiscussionProps } from '../../components/discussion/types';
import { DISCUSSION_PAGE } from '../../components/discussion/Discussion';

/** True for a capture of a team's library (scope `team:<id>`): only those have a discussion. */
export const hasDiscussion = (c: Pick<Capture, 'scopeId'> | null | undefined): boolean => !!c && c.scopeId.startsWith('team:');

/**
 * Reads everything the discussion of `capture` shows, for the signed-in user (null: signed out):
 * the newest `limit` top-level comments of the thread (absent: all of it; lib/db `readThread`).
 */
export async function loadDiscussion(db: SatchelDb, capture: Pick<Capture, 'id' | 'scopeId' | 'intent' | 'note'>, limit?: number): Promise<DiscussionData> {
  // Every read at once (the signed-in user too): each round trip waits for the page's busy main thread.
  const auth = readSyncAuth(db).then((a) => a?.userId ?? null);
  const [me, thread, cached, teams, meta] = await Promise.all([auth, readThread(db, capture.id, auth, { limit }), readMembers(db, capture.scopeId), listTeamScopes(db), db.syncMeta.get(capture.id)]);
  const role = teams.find((x) => x.id === capture.scopeId)?.role ?? null;
  return {
    thread,
    members: cached.members.map((m) => ({ userId: m.userId, displayName: m.displayName })),
    // Signed in but no longer in the team (purge pending): read only, and told why.
    viewer: { userId: role ? me : null, teamOwner: role === 'owner', sharer: me !== null && meta?.ownerUserId === me, notMember: me !== null && role === null },
    isQuestion: capture.intent === 'question',
    question: capture.note,
    now: Date.now(),
  };
}

/**
 * The discussion of `capture` (null, or not a team capture: null), live, with its writes. It reads
 * {@link DISCUSSION_PAGE} top-level comments, and that many more on each `onShowOlder` (back to one
 * page when another capture opens). A write by a signed-out learner throws the "Sign in to join the
 * discussion" sentence; by a learner removed from the team, "You are no longer a member of this team".
 */
export function useDiscussion(db: SatchelDb, capture: Capture | null, t: Translate): DiscussionProps | null {
  const [data, setData] = useState<{ id: string; value: DiscussionData } | null>(null);
  const [page, setPage] = useState<{ id: string | null; limit: number }>({ id: null, limit: DISCUSSION_PAGE });
  const id = hasDiscussion(capture) ? capture!.id : null;
  const limit = page.id === id ? page.limit : DISCUSSION_PAGE;
  const intent = capture?.intent ?? null;
  const note = capture?.note ?? null;
  // A layout effect starts the query in the render that opens the detail, not a frame later.
  useLayoutEffect(() => {
    if (!id || !capture) return;
    const target = { id, scopeId: capture.scopeId, intent, note };
    // The querier must itself be an async function: Dexie follows native awaits (and so sees every
    // table read) only then; `() => loadDiscussion(…)` subscribed to nothing after the first run.
    const sub = liveQuery(async () => {
      performance.mark('discussion:load');
      return loadDiscussion(db, target, limit);
    }).subscribe({
      next: (value) => {
        performance.mark('discussion:loaded'); // bench/discussion-open.ts reads both marks
        setData({ id, value });
      },
      error: (e: unknown) => console.error('[satchel] discussion', e),
    });
    return () => sub.unsubscribe();
  }, [db, id, intent, note, limit]);
  return useMemo(() => {
    if (!id || data?.id !== id) return null;
    const d = data.value;
    const me = (): string => {
      if (!d.viewer.userId) throw new Error(t(d.viewer.notMember ? 'discussionNotMember' : 'discussionSignIn'));
      return d.viewer.userId;
    };
    return {
      ...d,
      onAdd: async (body, mentions, parentId) => addComment(db, me(), id, body, { parentId, mentions }),
      onEdit: async (commentId, body, mentions) => editComment(db, me(), commentId, body, { mentions }),
      onDelete: async (commentId) => deleteComment(db, me(), commentId),
      onReact: async (target, kind, present) => setReaction(db, me(), target, kind, present),
      onMarkAnswered: async (commentId) => markAnswered(db, me(), id, commentId),
      onShowOlder: () => setPage({ id, limit: limit + DISCUSSION_PAGE }),
    };
  }, [db, id, data, t, limit]);
}

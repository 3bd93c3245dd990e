import { useEffect, useState } from 'preact/hooks';
import { liveQuery } from 'dexie';
import type { Capture, Collection } from '../../lib/schema';
import { type SatchelDb, listRecent, listCollections, recentTags, listTeamCaptures } from '../../lib/db';
import { countUnreviewed, dueFollowUps } from '../../lib/db/review';
import { readSyncAuth, readSyncState, countPending } from '../../lib/db/sync-state';
import { sharedToTeams } from '../../lib/db/shared-to';
import { syncStatusOf, type SyncStatusView } from '../../components/options/SyncStatus';
import type { TeamFeedItem } from '../../components/TeamFeed';
import { memberHref } from '../library/whats-new-data';
import { readSnapshot, writeSnapshot } from './snapshot';

/** Captures in the popup's first paint (a 600 px popup shows about four; more load on "Show more"). */
export const FIRST_PAGE = 20;

/** The popup's own list. `cached`: the first paint from the localStorage snapshot, before the database answered. */
export type PopupListState = { status: 'loading' } | { status: 'error' } | { status: 'ready'; captures: Capture[]; hasMore: boolean; cached?: boolean };

function initialState(): PopupListState {
  const snap = readSnapshot();
  return snap && snap.length > 0 ? { status: 'ready', captures: snap, hasMore: false, cached: true } : { status: 'loading' };
}

/**
 * The newest captures, live, from the `capturedAt` index (entrypoints/popup/snapshot.ts paints them
 * first from localStorage and is rewritten on every answer). `listed` turns true once the database
 * answered (or failed): the popup's secondary reads wait for it. `showMore` adds `pageSize` rows.
 */
export function usePopupList(db: SatchelDb) {
  const [limit, setLimit] = useState(FIRST_PAGE);
  const [state, setState] = useState<PopupListState>(initialState);

  useEffect(() => {
    // One extra row tells whether there is more, without counting the table.
    const sub = liveQuery(() => listRecent(db, limit + 1)).subscribe({
      next: (rows) => {
        const live = rows.filter((c) => !c.deletedAt);
        setState({ status: 'ready', captures: live.slice(0, limit), hasMore: live.length > limit });
        writeSnapshot(live);
      },
      error: (e: unknown) => {
        console.error('[satchel] popup could not read the library', e);
        setState({ status: 'error' });
      },
    });
    return () => sub.unsubscribe();
  }, [db, limit]);

  const listed = state.status === 'error' || (state.status === 'ready' && !state.cached);
  return { state, listed, showMore: (pageSize: number) => setLimit((n) => n + pageSize) };
}

/** The popup's secondary figures: review count, due tip follow-ups, live collections, recent tags. */
export interface PopupExtras {
  waiting: number;
  due: Capture[];
  collections: Collection[];
  tags: string[];
}

/** `query`, live, once `enabled` (after the first list); failures are logged as `[satchel] <what> failed`. */
function useLiveAfterList<T>(db: SatchelDb, enabled: boolean, initial: T | (() => T), query: () => Promise<T>, what: string): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    if (!enabled) return;
    const sub = liveQuery(query).subscribe({ next: setValue, error: (e: unknown) => console.error(`[satchel] ${what} failed`, e) });
    return () => sub.unsubscribe();
  }, [db, enabled]);
  return value;
}

/**
 * What the popup reads after its list (`listed`), never in the way of the first paint, all live:
 * the figures ({@link PopupExtras}); the sync status once signed in (issue 4: synced, pending,
 * offline, or the error and what to do); "Shared to <team>" of the learner's own items (issue 12:
 * one read per change, not per item); and the newest captures colleagues shared (issue 4).
 */
export function usePopupExtras(db: SatchelDb, listed: boolean) {
  const extras = useLiveAfterList<PopupExtras | null>(db, listed, null, async () => {
    const [waiting, due, collections, tags] = await Promise.all([countUnreviewed(db), dueFollowUps(db, Date.now()), listCollections(db), recentTags(db)]);
    return { waiting, due, collections: collections.filter((c) => c.deletedAt === null), tags };
  }, 'popup figures');
  const sync = useLiveAfterList<SyncStatusView | null>(db, listed, null, async () => {
    const [auth, st, pending] = await Promise.all([readSyncAuth(db), readSyncState(db), countPending(db)]);
    return auth ? syncStatusOf({ signedIn: true, pending, online: navigator.onLine, lastError: st.lastError, lastSyncedAt: st.lastSyncedAt }) : null;
  }, 'popup sync status');
  const sharedTo = useLiveAfterList<Map<string, string[]>>(db, listed, () => new Map(), () => sharedToTeams(db), 'popup shared-to');
  const teamItems = useLiveAfterList<TeamFeedItem[]>(db, listed, [], async () =>
    (await listTeamCaptures(db, 5)).map((v) => ({ ...v, memberHref: v.credit.kind === 'named' && v.sharedByUserId ? memberHref(v.capture.scopeId, v.sharedByUserId) : null })), 'popup teams');
  return { extras, sync, sharedTo, teamItems };
}

import type { SatchelDb } from '../db';
import { dexieSyncStore } from '../db/sync-store';
import { listTeamScopes, readMemberNames, writeMemberNames } from '../db/share';
import { readSyncAuth } from '../db/sync-state';
import { apiClient } from './api-client';
import { syncOnce } from './engine';
import { httpTransport, type Fetch } from './transport';
import type { SyncOutcome, SyncStore } from './types';

/** Web Locks as far as the runner uses it (`navigator.locks`; injected so tests can pass a fake). */
export interface Locks {
  request<T>(name: string, opts: { ifAvailable: boolean }, cb: (lock: unknown) => Promise<T>): Promise<T>;
}

/** Name of the Web Lock that keeps one sync run at a time across the worker and extension pages. */
export const SYNC_LOCK = 'satchel-sync';

/** Options of {@link createSyncRunner}. */
export interface SyncRunnerOptions {
  db: SatchelDb;
  fetch: Fetch;
  /** `navigator.locks` where available; without it runs are not serialised (the server dedupes pushes). */
  locks?: Locks | null;
  now?: () => number;
  random?: () => number;
}

/** Result of a run attempt: the engine's outcome, or `busy` when another run holds the lock. */
export type RunResult = SyncOutcome | { status: 'busy' };

/**
 * A function that runs one sync (lib/sync/engine.ts `syncOnce`) over the extension database,
 * one at a time: a run that finds another in progress returns `{status: 'busy'}` (the running
 * one will push what is queued, docs/sync-protocol.md 3.9 "single runner"), except a forced run, which waits.
 */
export function createSyncRunner(opts: SyncRunnerOptions): (force?: boolean) => Promise<RunResult> {
  const store: SyncStore = dexieSyncStore(opts.db);
  const transport = httpTransport({ fetch: opts.fetch });
  const run = (force: boolean) => syncOnce({ store, transport, now: opts.now ?? Date.now, random: opts.random ?? Math.random }, { force });
  const now = opts.now ?? Date.now;
  const runAndRefresh = async (force: boolean): Promise<RunResult> => {
    const out = await run(force);
    if (out.status === 'synced') await refreshMemberNames(opts.db, opts.fetch, now()).catch(() => undefined);
    return out;
  };
  return async (force = false) => {
    if (!opts.locks) return runAndRefresh(force);
    return opts.locks.request(SYNC_LOCK, { ifAvailable: !force }, async (lock) => (lock === null ? { status: 'busy' as const } : runAndRefresh(force)));
  };
}

/** How long fetched member names stay fresh, ms. */
export const MEMBER_NAMES_TTL_MS = 10 * 60_000;

/**
 * Refreshes the display names of the learner's team members (for "shared by …") at most every
 * {@link MEMBER_NAMES_TTL_MS}: `GET /v1/teams/:teamId/members` per team. Failures keep the old names.
 */
export async function refreshMemberNames(db: SatchelDb, fetchImpl: Fetch, now: number): Promise<void> {
  const cached = await readMemberNames(db);
  const teams = await listTeamScopes(db);
  if (teams.length === 0 || now - cached.at < MEMBER_NAMES_TTL_MS) return;
  const auth = await readSyncAuth(db);
  if (!auth) return;
  const api = apiClient({ serverUrl: auth.serverUrl, token: auth.token, fetch: fetchImpl });
  const names: Record<string, string> = { ...cached.names };
  for (const team of teams) {
    const { members } = await api.members(team.id.slice('team:'.length));
    for (const m of members) names[m.userId] = m.displayName;
  }
  await writeMemberNames(db, names, now);
}

import type { SatchelDb } from '../db';
import { dexieSyncStore } from '../db/sync-store';
import { listTeamScopes } from '../db/share';
import { TEAM_MEMBERS_KEY, readMembers, writeMembers, forgetMembers } from '../db/members';
import { startWhatsNew } from '../db/whats-new';
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
  /** Called after every run (the background updates the toolbar badge there); its errors reject the run. */
  afterRun?: (out: SyncOutcome) => Promise<void> | void;
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
    if (out.status === 'synced') {
      await refreshMembers(opts.db, opts.fetch, now()).catch(() => undefined);
      await startWhatsNew(opts.db, now()).catch(() => undefined);
    }
    await opts.afterRun?.(out);
    return out;
  };
  return async (force = false) => {
    if (!opts.locks) return runAndRefresh(force);
    return opts.locks.request(SYNC_LOCK, { ifAvailable: !force }, async (lock) => (lock === null ? { status: 'busy' as const } : runAndRefresh(force)));
  };
}

/** How long a fetched member list stays fresh, ms. */
export const MEMBER_NAMES_TTL_MS = 10 * 60_000;

/** kv key of the member-name cache before issue 11 (one map for every team); dropped by {@link refreshMembers}. */
const OLD_MEMBER_NAMES_KEY = 'syncMemberNames';

/**
 * Refreshes the cached member lists of the learner's teams (lib/db/members.ts: names, roles,
 * joinedAt, spotlight; names for "shared by …" derive from them): `GET /v1/teams/:teamId/members`
 * for each team whose list is older than {@link MEMBER_NAMES_TTL_MS}, or holds no one who commented in
 * the team since it was fetched (a new member's reply). Drops the lists of teams
 * the learner no longer belongs to. A failed team keeps its old list; the first error is rethrown
 * after the other teams were tried.
 */
export async function refreshMembers(db: SatchelDb, fetchImpl: Fetch, now: number): Promise<void> {
  const teams = await listTeamScopes(db);
  const cachedKeys = (await db.kv.where('key').startsWith(TEAM_MEMBERS_KEY).primaryKeys()) as string[];
  for (const k of cachedKeys) {
    const scopeId = k.slice(TEAM_MEMBERS_KEY.length);
    if (!teams.some((t) => t.id === scopeId)) await forgetMembers(db, scopeId);
  }
  await db.kv.delete(OLD_MEMBER_NAMES_KEY);
  const stale = [];
  for (const team of teams) {
    const cached = await readMembers(db, team.id);
    if (now - cached.fetchedAt >= MEMBER_NAMES_TTL_MS || (await hasUnknownAuthor(db, team.id, cached))) stale.push(team);
  }
  if (stale.length === 0) return;
  const auth = await readSyncAuth(db);
  if (!auth) return;
  const api = apiClient({ serverUrl: auth.serverUrl, token: auth.token, fetch: fetchImpl });
  let failure: unknown = null;
  for (const team of stale) {
    try {
      const { members } = await api.members(team.id.slice('team:'.length));
      await writeMembers(db, team.id, members, now);
    } catch (e) {
      failure ??= e;
    }
  }
  if (failure) throw failure;
}

/** Margin for the clocks of comment times against the list's fetch time, ms. */
const AUTHOR_CLOCK_MARGIN_MS = 60_000;

/**
 * Whether a comment written in team `scopeId` since its list was fetched (less a clock margin) comes
 * from someone the list does not have: a colleague who joined and replied since. Their name would
 * otherwise read "a team member" for up to {@link MEMBER_NAMES_TTL_MS} (issue 12). One index range read.
 */
async function hasUnknownAuthor(db: SatchelDb, scopeId: string, cached: { members: readonly { userId: string }[]; fetchedAt: number }): Promise<boolean> {
  const known = new Set(cached.members.map((m) => m.userId));
  const since = cached.fetchedAt - AUTHOR_CLOCK_MARGIN_MS;
  const unknown = await db.comments.where('[scopeId+createdAt]').between([scopeId, since], [scopeId, Infinity]).filter((c) => !known.has(c.authorUserId)).first();
  return unknown !== undefined;
}

/** The name {@link refreshMembers} had before issue 11 (kept for callers). */
export const refreshMemberNames = refreshMembers;

import type { SatchelDb } from '../db';
import { dexieSyncStore } from '../db/sync-store';
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
 * one will push what is queued, SYNC.md 3.9 "single runner"), except a forced run, which waits.
 */
export function createSyncRunner(opts: SyncRunnerOptions): (force?: boolean) => Promise<RunResult> {
  const store: SyncStore = dexieSyncStore(opts.db);
  const transport = httpTransport({ fetch: opts.fetch });
  const run = (force: boolean) => syncOnce({ store, transport, now: opts.now ?? Date.now, random: opts.random ?? Math.random }, { force });
  return async (force = false) => {
    if (!opts.locks) return run(force);
    return opts.locks.request(SYNC_LOCK, { ifAvailable: !force }, async (lock) => (lock === null ? { status: 'busy' as const } : run(force)));
  };
}

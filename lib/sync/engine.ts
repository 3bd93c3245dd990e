import { MAX_MUTATIONS_PER_PUSH, PushResponse } from '../schema/sync';
import { retryDelayMs } from './backoff';
import { POISON_FAILURES, type HttpResult, type OutboxItem, type SyncAuth, type SyncError, type SyncOutcome, type SyncStore, type SyncTransport } from './types';

/** Bytes the client aims to stay under per push (the server's limit is 512 KiB; docs/sync-protocol.md 3.4). */
export const PUSH_TARGET_BYTES = 256 * 1024;
/** Pull pages per run at most; the next run continues from the stored cookie. */
export const MAX_PULL_PAGES = 100;
/**
 * Batch halvings per run after a `500` (docs/sync-protocol.md 3.9 "Poison the client isolates"): 100 → 1 takes 7;
 * the bound keeps a server that fails on everything from costing more than this many requests per run.
 */
export const MAX_SPLITS_PER_RUN = 24;

/** What {@link syncOnce} needs; everything is injected (docs/architecture.md 6.2: no wxt, no fetch here). */
export interface SyncDeps {
  store: SyncStore;
  transport: SyncTransport;
  /** epoch ms */
  now: () => number;
  /** [0, 1) */
  random: () => number;
}

type Failed = Extract<HttpResult<unknown>, { ok: false }>;

/**
 * One sync run (docs/sync-protocol.md 3.9): push the outbox in batches (≤ 100 mutations, ≈ ≤ 256 KiB), then pull
 * until `hasMore` is false. Every step is committed by the store before the next request, so a
 * stopped service worker resumes where it was. On failure nothing is dropped: the outbox stays,
 * the error and the next retry time (full-jitter backoff, or `Retry-After`) go to the state.
 * A `500` halves the batch (like a `413`) until the mutation the server fails on is alone; one that
 * fails alone in {@link POISON_FAILURES} runs (each after the backoff of the one before) is
 * withdrawn (`SyncStore.withdraw`), so no batch is retried forever. `502`/`503`/`504` and network errors are outages: backoff, never withdrawal.
 * `force` ignores a pending backoff (the learner pressed "Sync now", or a UI page opened).
 * Never throws for network or server errors; store errors (IndexedDB) propagate.
 */
export async function syncOnce(deps: SyncDeps, opts: { force?: boolean } = {}): Promise<SyncOutcome> {
  const { store, transport, now } = deps;
  const auth = await store.readAuth();
  if (!auth) return { status: 'signed-out' };
  const state = await store.readState();
  if (!opts.force && state.nextAt > now()) return { status: 'waiting', nextAt: state.nextAt };

  let pushed = 0;
  let deviceReset = false;
  let limit = MAX_MUTATIONS_PER_PUSH;
  let splits = 0;
  let healthy = false; // the server answered a request of this run with a 2xx
  // A forced run before the backoff has passed ("Sync now", a page opening) never counts a failure:
  // the POISON_FAILURES runs are spaced by the normal backoff, so a passing blip withdraws nothing.
  const due = state.nextAt <= now();
  for (;;) {
    const items = packBatch(await store.readOutbox(limit));
    if (items.length === 0) break;
    const r = await transport.push(auth, items);
    if (r.ok) {
      await store.applyPushResults(r.body, items);
      pushed += items.length;
      healthy = true;
      limit = Math.min(MAX_MUTATIONS_PER_PUSH, limit * 2); // grow back after a split
      continue;
    }
    if (r.status === 503) {
      const partial = PushResponse.safeParse(r.body);
      if (partial.success) await store.applyPushResults(partial.data, items);
    }
    if ((r.status === 413 || r.status === 500) && items.length > 1 && splits < MAX_SPLITS_PER_RUN) {
      splits++;
      limit = Math.max(1, Math.floor(items.length / 2)); // split and try again
      continue;
    }
    if (r.status === 500 && items.length === 1) {
      healthy ||= (await transport.pull(auth, state.cookie)).ok;
      if (healthy && due && (await countPoison(deps, items[0]!, r))) continue;
    }
    if (r.status === 409 && r.code === 'device_state_mismatch' && !deviceReset) {
      deviceReset = true; // the local database was restored: become a new device, re-push
      await store.resetDevice();
      const fresh = await store.readAuth();
      if (!fresh) return { status: 'signed-out' };
      Object.assign(auth, fresh);
      continue;
    }
    return fail(deps, state.attempt, r);
  }
  return pullAll(deps, auth, state.cookie, pushed);
}

/**
 * A mutation pushed alone got `500` from a server that otherwise works: counts it in the stored
 * state and, at {@link POISON_FAILURES} runs, withdraws it. True when it was withdrawn (the run
 * goes on); false when the run should fail and back off as usual. A `withdraw` itself is never
 * withdrawn (its failure is the server's, not the change's).
 */
async function countPoison(deps: SyncDeps, item: OutboxItem, r: Failed): Promise<boolean> {
  if (item.name === 'withdraw') return false;
  const { failing } = await deps.store.readState();
  const count = failing?.mutationId === item.mutationId ? failing.count + 1 : 1;
  if (count < POISON_FAILURES) {
    await deps.store.writeState({ failing: { mutationId: item.mutationId, count } });
    return false;
  }
  // ≤ 500 characters: the `withdraw` args schema (lib/schema/sync.ts).
  await deps.store.withdraw(item, `the server failed on this change ${count} times: ${r.status} ${r.code ?? r.message}`.slice(0, 500));
  await deps.store.writeState({ failing: null });
  return true;
}

/** The pull phase: pages until `hasMore` is false (at most {@link MAX_PULL_PAGES}); then the run is done. */
async function pullAll(deps: SyncDeps, auth: SyncAuth, from: string | null, pushed: number): Promise<SyncOutcome> {
  const { store, transport, now } = deps;
  let pages = 0;
  let cookie = from;
  for (; pages < MAX_PULL_PAGES; ) {
    const r = await transport.pull(auth, cookie);
    if (!r.ok) return fail(deps, (await store.readState()).attempt, r);
    await store.applyPullPage(r.body);
    pages++;
    cookie = r.body.cookie;
    if (!r.body.hasMore) break;
  }
  await store.writeState({ attempt: 0, nextAt: 0, lastError: null, lastSyncedAt: now(), failing: null });
  return { status: 'synced', pushed, pulledPages: pages };
}

/** The longest prefix of `items` under {@link PUSH_TARGET_BYTES} (always at least one item). */
export function packBatch(items: readonly OutboxItem[]): OutboxItem[] {
  const out: OutboxItem[] = [];
  let bytes = 0;
  for (const m of items) {
    const size = JSON.stringify(m).length;
    if (out.length > 0 && bytes + size > PUSH_TARGET_BYTES) break;
    out.push(m);
    bytes += size;
  }
  return out;
}

/** Classifies a failed request, records it with the next retry time, and returns the outcome. */
async function fail(deps: SyncDeps, attempt: number, r: Failed): Promise<SyncOutcome> {
  const at = deps.now();
  const error = classify(r, at);
  // 401: retrying cannot help until the learner signs in again; no automatic retry.
  const nextAt = error.kind === 'auth' ? null : at + retryDelayMs(attempt, deps.random, r.retryAfterMs);
  await deps.store.writeState({ attempt: attempt + 1, nextAt: nextAt ?? Number.MAX_SAFE_INTEGER, lastError: error });
  return { status: 'failed', error, nextAt };
}

/** A person-readable error for a failed request. */
export function classify(r: Failed, at: number): SyncError {
  if (r.status === 0) return { kind: 'offline', message: `Offline or the server is unreachable (${r.message}). Changes are kept and sent later.`, at };
  if (r.status === 401) return { kind: 'auth', message: 'Signed out by the server. Sign in again in the options page; nothing is lost.', at };
  if (r.status === 429) return { kind: 'rate-limited', message: 'The server asked to slow down; Satchel will retry.', at };
  if (r.status === 409 && r.code === 'device_state_mismatch') return { kind: 'device', message: 'This device was reset; sign in again to re-register it.', at };
  if (r.status >= 500) return { kind: 'server', message: `The server failed (${r.status} ${r.message}); Satchel will retry.`, at };
  return { kind: 'client', message: `The server refused the sync (${r.status} ${r.code ?? ''} ${r.message}). Changes are kept; please report this.`.replace(/\s+/g, ' '), at };
}

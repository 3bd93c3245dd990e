import { MAX_MUTATIONS_PER_PUSH, PushResponse } from '../schema/sync';
import { retryDelayMs } from './backoff';
import type { HttpResult, OutboxItem, SyncError, SyncOutcome, SyncStore, SyncTransport } from './types';

/** Bytes the client aims to stay under per push (the server's limit is 512 KiB; docs/sync-protocol.md 3.4). */
export const PUSH_TARGET_BYTES = 256 * 1024;
/** Pull pages per run at most; the next run continues from the stored cookie. */
export const MAX_PULL_PAGES = 100;

/** What {@link syncOnce} needs; everything is injected (docs/architecture.md 6.2: no wxt, no fetch here). */
export interface SyncDeps {
  store: SyncStore;
  transport: SyncTransport;
  /** epoch ms */
  now: () => number;
  /** [0, 1) */
  random: () => number;
}

/**
 * One sync run (docs/sync-protocol.md 3.9): push the outbox in batches (≤ 100 mutations, ≈ ≤ 256 KiB), then pull
 * until `hasMore` is false. Every step is committed by the store before the next request, so a
 * stopped service worker resumes where it was. On failure nothing is dropped: the outbox stays,
 * the error and the next retry time (full-jitter backoff, or `Retry-After`) go to the state.
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
  for (;;) {
    const items = packBatch(await store.readOutbox(limit));
    if (items.length === 0) break;
    const r = await transport.push(auth, items);
    if (r.ok) {
      await store.applyPushResults(r.body, items);
      pushed += items.length;
      limit = MAX_MUTATIONS_PER_PUSH;
      continue;
    }
    if (r.status === 503) {
      const partial = PushResponse.safeParse(r.body);
      if (partial.success) await store.applyPushResults(partial.data, items);
    }
    if (r.status === 413 && items.length > 1) {
      limit = Math.max(1, Math.floor(items.length / 2)); // split and try again
      continue;
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

  let pages = 0;
  let cookie = state.cookie;
  for (; pages < MAX_PULL_PAGES; ) {
    const r = await transport.pull(auth, cookie);
    if (!r.ok) return fail(deps, state.attempt, r);
    await store.applyPullPage(r.body);
    pages++;
    cookie = r.body.cookie;
    if (!r.body.hasMore) break;
  }
  await store.writeState({ attempt: 0, nextAt: 0, lastError: null, lastSyncedAt: now() });
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
async function fail(deps: SyncDeps, attempt: number, r: Extract<HttpResult<unknown>, { ok: false }>): Promise<SyncOutcome> {
  const at = deps.now();
  const error = classify(r, at);
  // 401: retrying cannot help until the learner signs in again; no automatic retry.
  const nextAt = error.kind === 'auth' ? null : at + retryDelayMs(attempt, deps.random, r.retryAfterMs);
  await deps.store.writeState({ attempt: attempt + 1, nextAt: nextAt ?? Number.MAX_SAFE_INTEGER, lastError: error });
  return { status: 'failed', error, nextAt };
}

/** A person-readable error for a failed request. */
export function classify(r: Extract<HttpResult<unknown>, { ok: false }>, at: number): SyncError {
  if (r.status === 0) return { kind: 'offline', message: `Offline or the server is unreachable (${r.message}). Changes are kept and sent later.`, at };
  if (r.status === 401) return { kind: 'auth', message: 'Signed out by the server. Sign in again in the options page; nothing is lost.', at };
  if (r.status === 429) return { kind: 'rate-limited', message: 'The server asked to slow down; Satchel will retry.', at };
  if (r.status === 409 && r.code === 'device_state_mismatch') return { kind: 'device', message: 'This device was reset; sign in again to re-register it.', at };
  if (r.status >= 500) return { kind: 'server', message: `The server failed (${r.status} ${r.message}); Satchel will retry.`, at };
  return { kind: 'client', message: `The server refused the sync (${r.status} ${r.code ?? ''} ${r.message}). Changes are kept; please report this.`.replace(/\s+/g, ' '), at };
}

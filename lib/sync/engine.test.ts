import { describe, it, expect, beforeEach } from 'vitest';
import { syncOnce, packBatch, PUSH_TARGET_BYTES, MAX_SPLITS_PER_RUN } from './engine';
import { MIN_RETRY_MS, parseRetryAfter, retryDelayMs, MAX_RETRY_MS } from './backoff';
import { POISON_FAILURES, type HttpResult, type OutboxItem, type SyncAuth, type SyncState, type SyncStore, type SyncTransport } from './types';
import type { PullResponse, PushResponse } from '../schema/sync';

const AUTH: SyncAuth = { serverUrl: 'https://s.test', token: 'tok', deviceId: '0190a000-0000-7000-8000-000000000001', userId: 'u1' };

/** An in-memory store recording what the engine asked of it. */
class MemStore implements SyncStore {
  auth: SyncAuth | null = { ...AUTH };
  state: SyncState = { cookie: null, attempt: 0, nextAt: 0, lastError: null, lastSyncedAt: null, failing: null };
  outbox: OutboxItem[] = [];
  rejected: number[] = [];
  pages: PullResponse[] = [];
  resets = 0;
  async readAuth() { return this.auth ? { ...this.auth } : null; }
  async readState() { return { ...this.state }; }
  async writeState(p: Partial<SyncState>) { this.state = { ...this.state, ...p }; }
  async readOutbox(limit: number) { return this.outbox.slice(0, limit); }
  async applyPushResults(res: PushResponse) {
    for (const r of res.results) if (['gone', 'not_found', 'rejected'].includes(r.status)) this.rejected.push(r.seq);
    this.outbox = this.outbox.filter((m) => m.seq > res.lastMutationSeq);
  }
  async applyPullPage(p: PullResponse) {
    this.pages.push(p);
    this.outbox = this.outbox.filter((m) => m.seq > p.lastMutationSeq);
    this.state.cookie = p.cookie;
  }
  withdrawn: Array<{ mutationId: string; reason: string }> = [];
  async withdraw(m: OutboxItem, reason: string) {
    this.withdrawn.push({ mutationId: m.mutationId, reason });
    this.outbox = this.outbox.map((x) => (x.seq === m.seq ? { ...x, mutationId: `w${x.seq}`, name: 'withdraw', args: { name: x.name, reason } } : x));
  }
  async resetDevice() {
    this.resets++;
    this.auth = { ...this.auth!, deviceId: '0190a000-0000-7000-8000-000000000002' };
    this.outbox = this.outbox.map((m, i) => ({ ...m, seq: i + 1 }));
  }
}

const item = (seq: number, size = 10): OutboxItem => ({ seq, mutationId: `m${seq}`, name: 'addTag', args: { pad: 'x'.repeat(size) }, clientTs: 0 });
const page = (over: Partial<PullResponse> = {}): PullResponse => ({ cookie: 'c1', hasMore: false, lastMutationSeq: 0, scopes: [], revokedScopes: [], resetScopes: [], changes: [], ...over });
const okPush = (sent: readonly OutboxItem[]): HttpResult<PushResponse> => ({
  ok: true, status: 200, body: { lastMutationSeq: sent[sent.length - 1]!.seq, results: sent.map((m) => ({ seq: m.seq, status: 'applied' as const })) },
});
const err = (status: number, code: string | null = null, retryAfterMs: number | null = null, body?: unknown): HttpResult<never> => ({ ok: false, status, code, message: 'x', retryAfterMs, body });

/** A transport scripted per call; by default it accepts every push and answers one pull page. */
function script(push: Array<(m: readonly OutboxItem[]) => HttpResult<PushResponse>> = [], pull: Array<() => HttpResult<PullResponse>> = []) {
  const calls: string[] = [];
  const pushed: number[][] = [];
  const t: SyncTransport = {
    async push(_a, m) { calls.push('push'); pushed.push(m.map((x) => x.seq)); return (push.shift() ?? okPush)(m); },
    async pull() { calls.push('pull'); return (pull.shift() ?? (() => ({ ok: true as const, status: 200, body: page() })))(); },
  };
  return { t, calls, pushed };
}

let store: MemStore;
let now = 1_000_000;
const deps = (t: SyncTransport) => ({ store, transport: t, now: () => now, random: () => 0.5 });
beforeEach(() => {
  store = new MemStore();
  now = 1_000_000;
});

describe('syncOnce', () => {
  it('does nothing while signed out', async () => {
    store.auth = null;
    const s = script();
    expect(await syncOnce(deps(s.t))).toEqual({ status: 'signed-out' });
    expect(s.calls).toEqual([]);
  });

  it('pushes the outbox in batches of at most 100, then pulls until hasMore is false', async () => {
    store.outbox = Array.from({ length: 250 }, (_, i) => item(i + 1));
    const s = script([], [() => ({ ok: true, status: 200, body: page({ cookie: 'a', hasMore: true }) }), () => ({ ok: true, status: 200, body: page({ cookie: 'b', lastMutationSeq: 250 }) })]);
    const out = await syncOnce(deps(s.t));
    expect(out).toEqual({ status: 'synced', pushed: 250, pulledPages: 2 });
    expect(s.pushed.map((b) => b.length)).toEqual([100, 100, 50]);
    expect(s.pushed.flat()).toEqual(Array.from({ length: 250 }, (_, i) => i + 1));
    expect(store.outbox).toEqual([]);
    expect(store.state).toMatchObject({ cookie: 'b', attempt: 0, nextAt: 0, lastError: null, lastSyncedAt: now });
  });

  it('keeps every change when offline, backs off with jitter, and waits until then unless forced', async () => {
    store.outbox = [item(1), item(2)];
    const s = script([() => err(0, 'network')]);
    const out = await syncOnce(deps(s.t));
    expect(out.status).toBe('failed');
    expect(store.outbox.map((m) => m.seq)).toEqual([1, 2]);
    expect(store.state.lastError?.kind).toBe('offline');
    expect(store.state.attempt).toBe(1);
    expect(store.state.nextAt).toBe(now + MIN_RETRY_MS);
    expect(await syncOnce(deps(s.t))).toEqual({ status: 'waiting', nextAt: store.state.nextAt });
    const forced = await syncOnce(deps(s.t), { force: true });
    expect(forced).toMatchObject({ status: 'synced', pushed: 2 });
    expect(store.state.attempt).toBe(0);
  });

  it('honours Retry-After on 429', async () => {
    store.outbox = [item(1)];
    const s = script([() => err(429, 'rate_limited', 600_000)]);
    const out = await syncOnce(deps(s.t));
    expect(out).toMatchObject({ status: 'failed', nextAt: now + 600_000 });
    expect(store.state.lastError?.kind).toBe('rate-limited');
  });

  it('stops on 401 without an automatic retry, keeping the outbox', async () => {
    store.outbox = [item(1)];
    const out = await syncOnce(deps(script([() => err(401, 'unauthorized')]).t));
    expect(out).toMatchObject({ status: 'failed', nextAt: null, error: { kind: 'auth' } });
    expect(store.outbox).toHaveLength(1);
    expect(await syncOnce(deps(script().t))).toMatchObject({ status: 'waiting' });
  });

  it('splits a batch the server finds too large (413)', async () => {
    store.outbox = Array.from({ length: 8 }, (_, i) => item(i + 1));
    const s = script([() => err(413, 'too_large')]);
    expect(await syncOnce(deps(s.t))).toMatchObject({ status: 'synced', pushed: 8 });
    expect(s.pushed.map((b) => b.length)).toEqual([8, 4, 4]);
  });

  it('applies the partial results of a 503, keeps the rest and backs off', async () => {
    store.outbox = [item(1), item(2), item(3)];
    const s = script([() => err(503, 'unavailable', null, { lastMutationSeq: 1, results: [{ seq: 1, status: 'applied' }] })]);
    const out = await syncOnce(deps(s.t));
    expect(out).toMatchObject({ status: 'failed', error: { kind: 'server' } });
    expect(store.outbox.map((m) => m.seq)).toEqual([2, 3]);
  });

  it('records refused mutations as rejected (kept, not lost) and carries on', async () => {
    store.outbox = [item(1), item(2)];
    const s = script([() => ({ ok: true, status: 200, body: { lastMutationSeq: 2, results: [{ seq: 1, status: 'applied' }, { seq: 2, status: 'rejected', code: 'forbidden' }] } })]);
    await syncOnce(deps(s.t));
    expect(store.rejected).toEqual([2]);
    expect(store.outbox).toEqual([]);
  });

  it('re-registers once after 409 device_state_mismatch and re-pushes with new seqs', async () => {
    store.outbox = [item(7), item(8)];
    const s = script([() => err(409, 'device_state_mismatch')]);
    expect(await syncOnce(deps(s.t))).toMatchObject({ status: 'synced', pushed: 2 });
    expect(store.resets).toBe(1);
    expect(s.pushed).toEqual([[7, 8], [1, 2]]);
  });

  it('treats a 2xx with a body that does not match the schema as a failure and applies nothing', async () => {
    store.outbox = [item(1)];
    const s = script([() => err(200, 'bad_response')]);
    expect(await syncOnce(deps(s.t))).toMatchObject({ status: 'failed', error: { kind: 'client' } });
    expect(store.outbox).toHaveLength(1);
  });

  it('a failed pull keeps the cookie of the last applied page', async () => {
    const s = script([], [() => ({ ok: true, status: 200, body: page({ cookie: 'p1', hasMore: true }) }), () => err(0, 'network')]);
    expect(await syncOnce(deps(s.t))).toMatchObject({ status: 'failed' });
    expect(store.state.cookie).toBe('p1');
  });
});

/**
 * A server that fails with `status` whenever a batch holds one of `poison` (by mutationId; a
 * `withdraw` is fine) and accepts everything else; pulls answer `pullStatus` (200 = one empty page).
 */
function poisonServer(poison: readonly string[], status = 500, pullStatus = 200) {
  const pushed: string[][] = [];
  let pulls = 0;
  const t: SyncTransport = {
    async push(_a, m) {
      pushed.push(m.map((x) => x.mutationId));
      return m.some((x) => poison.includes(x.mutationId)) ? err(status, status === 500 ? 'internal' : 'unavailable') : okPush(m);
    },
    async pull() {
      pulls++;
      return pullStatus === 200 ? { ok: true as const, status: 200, body: page() } : err(pullStatus, 'internal');
    },
  };
  return { t, pushed, pulls: () => pulls };
}

/** Runs sync like the alarm does: each run only once its backoff has passed (never forced). */
async function runs(t: SyncTransport, n: number) {
  const out = [];
  for (let i = 0; i < n; i++) {
    now = Math.max(now, store.state.nextAt) + 1;
    out.push(await syncOnce(deps(t)));
  }
  return out;
}

describe('syncOnce and a poison mutation (the server answers 500 on it)', () => {
  it('halves a batch that got 500 until the poison is alone; everything else is acknowledged in the same run', async () => {
    store.outbox = Array.from({ length: 40 }, (_, i) => item(i + 1));
    const s = poisonServer(['m23']);
    const out = await syncOnce(deps(s.t));
    expect(out).toMatchObject({ status: 'failed', error: { kind: 'server' } });
    expect(store.outbox.map((m) => m.seq)).toEqual(Array.from({ length: 18 }, (_, i) => i + 23)); // seq stays contiguous: nothing after 23 can pass it
    expect(s.pushed.at(-1)).toEqual(['m23']);
    expect(s.pushed.length).toBeLessThanOrEqual(MAX_SPLITS_PER_RUN + 1);
    expect(store.state.failing).toEqual({ mutationId: 'm23', count: 1 });
    expect(store.withdrawn).toEqual([]);
  });

  it(`withdraws it in the ${POISON_FAILURES}rd run (backoff between runs), with a reason, and the queue moves on`, async () => {
    store.outbox = [item(1), item(2), item(3)];
    const s = poisonServer(['m2']);
    const out = await runs(s.t, POISON_FAILURES);
    expect(out.map((o) => o.status)).toEqual(['failed', 'failed', 'synced']);
    expect(store.withdrawn).toEqual([{ mutationId: 'm2', reason: 'the server failed on this change 3 times: 500 internal' }]);
    expect(store.outbox).toEqual([]);
    expect(s.pushed.flat()).toContain('w2'); // the withdraw went out at seq 2
    expect(store.state).toMatchObject({ failing: null, attempt: 0, lastError: null });
  });

  it('counts failures per mutation: another mutation failing alone starts again at 1', async () => {
    store.outbox = [item(1), item(2)];
    await runs(poisonServer(['m1']).t, 2);
    expect(store.state.failing).toEqual({ mutationId: 'm1', count: 2 });
    store.outbox = [item(2)];
    await runs(poisonServer(['m2']).t, 1);
    expect(store.state.failing).toEqual({ mutationId: 'm2', count: 1 });
    expect(store.withdrawn).toEqual([]);
  });

  it('never withdraws when the whole server fails (500 on pulls too), and each run makes a bounded number of requests', async () => {
    store.outbox = Array.from({ length: 100 }, (_, i) => item(i + 1));
    const s = poisonServer(store.outbox.map((m) => m.mutationId), 500, 500);
    const before = s.pushed.length;
    const out = await runs(s.t, 8);
    expect(out.every((o) => o.status === 'failed')).toBe(true);
    expect(store.withdrawn).toEqual([]);
    expect(store.outbox).toHaveLength(100);
    expect(store.state.failing).toBeNull();
    expect((s.pushed.length - before) / 8).toBeLessThanOrEqual(MAX_SPLITS_PER_RUN + 1);
    expect(store.state.attempt).toBe(8); // backing off, not hammering
  });

  it.each([502, 503, 504, 0])('treats %i as an outage: backoff, never withdrawal, whatever the batch size', async (status) => {
    store.outbox = [item(1), item(2)];
    const s = poisonServer(['m1', 'm2'], status);
    const out = await runs(s.t, 6);
    expect(out.every((o) => o.status === 'failed')).toBe(true);
    expect(store.withdrawn).toEqual([]);
    expect(store.state.failing).toBeNull();
    expect(store.outbox.map((m) => m.seq)).toEqual([1, 2]);
    expect(s.pulls()).toBe(0);
    expect(store.state.nextAt).toBeGreaterThan(now);
  });

  it('a forced run before the backoff has passed ("Sync now") does not count a failure', async () => {
    store.outbox = [item(1)];
    const s = poisonServer(['m1']);
    await syncOnce(deps(s.t));
    for (let i = 0; i < 5; i++) expect(await syncOnce(deps(s.t), { force: true })).toMatchObject({ status: 'failed' });
    expect(store.state.failing).toEqual({ mutationId: 'm1', count: 1 });
    expect(store.withdrawn).toEqual([]);
    await runs(s.t, 2);
    expect(store.withdrawn.map((w) => w.mutationId)).toEqual(['m1']);
  });

  it('never withdraws a withdraw that fails', async () => {
    store.outbox = [{ ...item(1), mutationId: 'w1', name: 'withdraw', args: { name: 'addTag', reason: 'x' } }];
    const s = poisonServer(['w1']);
    await runs(s.t, 5);
    expect(store.withdrawn).toEqual([]);
    expect(store.outbox.map((m) => m.mutationId)).toEqual(['w1']);
  });

  it('a 503 with partial results inside a split still applies them', async () => {
    store.outbox = [item(1), item(2), item(3), item(4)];
    const s = script([() => err(500, 'internal'), () => err(503, 'unavailable', null, { lastMutationSeq: 1, results: [{ seq: 1, status: 'applied' }] })]);
    expect(await syncOnce(deps(s.t))).toMatchObject({ status: 'failed' });
    expect(s.pushed).toEqual([[1, 2, 3, 4], [1, 2]]);
    expect(store.outbox.map((m) => m.seq)).toEqual([2, 3, 4]);
  });
});

describe('packBatch', () => {
  it('stays under the byte target but always sends at least one mutation', () => {
    const big = Array.from({ length: 10 }, (_, i) => item(i + 1, 60_000));
    const b = packBatch(big);
    expect(b.length).toBe(4);
    expect(JSON.stringify(b).length).toBeLessThanOrEqual(PUSH_TARGET_BYTES + 10);
    expect(packBatch([item(1, 400_000)])).toHaveLength(1);
  });
});

describe('backoff', () => {
  it('is full jitter between 30 s and the capped exponential', () => {
    expect(retryDelayMs(0, () => 0)).toBe(MIN_RETRY_MS);
    expect(retryDelayMs(3, () => 0.999)).toBe(Math.floor(0.999 * MIN_RETRY_MS * 8));
    expect(retryDelayMs(30, () => 0.999)).toBeLessThanOrEqual(MAX_RETRY_MS);
    expect(retryDelayMs(0, () => 0, 90_000)).toBe(90_000);
  });
  it('parses Retry-After seconds and dates', () => {
    expect(parseRetryAfter('120', 0)).toBe(120_000);
    expect(parseRetryAfter(new Date(5_000).toUTCString(), 0)).toBe(5_000);
    expect(parseRetryAfter('soon', 0)).toBeNull();
    expect(parseRetryAfter(null, 0)).toBeNull();
  });
});

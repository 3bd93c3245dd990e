/**
 * `POST /v1/sync/push` protocol steps (docs/sync-protocol.md 3.4), no HTTP here. A mutation's effects, the
 * device's `last_mutation_seq` and its log row always commit together (Replicache: effects and
 * lastMutationID are atomic); see {@link push} for how mutations are grouped into transactions, the
 * order scopes are locked in ("Lock order") and what becomes of a poison mutation ("Poison").
 */
import { randomUUID } from 'node:crypto';
import type { PushResult, WireMutation } from '../../../lib/schema';
import { HttpError, isTransient } from '../errors';
import type { Store, Tx } from '../db/open-store';
import type { Insertable } from 'kysely';
import type { DeadLettersTable, MutationLogTable } from '../db/schema';
import { applyMutation, ScopeClock, type Outcome } from './mutations';
import { boundedJson, errorLabel, isPoison } from './dead-letter';
import { touchedScopes } from './touched-scopes';

/** Test seams (fault injection) called inside each mutation's transaction. */
export interface PushHooks {
  /** Before apply; throw a TransientStoreError to simulate a DB failure (P4), or a RangeError for a poison mutation (P5). */
  beforeApply?(m: { deviceId: string; seq: number; mutationId: string; attempt: number }): void | Promise<void>;
  /** After apply, before commit; may await (R3: a writer holding the scope lock). */
  beforeCommit?(m: { deviceId: string; seq: number; mutationId: string }): void | Promise<void>;
  /** A transaction failed with a transient error (a deadlock `40P01`, a lock timeout …) and is redone or given up; for tests and metrics. */
  onTransient?(e: unknown): void;
}

/** What push returns: 200 with all results, or 503 with the results so far. */
export interface PushOutcome {
  status: 200 | 503;
  body: { lastMutationSeq: number; results: PushResult[] };
}

/** Retries of one mutation's transaction on a transient error before answering 503. */
export const MAX_TX_RETRIES = 3;

const NOT_APPLIED = new Set(['rejected', 'gone', 'not_found', 'applied_with_conflict']);

type LogRow = Insertable<MutationLogTable>;
type DeadRow = Insertable<DeadLettersTable>;

/** What one transaction has to write besides the mutations' own effects. */
interface TxWrites {
  clock: ScopeClock;
  logs: LogRow[];
  dead: DeadRow[];
  /** seq → log row of this transaction, for a seq repeated inside one batch */
  pending: Map<number, LogRow>;
}

const newWrites = (): TxWrites => ({ clock: new ScopeClock(), logs: [], dead: [], pending: new Map() });

/** 5 (bookkeeping): scope counters, the device's seq, the log rows and dead letters, in one go before commit. */
async function finish(tx: Tx, auth: { deviceId: string }, w: TxWrites, lastSeq: number, applied: boolean, t: number): Promise<void> {
  await w.clock.flush(tx);
  if (!applied) return;
  await tx.updateTable('devices').set({ last_mutation_seq: lastSeq, last_seen_at: t }).where('id', '=', auth.deviceId).execute();
  if (w.logs.length) await tx.insertInto('mutation_log').values(w.logs).execute();
  if (w.dead.length) await tx.insertInto('dead_letters').values(w.dead).execute();
}

type Auth = { userId: string; deviceId: string };

/** 2–3: the answer for a seq that is not the next one (a duplicate, or a gap → 409), or null for the next seq. */
async function notNext(tx: Tx, w: TxWrites, auth: Auth, m: WireMutation, lastSeq: number): Promise<PushResult | null> {
  // 2. retry or duplicate: answer the recorded outcome; a different mutationId means a restored IndexedDB (P7).
  if (m.seq <= lastSeq) {
    const log = w.pending.get(m.seq) ?? (await tx.selectFrom('mutation_log').select(['mutation_id', 'status', 'code', 'canonical_id']).where('device_id', '=', auth.deviceId).where('seq', '=', m.seq).executeTakeFirst());
    if (log && log.mutation_id !== m.mutationId) throw new HttpError(409, 'device_state_mismatch', 'this seq was used by another mutation; register this device again');
    const res: PushResult = { seq: m.seq, status: (log?.status ?? 'applied') as PushResult['status'], duplicate: true };
    if (log?.code) res.code = log.code as PushResult['code'];
    if (log?.canonical_id) res.canonicalId = log.canonical_id;
    return res;
  }
  // 3. a gap: nothing applied, the client resends from expectedSeq (P3).
  if (m.seq > lastSeq + 1) throw new HttpError(409, 'seq_gap', 'mutations are missing before this seq', { expectedSeq: lastSeq + 1 });
  return null;
}

/** 5. every outcome advances the seq; payloads of what was not (fully) applied are kept, bounded (server DLQ). */
function record(w: TxWrites, auth: Auth, m: WireMutation, out: Outcome, t: number, error?: string): PushResult {
  const name = m.name.replace(/\0/g, '').slice(0, 64);
  const payload = NOT_APPLIED.has(out.status) ? boundedJson({ name: m.name, args: m.args, clientTs: m.clientTs, ...(error ? { error } : {}) }) : null;
  const log: LogRow = { device_id: auth.deviceId, seq: m.seq, mutation_id: m.mutationId, name, status: out.status, code: out.code ?? null, payload_json: payload, canonical_id: out.canonicalId ?? null, created_at: t };
  w.logs.push(log);
  w.pending.set(m.seq, log);
  if (payload !== null && out.status !== 'applied_with_conflict') {
    w.dead.push({ id: randomUUID(), user_id: auth.userId, device_id: auth.deviceId, seq: m.seq, mutation_id: m.mutationId, name, status: out.status, code: out.code ?? null, payload_json: payload, created_at: t });
  }
  const res: PushResult = { seq: m.seq, status: out.status };
  if (out.code) res.code = out.code;
  if (out.canonicalId) res.canonicalId = out.canonicalId;
  return res;
}

/** One mutation's steps 2–5 inside an open transaction whose device row is locked; returns its result and the new last seq. */
async function step(store: Store, tx: Tx, w: TxWrites, auth: Auth, m: WireMutation, lastSeq: number, hooks: PushHooks, now: () => number, attempt: number): Promise<{ res: PushResult; lastSeq: number }> {
  const answered = await notNext(tx, w, auth, m, lastSeq);
  if (answered) return { res: answered, lastSeq };
  await hooks.beforeApply?.({ deviceId: auth.deviceId, seq: m.seq, mutationId: m.mutationId, attempt });
  // 4. apply (parse, scope from the stored row, lock scopes, authorise, write).
  const t = now();
  const out: Outcome = await applyMutation({ store, tx, userId: auth.userId, deviceId: auth.deviceId, now: t, clock: w.clock }, m.name, m.args);
  return { res: record(w, auth, m, out, t), lastSeq: m.seq };
}

/** 1. lock the device row: concurrent pushes of one device serialise here (P6). */
async function lockDevice(store: Store, tx: Tx, deviceId: string): Promise<number> {
  let q = tx.selectFrom('devices').select('last_mutation_seq').where('id', '=', deviceId);
  if (store.forUpdate) q = q.forUpdate();
  return Number((await q.executeTakeFirstOrThrow()).last_mutation_seq);
}

/**
 * 1b. lock every scope the mutations still to apply (seq > `lastSeq`) will touch, in sorted order,
 * before any of them applies (docs/sync-protocol.md 3.4 "Lock order"); the handlers' own locks then find
 * them held.
 */
async function lockTouched(store: Store, tx: Tx, w: TxWrites, auth: Auth, mutations: WireMutation[], lastSeq: number, t: number): Promise<void> {
  const scopes = await touchedScopes(tx, mutations.filter((m) => m.seq > lastSeq));
  if (scopes.length) await w.clock.lock({ store, tx, userId: auth.userId, deviceId: auth.deviceId, now: t, clock: w.clock }, scopes);
}

class FallBack extends Error {}

/** The whole batch in one transaction; throws {@link FallBack} when it must be redone one mutation at a time. */
async function pushBatch(store: Store, auth: Auth, sorted: WireMutation[], hooks: PushHooks, now: () => number): Promise<PushOutcome> {
  return store.write(async (tx) => {
    const first = await lockDevice(store, tx, auth.deviceId);
    let last = first;
    const w = newWrites();
    await lockTouched(store, tx, w, auth, sorted, first, now());
    const results: PushResult[] = [];
    for (const m of sorted) {
      const r = await step(store, tx, w, auth, m, last, hooks, now, 0).catch((e: unknown) => {
        if (isTransient(e)) hooks.onTransient?.(e);
        throw e instanceof HttpError || isTransient(e) || isPoison(e) ? new FallBack() : e;
      });
      results.push(r.res);
      last = r.lastSeq;
    }
    await finish(tx, auth, w, last, last > first, now());
    for (const m of sorted) await hooks.beforeCommit?.({ deviceId: auth.deviceId, seq: m.seq, mutationId: m.mutationId });
    return { status: 200 as const, body: { lastMutationSeq: last, results } };
  });
}

/** One mutation in its own transaction (steps 1–5). */
async function pushOne(store: Store, auth: Auth, m: WireMutation, hooks: PushHooks, now: () => number, attempt: number): Promise<{ res: PushResult; lastSeq: number }> {
  return store.write(async (tx) => {
    const w = newWrites();
    const before = await lockDevice(store, tx, auth.deviceId);
    await lockTouched(store, tx, w, auth, [m], before, now());
    const out = await step(store, tx, w, auth, m, before, hooks, now, attempt);
    await finish(tx, auth, w, out.lastSeq, out.lastSeq > before, now());
    await hooks.beforeCommit?.({ deviceId: auth.deviceId, seq: m.seq, mutationId: m.mutationId });
    return out;
  });
}

/**
 * "Poison" (SYNC P5): `m`'s own transaction failed with `e` (see `isPoison`); in a fresh transaction,
 * record it `rejected:invalid` (seq advanced, log row, bounded dead letter naming the error's code or
 * class) so the batch moves on. A seq that is meanwhile no longer the next one is answered as usual.
 */
async function recordPoison(store: Store, auth: Auth, m: WireMutation, e: unknown, now: () => number): Promise<{ res: PushResult; lastSeq: number }> {
  return store.write(async (tx) => {
    const w = newWrites();
    const before = await lockDevice(store, tx, auth.deviceId);
    const answered = await notNext(tx, w, auth, m, before);
    if (answered) return { res: answered, lastSeq: before };
    const t = now();
    const res = record(w, auth, m, { status: 'rejected', code: 'invalid' }, t, errorLabel(e));
    await finish(tx, auth, w, m.seq, true, t);
    return { res, lastSeq: m.seq };
  });
}

const deviceSeq = async (store: Store, deviceId: string, fallback: number): Promise<number> => {
  const dev = await store.db.selectFrom('devices').select('last_mutation_seq').where('id', '=', deviceId).executeTakeFirst();
  return Number(dev?.last_mutation_seq ?? fallback);
};

/** One transaction per mutation: exact docs/sync-protocol.md 3.4 semantics (partial progress, 503 with results so far). */
async function pushEach(store: Store, auth: Auth, sorted: WireMutation[], hooks: PushHooks, now: () => number): Promise<PushOutcome> {
  const results: PushResult[] = [];
  let last = 0;
  for (const m of sorted) {
    let attempt = 0;
    for (;;) {
      try {
        const r = await pushOne(store, auth, m, hooks, now, attempt).catch((e: unknown) => {
          if (isPoison(e)) return recordPoison(store, auth, m, e, now);
          throw e;
        });
        results.push(r.res);
        last = Math.max(last, r.lastSeq);
        break;
      } catch (e) {
        if (e instanceof HttpError) throw e;
        if (!isTransient(e)) throw e;
        hooks.onTransient?.(e);
        // Transient failure, retried MAX_TX_RETRIES times: stop here; the client resends the rest (P4).
        if (++attempt > MAX_TX_RETRIES) return { status: 503, body: { lastMutationSeq: await deviceSeq(store, auth.deviceId, last), results } };
      }
    }
  }
  if (sorted.length === 0 || last === 0) last = await deviceSeq(store, auth.deviceId, 0);
  return { status: 200, body: { lastMutationSeq: last, results } };
}

/**
 * Runs a push for an authenticated device.
 *
 * Fast path (docs/sync-protocol.md 6 "Stage 2: batch more mutations per transaction"): the whole batch in ONE
 * transaction, so one commit (one WAL flush) per push. Each mutation still gets its own result
 * and its own versions. If anything in the batch is not a plain outcome (a 409, a transient
 * error, a poison mutation), the batch transaction is rolled back and the batch is re-run with one
 * transaction per mutation, which gives the exact docs/sync-protocol.md 3.4 semantics (partial
 * progress, 503 with results so far, a poison mutation recorded `rejected:invalid`).
 *
 * Lock order (docs/sync-protocol.md 3.4): after its device row, a transaction locks every scope its
 * mutations touch (./touched-scopes.ts) in sorted order before applying any, so two batches never
 * wait on each other in a cycle.
 *
 * @throws HttpError 409 `seq_gap` (with `expectedSeq`) or `device_state_mismatch`; store errors that are
 *   neither transient nor poison (a 500: the server, not the mutation, is broken).
 */
export async function push(store: Store, auth: Auth, mutations: WireMutation[], hooks: PushHooks = {}, now: () => number = Date.now): Promise<PushOutcome> {
  const sorted = [...mutations].sort((a, b) => a.seq - b.seq);
  if (sorted.length > 1) {
    try {
      return await pushBatch(store, auth, sorted, hooks, now);
    } catch (e) {
      if (!(e instanceof FallBack) && !isTransient(e) && !isPoison(e)) throw e;
      if (isTransient(e)) hooks.onTransient?.(e);
      // rolled back (a poison found in the bookkeeping too): redo one mutation per transaction below
    }
  }
  return pushEach(store, auth, sorted, hooks, now);
}

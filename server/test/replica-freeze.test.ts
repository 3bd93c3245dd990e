/**
 * A hung replica stops nobody else (issue 10, docs/sync-protocol.md 4 "Time limits"): two real
 * replicas on one PostgreSQL database; replica A is frozen with SIGSTOP while its push transaction
 * holds the team scope's row lock. PostgreSQL's `idle_in_transaction_session_timeout` ends A's
 * transaction, so replica B commits a mutation to that team while A is still frozen, within the
 * idle timeout + 2 s of the freeze. After SIGCONT every device resends what was not acknowledged,
 * and the team holds every acknowledged capture exactly once and nothing else.
 */
import pg from 'pg';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draft } from './harness';
import { freshPgDatabase, postJson, startReplicas, type PgDatabase, type ReplicaProcess, type ReplicaSet } from './replicas';

/** Session time limits for this test's replicas (small, so the test is short). */
const IDLE_MS = 3000;
const LOCK_MS = 1500;
const STATEMENT_MS = 5000;
const BOUND_MS = IDLE_MS + 2000;
/** The replicas' PostgreSQL session limits (server/src/config.ts, docs/sync-protocol.md 4 "Time limits"). */
const TIMEOUT_ENV: Record<string, string> = {
  PG_IDLE_IN_TX_TIMEOUT_MS: String(IDLE_MS),
  PG_LOCK_TIMEOUT_MS: String(LOCK_MS),
  PG_STATEMENT_TIMEOUT_MS: String(STATEMENT_MS),
  REQUEST_TIMEOUT_MS: '8000',
};

interface Dev { deviceId: string; token: string; seq: number; acked: Set<string>; sent: Set<string> }

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function signIn(url: string, email: string): Promise<Dev> {
  const deviceId = uuidv7();
  const r = await postJson(url, '/v1/sessions', { email, password: 'correct horse', deviceId, deviceName: 'freeze' });
  if (r.status !== 201) throw new Error(`session ${r.status}`);
  return { deviceId, token: r.body.token, seq: 1, acked: new Set(), sent: new Set() };
}

function batch(d: Dev, scopeId: string, n: number) {
  return Array.from({ length: n }, () => {
    const postId = uuidv7();
    d.sent.add(postId);
    return { seq: d.seq++, mutationId: uuidv7(), name: 'createCapture', args: { id: uuidv7(), scopeId, capturedAt: Date.now(), ...draft(postId) }, clientTs: Date.now() };
  });
}

/**
 * Pushes `muts` until every one is acknowledged `applied`, resending the same batch (same seqs and
 * mutation ids: a redo answers `duplicate`) after a 503, a 5xx or a dropped request, as the client does.
 * @returns ms until acknowledged; @throws after `budgetMs`
 */
async function pushUntilAcked(url: string, d: Dev, muts: ReturnType<typeof batch>, budgetMs: number): Promise<number> {
  const t0 = performance.now();
  while (performance.now() - t0 < budgetMs) {
    const r = await postJson(url, '/v1/sync/push', { protocolVersion: 1, schemaVersion: 1, deviceId: d.deviceId, mutations: muts }, d.token, 20_000).catch(() => null);
    if (r?.status === 200) {
      const bad = (r.body.results as Array<{ status: string }>).filter((x) => x.status !== 'applied');
      if (bad.length) throw new Error(`not applied: ${JSON.stringify(bad[0])}`);
      for (const m of muts) d.acked.add((m.args as { postId: string }).postId);
      return performance.now() - t0;
    }
    if (r && r.status !== 503 && r.status < 500) throw new Error(`push ${r.status} ${JSON.stringify(r.body)}`);
    await sleep(100);
  }
  throw new Error(`push not acknowledged within ${budgetMs} ms`);
}

/** True when a row lock on the scope is held by someone else (probe with NOWAIT, then roll back). */
async function scopeLocked(c: pg.Client, scopeId: string): Promise<boolean> {
  await c.query('begin');
  try {
    await c.query('select version from scopes where id = $1 for update nowait', [scopeId]);
    return false;
  } catch (e) {
    if ((e as { code?: string }).code === '55P03') return true;
    throw e;
  } finally {
    await c.query('rollback');
  }
}

/** SIGSTOPs `a` until it is caught holding the scope lock; @returns its frozen backend pids. */
async function freezeHoldingLock(a: ReplicaProcess, probe: pg.Client, scopeId: string): Promise<number[]> {
  for (let attempt = 0; attempt < 200; attempt++) {
    a.proc.kill('SIGSTOP');
    await sleep(60); // the statement in flight finishes on the server side
    if (await scopeLocked(probe, scopeId)) {
      const { rows } = await probe.query<{ pid: number }>(`select pid from pg_stat_activity where application_name = 'replica-0' and state = 'idle in transaction'`);
      if (rows.length) return rows.map((r) => r.pid);
    }
    a.proc.kill('SIGCONT');
    await sleep(20 + Math.random() * 80);
  }
  throw new Error('never caught replica A holding the team scope lock');
}

describe('a frozen replica (SIGSTOP) on PostgreSQL', () => {
  let db: PgDatabase;
  let set: ReplicaSet | undefined;
  let probe: pg.Client | undefined;
  beforeAll(async () => {
    db = await freshPgDatabase();
  }, 60_000);
  afterAll(async () => {
    await probe?.end().catch(() => undefined);
    await set?.stop(); // SIGCONT first, then SIGTERM
    await db?.drop();
  }, 60_000);

  it('stops nobody else: another replica commits to the same team while it is frozen, and nothing is lost or doubled', async () => {
    set = await startReplicas(2, { databaseUrl: db.url, env: TIMEOUT_ENV, readyTimeoutMs: 150_000 });
    const [a, b] = set.replicas as [ReplicaProcess, ReplicaProcess];
    const email = `freeze-${process.pid}@example.com`;
    const signup = await postJson(a.url, '/v1/accounts', { email, password: 'correct horse', displayName: 'owner', deviceId: uuidv7(), deviceName: 'freeze' });
    expect(signup.status).toBeLessThan(300);
    const owner = await signIn(a.url, email);
    const team = await postJson(a.url, '/v1/teams', { name: 'Frozen cohort' }, owner.token);
    expect(team.status).toBe(201);
    const scopeId = team.body.scopeId as string;
    const loaders = await Promise.all([0, 1, 2].map(() => signIn(a.url, email)));
    const other = await signIn(b.url, email);
    probe = new pg.Client({ connectionString: db.url });
    await probe.connect();

    // Load on A only: three devices pushing batches of 10 team captures back to back.
    let loading = true;
    const loads = loaders.map(async (d): Promise<unknown> => {
      while (loading) await pushUntilAcked(a.url, d, batch(d, scopeId, 10), 60_000);
      return null;
    }).map((p) => p.catch((e: unknown) => e));
    let frozenPids: number[] = [];
    let elapsed = Number.NaN;
    let gone: number[] = [];
    try {
      await sleep(500);
      frozenPids = await freezeHoldingLock(a, probe, scopeId);
      const t0 = performance.now();
      // B: one team capture, resent on 503 until acknowledged, while A stays frozen.
      await pushUntilAcked(b.url, other, batch(other, scopeId, 1), 60_000);
      elapsed = performance.now() - t0;
      const { rows } = await probe.query<{ pid: number }>('select pid from pg_stat_activity where pid = any($1)', [frozenPids]);
      gone = frozenPids.filter((p) => !rows.some((r) => r.pid === p));
      expect(a.proc.signalCode).toBeNull(); // still alive, still frozen
    } finally {
      a.proc.kill('SIGCONT');
      loading = false;
    }
    const loadErrors = await Promise.all(loads);
    expect(loadErrors).toEqual([null, null, null]); // every load batch ended acknowledged
    expect(frozenPids.length).toBeGreaterThan(0);
    expect(gone).toEqual(frozenPids); // PostgreSQL ended the frozen replica's transaction
    expect(elapsed).toBeLessThan(BOUND_MS);

    // After resume: A still serves, and the team holds every acknowledged capture exactly once.
    const after = batch(loaders[0]!, scopeId, 1);
    await pushUntilAcked(a.url, loaders[0]!, after, 30_000);
    const devs = [...loaders, other];
    const acked = devs.flatMap((d) => [...d.acked]);
    const sent = new Set(devs.flatMap((d) => [...d.sent]));
    const { rows } = await probe.query<{ post_key: string; n: number }>(
      'select post_key, count(*)::int as n from captures where scope_id = $1 group by post_key', [scopeId]);
    expect(rows.filter((r) => r.n !== 1)).toEqual([]);
    const stored = new Set(rows.map((r) => r.post_key.replace(/^x:/, '')));
    expect(acked.filter((p) => !stored.has(p))).toEqual([]); // nothing acknowledged was lost
    expect([...stored].filter((p) => !sent.has(p))).toEqual([]); // nothing appeared that no device sent
    expect(stored.size).toBe(acked.length); // every batch ended acknowledged, none half-applied
    const seqs = await probe.query<{ id: string; last_mutation_seq: string }>('select id, last_mutation_seq from devices where id = any($1)', [devs.map((d) => d.deviceId)]);
    for (const d of devs) expect(seqs.rows.find((r) => r.id === d.deviceId)?.last_mutation_seq).toBe(String(d.seq - 1)); // bigint as text
    // The frozen replica's own requests end 200 or 503 (retry later), never 500, and B's too.
    const failed = [...a.lines, ...b.lines].filter((l) => l.includes('"status":500'));
    expect(failed).toEqual([]);
  }, 400_000);
});

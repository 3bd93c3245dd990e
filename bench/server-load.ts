// server-load: autocannon against POST /v1/sync/push and /v1/sync/pull with 50 concurrent devices,
// on SQLite and on PostgreSQL (issue 4 "Benchmarks"). The server runs as its own process
// (`node --import tsx server/src/main.ts`, the `npm run server` entry) so the load generator does
// not share its event loop. Goals: >= 1000 mutations/s, pull p99 <= 50 ms, 0 errors.
// SQLite runs at the server's SQLITE_SYNCHRONOUS (default full; docs/decisions/0009-sqlite-durability.md):
// `SQLITE_SYNCHRONOUS=normal npm run bench -- server-load` measures the other level. The multi-replica
// variant (1 vs 3 replicas on PostgreSQL) is bench/server-replicas.ts. BENCH_SERVER_PARTS picks parts:
// a comma list of sqlite, postgres, replicas (default all three).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { uuidv7 } from 'uuidv7';
import { ROOT } from './lib/build';
import { emit, log, percentile, round, type Figure } from './lib/figure';
import { benchDraft, runReplicas } from './server-replicas';

/** Minimal typing of the parts of autocannon used here (the package ships no types). */
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
  '2xx': number;
}
interface AutocannonRequest { method: string; path: string; headers?: Record<string, string>; body?: string }
interface AutocannonOptions {
  url: string;
  connections: number;
  duration: number;
  requests: Array<{
    method: string;
    path: string;
    setupRequest: (req: AutocannonRequest) => AutocannonRequest;
    onResponse: (status: number, body: string) => void;
  }>;
}
const autocannon = createRequire(import.meta.url)('autocannon') as (o: AutocannonOptions) => Promise<AutocannonResult>;

const DEVICES = 50;
const BATCH = Number(process.env.BENCH_PUSH_BATCH ?? 20);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
/** Goals (issue 4). */
export const MUTATIONS_PER_S_GOAL = 1000;
export const PULL_P99_GOAL_MS = 50;
const PG_URL = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

interface Dev { deviceId: string; userId: string; token: string; seq: number; cookie: string | null; sentAt: number }

async function startServer(databaseUrl: string): Promise<{ url: string; proc: ChildProcess }> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env, DATABASE_URL: databaseUrl, PORT: String(port),
      RATE_LIMIT_PUSH_PER_MIN: '0', RATE_LIMIT_PULL_PER_MIN: '0', RATE_LIMIT_AUTH_PER_MIN: '0', RATE_LIMIT_API_PER_MIN: '0', RATE_LIMIT_SIGNUPS_PER_HOUR: '0', RATE_LIMIT_SIGNUPS_PER_ADDRESS_PER_HOUR: '0',
      ARGON2_MEMORY_KIB: '1024', ARGON2_TIME_COST: '1',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('server did not start in 20 s')), 20_000);
    proc.stdout!.on('data', (b: Buffer) => {
      if (b.toString().includes('"listening"')) { clearTimeout(t); resolve(); }
    });
    proc.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  proc.stdout!.resume(); // discard request logs
  return { url: `http://127.0.0.1:${port}`, proc };
}

async function json(url: string, path: string, body: unknown, token?: string): Promise<any> {
  const r = await fetch(url + path, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  if (r.status >= 300) throw new Error(`${path} ${r.status} ${await r.text()}`);
  return r.json();
}

async function measure(kind: 'sqlite' | 'postgres', databaseUrl: string): Promise<Figure[]> {
  const { url, proc } = await startServer(databaseUrl);
  try {
    const devs: Dev[] = [];
    for (let i = 0; i < DEVICES; i++) {
      const deviceId = uuidv7();
      const r = await json(url, '/v1/accounts', { email: `bench${i}-${Date.now()}@example.com`, password: 'bench-password', displayName: `b${i}`, deviceId, deviceName: 'bench' });
      devs.push({ deviceId, userId: r.userId, token: r.token, seq: 1, cookie: null, sentAt: 0 });
    }
    // One autocannon instance (1 connection) per device, so each device's seqs go out strictly in order.
    // setupRequest may be called more than once per send, so it never advances state; onResponse does.
    const pushLat: number[] = [];
    let pushOk = 0;
    let pushErrors = 0;
    const t0 = performance.now();
    await Promise.all(devs.map((d) => autocannon({
      url, connections: 1, duration: DURATION_S,
      requests: [{
        method: 'POST', path: '/v1/sync/push',
        setupRequest: (req) => {
          d.sentAt = performance.now();
          const mutations = Array.from({ length: BATCH }, (_, i) => ({
            seq: d.seq + i, mutationId: uuidv7(), name: 'createCapture',
            args: { id: uuidv7(), scopeId: `personal:${d.userId}`, capturedAt: Date.now(), ...benchDraft(`${d.deviceId}-${d.seq + i}`) }, clientTs: Date.now(),
          }));
          return { ...req, headers: { 'content-type': 'application/json', authorization: `Bearer ${d.token}` }, body: JSON.stringify({ protocolVersion: 1, schemaVersion: 1, deviceId: d.deviceId, mutations }) };
        },
        onResponse: (status, body) => {
          pushLat.push(performance.now() - d.sentAt);
          if (status !== 200) { pushErrors++; return; }
          const r = JSON.parse(body) as { lastMutationSeq: number; results: Array<{ status: string; duplicate?: boolean }> };
          if (r.results.some((x) => x.status !== 'applied' || x.duplicate)) pushErrors++;
          else pushOk++;
          d.seq = r.lastMutationSeq + 1;
        },
      }],
    }).then((res) => { pushErrors += res.errors + res.timeouts; })));
    const pushSeconds = (performance.now() - t0) / 1000;
    const mps = (pushOk * BATCH) / pushSeconds;
    log(`${kind} push: ${pushOk} ok requests of ${BATCH} mutations in ${pushSeconds.toFixed(1)} s, p99 ${round(percentile(pushLat, 99), 1)} ms, errors ${pushErrors}`);

    // Pull: every device first catches up (full pull), then polls from its cookie (the steady-state sync).
    for (const d of devs) {
      for (;;) {
        const p = await json(url, '/v1/sync/pull', { protocolVersion: 1, schemaVersion: 1, deviceId: d.deviceId, cookie: d.cookie, limit: 1000 }, d.token);
        d.cookie = p.cookie;
        if (!p.hasMore) break;
      }
    }
    // Pulls are read-only and idempotent, so one autocannon instance with 50 connections is enough:
    // each request is a prebuilt steady-state pull of a random device (cheaper load generator).
    const bodies = devs.map((d) => ({
      headers: { 'content-type': 'application/json', authorization: `Bearer ${d.token}` },
      body: JSON.stringify({ protocolVersion: 1, schemaVersion: 1, deviceId: d.deviceId, cookie: d.cookie, limit: 500 }),
    }));
    const pullRun = await autocannon({
      url, connections: DEVICES, duration: DURATION_S,
      requests: [{
        method: 'POST', path: '/v1/sync/pull',
        setupRequest: (req) => ({ ...req, ...bodies[Math.floor(Math.random() * bodies.length)]! }),
        onResponse: () => {},
      }],
    });
    const pullErrors = pullRun.non2xx + pullRun.errors + pullRun.timeouts;
    const pullP99 = pullRun.latency.p99;
    const pullP50 = pullRun.latency.p50;
    const pullPerS = pullRun.requests.average;
    log(`${kind} pull: ${pullRun.requests.total} requests, p50 ${pullP50} ms, p99 ${pullP99} ms, errors ${pullRun.non2xx}/${pullRun.errors}/${pullRun.timeouts}`);
    const level = kind === 'sqlite' ? `, synchronous=${(process.env.SQLITE_SYNCHRONOUS || 'full').toLowerCase()}` : '';
    const note = `${DEVICES} devices, ${DURATION_S} s, autocannon 8, server in its own process, 2 shared cores${level}`;
    const figs: Figure[] = [
      { name: `server-load.${kind}.push-mutations-per-s`, value: round(mps, 0), unit: 'mutations/s', goal: `>= ${MUTATIONS_PER_S_GOAL}`, note: `createCapture batches of ${BATCH}; ${note}` },
      { name: `server-load.${kind}.push-p99`, value: round(percentile(pushLat, 99), 1), unit: 'ms', goal: 'info', note: `per push request of ${BATCH} mutations` },
      { name: `server-load.${kind}.push-errors`, value: pushErrors, unit: 'count', goal: '<= 0', note: 'non-200, any mutation not applied, socket errors, timeouts' },
      { name: `server-load.${kind}.pull-p99`, value: pullP99, unit: 'ms', goal: `<= ${PULL_P99_GOAL_MS}`, note: `steady-state pulls from each device's cookie; ${note}` },
      { name: `server-load.${kind}.pull-p50`, value: pullP50, unit: 'ms', goal: 'info' },
      { name: `server-load.${kind}.pull-per-s`, value: round(pullPerS, 0), unit: 'requests/s', goal: 'info' },
      { name: `server-load.${kind}.pull-errors`, value: pullErrors, unit: 'count', goal: '<= 0', note: 'non-2xx + socket errors + timeouts' },
    ];
    figs.forEach(emit);
    return figs;
  } finally {
    proc.kill('SIGTERM');
  }
}

const PARTS = (process.env.BENCH_SERVER_PARTS || 'sqlite,postgres,replicas').split(',').map((p) => p.trim());

/** server-load on SQLite (temp file) and PostgreSQL (a fresh database, dropped afterwards), then 1 vs 3 replicas. */
export async function run(): Promise<Figure[]> {
  const out: Figure[] = [];
  if (PARTS.includes('sqlite')) {
    const dir = mkdtempSync(join(tmpdir(), 'satchel-bench-'));
    try {
      out.push(...(await measure('sqlite', `sqlite:${join(dir, 'bench.sqlite')}`)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (PARTS.includes('postgres')) {
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    const dbName = `satchel_bench_${process.pid}`;
    await admin.query(`create database ${dbName}`);
    try {
      const u = new URL(PG_URL);
      u.pathname = `/${dbName}`;
      out.push(...(await measure('postgres', u.toString())));
    } finally {
      await admin.query(`drop database if exists ${dbName} with (force)`);
      await admin.end();
    }
  }
  if (PARTS.includes('replicas')) out.push(...(await runReplicas()));
  return out;
}

// server-soak (issue 10): 50 devices push and pull against one server process for 10 minutes;
// the server's memory (RSS and V8 heap used, read after a full GC: the server runs with
// --expose-gc and answers SIGUSR2 with a `memory` line, see server/src/main.ts) is taken after a
// warm-up and again at the end. Goal: flat within 10 % (end / start <= 1.10).
// `npm run bench -- server-soak`; BENCH_SOAK_S shortens the run (e.g. 60 for a quick check),
// BENCH_SOAK_STORE=sqlite|postgres (default postgres), BENCH_SOAK_THINK_MS the pause between a
// device's rounds (default 200).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uuidv7 } from 'uuidv7';
import { freshPgDatabase, postJson, startReplicas, type ReplicaProcess } from '../server/test/replicas';
import { emit, log, percentile, round, type Figure } from './lib/figure';
import { benchDraft } from './server-replicas';

const DEVICES = 50;
const BATCH = 5;
const SOAK_S = Number(process.env.BENCH_SOAK_S ?? 600);
const THINK_MS = Number(process.env.BENCH_SOAK_THINK_MS ?? 200);
const STORE = process.env.BENCH_SOAK_STORE === 'sqlite' ? 'sqlite' : 'postgres';
/** Goal: memory at the end over memory after the warm-up. */
export const SOAK_GROWTH_GOAL = 1.1;

interface Mem { rss: number; heapUsed: number }
interface Dev { deviceId: string; userId: string; token: string; seq: number; cookie: string | null }

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Asks the server for a `memory` line (SIGUSR2) and waits for it. @throws after 15 s */
async function memory(rep: ReplicaProcess): Promise<Mem> {
  const from = rep.lines.length;
  rep.proc.kill('SIGUSR2');
  for (let i = 0; i < 150; i++) {
    const line = rep.lines.slice(from).find((l) => l.includes('"msg":"memory"'));
    if (line) return JSON.parse(line) as Mem;
    await sleep(100);
  }
  throw new Error('no memory line from the server');
}

async function signup(url: string, i: number): Promise<Dev> {
  const deviceId = uuidv7();
  const r = await postJson(url, '/v1/accounts', { email: `soak${i}-${Date.now()}@example.com`, password: 'bench-password', displayName: `s${i}`, deviceId, deviceName: 'soak' });
  if (r.status >= 300) throw new Error(`signup ${r.status}`);
  return { deviceId, userId: r.body.userId, token: r.body.token, seq: 1, cookie: null };
}

/** One device's round: push a batch into its personal scope, then pull from its cookie. @returns push ms, or null on an error */
async function round1(url: string, d: Dev): Promise<number | null> {
  const mutations = Array.from({ length: BATCH }, (_, i) => ({
    seq: d.seq + i, mutationId: uuidv7(), name: 'createCapture',
    args: { id: uuidv7(), scopeId: `personal:${d.userId}`, capturedAt: Date.now(), ...benchDraft(uuidv7()) }, clientTs: Date.now(),
  }));
  const t = performance.now();
  const p = await postJson(url, '/v1/sync/push', { protocolVersion: 1, schemaVersion: 1, deviceId: d.deviceId, mutations }, d.token, 30_000).catch(() => null);
  const ms = performance.now() - t;
  if (p?.status === 200 || p?.status === 503) d.seq = Number(p.body.lastMutationSeq) + 1;
  const q = await postJson(url, '/v1/sync/pull', { protocolVersion: 1, schemaVersion: 1, deviceId: d.deviceId, cookie: d.cookie, limit: 500 }, d.token, 30_000).catch(() => null);
  if (q?.status === 200) d.cookie = q.body.cookie;
  return p?.status === 200 && q?.status === 200 ? ms : null;
}

async function soak(databaseUrl: string): Promise<Figure[]> {
  const set = await startReplicas(1, { databaseUrl, nodeArgs: ['--expose-gc'] });
  try {
    const rep = set.replicas[0]!;
    const devs: Dev[] = [];
    for (let i = 0; i < DEVICES; i++) devs.push(await signup(rep.url, i));
    const lat: number[] = [];
    let errors = 0;
    let rounds = 0;
    const t0 = performance.now();
    const end = t0 + SOAK_S * 1000;
    const warm = Math.min(60_000, SOAK_S * 100); // 10 % of the run, at most a minute
    // Samples: after the warm-up, then every tenth of the run (at least every minute), and at the end.
    const samples: Array<Mem & { at: number }> = [];
    const every = Math.min(60_000, SOAK_S * 100);
    const sampler = (async () => {
      for (let at = warm; at < SOAK_S * 1000 - every / 2; at += every) {
        await sleep(Math.max(0, t0 + at - performance.now()));
        const m = await memory(rep);
        samples.push({ ...m, at: Math.round(at / 1000) });
        log(`soak ${Math.round(at / 1000)} s: rss ${(m.rss / 2 ** 20).toFixed(1)} MiB, heap ${(m.heapUsed / 2 ** 20).toFixed(1)} MiB`);
      }
    })();
    await Promise.all(devs.map(async (d) => {
      while (performance.now() < end) {
        const ms = await round1(rep.url, d);
        rounds++;
        if (ms === null) errors++;
        else lat.push(ms);
        await sleep(THINK_MS);
      }
    }));
    await sampler;
    const stop = await memory(rep);
    const first = samples[0];
    if (!first) throw new Error('no start sample');
    const mid = samples[Math.floor(samples.length / 2)]!;
    const seconds = (performance.now() - t0) / 1000;
    log(`soak end (${seconds.toFixed(0)} s, ${rounds} rounds): rss ${(stop.rss / 2 ** 20).toFixed(1)} MiB, heap ${(stop.heapUsed / 2 ** 20).toFixed(1)} MiB, errors ${errors}`);
    const mib = (b: number) => round(b / 2 ** 20, 1);
    const note = `${STORE}, ${DEVICES} devices, ${seconds.toFixed(0)} s, rounds of push ${BATCH} + pull, ${THINK_MS} ms think time; memory after a full GC`;
    const figs: Figure[] = [
      { name: 'server-soak.rss-growth', value: round(stop.rss / first.rss, 3), unit: 'ratio', goal: `<= ${SOAK_GROWTH_GOAL}`, note: `end / after warm-up (${warm / 1000} s); ${note}` },
      { name: 'server-soak.rss-growth.second-half', value: round(stop.rss / mid.rss, 3), unit: 'ratio', goal: 'info', note: `end / the sample at ${mid.at} s (a plateau reads about 1)` },
      { name: 'server-soak.heap-growth', value: round(stop.heapUsed / first.heapUsed, 3), unit: 'ratio', goal: `<= ${SOAK_GROWTH_GOAL}`, note: 'V8 heap used, end / after warm-up' },
      { name: 'server-soak.rss-start', value: mib(first.rss), unit: 'MiB', goal: 'info' },
      { name: 'server-soak.rss-end', value: mib(stop.rss), unit: 'MiB', goal: 'info' },
      { name: 'server-soak.heap-start', value: mib(first.heapUsed), unit: 'MiB', goal: 'info' },
      { name: 'server-soak.heap-end', value: mib(stop.heapUsed), unit: 'MiB', goal: 'info' },
      { name: 'server-soak.push-p99', value: round(percentile(lat, 99), 1), unit: 'ms', goal: 'info' },
      { name: 'server-soak.mutations', value: lat.length * BATCH, unit: 'count', goal: 'info' },
      { name: 'server-soak.errors', value: errors, unit: 'count', goal: '<= 0', note: 'rounds with a push or pull that was not 200' },
    ];
    figs.forEach(emit);
    return figs;
  } finally {
    await set.stop();
  }
}

/** server-soak on `BENCH_SOAK_STORE` (PostgreSQL in a fresh database by default, or a SQLite temp file). */
export async function run(): Promise<Figure[]> {
  if (STORE === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'satchel-soak-'));
    try {
      return await soak(`sqlite:${join(dir, 'soak.sqlite')}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const db = await freshPgDatabase('satchel_bench_soak');
  try {
    return await soak(db.url);
  } finally {
    await db.drop();
  }
}

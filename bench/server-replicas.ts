// server-load, multi-replica variant (issue 10): 1 and then 3 replicas (`server/src/main.ts`
// processes) on one fresh PostgreSQL database; each device sends every push to a random replica;
// every batch touches its personal scope and its team's scope, half the devices personal-first and
// half team-first (the order that deadlocked before push locked scopes in sorted order).
// Figures per replica count: deadlocks (pg_stat_database delta, goal 0), push p50/p99 (goal p99
// <= 250 ms), mutations/s, errors. Run: `npm run bench -- server-load` (BENCH_SERVER_PARTS=replicas
// for this part alone).
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { uuidv7 } from 'uuidv7';
import { freshPgDatabase, postJson, startReplicas, type ReplicaSet } from '../server/test/replicas';
import { emit, log, percentile, round, type Figure } from './lib/figure';

/** Goal (issue 10): push p99 per request, ms. */
export const REPLICA_PUSH_P99_GOAL_MS = 250;
const DEVICES = Number(process.env.BENCH_REPLICA_DEVICES ?? 12);
const TEAMS = Number(process.env.BENCH_REPLICA_TEAMS ?? 3);
const BATCH = Number(process.env.BENCH_REPLICA_BATCH ?? 10);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
/** Replica counts to measure (comma list), e.g. `1` alone while profiling. */
const COUNTS = (process.env.BENCH_REPLICA_COUNTS || '1,3').split(',').map(Number);
/** Extra node flags for every replica, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` (space-separated). */
const NODE_ARGS = (process.env.BENCH_REPLICA_NODE_ARGS || '').split(' ').filter(Boolean);

interface Dev { deviceId: string; userId: string; token: string; seq: number; teamScope: string; personalFirst: boolean }

/** A realistic createCapture draft (a few hundred characters of text). */
export function benchDraft(postId: string) {
  return {
    platform: 'x', postId, permalink: `https://x.com/bench/status/${postId}`, permalinkMissing: false,
    author: { name: 'Bench', handle: 'bench', profileUrl: null, avatarUrl: null },
    text: `A realistic post body of a few hundred characters. ${'lorem ipsum dolor sit amet '.repeat(12)}`, lang: 'en',
    postedAt: '2026-11-30T10:00:00.000Z', media: [], links: [], hashtags: ['learning'], mentions: [], poll: null, truncated: false,
    mediaMissing: false, title: null, quoted: null, quoteMissing: false, repostedBy: null, inReplyTo: null, thread: [], threadPartial: false,
  };
}

async function ok(url: string, path: string, body: unknown, token?: string) {
  const r = await postJson(url, path, body, token);
  if (r.status >= 300) throw new Error(`${path} ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Accounts, `TEAMS` teams (owner = the team's first device), every other device an editor of one team. */
async function makeDevices(url: string): Promise<Dev[]> {
  const devs: Dev[] = [];
  const invites: Array<{ code: string; scopeId: string }> = [];
  for (let i = 0; i < DEVICES; i++) {
    const deviceId = uuidv7();
    const a = await ok(url, '/v1/accounts', { email: `rep${i}-${Date.now()}@example.com`, password: 'bench-password', displayName: `r${i}`, deviceId, deviceName: 'bench' });
    const t = i % TEAMS;
    if (!invites[t]) {
      const team = await ok(url, '/v1/teams', { name: `Bench team ${t}` }, a.token);
      const inv = await ok(url, `/v1/teams/${team.teamId}/invites`, { role: 'editor', expiresInHours: 24, maxUses: 100 }, a.token);
      invites[t] = { code: inv.code, scopeId: team.scopeId };
    } else {
      await ok(url, `/v1/invites/${invites[t].code}/accept`, {}, a.token);
    }
    devs.push({ deviceId, userId: a.userId, token: a.token, seq: 1, teamScope: invites[t].scopeId, personalFirst: i % 2 === 0 });
  }
  return devs;
}

function batchOf(d: Dev) {
  const scopes = d.personalFirst ? [`personal:${d.userId}`, d.teamScope] : [d.teamScope, `personal:${d.userId}`];
  return Array.from({ length: BATCH }, (_, i) => {
    const postId = uuidv7();
    const scopeId = scopes[i < BATCH / 2 ? 0 : 1]!;
    return { seq: d.seq + i, mutationId: uuidv7(), name: 'createCapture', args: { id: uuidv7(), scopeId, capturedAt: Date.now(), ...benchDraft(postId) }, clientTs: Date.now() };
  });
}

async function deadlocks(c: pg.Client, dbName: string): Promise<number> {
  await c.query('select pg_stat_clear_snapshot()');
  const { rows } = await c.query<{ deadlocks: string }>('select deadlocks from pg_stat_database where datname = $1', [dbName]);
  return Number(rows[0]?.deadlocks ?? 0);
}

/** CPU time (user + system, ms) a process has used so far, from /proc (Linux); 0 when it is gone. */
function cpuMs(pid: number | undefined): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return 0;
  }
}

/** CPU ms used so far by the replica processes and by the PostgreSQL backends serving them (load-independent cost). */
async function cpuNow(c: pg.Client, set: ReplicaSet, dbName: string): Promise<{ server: number; pg: number }> {
  const { rows } = await c.query<{ pid: number }>("select pid from pg_stat_activity where datname = $1 and application_name like 'replica-%'", [dbName]);
  return { server: set.replicas.reduce((t, r) => t + cpuMs(r.proc.pid), 0), pg: rows.reduce((t, r) => t + cpuMs(r.pid), 0) };
}

/** One push of the next batch of `d` to `url`; advances the device's seq from the answer. @returns true when all applied */
async function pushOnce(url: string, d: Dev): Promise<boolean> {
  const r = await postJson(url, '/v1/sync/push', { protocolVersion: 1, schemaVersion: 1, deviceId: d.deviceId, mutations: batchOf(d) }, d.token, 30_000).catch(() => null);
  if (r?.status === 200 || r?.status === 503) d.seq = Number(r.body.lastMutationSeq) + 1;
  return r?.status === 200 && (r.body.results as Array<{ status: string }>).every((x) => x.status === 'applied');
}

/** Closed loop: each device pushes a batch to a random replica, waits for the answer, repeats. */
async function drive(set: ReplicaSet, devs: Dev[]): Promise<{ lat: number[]; okPushes: number; errors: number; seconds: number }> {
  const lat: number[] = [];
  let okPushes = 0;
  let errors = 0;
  const t0 = performance.now();
  const end = t0 + DURATION_S * 1000;
  await Promise.all(devs.map(async (d) => {
    while (performance.now() < end) {
      const url = set.replicas[Math.floor(Math.random() * set.replicas.length)]!.url;
      const s = performance.now();
      const good = await pushOnce(url, d);
      lat.push(performance.now() - s);
      if (good) okPushes++;
      else errors++;
    }
  }));
  return { lat, okPushes, errors, seconds: (performance.now() - t0) / 1000 };
}

async function measureReplicas(n: number): Promise<Figure[]> {
  const db = await freshPgDatabase('satchel_bench_rep');
  const c = new pg.Client({ connectionString: db.url });
  let set: ReplicaSet | undefined;
  try {
    set = await startReplicas(n, { databaseUrl: db.url, nodeArgs: NODE_ARGS, env: { RATE_LIMIT_SIGNUPS_PER_ADDRESS_PER_HOUR: '0' } });
    await c.connect();
    const devs = await makeDevices(set.replicas[0]!.url);
    // Warm-up: every device pushes twice through every replica (a cold process compiles and
    // JIT-warms its push path on its first requests), not counted.
    for (let round = 0; round < 2; round++) {
      for (const rep of set.replicas) await Promise.all(devs.map((d) => pushOnce(rep.url, d)));
    }
    const before = await deadlocks(c, db.name);
    const cpu0 = await cpuNow(c, set, db.name);
    const r = await drive(set, devs);
    const cpu1 = await cpuNow(c, set, db.name);
    const pushes = r.okPushes + r.errors;
    const serverCpu = (cpu1.server - cpu0.server) / pushes;
    const pgCpu = (cpu1.pg - cpu0.pg) / pushes;
    await new Promise((res) => setTimeout(res, 1500)); // PostgreSQL flushes its statistics about once a second
    const dl = (await deadlocks(c, db.name)) - before;
    const mps = (r.okPushes * BATCH) / r.seconds;
    const p50 = percentile(r.lat, 50);
    const p99 = percentile(r.lat, 99);
    log(`pg ${n} replica(s): ${r.okPushes} ok pushes of ${BATCH} in ${r.seconds.toFixed(1)} s, p50 ${round(p50, 1)} ms, p99 ${round(p99, 1)} ms, deadlocks ${dl}, errors ${r.errors}; CPU per push: server ${round(serverCpu, 1)} ms, PostgreSQL ${round(pgCpu, 1)} ms`);
    const note = `${DEVICES} devices (${TEAMS} teams), batches of ${BATCH} (half personal, half team; opposite orders), random replica per push, ${DURATION_S} s, 2 shared cores`;
    const k = `server-load.pg-replicas-${n}`;
    const figs: Figure[] = [
      { name: `${k}.deadlocks`, value: dl, unit: 'count', goal: '<= 0', note: 'pg_stat_database.deadlocks delta of the bench database' },
      { name: `${k}.push-p99`, value: round(p99, 1), unit: 'ms', goal: `<= ${REPLICA_PUSH_P99_GOAL_MS}`, note },
      { name: `${k}.push-p50`, value: round(p50, 1), unit: 'ms', goal: 'info' },
      { name: `${k}.push-mutations-per-s`, value: round(mps, 0), unit: 'mutations/s', goal: 'info' },
      { name: `${k}.server-cpu-per-push`, value: round(serverCpu, 1), unit: 'ms', goal: 'info', note: 'user+system CPU of the replica processes / pushes (independent of the machine load)' },
      { name: `${k}.pg-cpu-per-push`, value: round(pgCpu, 1), unit: 'ms', goal: 'info', note: "user+system CPU of the replicas' PostgreSQL backends / pushes (pool connections opened during the run are missed)" },
      { name: `${k}.push-errors`, value: r.errors, unit: 'count', goal: '<= 0', note: 'non-200, a mutation not applied, dropped requests' },
    ];
    figs.forEach(emit);
    return figs;
  } finally {
    await set?.stop();
    await c.end().catch(() => undefined);
    await db.drop();
  }
}

/** The multi-replica variant: the same load on 1 and on 3 replicas, side by side. */
export async function runReplicas(): Promise<Figure[]> {
  const out: Figure[] = [];
  for (const n of COUNTS) out.push(...(await measureReplicas(n)));
  return out;
}

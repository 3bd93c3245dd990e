/**
 * Real server processes for multi-replica tests and benchmarks: N `server/src/main.ts` processes
 * (`node --import tsx`, the `npm run server` entry) on one database, each on a free port.
 *
 * - {@link freshPgDatabase}: a new PostgreSQL database per run (its own `public` schema, so the
 *   processes need no schema setting), dropped with `(force)` afterwards; databases left by a dead
 *   run (its pid and creation time are in the name) are swept on a later call once 6 h old.
 * - {@link startReplicas}: spawns all N at once (they race on start-up, as replicas do), waits for
 *   each one's `listening` line, and kills every one of them if any fails to come up.
 * - {@link ReplicaSet.stop}: SIGCONT (a frozen replica cannot die of SIGTERM otherwise), SIGTERM,
 *   SIGKILL after a grace period; also run on process exit so no server outlives its test.
 *
 * See server/README.md "Deployment" for the layout these processes reproduce.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';

/** Repository root (server/test/ → ../..). */
const ROOT = join(import.meta.dirname, '..', '..');

/** PostgreSQL server used for the replica databases. */
export const REPLICA_PG_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

/** One running server process. */
export interface ReplicaProcess {
  /** 0-based index in its set; also its PostgreSQL `application_name` suffix (`replica-<i>`). */
  index: number;
  proc: ChildProcess;
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** The parsed `listening` line (store, port, migrations applied by this process). */
  ready: { store: string; port: number; migrations: string[] };
  /** Every stdout line seen so far (request logs, errors), and stderr chunks prefixed `stderr: `. */
  lines: string[];
}

/** A set of replicas started together. */
export interface ReplicaSet {
  replicas: ReplicaProcess[];
  /** Stops every process (SIGCONT, SIGTERM, then SIGKILL after `graceMs`); resolves when all exited. */
  stop(graceMs?: number): Promise<void>;
}

/** Options of {@link startReplicas}. */
export interface StartReplicasOptions {
  /** `postgres://…` or `sqlite:<path>` shared by every replica. */
  databaseUrl: string;
  /** extra environment for every replica (rate limits are off and argon2 is cheap by default) */
  env?: Record<string, string>;
  /** ms to wait for every replica's `listening` line; default 90 s (a busy 2-core machine) */
  readyTimeoutMs?: number;
  /** extra arguments after `server/src/main.ts` */
  args?: string[];
  /** extra node options before the script, e.g. `--expose-gc` */
  nodeArgs?: string[];
}

const live = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const p of live) {
      try {
        p.kill('SIGCONT');
        p.kill('SIGKILL');
      } catch {
        // already gone
      }
    }
  });
}

/** Environment every replica gets unless overridden: limits off, cheap argon2, ephemeral port. */
const BASE_ENV: Record<string, string> = {
  PORT: '0',
  HOST: '127.0.0.1',
  RATE_LIMIT_PUSH_PER_MIN: '0', RATE_LIMIT_PULL_PER_MIN: '0', RATE_LIMIT_AUTH_PER_MIN: '0', RATE_LIMIT_API_PER_MIN: '0',
  RATE_LIMIT_INVITES_PER_DAY: '0', RATE_LIMIT_SIGNUPS_PER_HOUR: '0', RATE_LIMIT_SIGNUPS_PER_ADDRESS_PER_HOUR: '0',
  ARGON2_MEMORY_KIB: '1024', ARGON2_TIME_COST: '1',
};

function spawnOne(index: number, opts: StartReplicasOptions): { proc: ChildProcess; lines: string[]; ready: Promise<ReplicaProcess> } {
  const proc = spawn(process.execPath, [...(opts.nodeArgs ?? []), '--import', 'tsx', 'server/src/main.ts', ...(opts.args ?? [])], {
    cwd: ROOT,
    env: { ...process.env, ...BASE_ENV, PGAPPNAME: `replica-${index}`, ...opts.env, DATABASE_URL: opts.databaseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(proc);
  proc.on('exit', () => live.delete(proc));
  const lines: string[] = [];
  let stderr = '';
  proc.stderr!.on('data', (b: Buffer) => {
    stderr = (stderr + b.toString()).slice(-4000);
    lines.push(`stderr: ${b.toString()}`);
  });
  const ready = new Promise<ReplicaProcess>((resolve, reject) => {
    let buf = '';
    proc.stdout!.on('data', (b: Buffer) => {
      buf += b.toString();
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        lines.push(line);
        if (line.includes('"listening"')) {
          const j = JSON.parse(line) as { store: string; port: number; migrations: string[] };
          resolve({ index, proc, url: `http://127.0.0.1:${j.port}`, ready: j, lines });
        }
      }
    });
    proc.on('exit', (code, signal) => reject(new Error(`replica ${index} exited (${code ?? signal}) before listening: ${stderr}`)));
  });
  return { proc, lines, ready };
}

async function stopAll(procs: ChildProcess[], graceMs: number): Promise<void> {
  await Promise.all(procs.map((p) => new Promise<void>((resolve) => {
    if (p.exitCode !== null || p.signalCode !== null) return resolve();
    const kill = setTimeout(() => p.kill('SIGKILL'), graceMs);
    p.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    p.kill('SIGCONT');
    p.kill('SIGTERM');
  })));
}

/**
 * Spawns `n` replicas at once on `opts.databaseUrl` and waits until all are listening.
 * @throws Error (after killing every spawned process) when one exits or the wait passes `readyTimeoutMs`.
 */
export async function startReplicas(n: number, opts: StartReplicasOptions): Promise<ReplicaSet> {
  installExitHook();
  const spawned = Array.from({ length: n }, (_, i) => spawnOne(i, opts));
  const procs = spawned.map((s) => s.proc);
  const timeoutMs = opts.readyTimeoutMs ?? 90_000;
  let timer: NodeJS.Timeout | undefined;
  try {
    const replicas = await Promise.race([
      Promise.all(spawned.map((s) => s.ready)),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`replicas not listening within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { replicas, stop: (graceMs = 5000) => stopAll(procs, graceMs) };
  } catch (e) {
    await stopAll(procs, 2000);
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

/** A throw-away PostgreSQL database. */
export interface PgDatabase {
  /** connection string of the new database */
  url: string;
  name: string;
  /** an admin client on the maintenance connection (for pg_stat_* and probes) */
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, params?: unknown[]): Promise<pg.QueryResult<R>>;
  /** drops the database (`with (force)`: any replica still connected is cut off) */
  drop(): Promise<void>;
}

/** True while process `pid` exists on this host (signal 0 probes without signalling). */
function isAlive(pid: number): boolean {
  try {
    return process.kill(pid, 0);
  } catch {
    return false;
  }
}

/** A left-over database is swept only when this old (a parallel run in another PID namespace may share the pid). */
const STALE_MS = 6 * 3600_000;

/** Drops databases `satchel_rep_<pid>_<created, base 36 s>_<random>` older than 6 h whose creating process is gone. */
async function sweepStale(admin: pg.Client): Promise<void> {
  const { rows } = await admin.query<{ datname: string }>(`select datname from pg_database where datname ~ '^satchel_rep_[0-9]+_[0-9a-z]+_[0-9a-z]+$'`);
  const stale = rows.map((r) => r.datname).filter((name) => {
    const [, , pid, created] = name.split('_');
    return Date.now() - parseInt(created!, 36) * 1000 > STALE_MS && !isAlive(Number(pid));
  });
  for (const name of stale) await admin.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
}

/**
 * Creates an empty PostgreSQL database `satchel_rep_<pid>_<created>_<random>` on the server of
 * `TEST_DATABASE_URL` (every migration pending). PostgreSQL tests are never skipped:
 * @throws Error when PostgreSQL is unreachable.
 */
export async function freshPgDatabase(prefix = 'satchel_rep'): Promise<PgDatabase> {
  const admin = new pg.Client({ connectionString: REPLICA_PG_URL, connectionTimeoutMillis: 5000 });
  try {
    await admin.connect();
  } catch (e) {
    throw new Error(`PostgreSQL unreachable at ${REPLICA_PG_URL} (${(e as Error).message}); set TEST_DATABASE_URL.`);
  }
  if (prefix === 'satchel_rep') await sweepStale(admin);
  const name = `${prefix}_${process.pid}_${Math.floor(Date.now() / 1000).toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  await admin.query(`create database ${name}`);
  const u = new URL(REPLICA_PG_URL);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    name,
    query: (text, params) => admin.query(text, params as unknown[]),
    drop: async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** Answer of {@link postJson}. */
export interface JsonAnswer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/**
 * POSTs JSON to a replica over HTTP (a real socket, unlike the harness's `app.request`).
 * @param timeoutMs abort after this long (the request then rejects with an AbortError)
 */
export async function postJson(url: string, path: string, body: unknown, token?: string, timeoutMs = 60_000): Promise<JsonAnswer> {
  const r = await fetch(url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await r.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: r.status, body: parsed };
}

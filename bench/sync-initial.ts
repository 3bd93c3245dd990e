// `npm run bench -- sync-initial`: 10,000 captures pushed from one device, then pulled into a fresh
// device, through the real server (`server/src/main.ts`, SQLite in a temp dir, over loopback HTTP)
// with the extension's own sync code (lib/sync engine + lib/db Dexie store). The devices' databases
// are Dexie over fake-indexeddb in this Node process (a pure-JS IndexedDB, slower than Chromium's),
// so the client side is, if anything, measured pessimistically.
import 'fake-indexeddb/auto';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uuidv7 } from 'uuidv7';
import { SatchelDb, LOCAL_SCOPE, countCaptures } from '../lib/db';
import { createArgs } from '../lib/db/capture-writes';
import { ensureDeviceId, writeSyncAuth } from '../lib/db/sync-state';
import { apiClient } from '../lib/sync/api-client';
import { createSyncRunner } from '../lib/sync/runner';
import type { Fetch } from '../lib/sync/transport';
import { captureKey, type Capture } from '../lib/schema';
import { emit, log, round, type Figure } from './lib/figure';

const N = Number(process.env.BENCH_SYNC_CAPTURES ?? 10_000);
export const PUSH_GOAL_MS = 10_000;
export const PULL_GOAL_MS = 5_000;
const ROOT = join(import.meta.dirname, '..');

async function startServer(databaseUrl: string): Promise<{ url: string; proc: ChildProcess }> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  // Default rate limits (a real device), cheap password hashing (not measured here).
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), ARGON2_MEMORY_KIB: '1024', ARGON2_TIME_COST: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('server did not start in 20 s')), 20_000);
    proc.stdout!.on('data', (b: Buffer) => {
      if (b.toString().includes('"listening"')) {
        clearTimeout(t);
        resolve();
      }
    });
    proc.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  proc.stdout!.resume();
  return { url: `http://127.0.0.1:${port}`, proc };
}

/** `n` realistic captures (a few hundred characters, tags, a note on some) and their createCapture outbox rows, in one transaction. */
async function seed(db: SatchelDb, n: number): Promise<void> {
  const now = Date.now();
  const rows: Capture[] = [];
  for (let i = 0; i < n; i++) {
    const postId = `${1_800_000_000_000_000_000n + BigInt(i)}`;
    const c: Capture = {
      platform: 'x', postId, permalink: `https://x.com/bench/status/${postId}`, permalinkMissing: false,
      author: { name: `Author ${i % 300}`, handle: `author${i % 300}`, profileUrl: `https://x.com/author${i % 300}`, avatarUrl: null },
      text: `Post ${i}: ${'what we learnt from running retros remotely, and what we will try next sprint. '.repeat(4)}`, lang: 'en',
      postedAt: new Date(now - i * 60_000).toISOString(), media: [], links: [], hashtags: ['learning'], mentions: [], poll: null,
      truncated: false, mediaMissing: false, title: null, quoted: null, quoteMissing: false, repostedBy: null, inReplyTo: null, thread: [], threadPartial: false,
      id: uuidv7(), key: '', scopeId: LOCAL_SCOPE, intent: i % 5 === 0 ? 'tip' : null, note: i % 7 === 0 ? 'try this in the next 1:1' : null,
      tags: [`topic-${i % 40}`], collectionIds: [], capturedAt: now - i * 1000, updatedAt: now - i * 1000, completedAt: null,
      deletedAt: null, reviewedAt: null, archivedAt: null, reflection: null, followUp: null,
    };
    c.key = captureKey(c);
    rows.push(c);
  }
  await db.transaction('rw', [db.captures, db.outbox], async () => {
    await db.captures.bulkAdd(rows);
    await db.outbox.bulkAdd(rows.map((c) => ({ mutationId: uuidv7(), name: 'createCapture' as const, args: createArgs(c), clientTs: now })));
  });
}

/** Runs sync until it reports synced; returns the number of runs. */
async function syncUntilDone(run: (force?: boolean) => Promise<{ status: string }>): Promise<number> {
  for (let i = 1; i <= 20; i++) {
    const r = await run(true);
    if (r.status === 'synced') return i;
    if (r.status !== 'busy') throw new Error(`sync ${r.status}: ${JSON.stringify(r)}`);
  }
  throw new Error('sync did not finish in 20 runs');
}

export async function run(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'satchel-sync-bench-'));
  const { url, proc } = await startServer(`sqlite:${join(dir, 'bench.sqlite')}`);
  const fetchImpl: Fetch = (u, init) => fetch(u, init);
  try {
    const a = new SatchelDb(`bench-a-${Date.now()}`);
    const b = new SatchelDb(`bench-b-${Date.now()}`);
    const api = apiClient({ serverUrl: url, fetch: fetchImpl });
    const devA = await ensureDeviceId(a);
    const acc = await api.createAccount({ email: `bench-${Date.now()}@example.org`, password: 'bench-password', displayName: 'Bench', deviceId: devA, deviceName: 'A' });
    log(`seeding ${N} captures into device A…`);
    await seed(a, N);
    await writeSyncAuth(a, { serverUrl: url, token: acc.token, deviceId: devA, userId: acc.userId });

    // Push: only the outbox (measured until the outbox is empty; A's own pull afterwards is not counted).
    const runA = createSyncRunner({ db: a, fetch: fetchImpl });
    const t0 = performance.now();
    let pushRuns = 0;
    while ((await a.outbox.count()) > 0 && pushRuns < 20) {
      pushRuns++;
      const r = await runA(true);
      if (r.status !== 'synced' && r.status !== 'busy') throw new Error(`push ${JSON.stringify(r)}`);
    }
    const pushMs = performance.now() - t0;
    const left = await a.outbox.count();
    log(`push: ${N} captures in ${round(pushMs, 0)} ms (${pushRuns} run(s), ${left} left in the outbox)`);

    const devB = await ensureDeviceId(b);
    const accB = await api.signIn({ email: (await apiClient({ serverUrl: url, fetch: fetchImpl, token: acc.token }).me()).user.email, password: 'bench-password', deviceId: devB, deviceName: 'B' });
    await writeSyncAuth(b, { serverUrl: url, token: accB.token, deviceId: devB, userId: accB.userId });
    const runB = createSyncRunner({ db: b, fetch: fetchImpl });
    const t1 = performance.now();
    const pullRuns = await syncUntilDone(runB);
    const pullMs = performance.now() - t1;
    const got = await countCaptures(b);
    log(`pull: ${got} captures in ${round(pullMs, 0)} ms (${pullRuns} run(s))`);
    a.close();
    b.close();
    const figs: Figure[] = [
      { name: 'sync-initial.push', value: round(pushMs, 0), unit: 'ms', goal: `<= ${PUSH_GOAL_MS}`, note: `${N} captures from one device's outbox to the server (SQLite, loopback HTTP, default rate limits), including that device's own first pull; ${left} left` },
      { name: 'sync-initial.pull', value: round(pullMs, 0), unit: 'ms', goal: `<= ${PULL_GOAL_MS}`, note: `a fresh device pulls them (${got} captures stored locally)` },
      { name: 'sync-initial.pulled', value: got, unit: 'count', goal: `>= ${N}` },
    ];
    figs.forEach(emit);
    return figs;
  } finally {
    proc.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

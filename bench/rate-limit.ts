/**
 * `npm run bench -- rate-limit`: what one rate-limit check costs a request on each limiter store
 * (server/src/rate-limit.ts): memory, the PostgreSQL store's `rate_limits` table, Redis. Every
 * push, pull and API call makes one check when its limit is on, so a shared store adds this
 * latency to each. Also a whole sign-in backoff round (attempt + success) on each store.
 *
 * 16 concurrent callers, 4,000 checks over 400 keys per store (never refused: the budget is large).
 * PostgreSQL: TEST_DATABASE_URL (a fresh schema, dropped after); Redis: TEST_REDIS_URL.
 */
import { freshStore } from '../server/test/harness';
import { REDIS_URL } from '../server/test/rate-limit-harness';
import { testConfig } from '../server/src/app';
import { createLimiter, type RateLimiter } from '../server/src/rate-limit';
import { beginSignin } from '../server/src/signin-backoff';
import { emit, log, type Figure } from './lib/figure';

const CHECKS = 4000;
const CONCURRENCY = 16;
const KEYS = 400;
const ROUNDS = 400;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! * 100) / 100;
};

/** Runs `fn(i)` for i in [0, n) with `CONCURRENCY` callers; returns each call's ms. */
async function timed(n: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const ms: number[] = [];
  let next = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < n) {
      const i = next++;
      const t0 = performance.now();
      await fn(i);
      ms.push(performance.now() - t0);
    }
  }));
  return ms;
}

async function measure(kind: 'memory' | 'postgres' | 'redis', l: RateLimiter): Promise<Figure[]> {
  const limit = { max: 1_000_000, windowMs: 60_000 };
  await timed(200, (i) => l.hit('bench', `warm-${i}`, limit));
  const hits = await timed(CHECKS, (i) => l.hit('push', `device-${i % KEYS}`, limit));
  const cfg = { freeFailures: 5, maxDelayS: 900, forgetAfterS: 86_400 };
  const signins = await timed(ROUNDS, async (i) => {
    const a = await beginSignin(l, cfg, `user${i}@example.com`);
    if (!('ok' in a)) await a.finish(true);
  });
  const note = `${CHECKS} checks, ${CONCURRENCY} concurrent, ${KEYS} keys`;
  return [
    { name: `rate-limit.${kind}.check_p50`, value: pct(hits, 50), unit: 'ms', goal: 'info', note },
    { name: `rate-limit.${kind}.check_p99`, value: pct(hits, 99), unit: 'ms', goal: kind === 'memory' ? '<= 1' : '<= 10', note },
    { name: `rate-limit.${kind}.signin_round_p99`, value: pct(signins, 99), unit: 'ms', goal: 'info', note: `${ROUNDS} sign-in backoff rounds (attempt + success)` },
  ];
}

/** The benchmark entry (bench/run.ts). */
export async function run(): Promise<Figure[]> {
  const figs: Figure[] = [];
  const sq = await freshStore('sqlite');
  const pg = await freshStore('postgres', { pgPoolSize: 10 });
  try {
    for (const kind of ['memory', 'postgres', 'redis'] as const) {
      log(`rate-limit: ${kind}`);
      const l = createLimiter(testConfig({ rateLimitStore: kind, redisUrl: REDIS_URL }), kind === 'postgres' ? pg.store : sq.store, { prefix: `bench${Date.now()}` });
      await l.ready();
      try {
        for (const f of await measure(kind, l)) {
          emit(f);
          figs.push(f);
        }
      } finally {
        await l.close();
      }
    }
  } finally {
    await pg.cleanup();
    await sq.cleanup();
  }
  return figs;
}

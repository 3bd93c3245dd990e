/**
 * Helpers of the rate-limit tests: limiters on each backend with a key prefix per test (runs never
 * share counters), apps over them, and Redis at `TEST_REDIS_URL` (default redis://127.0.0.1:6379;
 * .ci/run starts it). Like PostgreSQL, an unreachable Redis fails these tests; they never skip.
 */
import { uuidv7 } from 'uuidv7';
import { createApp, testConfig } from '../src/app';
import type { Config, RateLimitStoreKind } from '../src/config';
import type { Store } from '../src/db/open-store';
import { createLimiter, RateLimiter } from '../src/rate-limit';
import { Api } from './harness';

export const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';

/** A fresh key namespace for one test. */
export const testPrefix = () => `t${uuidv7().replace(/-/g, '').slice(-14)}`;

const made: RateLimiter[] = [];

/**
 * A limiter on `kind` (`postgres` uses `store`'s database) under `prefix`, ready to answer.
 * @throws Error naming TEST_REDIS_URL when Redis does not answer within 5 s.
 */
export async function limiterOn(kind: RateLimitStoreKind, store: Store, prefix: string, redisUrl = REDIS_URL, log?: (e: Record<string, unknown>) => void): Promise<RateLimiter> {
  const l = createLimiter(testConfig({ rateLimitStore: kind, redisUrl }), store, { prefix, log });
  made.push(l);
  if (kind === 'redis' && redisUrl === REDIS_URL) {
    const t = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`Redis unreachable at ${REDIS_URL}: start it (redis-server --daemonize yes) or set TEST_REDIS_URL`)), 5000).unref());
    await Promise.race([l.ready(), t]);
  }
  return l;
}

/** Closes every limiter made by {@link limiterOn} (their Redis clients). */
export async function closeLimiters(): Promise<void> {
  while (made.length) await made.pop()!.close();
}

/** An app over `store` with `limiter` and `config` overrides (limits off unless given). */
export function appWith(store: Store, limiter: RateLimiter, over: Partial<Config> = {}): Api {
  return new Api(createApp({ store, config: testConfig(over), limiter, log: () => {} }));
}

/** `testConfig().rateLimits` with the given buckets set to `max` per `windowMs`. */
export function limits(set: Partial<Record<keyof Config['rateLimits'], number>>, windowMs = 60_000): Config['rateLimits'] {
  const out = { ...testConfig().rateLimits };
  for (const [k, max] of Object.entries(set)) out[k as keyof Config['rateLimits']] = { max: max!, windowMs };
  return out;
}

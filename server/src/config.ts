/**
 * Server configuration from environment variables (documented in server/README.md).
 */

/** Requests allowed per window for one key (token, user or IP). */
export interface RateLimit {
  /** requests per window */
  max: number;
  /** window length, ms */
  windowMs: number;
}

/** Where the limiter keeps its counters: one process's memory, the PostgreSQL store, or Redis. */
export type RateLimitStoreKind = 'memory' | 'postgres' | 'redis';

/**
 * Consecutive failed sign-ins for one email: `freeFailures` cost nothing, then each further one makes
 * the account wait 1 s, 2 s, 4 s … up to `maxDelayS` before the next attempt; a success resets it and
 * the count forgets itself `forgetAfterS` after the streak's first failure.
 */
export interface SigninBackoff {
  freeFailures: number;
  /** cap of one wait, seconds; 0 = off */
  maxDelayS: number;
  /** seconds */
  forgetAfterS: number;
}

/** Everything the app needs that is not code. */
export interface Config {
  /** `sqlite:<path>` or `postgres://…`; default `sqlite:./data/satchel.sqlite` */
  databaseUrl: string;
  /** default 8787 */
  port: number;
  /** default 127.0.0.1 */
  host: string;
  /** exact allowed origins, e.g. `chrome-extension://abc…`; empty = no CORS headers at all */
  corsOrigins: string[];
  /**
   * How many proxies in front of the server append to `X-Forwarded-For`; the client address is the
   * entry this many places from the right (docs/sync-protocol.md 4 "Limits"). 0 = use the socket peer.
   */
  trustedProxyHops: number;
  /** where rate-limit counters live; `postgres` and `redis` are shared by replicas */
  rateLimitStore: RateLimitStoreKind;
  /** `redis://…` for `rateLimitStore: 'redis'`; null otherwise */
  redisUrl: string | null;
  rateLimits: { auth: RateLimit; signups: RateLimit; signupsPerAddress: RateLimit; push: RateLimit; pull: RateLimit; invites: RateLimit; api: RateLimit };
  /** per-account sign-in backoff (docs/sync-protocol.md 4 "Limits"); `maxDelayS` 0 turns it off */
  signinBackoff: SigninBackoff;
  /** argon2id cost; default memoryCost 19456 KiB, timeCost 2 (OWASP minimum) */
  argon2: { memoryCost: number; timeCost: number };
  /** tombstone retention before GC, ms; default 180 days (docs/sync-protocol.md 9.3) */
  tombstoneRetentionMs: number;
  /** seconds a request may take before 503; default 15 */
  requestTimeoutMs: number;
}

const MIN = 60_000;
const STORE_KINDS: readonly RateLimitStoreKind[] = ['memory', 'postgres', 'redis'];

/** `RATE_LIMIT_STORE` if set, else redis when `REDIS_URL` is set, else the database's own kind. */
function limitStore(env: NodeJS.ProcessEnv, databaseUrl: string): RateLimitStoreKind {
  const raw = env.RATE_LIMIT_STORE;
  if (raw) {
    if (!(STORE_KINDS as readonly string[]).includes(raw)) throw new Error('RATE_LIMIT_STORE must be memory, postgres or redis');
    return raw as RateLimitStoreKind;
  }
  if (env.REDIS_URL) return 'redis';
  return /^postgres(ql)?:\/\//.test(databaseUrl) ? 'postgres' : 'memory';
}

/** `TRUSTED_PROXY_HOPS`, or 1 when the older `TRUST_PROXY=1|true` is set, else 0. */
function proxyHops(env: NodeJS.ProcessEnv): number {
  if (env.TRUSTED_PROXY_HOPS) return int(env, 'TRUSTED_PROXY_HOPS', 0);
  return env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true' ? 1 : 0;
}

/** Longest window the memory store can time (Node timers hold at most 2^31-1 ms), seconds. */
const MAX_TIMER_S = 2_147_483;

function atMost(n: number, max: number, name: string): number {
  if (n > max) throw new Error(`${name} must be at most ${max}`);
  return n;
}

function int(env: NodeJS.ProcessEnv, name: string, def: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return def;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer`);
  return n;
}

/**
 * Reads the configuration. Rate limits are `RATE_LIMIT_<NAME>_PER_MIN` (auth 30, push 600,
 * pull 120, api 600), `RATE_LIMIT_SIGNUPS_PER_HOUR` (200 accounts created, all addresses together),
 * `RATE_LIMIT_SIGNUPS_PER_ADDRESS_PER_HOUR` (10 accounts created per address) and
 * `RATE_LIMIT_INVITES_PER_DAY` (20), per docs/sync-protocol.md 4 "Limits".
 * @throws Error naming the variable when one is malformed.
 */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL || 'sqlite:./data/satchel.sqlite';
  const rateLimitStore = limitStore(env, databaseUrl);
  if (rateLimitStore === 'redis' && !env.REDIS_URL) throw new Error('REDIS_URL must be set for RATE_LIMIT_STORE=redis');
  return {
    databaseUrl,
    port: int(env, 'PORT', 8787),
    host: env.HOST || '127.0.0.1',
    corsOrigins: (env.CORS_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    trustedProxyHops: proxyHops(env),
    rateLimitStore,
    redisUrl: env.REDIS_URL || null,
    rateLimits: {
      auth: { max: int(env, 'RATE_LIMIT_AUTH_PER_MIN', 30), windowMs: MIN },
      signups: { max: int(env, 'RATE_LIMIT_SIGNUPS_PER_HOUR', 200), windowMs: 60 * MIN },
      signupsPerAddress: { max: int(env, 'RATE_LIMIT_SIGNUPS_PER_ADDRESS_PER_HOUR', 10), windowMs: 60 * MIN },
      push: { max: int(env, 'RATE_LIMIT_PUSH_PER_MIN', 600), windowMs: MIN },
      pull: { max: int(env, 'RATE_LIMIT_PULL_PER_MIN', 120), windowMs: MIN },
      api: { max: int(env, 'RATE_LIMIT_API_PER_MIN', 600), windowMs: MIN },
      invites: { max: int(env, 'RATE_LIMIT_INVITES_PER_DAY', 20), windowMs: 24 * 60 * MIN },
    },
    signinBackoff: {
      freeFailures: int(env, 'SIGNIN_FREE_FAILURES', 5),
      maxDelayS: int(env, 'SIGNIN_MAX_DELAY_S', 900),
      forgetAfterS: atMost(int(env, 'SIGNIN_FORGET_AFTER_S', 86_400), MAX_TIMER_S, 'SIGNIN_FORGET_AFTER_S'),
    },
    argon2: { memoryCost: int(env, 'ARGON2_MEMORY_KIB', 19456), timeCost: int(env, 'ARGON2_TIME_COST', 2) },
    tombstoneRetentionMs: int(env, 'TOMBSTONE_RETENTION_DAYS', 180) * 24 * 60 * MIN,
    requestTimeoutMs: int(env, 'REQUEST_TIMEOUT_MS', 15_000),
  };
}

/**
 * PostgreSQL session time limits set on every pooled connection, ms (0 = off). Derived from the
 * request timeout T (`REQUEST_TIMEOUT_MS`, default 15 s) so one stuck process costs only its own
 * requests (docs/sync-protocol.md 4 "Time limits"):
 * - `lockMs` (`PG_LOCK_TIMEOUT_MS`, default T/6 = 2.5 s): one wait for a row lock. A push waits at
 *   most 5 times (its batch, then one mutation's transaction and its 3 retries), so it answers 503
 *   with its results so far before T.
 * - `statementMs` (`PG_STATEMENT_TIMEOUT_MS`, default T/2 = 7.5 s): no one statement outlives half a request.
 * - `idleInTxMs` (`PG_IDLE_IN_TX_TIMEOUT_MS`, default T/3 = 5 s): a transaction whose process stopped
 *   talking (frozen, paused, partitioned) is ended and its locks freed, so writers waiting behind it
 *   get through, usually within their own request.
 */
export interface PgTimeouts {
  lockMs: number;
  statementMs: number;
  idleInTxMs: number;
}

/**
 * Reads {@link PgTimeouts} from the environment (see there for variables and defaults).
 * @throws Error naming the variable when one is not a non-negative integer.
 */
export function readPgTimeouts(env: NodeJS.ProcessEnv = process.env): PgTimeouts {
  const t = int(env, 'REQUEST_TIMEOUT_MS', 15_000);
  return {
    lockMs: int(env, 'PG_LOCK_TIMEOUT_MS', Math.floor(t / 6)),
    statementMs: int(env, 'PG_STATEMENT_TIMEOUT_MS', Math.floor(t / 2)),
    idleInTxMs: int(env, 'PG_IDLE_IN_TX_TIMEOUT_MS', Math.floor(t / 3)),
  };
}

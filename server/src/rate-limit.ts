/**
 * Rate limits on `rate-limiter-flexible` (docs/sync-protocol.md 4 "Limits"; ADR
 * docs/decisions/0008-sign-up-and-existing-emails.md for the sign-up limits). Counters live in one
 * process's memory (SQLite, one process), in the PostgreSQL store's `rate_limits` table (migration
 * `003_rate_limits`), or in Redis, so replicas share one budget. Expiry is the library's own (per-key
 * timers in memory, key TTLs in Redis, an `expire` column plus its hourly clean-up in PostgreSQL).
 *
 * When the shared store fails, a bucket either fails open to a per-process memory counter (push,
 * pull, api, invites) or closed: `auth` and `signups` answer `unavailable` (503) rather than let
 * guessing through unmetered.
 */
import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import { CompiledQuery, type Kysely } from 'kysely';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Config, RateLimit } from './config';
import type { Store } from './db/open-store';

/** Result of one {@link RateLimiter.hit}: allowed, or refused with the seconds to wait (`Retry-After`). */
export type RateDecision = { ok: true } | { ok: false; retryAfterS: number; reason: 'limited' | 'unavailable' };

/** Where the counters live. `redis.owned`: the limiter created the client and quits it on close. */
export type LimiterBackend =
  | { kind: 'memory' }
  | { kind: 'postgres'; db: Kysely<any> }
  | { kind: 'redis'; client: Redis; owned: boolean };

/** Options of {@link RateLimiter}. */
export interface RateLimiterOptions {
  /** default memory */
  backend?: LimiterBackend;
  /** namespace of every key (tests use one per run so runs never share counters); default `rl` */
  prefix?: string;
  /** receives one line when the shared store fails, at most once a minute */
  log?: (entry: Record<string, unknown>) => void;
}

/** Buckets that refuse (503) rather than fall back to per-process counts when the shared store fails. */
export const FAIL_CLOSED_BUCKETS: ReadonlySet<string> = new Set(['auth', 'signups', 'signupsPerAddress', 'signin_fails', 'signin_gate']);

/** The PostgreSQL table of the shared counters (created by migration `003_rate_limits`). */
export const RATE_LIMIT_TABLE = 'rate_limits';

/** Seconds the client should wait before a retry when the limiter store is down. */
const UNAVAILABLE_RETRY_S = 5;

/**
 * A store key for `raw`: kept as is when short and plain, else a SHA-256 digest, so caller-chosen
 * text (an email, an odd `X-Forwarded-For` entry) is never stored and never too long for a key.
 */
export function limiterKey(raw: string): string {
  return /^[A-Za-z0-9_.:-]{1,80}$/.test(raw) ? raw : `h:${createHash('sha256').update(raw).digest('base64url').slice(0, 32)}`;
}

/** The library's PostgreSQL client contract over the store's Kysely (its pool, its `search_path`). */
function kyselyPgClient(db: Kysely<any>) {
  return {
    async query(q: { text: string; values?: unknown[] }) {
      const r = await db.executeQuery(CompiledQuery.raw(q.text, q.values ?? []));
      return { rows: r.rows, rowCount: r.numAffectedRows !== undefined ? Number(r.numAffectedRows) : r.rows.length };
    },
  };
}

/** Counts hits per key per bucket in the configured backend. */
export class RateLimiter {
  readonly backend: LimiterBackend;
  private readonly prefix: string;
  private readonly counters = new Map<string, RateLimiterAbstract>();
  private lastErrorLog = 0;

  constructor(private readonly opts: RateLimiterOptions = {}) {
    this.backend = opts.backend ?? { kind: 'memory' };
    this.prefix = opts.prefix ?? 'rl';
  }

  /**
   * The library limiter of counter `name` allowing `points` per `durationS` seconds (one per
   * name/points/duration, cached). Store-backed counters outside {@link FAIL_CLOSED_BUCKETS} carry
   * an in-memory insurance limiter with the same budget.
   */
  counter(name: string, points: number, durationS: number): RateLimiterAbstract {
    const id = `${name}/${points}/${durationS}`;
    let rl = this.counters.get(id);
    if (rl) return rl;
    const base = { keyPrefix: `${this.prefix}:${name}`, points, duration: durationS };
    const insuranceLimiter = FAIL_CLOSED_BUCKETS.has(name) ? undefined : new RateLimiterMemory(base);
    const b = this.backend;
    if (b.kind === 'memory') rl = new RateLimiterMemory(base);
    else if (b.kind === 'redis') rl = new RateLimiterRedis({ ...base, storeClient: b.client, rejectIfRedisNotReady: true, insuranceLimiter });
    else {
      rl = new RateLimiterPostgres({
        ...base, storeClient: kyselyPgClient(b.db), storeType: 'client', tableName: RATE_LIMIT_TABLE, tableCreated: true, insuranceLimiter,
        clearExpiredByTimeout: this.counters.size === 0, // one clean-up timer per process is enough
      });
    }
    this.counters.set(id, rl);
    return rl;
  }

  /** Records one hit for `key` in `bucket` under `limit`; a `max` of 0 disables the limit. Never throws. */
  async hit(bucket: string, key: string, limit: RateLimit): Promise<RateDecision> {
    if (limit.max === 0) return { ok: true };
    try {
      await this.counter(bucket, limit.max, Math.max(1, Math.ceil(limit.windowMs / 1000))).consume(limiterKey(key));
      return { ok: true };
    } catch (e) {
      return this.refusal(e);
    }
  }

  /**
   * Whether `key` still has budget in `bucket` under `limit`, without spending any (for budgets
   * spent only when something is created, e.g. accounts). A `max` of 0 disables the limit. Never throws.
   */
  async peek(bucket: string, key: string, limit: RateLimit): Promise<RateDecision> {
    if (limit.max === 0) return { ok: true };
    try {
      const res = await this.counter(bucket, limit.max, Math.max(1, Math.ceil(limit.windowMs / 1000))).get(limiterKey(key));
      if (!res || res.consumedPoints < limit.max) return { ok: true };
      return this.refusal(res);
    } catch (e) {
      return this.refusal(e);
    }
  }

  /** Maps a rejection of the library: a {@link RateLimiterRes} is "limited", anything else a store failure. */
  refusal(e: unknown): RateDecision & { ok: false } {
    if (e instanceof RateLimiterRes) return { ok: false, reason: 'limited', retryAfterS: Math.max(1, Math.ceil(e.msBeforeNext / 1000)) };
    const t = Date.now();
    if (t - this.lastErrorLog > 60_000) {
      this.lastErrorLog = t;
      this.opts.log?.({ at: new Date(t).toISOString(), level: 'error', msg: 'rate-limit store failed', store: this.backend.kind, error: (e as Error)?.name ?? 'unknown' });
    }
    return { ok: false, reason: 'unavailable', retryAfterS: UNAVAILABLE_RETRY_S };
  }

  /** Resolves when the backend can answer (Redis connected); immediately for memory and PostgreSQL. @throws on a Redis connection error. */
  async ready(): Promise<void> {
    const b = this.backend;
    if (b.kind !== 'redis' || b.client.status === 'ready') return;
    await new Promise<void>((resolve, reject) => {
      b.client.once('ready', resolve);
      b.client.once('error', reject);
    });
  }

  /** Quits a Redis client the limiter opened; nothing else to release. */
  async close(): Promise<void> {
    const b = this.backend;
    if (b.kind === 'redis' && b.owned) await b.client.quit().catch(() => b.client.disconnect());
  }
}

/**
 * Opens a Redis client for the limiter: no offline queue and a 1 s command timeout, so a Redis that
 * is down or hung costs a request at most a second before the bucket fails open or closed.
 */
export function openLimiterRedis(url: string): Redis {
  const client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 1000, connectTimeout: 2000 });
  client.on('error', () => {}); // reported per request through RateLimiter.refusal, not as an unhandled event
  return client;
}

/**
 * The limiter `createApp` uses when none is given: `config.rateLimitStore` picks memory, the store's
 * PostgreSQL database, or Redis at `config.redisUrl`.
 * @throws Error when `postgres` is asked of a SQLite store or `redis` without a URL.
 */
export function createLimiter(config: Config, store: Store, opts: Omit<RateLimiterOptions, 'backend'> = {}): RateLimiter {
  switch (config.rateLimitStore) {
    case 'memory':
      return new RateLimiter(opts);
    case 'postgres':
      if (store.kind !== 'postgres') throw new Error('RATE_LIMIT_STORE=postgres needs a PostgreSQL DATABASE_URL');
      return new RateLimiter({ ...opts, backend: { kind: 'postgres', db: store.db } });
    case 'redis':
      if (!config.redisUrl) throw new Error('RATE_LIMIT_STORE=redis needs REDIS_URL');
      return new RateLimiter({ ...opts, backend: { kind: 'redis', client: openLimiterRedis(config.redisUrl), owned: true } });
  }
}

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
  /** take the client IP from the first `X-Forwarded-For` entry (only behind a trusted proxy) */
  trustProxy: boolean;
  rateLimits: { auth: RateLimit; push: RateLimit; pull: RateLimit; invites: RateLimit; api: RateLimit };
  /** argon2id cost; default memoryCost 19456 KiB, timeCost 2 (OWASP minimum) */
  argon2: { memoryCost: number; timeCost: number };
  /** tombstone retention before GC, ms; default 180 days (docs/sync-protocol.md 9.3) */
  tombstoneRetentionMs: number;
  /** seconds a request may take before 503; default 15 */
  requestTimeoutMs: number;
}

const MIN = 60_000;

function int(env: NodeJS.ProcessEnv, name: string, def: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return def;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer`);
  return n;
}

/**
 * Reads the configuration. Rate limits are `RATE_LIMIT_<NAME>_PER_MIN` (auth 10, push 600,
 * pull 120, api 600) and `RATE_LIMIT_INVITES_PER_DAY` (20), per docs/sync-protocol.md 4 "Limits".
 * @throws Error naming the variable when one is malformed.
 */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    databaseUrl: env.DATABASE_URL || 'sqlite:./data/satchel.sqlite',
    port: int(env, 'PORT', 8787),
    host: env.HOST || '127.0.0.1',
    corsOrigins: (env.CORS_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    rateLimits: {
      auth: { max: int(env, 'RATE_LIMIT_AUTH_PER_MIN', 10), windowMs: MIN },
      push: { max: int(env, 'RATE_LIMIT_PUSH_PER_MIN', 600), windowMs: MIN },
      pull: { max: int(env, 'RATE_LIMIT_PULL_PER_MIN', 120), windowMs: MIN },
      api: { max: int(env, 'RATE_LIMIT_API_PER_MIN', 600), windowMs: MIN },
      invites: { max: int(env, 'RATE_LIMIT_INVITES_PER_DAY', 20), windowMs: 24 * 60 * MIN },
    },
    argon2: { memoryCost: int(env, 'ARGON2_MEMORY_KIB', 19456), timeCost: int(env, 'ARGON2_TIME_COST', 2) },
    tombstoneRetentionMs: int(env, 'TOMBSTONE_RETENTION_DAYS', 180) * 24 * 60 * MIN,
    requestTimeoutMs: int(env, 'REQUEST_TIMEOUT_MS', 15_000),
  };
}

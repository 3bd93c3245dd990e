/**
 * createApp(deps): the Hono app. One error mapper; security headers; CORS only for the exact
 * configured extension origins; default body limit 16 KiB (push has its own 512 KiB).
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { timeout } from 'hono/timeout';
import type { Config } from './config';
import type { AppDeps, AppEnv } from './context';
import type { Store } from './db/open-store';
import { HttpError, isTransient } from './errors';
import { inputGuard } from './input-guard';
import { buildOpenApi } from './openapi';
import { createLimiter, type RateLimiter } from './rate-limit';
import { accountRoutes } from './routes/accounts';
import { digestRoutes } from './routes/digest';
import { syncRoutes } from './routes/sync';
import { teamRoutes } from './routes/teams';
import type { PushHooks } from './sync/push';

/** Inputs of {@link createApp}; only `store` and `config` are required. */
export interface CreateAppOptions {
  store: Store;
  config: Config;
  limiter?: RateLimiter;
  now?: () => number;
  log?: (entry: Record<string, unknown>) => void;
  hooks?: PushHooks;
}

/** Paths are logged with secrets masked (invite codes travel in the path). */
const safePath = (p: string) => p.replace(/^(\/v1\/invites\/)[^/]+/, '$1***');

const defaultLog = (e: Record<string, unknown>) => process.stdout.write(JSON.stringify(e) + '\n');

/** Builds the app over a migrated store. Pure wiring: no listening, no env reads. */
export function createApp(opts: CreateAppOptions): Hono<AppEnv> {
  const log = opts.log ?? defaultLog;
  const deps: AppDeps = {
    store: opts.store,
    config: opts.config,
    // From config + store when none is given (memory, the store's PostgreSQL, or Redis); the caller that
    // passes its own limiter closes it (RateLimiter.close()), as main.ts should for a Redis client.
    limiter: opts.limiter ?? createLimiter(opts.config, opts.store, { log }),
    now: opts.now ?? Date.now,
    log,
    hooks: opts.hooks ?? {},
  };
  const app = new Hono<AppEnv>();
  const allowed = new Set(opts.config.corsOrigins);

  app.use('*', async (c, next) => {
    c.set('deps', deps);
    const t0 = performance.now();
    await next();
    deps.log({ at: new Date().toISOString(), method: c.req.method, path: safePath(c.req.path), status: c.res.status, ms: Math.round(performance.now() - t0) });
  });
  app.use('*', secureHeaders({ crossOriginResourcePolicy: 'cross-origin' }));
  app.use(
    '*',
    cors({
      // Exact allow-list echo, never `*`, no credentials (bearer tokens, no cookies).
      origin: (origin) => (allowed.has(origin) ? origin : null),
      allowMethods: ['GET', 'POST', 'PATCH', 'DELETE', 'OPTIONS'],
      allowHeaders: ['Authorization', 'Content-Type'],
      maxAge: 600,
    }),
  );
  // docs/sync-protocol.md 4 "Time limits": answer 503 after REQUEST_TIMEOUT_MS. A push still running commits or
  // rolls back on its own; the client's retry is then a duplicate or a fresh apply, never a loss.
  app.use('/v1/*', timeout(opts.config.requestTimeoutMs, () => new HTTPException(503, { message: 'request timed out; retry' })));
  app.use('/v1/*', async (c, next) => {
    if (c.req.path === '/v1/sync/push') return next(); // its own larger limit
    return bodyLimit({ maxSize: 16 * 1024, onError: () => { throw new HttpError(413, 'payload_too_large', 'request body too large'); } })(c, next);
  });
  app.use('*', inputGuard()); // path, query, headers, body depth: a hostile value is a 4xx before anything parses it (issue 10)

  app.get('/healthz', async (c) => {
    await deps.store.db.selectFrom('scopes').select('id').limit(1).execute();
    return c.json({ ok: true, store: deps.store.kind });
  });
  const doc = buildOpenApi();
  app.get('/v1/openapi.json', (c) => c.json(doc));
  app.route('/v1', accountRoutes());
  app.route('/v1', teamRoutes());
  app.route('/v1', syncRoutes());
  app.route('/v1', digestRoutes());

  app.notFound((c) => c.json({ error: { code: 'not_found', message: 'no such endpoint' } }, 404));
  app.onError((err, c) => {
    if (err instanceof HttpError) {
      for (const [k, v] of Object.entries(err.headers)) c.header(k, v);
      return c.json({ error: { code: err.code, message: err.message, ...err.extra } }, err.status);
    }
    if (err instanceof HTTPException) {
      return c.json({ error: { code: err.status === 503 ? 'timeout' : 'http_error', message: err.message || 'request failed' } }, err.status);
    }
    if (isTransient(err)) {
      // A lock or statement timeout, a deadlock, a lost connection (docs/sync-protocol.md 4 "Time limits"): retry, not a bug.
      c.header('Retry-After', '1');
      return c.json({ error: { code: 'unavailable', message: 'the service is busy; retry' } }, 503);
    }
    // Unknown error: log its name and message only (no stack, no request body), answer generically.
    deps.log({ at: new Date().toISOString(), level: 'error', path: safePath(c.req.path), error: err.name, message: String(err.message).slice(0, 200) });
    return c.json({ error: { code: 'internal', message: 'internal error' } }, 500);
  });
  return app;
}

/** Config for tests and tools: production defaults with every rate limit off unless overridden. */
export function testConfig(over: Partial<Config> = {}): Config {
  const off = { max: 0, windowMs: 60_000 };
  return {
    databaseUrl: 'sqlite::memory:',
    port: 0,
    host: '127.0.0.1',
    corsOrigins: [],
    trustedProxyHops: 0,
    rateLimitStore: 'memory',
    redisUrl: null,
    rateLimits: { auth: off, signups: off, signupsPerAddress: off, push: off, pull: off, invites: off, api: off },
    signinBackoff: { freeFailures: 5, maxDelayS: 0, forgetAfterS: 86_400 },
    argon2: { memoryCost: 1024, timeCost: 1 },
    tombstoneRetentionMs: 180 * 24 * 3_600_000,
    requestTimeoutMs: 15_000,
    ...over,
  };
}

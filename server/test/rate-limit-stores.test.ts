// @vitest-environment node
/**
 * Rate-limit stores (server/src/rate-limit.ts, docs/sync-protocol.md 4 "Limits"): replicas over one
 * PostgreSQL or one Redis share one budget; memory counts per process; a failing shared store fails
 * open (per-process counts) for push/pull and closed (503) for sign-in and sign-up; the library's
 * own expiry keeps a 24-hour budget while other keys come and go.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as net from 'node:net';
import { sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { createApp, testConfig } from '../src/app';
import { readConfig } from '../src/config';
import { createLimiter, RateLimiter } from '../src/rate-limit';
import { Api, draft, freshStore, type TestStore } from './harness';
import { appWith, closeLimiters, limiterOn, limits, REDIS_URL, testPrefix } from './rate-limit-harness';

const open: TestStore[] = [];
afterEach(async () => {
  vi.useRealTimers();
  await closeLimiters();
  while (open.length) await open.pop()!.cleanup();
});

async function store(kind: 'sqlite' | 'postgres') {
  const ts = await freshStore(kind);
  open.push(ts);
  return ts;
}

const unknownSignin = () => ({ email: 'nobody@example.com', password: 'whatever1', deviceId: uuidv7(), deviceName: 'd' });

describe.each([
  ['postgres', 'postgres'],
  ['redis', 'sqlite'],
] as const)('two replicas over one %s limiter store share one budget', (kind, storeKind) => {
  it('sign-in per address: 3 allowed in total across both, then 429 on either', { timeout: 60_000 }, async () => {
    const ts = await store(storeKind);
    const prefix = testPrefix();
    const config = { rateLimits: limits({ auth: 3 }) };
    const a = appWith(ts.store, await limiterOn(kind, ts.store, prefix), config);
    const b = appWith(ts.reopen(), await limiterOn(kind, ts.store, prefix), config);
    const st: number[] = [];
    for (const api of [a, b, a, b, a, b]) st.push((await api.req('POST', '/v1/sessions', { body: unknownSignin() })).status);
    expect(st).toEqual([401, 401, 401, 429, 429, 429]);
    // Another test's prefix on the same store starts from zero.
    const c = appWith(ts.store, await limiterOn(kind, ts.store, testPrefix()), config);
    expect((await c.req('POST', '/v1/sessions', { body: unknownSignin() })).status).toBe(401);
  });

  it('push per device: 4 in total across both, then 429 with Retry-After', { timeout: 60_000 }, async () => {
    const ts = await store(storeKind);
    const prefix = testPrefix();
    const d = await new Api(createApp({ store: ts.store, config: testConfig(), log: () => {} })).signup('p');
    const config = { rateLimits: limits({ push: 4 }) };
    const a = appWith(ts.store, await limiterOn(kind, ts.store, prefix), config);
    const b = appWith(ts.reopen(), await limiterOn(kind, ts.store, prefix), config);
    const st: number[] = [];
    let retry: string | null = null;
    for (const api of [a, b, b, a, b]) {
      const r = await api.push(d, []);
      st.push(r.status);
      retry ??= r.headers.get('retry-after');
    }
    expect(st).toEqual([200, 200, 200, 200, 429]);
    expect(Number(retry)).toBeGreaterThanOrEqual(1);
    expect(Number(retry)).toBeLessThanOrEqual(60);
  });
});

describe('testConfig keeps every limit off', () => {
  // Rows come from readConfig's buckets, so a new bucket without an "off" default in testConfig fails here.
  it.each(Object.keys(readConfig({}).rateLimits))('bucket %s: on in production, off in testConfig', (bucket) => {
    const b = bucket as keyof ReturnType<typeof readConfig>['rateLimits'];
    expect(readConfig({}).rateLimits[b].max).toBeGreaterThan(0);
    expect(testConfig().rateLimits[b].max).toBe(0);
  });
  it('the sign-in backoff: on in production, off in testConfig', () => {
    expect(readConfig({}).signinBackoff.maxDelayS).toBeGreaterThan(0);
    expect(testConfig().signinBackoff.maxDelayS).toBe(0);
  });
});

describe('memory limiter (the SQLite single-process default)', () => {
  it('createApp picks memory for SQLite, postgres for PostgreSQL, redis when asked', { timeout: 60_000 }, async () => {
    const sq = await store('sqlite');
    const pgs = await store('postgres');
    expect(createLimiter(testConfig(), sq.store).backend.kind).toBe('memory');
    expect(createLimiter(testConfig({ rateLimitStore: 'postgres' }), pgs.store).backend.kind).toBe('postgres');
    expect(() => createLimiter(testConfig({ rateLimitStore: 'postgres' }), sq.store)).toThrow(/PostgreSQL/);
    const r = createLimiter(testConfig({ rateLimitStore: 'redis', redisUrl: 'redis://127.0.0.1:6379' }), sq.store);
    expect(r.backend.kind).toBe('redis');
    await r.close();
  });

  it('the PostgreSQL counter table is UNLOGGED (no WAL, no fsync per check); SQLite has it too, unused', { timeout: 60_000 }, async () => {
    const pgs = await store('postgres');
    const r = await sql<{ p: string }>`select relpersistence as p from pg_class where relname = 'rate_limits' and relnamespace = current_schema()::regnamespace`.execute(pgs.store.db);
    expect(r.rows).toEqual([{ p: 'u' }]);
    const sq = await store('sqlite');
    expect(await sq.store.db.selectFrom('rate_limits' as never).selectAll().execute()).toEqual([]);
  });

  it('enforces the budget in one process; a second process counts apart', { timeout: 30_000 }, async () => {
    const ts = await store('sqlite');
    const config = { rateLimits: limits({ auth: 2 }) };
    const one = new RateLimiter();
    const a = appWith(ts.store, one, config);
    const a2 = appWith(ts.store, one, config); // a second app in the same process shares the limiter it is given
    const other = appWith(ts.reopen(), new RateLimiter(), config);
    const st: number[] = [];
    for (const api of [a, a2, a, other]) st.push((await api.req('POST', '/v1/sessions', { body: unknownSignin() })).status);
    expect(st).toEqual([401, 401, 429, 401]);
  });
});

describe.each(['redis', 'postgres'] as const)('the %s limiter store fails', (kind) => {
  /** A limiter whose shared store cannot answer: Redis on a closed port, or a closed PostgreSQL pool. */
  async function brokenLimiter(prefix: string, log: (e: Record<string, unknown>) => void): Promise<RateLimiter> {
    if (kind === 'redis') {
      const sq = await store('sqlite');
      return limiterOn('redis', sq.store, prefix, 'redis://127.0.0.1:1', log);
    }
    const dead = await freshStore('postgres');
    await dead.cleanup(); // pool destroyed, schema gone
    return limiterOn('postgres', dead.store, prefix, undefined, log);
  }

  it('sign-in and sign-up fail closed (503 unavailable); push and pull fail open to per-process counts', { timeout: 60_000 }, async () => {
    const ts = await store('sqlite');
    const d = await new Api(createApp({ store: ts.store, config: testConfig(), log: () => {} })).signup('f');
    const logs: string[] = [];
    const limiter = await brokenLimiter(testPrefix(), (e) => logs.push(JSON.stringify(e)));
    const api = appWith(ts.store, limiter, { rateLimits: limits({ auth: 100, signups: 100, push: 2, pull: 100 }), signinBackoff: { freeFailures: 5, maxDelayS: 900, forgetAfterS: 3600 } });

    const signin = await api.req('POST', '/v1/sessions', { body: { email: d.email, password: d.password, deviceId: uuidv7(), deviceName: 'x' } });
    expect(signin.status).toBe(503);
    expect(signin.body).toEqual({ error: { code: 'unavailable', message: 'temporarily unavailable; retry later' } });
    expect(Number(signin.headers.get('retry-after'))).toBeGreaterThan(0);
    const signup = await api.req('POST', '/v1/accounts', { body: { email: 'new@example.com', password: 'password1', displayName: 'n', deviceId: uuidv7(), deviceName: 'x' } });
    expect(signup.status).toBe(503);

    expect((await api.pull(d)).status).toBe(200);
    const pushes = [];
    for (let i = 0; i < 3; i++) pushes.push((await api.push(d, [])).status);
    expect(pushes).toEqual([200, 200, 429]); // the in-memory insurance keeps the budget
    expect(logs.length).toBe(1); // one line a minute, naming no key, email or SQL
    expect(logs[0]).toContain('rate-limit store failed');
    expect(logs[0]).not.toMatch(/example\.com|select|insert/i);
  });
});

describe('a Redis that stops answering after it was ready', () => {
  /** A TCP relay to the test Redis that can freeze: it then swallows every byte in both directions. */
  async function freezableRelay(): Promise<{ url: string; freeze(): void; close(): Promise<void> }> {
    const target = new URL(REDIS_URL);
    let frozen = false;
    const sockets: net.Socket[] = [];
    const server = net.createServer((client) => {
      const upstream = net.connect(Number(target.port || 6379), target.hostname);
      sockets.push(client, upstream);
      client.on('data', (d) => { if (!frozen) upstream.write(d); });
      upstream.on('data', (d) => { if (!frozen) client.write(d); });
      for (const s of [client, upstream]) s.on('error', () => {});
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as net.AddressInfo).port;
    return {
      url: `redis://127.0.0.1:${port}`,
      freeze: () => { frozen = true; },
      close: () => new Promise<void>((r) => { for (const s of sockets) s.destroy(); server.close(() => r()); }),
    };
  }

  it('costs a request at most the 1 s command timeout: sign-in 503, push still counted per process', { timeout: 60_000 }, async () => {
    const ts = await store('sqlite');
    const d = await new Api(createApp({ store: ts.store, config: testConfig(), log: () => {} })).signup('h');
    const relay = await freezableRelay();
    try {
      const limiter = await limiterOn('redis', ts.store, testPrefix(), relay.url);
      await limiter.ready();
      const api = appWith(ts.store, limiter, { rateLimits: limits({ auth: 100, push: 2 }), signinBackoff: { freeFailures: 5, maxDelayS: 900, forgetAfterS: 3600 } });
      expect((await api.push(d, [])).status).toBe(200); // counted in Redis
      relay.freeze();
      const signin = await api.req('POST', '/v1/sessions', { body: { email: d.email, password: d.password, deviceId: uuidv7(), deviceName: 'x' } });
      expect(signin.status).toBe(503);
      expect((await api.push(d, [])).status).toBe(200); // insurance: a fresh per-process count
      expect((await api.push(d, [])).status).toBe(200);
      expect((await api.push(d, [])).status).toBe(429);
    } finally {
      await relay.close();
    }
  });
});

describe('the library expiry keeps a 24-hour budget while other keys come and go', () => {
  const day = { max: 2, windowMs: 86_400_000 };
  const minute = { max: 1, windowMs: 60_000 };

  it('memory: 2,000 one-minute keys over an hour of churn', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'], now: new Date('2026-12-07T05:00:00Z') });
    const l = new RateLimiter({ prefix: testPrefix() });
    expect((await l.hit('invites', 'u1', day)).ok).toBe(true);
    expect((await l.hit('invites', 'u1', day)).ok).toBe(true);
    for (let round = 0; round < 60; round++) {
      for (let i = 0; i < 2000 / 60; i++) await l.hit('api', `dev-${round}-${i}`, minute);
      vi.advanceTimersByTime(61_000);
    }
    const refused = await l.hit('invites', 'u1', day);
    expect(refused).toMatchObject({ ok: false, reason: 'limited' });
    expect((refused as { retryAfterS: number }).retryAfterS).toBeGreaterThan(22 * 3600);
    vi.advanceTimersByTime(86_400_000);
    expect((await l.hit('invites', 'u1', day)).ok).toBe(true);
  });

  it('postgres: expired rows are swept, the 24-hour row stays and still refuses', { timeout: 60_000 }, async () => {
    const ts = await store('postgres');
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-07T05:00:00Z') });
    const l = await limiterOn('postgres', ts.store, testPrefix());
    expect((await l.hit('invites', 'u1', day)).ok).toBe(true);
    expect((await l.hit('invites', 'u1', day)).ok).toBe(true);
    for (let i = 0; i < 300; i++) await l.hit('api', `dev-${i}`, minute);
    vi.setSystemTime(new Date('2026-12-07T07:00:00Z'));
    // The library's own clean-up (what its five-minute timer runs): rows that expired over an hour ago.
    await (l.counter('api', minute.max, 60) as unknown as { clearExpired(ms: number): Promise<void> }).clearExpired(Date.now() - 3_600_000);
    const left = await ts.store.db.selectFrom('rate_limits' as never).select(({ fn }) => fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number((left as { n: unknown }).n)).toBe(1);
    expect(await l.hit('invites', 'u1', day)).toMatchObject({ ok: false, reason: 'limited' });
    vi.setSystemTime(new Date('2026-12-08T05:00:01Z'));
    expect((await l.hit('invites', 'u1', day)).ok).toBe(true);
  });

  it('redis: one-second keys expire by TTL, the 24-hour key still refuses', { timeout: 60_000 }, async () => {
    const ts = await store('sqlite');
    const prefix = testPrefix();
    const l = await limiterOn('redis', ts.store, prefix);
    expect((await l.hit('invites', 'u1', day)).ok).toBe(true);
    expect((await l.hit('invites', 'u1', day)).ok).toBe(true);
    for (let i = 0; i < 300; i++) await l.hit('api', `dev-${i}`, { max: 1, windowMs: 1000 });
    await new Promise((r) => setTimeout(r, 2500)); // TTL 1 s; 1.5 s margin
    const b = l.backend as { kind: 'redis'; client: import('ioredis').Redis };
    expect(await b.client.keys(`${prefix}:api:*`)).toEqual([]);
    expect(await l.hit('invites', 'u1', day)).toMatchObject({ ok: false, reason: 'limited' });
    expect(await b.client.pttl(`${prefix}:invites:u1`)).toBeGreaterThan(86_000_000);
  });
});

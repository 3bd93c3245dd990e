// @vitest-environment node
/**
 * Per-account sign-in backoff (server/src/signin-backoff.ts, docs/sync-protocol.md 4 "Limits"):
 * free failures, then 1 s, 2 s, 4 s … up to the cap; a success resets; the streak forgets itself;
 * parallel attempts past the free ones get through one at a time; 429 answers look the same for
 * existing and unknown emails; one address cannot lock out other accounts. Time is the faked `Date`
 * the library reads (and its memory timers), never the wall clock.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { createApp, testConfig } from '../src/app';
import { readConfig, type SigninBackoff } from '../src/config';
import type { RateLimiter } from '../src/rate-limit';
import { backoffDelayS, beginSignin } from '../src/signin-backoff';
import { Api, freshStore, type TestStore } from './harness';
import { appWith, closeLimiters, limiterOn, limits, testPrefix } from './rate-limit-harness';

const open: TestStore[] = [];
afterEach(async () => {
  vi.useRealTimers();
  await closeLimiters();
  while (open.length) await open.pop()!.cleanup();
});

/** memory ↔ the SQLite default, postgres ↔ the PostgreSQL default; both on a faked clock. */
const CLOCKED = [
  ['memory', 'sqlite'],
  ['postgres', 'postgres'],
] as const;

async function clockedLimiter(kind: 'memory' | 'postgres', storeKind: 'sqlite' | 'postgres'): Promise<{ l: RateLimiter; ts: TestStore }> {
  const ts = await freshStore(storeKind);
  open.push(ts);
  // Memory expiry runs on timers too; PostgreSQL's is the `expire` column compared with Date.now().
  vi.useFakeTimers({ toFake: kind === 'memory' ? ['Date', 'setTimeout', 'clearTimeout'] : ['Date'], now: new Date('2026-12-07T05:00:00Z') });
  return { l: await limiterOn(kind, ts.store, testPrefix()), ts };
}

const tick = async (ms: number) => {
  vi.advanceTimersByTime(ms);
  await Promise.resolve();
};

/** Starts an attempt that must be let through. */
async function allowed(l: RateLimiter, cfg: SigninBackoff, email: string) {
  const a = await beginSignin(l, cfg, email);
  if ('ok' in a) throw new Error(`refused: ${JSON.stringify(a)}`);
  return a;
}

/** The refusal an attempt must get, or a thrown error when it is let through. */
async function refusal(l: RateLimiter, cfg: SigninBackoff, email: string) {
  const a = await beginSignin(l, cfg, email);
  if (!('ok' in a)) throw new Error('let through');
  return a;
}

describe('SIGNIN_* configuration', () => {
  it('reads the defaults and overrides; refuses a forget window the memory store cannot time', () => {
    expect(readConfig({}).signinBackoff).toEqual({ freeFailures: 5, maxDelayS: 900, forgetAfterS: 86_400 });
    expect(readConfig({ SIGNIN_FREE_FAILURES: '3', SIGNIN_MAX_DELAY_S: '0', SIGNIN_FORGET_AFTER_S: '600' }).signinBackoff).toEqual({ freeFailures: 3, maxDelayS: 0, forgetAfterS: 600 });
    expect(() => readConfig({ SIGNIN_FORGET_AFTER_S: String(30 * 86_400) })).toThrow(/SIGNIN_FORGET_AFTER_S/);
  });
});

describe('backoffDelayS', () => {
  it('free failures, then doubling from 1 s up to the cap; 0 when off', () => {
    const cfg = { freeFailures: 3, maxDelayS: 16, forgetAfterS: 3600 };
    expect(Array.from({ length: 10 }, (_, i) => backoffDelayS(i + 1, cfg))).toEqual([0, 0, 1, 2, 4, 8, 16, 16, 16, 16]);
    expect(backoffDelayS(10_000, cfg)).toBe(16);
    expect(backoffDelayS(50, { ...cfg, maxDelayS: 0 })).toBe(0);
  });
});

describe.each(CLOCKED)('sign-in backoff on the %s store', (kind, storeKind) => {
  const cfg = { freeFailures: 3, maxDelayS: 16, forgetAfterS: 3600 };
  const email = 'victim@example.com';

  it('each failure past the free ones makes the account wait 1, 2, 4, 8, 16, 16 s; a success resets', { timeout: 60_000 }, async () => {
    const { l } = await clockedLimiter(kind, storeKind);
    const waits: number[] = [];
    for (let n = 1; n <= 8; n++) {
      await (await allowed(l, cfg, email)).finish(false);
      const w = backoffDelayS(n, cfg);
      waits.push(w);
      if (w === 0) continue;
      expect((await refusal(l, cfg, email)).retryAfterS).toBe(w);
      await tick(w * 1000 - 1);
      expect(await refusal(l, cfg, email)).toMatchObject({ reason: 'limited', retryAfterS: 1 });
      await tick(1);
    }
    expect(waits).toEqual([0, 0, 1, 2, 4, 8, 16, 16]);
    await (await allowed(l, cfg, email)).finish(true); // the right password, once the wait is over
    for (let n = 1; n < cfg.freeFailures; n++) await (await allowed(l, cfg, email)).finish(false); // free again
    await allowed(l, cfg, email);
  });

  it('the right password is never locked out longer than the cap, even after 40 failures', { timeout: 60_000 }, async () => {
    const { l } = await clockedLimiter(kind, storeKind);
    for (let n = 1; n <= 40; n++) {
      await (await allowed(l, cfg, email)).finish(false);
      await tick(backoffDelayS(n, cfg) * 1000);
    }
    await (await allowed(l, cfg, email)).finish(false);
    expect((await refusal(l, cfg, email)).retryAfterS).toBeLessThanOrEqual(cfg.maxDelayS);
    await tick(cfg.maxDelayS * 1000);
    await (await allowed(l, cfg, email)).finish(true);
  });

  it('the streak forgets itself after forgetAfterS', { timeout: 60_000 }, async () => {
    const { l } = await clockedLimiter(kind, storeKind);
    for (let n = 1; n <= cfg.freeFailures; n++) await (await allowed(l, cfg, email)).finish(false);
    await refusal(l, cfg, email);
    await tick(cfg.forgetAfterS * 1000);
    // Back to back with no wait: only a forgotten streak lets all of these through.
    for (let n = 1; n <= cfg.freeFailures; n++) await (await allowed(l, cfg, email)).finish(false);
    await refusal(l, cfg, email);
  });

  it('another account is not slowed by this one', { timeout: 60_000 }, async () => {
    const { l } = await clockedLimiter(kind, storeKind);
    for (let n = 1; n <= cfg.freeFailures + 2; n++) {
      await (await allowed(l, cfg, email)).finish(false);
      if (n < cfg.freeFailures + 2) await tick(backoffDelayS(n, cfg) * 1000);
    }
    await refusal(l, cfg, email);
    await (await allowed(l, cfg, 'colleague@example.com')).finish(true);
  });
});

describe.each(['memory', 'postgres', 'redis'] as const)('parallel attempts on the %s store', (kind) => {
  it('past the free attempts only one at a time is checked', { timeout: 60_000 }, async () => {
    const ts = await freshStore(kind === 'postgres' ? 'postgres' : 'sqlite');
    open.push(ts);
    const l = await limiterOn(kind, ts.store, testPrefix());
    const cfg = { freeFailures: 2, maxDelayS: 900, forgetAfterS: 3600 };
    const all = await Promise.all(Array.from({ length: 12 }, () => beginSignin(l, cfg, 'burst@example.com')));
    const through = all.filter((a) => !('ok' in a));
    const refused = all.filter((a) => 'ok' in a) as { reason: string; retryAfterS: number }[];
    expect(through.length).toBe(cfg.freeFailures + 1);
    expect(refused.every((r) => r.reason === 'limited' && r.retryAfterS >= 1)).toBe(true);
  });
});

describe.each(CLOCKED)('POST /v1/sessions with the backoff on (%s)', (kind, storeKind) => {
  async function env() {
    const { l, ts } = await clockedLimiter(kind, storeKind);
    const config = { rateLimits: limits({ auth: 1000 }), signinBackoff: { freeFailures: 2, maxDelayS: 900, forgetAfterS: 86_400 } };
    const api = appWith(ts.store, l, config);
    const user = await new Api(createApp({ store: ts.store, config: testConfig(), log: () => {} })).signup('v');
    return { api, user, ts };
  }
  const session = (email: string, password: string, ip = '203.0.113.7') => ({ body: { email, password, deviceId: uuidv7(), deviceName: 'd' }, headers: { 'x-forwarded-for': ip } });

  it('429 with Retry-After, the same for an existing and an unknown email; the right password waits, then works', { timeout: 60_000 }, async () => {
    const { api, user, ts } = await env();
    const answers: Record<string, { status: number; body: unknown; retry: string | null }[]> = { known: [], ghost: [] };
    for (const [who, email] of [['known', user.email], ['ghost', 'ghost@example.com']] as const) {
      for (let i = 0; i < 4; i++) {
        const r = await api.req('POST', '/v1/sessions', session(email, 'wrong-password'));
        answers[who]!.push({ status: r.status, body: r.body, retry: r.headers.get('retry-after') });
      }
    }
    expect(answers.known!.map((a) => a.status)).toEqual([401, 401, 429, 429]);
    expect(answers.ghost).toEqual(answers.known);
    expect(answers.known![2]).toMatchObject({ retry: '1', body: { error: { code: 'rate_limited', message: 'too many requests; retry later' } } });
    expect((await api.req('POST', '/v1/sessions', session(user.email, user.password))).status).toBe(429);
    await tick(1000);
    expect((await api.req('POST', '/v1/sessions', session(user.email, user.password))).status).toBe(201);
    // The success reset the streak: the next wrong password is free again.
    expect((await api.req('POST', '/v1/sessions', session(user.email, 'wrong-password'))).status).toBe(401);
    expect((await api.req('POST', '/v1/sessions', session(user.email, 'wrong-password'))).status).toBe(401);
    if (kind === 'postgres') {
      const rows = await ts.store.db.selectFrom('rate_limits' as never).selectAll().execute();
      expect(rows.length).toBeGreaterThan(0);
      expect(JSON.stringify(rows)).not.toContain('example.com'); // emails are stored as digests
    }
  });

  it('a device that signed in before is never locked out by guesses from elsewhere, which can keep the account waiting for ever (red team M1)', { timeout: 60_000 }, async () => {
    const { api, user } = await env();
    const fromOwnDevice = (password: string) => ({ body: { email: user.email, password, deviceId: user.deviceId, deviceName: 'mine' }, headers: { 'x-forwarded-for': '198.51.100.9' } });
    // The attacker keeps the account's backoff running, from rotating addresses and new device ids.
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 4; i++) await api.req('POST', '/v1/sessions', session(user.email, 'guess', `203.0.113.${round * 10 + i}`));
      expect((await api.req('POST', '/v1/sessions', session(user.email, user.password))).status).toBe(429); // a new device waits
      expect((await api.req('POST', '/v1/sessions', fromOwnDevice(user.password))).status).toBe(201); // the owner's device does not
      await tick(1000);
    }
    // The known device's own wrong guesses have their own backoff: it is no way around the limit.
    const own: number[] = [];
    for (let i = 0; i < 4; i++) own.push((await api.req('POST', '/v1/sessions', fromOwnDevice('wrong-password'))).status);
    expect(own).toEqual([401, 401, 429, 429]);
  });

  it('an address that used up its sign-in budget still lets the returning devices behind it in (red team L3)', { timeout: 60_000 }, async () => {
    const ts = await freshStore('sqlite');
    open.push(ts);
    const api = appWith(ts.store, await limiterOn('memory', ts.store, testPrefix()), { trustedProxyHops: 1, rateLimits: limits({ auth: 3 }) });
    const user = await new Api(createApp({ store: ts.store, config: testConfig(), log: () => {} })).signup('office');
    const nat = '192.0.2.44';
    for (let i = 0; i < 3; i++) await api.req('POST', '/v1/sessions', session(`junk${i}@example.com`, 'guess', nat));
    expect((await api.req('POST', '/v1/sessions', session(user.email, user.password, nat))).status).toBe(429); // a new device waits
    const back = await api.req('POST', '/v1/sessions', { body: { email: user.email, password: user.password, deviceId: user.deviceId, deviceName: 'laptop' }, headers: { 'x-forwarded-for': nat } });
    expect(back.status).toBe(201);
  });

  it('one address hammering one account does not lock out other accounts behind it', { timeout: 60_000 }, async () => {
    const { api, user } = await env();
    for (let i = 0; i < 6; i++) await api.req('POST', '/v1/sessions', session('target@example.com', 'guess'));
    expect((await api.req('POST', '/v1/sessions', session('target@example.com', 'guess'))).status).toBe(429);
    expect((await api.req('POST', '/v1/sessions', session(user.email, user.password))).status).toBe(201);
  });
});

// @vitest-environment node
/**
 * Sign-up and existing emails (ADR docs/decisions/0008-sign-up-and-existing-emails.md): a taken email
 * answers a fixed 409 after the same work as a new one (the password is hashed in both cases); both
 * spend the per-address `auth` budget, and only accounts created spend the per-address and global
 * sign-up budgets, which replicas share.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { uuidv7 } from 'uuidv7';
import * as passwords from '../src/auth/passwords';
import { createApp, testConfig } from '../src/app';
import { Api, freshStore, STORE_KINDS, type TestStore } from './harness';
import { appWith, closeLimiters, limiterOn, limits, testPrefix } from './rate-limit-harness';

vi.mock('../src/auth/passwords', async (importOriginal) => {
  const m = await importOriginal<typeof import('../src/auth/passwords')>();
  return { ...m, hashPassword: vi.fn(m.hashPassword), checkPassword: vi.fn(m.checkPassword) };
});

const open: TestStore[] = [];
afterEach(async () => {
  await closeLimiters();
  while (open.length) await open.pop()!.cleanup();
});

const signupBody = (email: string) => ({ email, password: 'another password', displayName: 'x', deviceId: uuidv7(), deviceName: 'd' });

describe.each(STORE_KINDS)('sign-up with a taken email on %s', (kind) => {
  it('answers the fixed 409 after hashing the password, like a new email does', { timeout: 60_000 }, async () => {
    const ts = await freshStore(kind);
    open.push(ts);
    const api = new Api(createApp({ store: ts.store, config: testConfig(), log: () => {} }));
    const taken = await api.signup('t');
    const hash = vi.mocked(passwords.hashPassword);
    const check = vi.mocked(passwords.checkPassword);

    hash.mockClear();
    check.mockClear();
    const fresh = await api.req('POST', '/v1/accounts', { body: signupBody(`fresh-${uuidv7()}@example.com`) });
    const freshWork = [hash.mock.calls.length, check.mock.calls.length];
    hash.mockClear();
    check.mockClear();
    const again = await api.req('POST', '/v1/accounts', { body: signupBody(taken.email.toUpperCase()) });
    const againWork = [hash.mock.calls.length, check.mock.calls.length];

    expect(fresh.status).toBe(201);
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'account_unavailable', message: 'cannot create an account with these details' } } });
    expect(againWork).toEqual(freshWork);
    expect(freshWork).toEqual([1, 0]);
    const users = await ts.store.db.selectFrom('users').select('email').execute();
    expect(users.filter((u) => u.email === taken.email).length).toBe(1);
  });
});

describe('sign-up budgets', () => {
  it('only accounts created spend the global sign-up budget, which two replicas over PostgreSQL share; probing taken emails spends none (red team M2)', { timeout: 60_000 }, async () => {
    const ts = await freshStore('postgres');
    open.push(ts);
    const taken = await new Api(createApp({ store: ts.store, config: testConfig(), log: () => {} })).signup('t');
    const prefix = testPrefix();
    const config = { trustedProxyHops: 1, rateLimits: limits({ auth: 100, signups: 3 }, 3_600_000) };
    const a = appWith(ts.store, await limiterOn('postgres', ts.store, prefix), config);
    const b = appWith(ts.reopen(), await limiterOn('postgres', ts.store, prefix), config);
    const st: number[] = [];
    const emails = [`n1-${uuidv7()}@example.com`, taken.email, taken.email, taken.email, taken.email, `n2-${uuidv7()}@example.com`, taken.email, `n3-${uuidv7()}@example.com`, `n4-${uuidv7()}@example.com`];
    for (const [i, email] of emails.entries()) {
      const api = i % 2 ? b : a;
      const r = await api.req('POST', '/v1/accounts', { body: signupBody(email), headers: { 'x-forwarded-for': `198.51.100.${i + 1}` } });
      st.push(r.status);
      if (r.status === 429) expect(r.body).toEqual({ error: { code: 'rate_limited', message: 'too many requests; retry later' } });
    }
    expect(st).toEqual([201, 409, 409, 409, 409, 201, 409, 201, 429]); // nine addresses, one budget of three accounts
  });

  it('one address creates at most signupsPerAddress accounts; taken emails do not count; other addresses go on', { timeout: 60_000 }, async () => {
    const ts = await freshStore('sqlite');
    open.push(ts);
    const taken = await new Api(createApp({ store: ts.store, config: testConfig(), log: () => {} })).signup('t');
    const api = appWith(ts.store, await limiterOn('memory', ts.store, testPrefix()), { trustedProxyHops: 1, rateLimits: limits({ auth: 100, signups: 100, signupsPerAddress: 2 }, 3_600_000) });
    const from = (ip: string, email: string) => api.req('POST', '/v1/accounts', { body: signupBody(email), headers: { 'x-forwarded-for': ip } });
    const st: number[] = [];
    for (const email of [taken.email, `a-${uuidv7()}@example.com`, taken.email, `b-${uuidv7()}@example.com`, `c-${uuidv7()}@example.com`]) st.push((await from('192.0.2.1', email)).status);
    expect(st).toEqual([409, 201, 409, 201, 429]);
    expect((await from('192.0.2.2', `d-${uuidv7()}@example.com`)).status).toBe(201);
  });

  it('taken and new emails spend the same per-address auth budget', { timeout: 60_000 }, async () => {
    const ts = await freshStore('sqlite');
    open.push(ts);
    const taken = await new Api(createApp({ store: ts.store, config: testConfig(), log: () => {} })).signup('t');
    const api = appWith(ts.store, await limiterOn('memory', ts.store, testPrefix()), { rateLimits: limits({ auth: 2 }) });
    const st: number[] = [];
    for (const email of [taken.email, `n-${uuidv7()}@example.com`, taken.email, `m-${uuidv7()}@example.com`]) st.push((await api.req('POST', '/v1/accounts', { body: signupBody(email) })).status);
    expect(st).toEqual([409, 201, 429, 429]);
  });
});

// @vitest-environment node
/**
 * Security scenarios S4–S10 of docs/sync-protocol.md 8 plus the envelope rules of 3.4: hashed tokens, limits,
 * rate limits, CORS, headers, generic auth errors, no internals in responses or logs.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { createApp, testConfig } from '../src/app';
import { openStore } from '../src/db/open-store';
import { RateLimiter } from '../src/rate-limit';
import { Api, draft, setup, STORE_KINDS, type TestStore } from './harness';

const open: TestStore[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.cleanup();
});

describe.each(STORE_KINDS)('security on %s', (kind) => {
  async function env(over: Parameters<typeof setup>[1] = {}) {
    const e = await setup(kind, over);
    open.push(e.ts);
    return e;
  }

  it('S6: a dump of every table holds no plaintext token, password or invite code', async () => {
    const { api, store } = await env();
    const a = await api.signup('a');
    const { teamId } = await api.createTeam(a);
    const inv = await api.req('POST', `/v1/teams/${teamId}/invites`, { token: a.token, body: { role: 'viewer', expiresInHours: 1 } });
    const secrets = [a.token, a.token.split('_').slice(2).join('_'), a.password, inv.body.code as string];
    const tables = ['users', 'devices', 'invites', 'invite_exclusions', 'scopes', 'memberships', 'teams', 'audit_log'] as const;
    let dump = '';
    for (const t of tables) dump += JSON.stringify(await store.db.selectFrom(t).selectAll().execute());
    for (const s of secrets) expect(dump.includes(s)).toBe(false);
    const dev = await store.db.selectFrom('devices').select('token_hash').executeTakeFirstOrThrow();
    expect(dev.token_hash).toMatch(/^[0-9a-f]{64}$/);
    const user = await store.db.selectFrom('users').select('password_hash').executeTakeFirstOrThrow();
    expect(user.password_hash.startsWith('$argon2id$')).toBe(true);
  });

  it('S7: body over 512 KiB → 413; more than 100 mutations → 413; note over 20k → rejected:invalid', async () => {
    const { api } = await env();
    const a = await api.signup('a');
    const big = await api.req('POST', '/v1/sync/push', {
      token: a.token,
      raw: JSON.stringify({ protocolVersion: 1, schemaVersion: 1, deviceId: a.deviceId, mutations: [], pad: 'x'.repeat(600 * 1024) }),
    });
    expect(big.status).toBe(413);
    const many = Array.from({ length: 101 }, () => api.mut(a, 'deleteCapture', { id: uuidv7() }));
    const r = await api.push(a, many);
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe('too_many_mutations');
    a.seq = 1;
    const id = uuidv7();
    const res = await api.pushOk(a, [
      api.mut(a, 'createCapture', { id, scopeId: `personal:${a.userId}`, capturedAt: 1, ...draft('1') }),
      api.mut(a, 'updateCapture', { id, baseVersion: 0, set: { note: 'n'.repeat(20_001) } }),
    ]);
    expect(res.results.map((x) => x.code ?? x.status)).toEqual(['applied', 'invalid']);
  });

  it('S8: bursts on sessions and accounts → 429 with Retry-After', async () => {
    const { api } = await env({ config: { rateLimits: { ...testConfig().rateLimits, auth: { max: 3, windowMs: 60_000 } } } });
    const body = { email: 'nobody@example.com', password: 'whatever1', deviceId: uuidv7(), deviceName: 'd' };
    const statuses: number[] = [];
    let retry: string | null = null;
    for (let i = 0; i < 5; i++) {
      const r = await api.req('POST', '/v1/sessions', { body });
      statuses.push(r.status);
      retry ??= r.headers.get('retry-after');
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    expect(Number(retry)).toBeGreaterThan(0);
    const acc = await api.req('POST', '/v1/accounts', { body: { ...body, displayName: 'x' } });
    expect(acc.status).toBe(429);
    expect(acc.body.error.code).toBe('rate_limited');
  });

  it('S9: invite flood → 429', async () => {
    const { api } = await env({ config: { rateLimits: { ...testConfig().rateLimits, invites: { max: 2, windowMs: 86_400_000 } } } });
    const a = await api.signup('a');
    const { teamId } = await api.createTeam(a);
    const st: number[] = [];
    for (let i = 0; i < 3; i++) st.push((await api.req('POST', `/v1/teams/${teamId}/invites`, { token: a.token, body: { role: 'viewer', expiresInHours: 1 } })).status);
    expect(st).toEqual([201, 201, 429]);
  });

  it('S10: CORS echoes only the configured extension origin, never *; security headers are set', async () => {
    const allowed = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
    const { api } = await env({ config: { corsOrigins: [allowed] } });
    for (const [origin, want] of [[allowed, allowed], ['chrome-extension://other', null], ['https://evil.example', null]] as const) {
      const r = await api.req('OPTIONS', '/v1/sync/pull', { headers: { origin, 'access-control-request-method': 'POST' } });
      expect(r.headers.get('access-control-allow-origin')).toBe(want);
      const g = await api.req('GET', '/healthz', { headers: { origin } });
      expect(g.headers.get('access-control-allow-origin')).toBe(want);
    }
    const h = await api.req('GET', '/healthz');
    expect(h.headers.get('x-content-type-options')).toBe('nosniff');
    expect(h.headers.get('strict-transport-security')).toContain('max-age');
    expect(h.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it('request timeout → 503 timeout; the push still commits and its retry is a duplicate', async () => {
    let slow = true;
    const { api } = await env({
      config: { requestTimeoutMs: 200 },
      hooks: { beforeCommit: async () => { if (slow) await new Promise((r) => setTimeout(r, 600)); } },
    });
    const a = await api.signup('a');
    const m = api.mut(a, 'createCapture', { id: uuidv7(), scopeId: `personal:${a.userId}`, capturedAt: 1, ...draft('1') });
    const r = await api.push(a, [m]);
    expect(r.status).toBe(503);
    expect(r.body.error.code).toBe('timeout');
    await new Promise((res) => setTimeout(res, 700));
    slow = false;
    const again = await api.pushOk(a, [m]);
    expect(again.results).toEqual([{ seq: 1, status: 'applied', duplicate: true }]);
  });

  it('generic auth errors: wrong password and unknown email look the same', async () => {
    const { api } = await env();
    const a = await api.signup('a');
    const wrong = await api.req('POST', '/v1/sessions', { body: { email: a.email, password: 'wrong-password', deviceId: uuidv7(), deviceName: 'd' } });
    const unknown = await api.req('POST', '/v1/sessions', { body: { email: 'ghost@example.com', password: 'wrong-password', deviceId: uuidv7(), deviceName: 'd' } });
    expect(wrong.status).toBe(401);
    expect(unknown).toMatchObject({ status: wrong.status, body: wrong.body });
    const badToken = await api.req('GET', '/v1/me', { token: a.token.slice(0, -2) + 'AA' });
    const noToken = await api.req('GET', '/v1/me');
    expect(badToken).toMatchObject({ status: 401, body: noToken.body });
  });

  it('envelope: another device in the body → 403; old protocol → 426; unknown keys → 400', async () => {
    const { api } = await env();
    const a = await api.signup('a');
    const b = await api.signup('b');
    const other = await api.req('POST', '/v1/sync/push', { token: a.token, body: { protocolVersion: 1, schemaVersion: 1, deviceId: b.deviceId, mutations: [] } });
    expect(other.status).toBe(403);
    const otherPull = await api.req('POST', '/v1/sync/pull', { token: a.token, body: { protocolVersion: 1, schemaVersion: 1, deviceId: b.deviceId, cookie: null } });
    expect(otherPull.status).toBe(403);
    const old = await api.req('POST', '/v1/sync/pull', { token: a.token, body: { protocolVersion: 0, schemaVersion: 1, deviceId: a.deviceId, cookie: null } });
    expect(old.status).toBe(426);
    const extra = await api.req('POST', '/v1/sync/pull', { token: a.token, body: { protocolVersion: 1, schemaVersion: 1, deviceId: a.deviceId, cookie: null, admin: true } });
    expect(extra.status).toBe(400);
    expect(extra.body.error.message).toContain('unknown key');
    const signupExtra = await api.req('POST', '/v1/accounts', { body: { email: 'x@example.com', password: 'password1', displayName: 'x', deviceId: uuidv7(), deviceName: 'd', role: 'admin' } });
    expect(signupExtra.status).toBe(400);
  });

  it('errors carry no stack, token or SQL; logs never contain tokens or invite codes', async () => {
    const lines: string[] = [];
    const e = await setup(kind);
    open.push(e.ts);
    const app = createApp({ store: e.store, config: testConfig(), log: (x) => lines.push(JSON.stringify(x)), limiter: new RateLimiter() });
    const api = new Api(app);
    const a = await api.signup('a');
    const { teamId } = await api.createTeam(a);
    const inv = await api.req('POST', `/v1/teams/${teamId}/invites`, { token: a.token, body: { role: 'viewer', expiresInHours: 1 } });
    const b = await api.signup('b');
    await api.req('POST', `/v1/invites/${inv.body.code}/accept`, { token: b.token });
    // Force an internal error: an app over a store that was never migrated ("no such table").
    const dead = openStore('sqlite::memory:');
    const broken = new Api(createApp({ store: dead, config: testConfig(), log: (x) => lines.push(JSON.stringify(x)) }));
    const r = await broken.req('GET', '/v1/me', { token: a.token });
    expect(r.status).toBe(500);
    expect(r.body).toEqual({ error: { code: 'internal', message: 'internal error' } });
    await dead.close();
    const all = lines.join('\n');
    expect(all.includes(a.token)).toBe(false);
    expect(all.includes(inv.body.code)).toBe(false);
    expect(all).not.toMatch(/\n\s+at /);
  });
});

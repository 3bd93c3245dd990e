import { describe, it, expect } from 'vitest';
import { httpTransport, type Fetch } from './transport';
import type { SyncAuth } from './types';

const AUTH: SyncAuth = { serverUrl: 'https://s.test', token: 'secret', deviceId: '0190a000-0000-7000-8000-000000000001', userId: 'u1' };

function fakeFetch(status: number, body: unknown, headers: Record<string, string> = {}) {
  const seen: Array<{ url: string; init: Parameters<Fetch>[1] }> = [];
  const f: Fetch = async (url, init) => {
    seen.push({ url, init });
    return { status, headers: { get: (n: string) => headers[n.toLowerCase()] ?? null }, text: async () => (typeof body === 'string' ? body : JSON.stringify(body)) };
  };
  return { f, seen };
}

describe('httpTransport', () => {
  it('posts the push envelope with the bearer token and parses the answer', async () => {
    const { f, seen } = fakeFetch(200, { lastMutationSeq: 1, results: [{ seq: 1, status: 'applied' }] });
    const r = await httpTransport({ fetch: f }).push(AUTH, [{ seq: 1, mutationId: '0190a000-0000-7000-8000-0000000000aa', name: 'addTag', args: {}, clientTs: 1 }]);
    expect(r).toEqual({ ok: true, status: 200, body: { lastMutationSeq: 1, results: [{ seq: 1, status: 'applied' }] } });
    expect(seen[0]!.url).toBe('https://s.test/v1/sync/push');
    expect(seen[0]!.init.headers.authorization).toBe('Bearer secret');
    expect(JSON.parse(seen[0]!.init.body!)).toMatchObject({ protocolVersion: 1, schemaVersion: 1, deviceId: AUTH.deviceId });
  });

  it('returns the server error code, message and Retry-After', async () => {
    const { f } = fakeFetch(429, { error: { code: 'rate_limited', message: 'slow down' } }, { 'retry-after': '30' });
    expect(await httpTransport({ fetch: f }).pull(AUTH, null)).toMatchObject({ ok: false, status: 429, code: 'rate_limited', message: 'slow down', retryAfterMs: 30_000 });
  });

  it('turns a network failure into status 0 and a 2xx with a wrong body into bad_response', async () => {
    const down: Fetch = async () => { throw new TypeError('Failed to fetch'); };
    expect(await httpTransport({ fetch: down }).pull(AUTH, null)).toMatchObject({ ok: false, status: 0, code: 'network' });
    const { f } = fakeFetch(200, { cookie: 1 });
    expect(await httpTransport({ fetch: f }).pull(AUTH, null)).toMatchObject({ ok: false, status: 200, code: 'bad_response' });
    const html = fakeFetch(502, '<html>bad gateway</html>');
    expect(await httpTransport({ fetch: html.f }).pull(AUTH, null)).toMatchObject({ ok: false, status: 502, code: null, message: 'HTTP 502' });
  });
});

// @vitest-environment node
/**
 * The client address of the per-address limits (server/src/client-address.ts, docs/sync-protocol.md 4
 * "Limits"): `X-Forwarded-For` is read from the right by the number of trusted hops, never from the
 * caller-controlled left; malformed values fall back to the socket peer and never answer 500.
 */
import { describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { createApp, testConfig } from '../src/app';
import { addressKey, clientAddress } from '../src/client-address';
import { readConfig } from '../src/config';
import { openStore } from '../src/db/open-store';
import { Api } from './harness';

const PEER = '10.0.0.9';

describe('clientAddress: the entry `hops` places from the right', () => {
  const rows: [label: string, xff: string | undefined, hops: number, want: string][] = [
    ['no proxy trusted: the header is ignored', '6.6.6.6', 0, PEER],
    ['one proxy: its appended entry, not the forged left one', '6.6.6.6, 203.0.113.7', 1, '203.0.113.7'],
    ['two proxies: second from the right', '6.6.6.6, 203.0.113.7, 198.51.100.2', 2, '203.0.113.7'],
    ['two proxies, forged entries on the left are skipped', '1.1.1.1, 2.2.2.2, 203.0.113.7, 198.51.100.2', 2, '203.0.113.7'],
    ['fewer entries than hops: the leftmost present', '203.0.113.7', 3, '203.0.113.7'],
    ['no header: the peer', undefined, 1, PEER],
    ['empty header: the peer', '', 1, PEER],
    ['only commas: the peer', ' , ,', 1, PEER],
    ['chosen entry is garbage: the peer', '6.6.6.6, not-an-ip', 1, PEER],
    ['chosen entry is "unknown": the peer', 'unknown', 1, PEER],
    ['port on IPv4 is dropped', '6.6.6.6, 203.0.113.7:4431', 1, '203.0.113.7'],
    ['bracketed IPv6 with port, keyed by its /64', '[2001:db8:1:2:3:4:5:6]:443', 1, '2001:db8:1:2::/64'],
    ['IPv6 keyed by its /64', '2001:db8:1:2::99', 1, '2001:db8:1:2::/64'],
    ['IPv4-mapped IPv6 is the IPv4 address', '::ffff:203.0.113.7', 1, '203.0.113.7'],
    ['spaces around entries', '  6.6.6.6 ,   203.0.113.7  ', 1, '203.0.113.7'],
    ['a header far past the size cap still yields its right entries', `${'9.9.9.9,'.repeat(5000)}203.0.113.7`, 1, '203.0.113.7'],
  ];
  it.each(rows)('%s', (_label, xff, hops, want) => {
    expect(clientAddress(xff, PEER, hops)).toBe(want);
  });

  it('two addresses of one IPv6 /64 share a key; another /64 does not', () => {
    expect(addressKey('2001:db8:0:1::1')).toBe(addressKey('2001:db8:0:1:ffff:ffff:ffff:ffff'));
    expect(addressKey('2001:db8:0:2::1')).not.toBe(addressKey('2001:db8:0:1::1'));
  });

  it('an unusable peer is kept as given', () => {
    expect(clientAddress(undefined, 'unknown', 0)).toBe('unknown');
    expect(clientAddress('garbage', 'unknown', 1)).toBe('unknown');
  });
});

describe('TRUSTED_PROXY_HOPS / TRUST_PROXY', () => {
  const rows: [env: Record<string, string>, hops: number][] = [
    [{}, 0],
    [{ TRUST_PROXY: '1' }, 1],
    [{ TRUST_PROXY: 'true' }, 1],
    [{ TRUST_PROXY: '0' }, 0],
    [{ TRUSTED_PROXY_HOPS: '2' }, 2],
    [{ TRUSTED_PROXY_HOPS: '2', TRUST_PROXY: '1' }, 2],
  ];
  it.each(rows)('%j → %i hops', (env, hops) => {
    expect(readConfig(env).trustedProxyHops).toBe(hops);
  });
  it.each(['-1', '1.5', 'two'])('TRUSTED_PROXY_HOPS=%s is refused at start-up', (v) => {
    expect(() => readConfig({ TRUSTED_PROXY_HOPS: v })).toThrow(/TRUSTED_PROXY_HOPS/);
  });
});

describe('per-address limit through the app', () => {
  function app(hops: number) {
    const store = openStore('sqlite::memory:'); // never migrated: every request here stops at the limiter or the body
    const config = testConfig({ trustedProxyHops: hops, rateLimits: { ...testConfig().rateLimits, auth: { max: 2, windowMs: 60_000 } } });
    return { api: new Api(createApp({ store, config, log: () => {} })), store };
  }
  const body = { email: 'x@example.com', password: 'pw', deviceId: uuidv7(), deviceName: 'd', extra: 1 }; // 400 after the limiter

  it('a caller rotating the forged left entry still spends one budget', async () => {
    const { api, store } = app(1);
    const st: number[] = [];
    for (let i = 0; i < 4; i++) st.push((await api.req('POST', '/v1/sessions', { body, headers: { 'x-forwarded-for': `10.1.1.${i}, 203.0.113.7` } })).status);
    expect(st).toEqual([400, 400, 429, 429]);
    // another client behind the same proxy has its own budget
    expect((await api.req('POST', '/v1/sessions', { body, headers: { 'x-forwarded-for': '203.0.113.8' } })).status).toBe(400);
    await store.close();
  });

  it('malformed X-Forwarded-For values never answer 5xx', async () => {
    const { api, store } = app(2);
    const values = ['', ',,,', '[', '[::1', '::::', '999.1.1.1', '1.2.3.4:99999', '\u00ff\u00fe', 'a'.repeat(8000), '1.2.3.4,'.repeat(2000)];
    for (const v of values) {
      const r = await api.req('POST', '/v1/sessions', { body, headers: { 'x-forwarded-for': v } });
      expect(r.status, JSON.stringify(v.slice(0, 20))).toBeLessThan(500);
      expect(r.body.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    }
    await store.close();
  });
});

import { describe, it, expect } from 'vitest';
import { CONNECT_TIMEOUT_MS, describeConnectError, describeError, type ErrorContext } from './errors';
import { makeTranslate } from '../../lib/util/i18n';
import en from '../../public/_locales/en/messages.json';

const t = makeTranslate(null, en);
const err = (status: number, code: string | null = null, retryAfterMs: number | null = null) => ({ status, code, message: `server says ${code}`, retryAfterMs });

describe('describeError', () => {
  it('network: cannot reach the server', () => {
    expect(describeError(err(0, 'network'), t)).toBe('Can’t reach the server. Check the address and your connection, then try again.');
  });
  it('401: wrong email or password when signing in, sign in again elsewhere', () => {
    expect(describeError(err(401, 'unauthorized'), t, 'sign-in')).toBe('Wrong email or password. Check both and try again.');
    expect(describeError(err(401, 'unauthorized'), t, 'general')).toMatch(/^Your sign-in on this browser has ended\. Sign in again/);
  });
  it('429: wait N seconds, from Retry-After rounded up (60 s when absent)', () => {
    expect(describeError(err(429, 'rate_limited', 12_300), t, 'sign-in')).toBe('Too many attempts. Wait 13 s, then try again.');
    expect(describeError(err(429, 'rate_limited', null), t)).toBe('Too many attempts. Wait 60 s, then try again.');
  });
  it('known server codes get their own words', () => {
    expect(describeError(err(409, 'account_unavailable'), t, 'create-account')).toMatch(/If you already have one, use Sign in/);
    expect(describeError(err(409, 'last_owner'), t)).toMatch(/at least one owner/);
    expect(describeError(err(409, 'device_conflict'), t)).toMatch(/another Satchel account/);
    expect(describeError(err(403, 'forbidden'), t)).toMatch(/rights/);
    expect(describeError(err(404, 'not_found'), t)).toBe('The server no longer has this; reload the page to see what is there now.');
    expect(describeError(err(404, 'not_found'), t, 'connect')).toMatch(/not like a Satchel server/);
    expect(describeError(err(200, 'bad_response'), t, 'connect')).toMatch(/not like a Satchel server/);
    expect(describeError(err(503, 'unavailable'), t)).toBe('The server had a problem. Try again in a minute.');
  });
  it('other refusals quote the server; thrown errors say what went wrong', () => {
    expect(describeError(err(400, 'invalid_request'), t)).toBe('The server refused this: server says invalid_request');
    expect(describeError(new Error('IndexedDB is closed'), t)).toBe('Something went wrong: IndexedDB is closed. Reload the page and try again.');
  });
});

describe('errors name the thing (issue 12)', () => {
  it('a 404 says what is gone, per action; only joining talks about invite codes', () => {
    const cases: Array<[ErrorContext, RegExp]> = [
      ['join', /^No invite with this code — check it or ask for a new one\./],
      ['revoke-invite', /^This invite no longer exists/],
      ['member', /^This person is no longer in the team/],
      ['spotlight', /^This person is no longer in the team/],
      ['members', /^This team no longer exists, or you are no longer in it\.$/],
      ['invites', /^This team no longer exists/],
      ['invite', /^This team no longer exists/],
      ['leave', /^This team no longer exists/],
      ['revoke-device', /^This device is no longer on your account/],
    ];
    for (const [ctx, words] of cases) expect(describeError(err(404, 'not_found'), t, ctx), ctx).toMatch(words);
    for (const ctx of ['general', 'create-team', 'refused'] as const) expect(describeError(err(404, 'not_found'), t, ctx)).not.toMatch(/invite|code/i);
  });
  it('a 403 says who may do it', () => {
    expect(describeError(err(403, 'forbidden'), t, 'invite')).toBe('Only a team owner can do that. Ask an owner of the team.');
    expect(describeError(err(403, 'forbidden'), t, 'member')).toMatch(/^Only a team owner/);
    expect(describeError(err(403, 'forbidden'), t, 'members')).toBe('Only members of this team can see its members.');
  });
});

describe('describeConnectError: what is wrong with the server address (issue 12)', () => {
  const url = 'https://satchel.example.org';
  it('gives up after 8 s and says so', () => {
    expect(CONNECT_TIMEOUT_MS).toBe(8_000);
    expect(describeConnectError(err(0, 'timeout'), url, t)).toBe('No Satchel server answered at https://satchel.example.org within 8 s. Check the address, or try again when the server is up.');
  });
  it('no answer: name or nothing listening; over https also an untrusted certificate', () => {
    expect(describeConnectError(err(0, 'network'), 'http://127.0.0.1:9', t)).toBe('Nothing answered at http://127.0.0.1:9: the name may be wrong, or no server is running there. Check the address.');
    expect(describeConnectError(err(0, 'network'), url, t)).toMatch(/certificate is not trusted/);
  });
  it('an answer that is not a Satchel server: no /healthz, or JSON of another shape', () => {
    expect(describeConnectError(err(404, null), url, t)).toBe('https://satchel.example.org answered, but it is not a Satchel server (no Satchel health check there). Check the address.');
    expect(describeConnectError(err(200, 'bad_response'), url, t)).toMatch(/^https:\/\/satchel\.example\.org answered, but it is not a Satchel server/);
  });
  it('a Satchel server with a problem; anything else as describeError says it', () => {
    expect(describeConnectError(err(502, null), url, t)).toBe('The Satchel server at https://satchel.example.org has a problem (HTTP 502). Try again in a minute.');
    expect(describeConnectError(err(429, 'rate_limited', 2_000), url, t)).toBe('Too many attempts. Wait 2 s, then try again.');
  });
});

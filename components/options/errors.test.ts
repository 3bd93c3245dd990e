import { describe, it, expect } from 'vitest';
import { describeError } from './errors';
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
    expect(describeError(err(404, 'not_found'), t)).toMatch(/code may be wrong or expired/);
    expect(describeError(err(404, 'not_found'), t, 'connect')).toMatch(/not like a Satchel server/);
    expect(describeError(err(200, 'bad_response'), t, 'connect')).toMatch(/not like a Satchel server/);
    expect(describeError(err(503, 'unavailable'), t)).toBe('The server had a problem. Try again in a minute.');
  });
  it('other refusals quote the server; thrown errors say what went wrong', () => {
    expect(describeError(err(400, 'invalid_request'), t)).toBe('The server refused this: server says invalid_request');
    expect(describeError(new Error('IndexedDB is closed'), t)).toBe('Something went wrong: IndexedDB is closed. Reload the page and try again.');
  });
});

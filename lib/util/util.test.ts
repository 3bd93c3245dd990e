import { describe, it, expect } from 'vitest';
import { newId } from './uuid';
import { steppingClock } from './clock';
import { ok, err, errorMessage } from './result';
import { safeHttpUrl, hostOf } from './url';
import { relativeTime, absoluteTime } from './time';
import { makeTranslate } from './i18n';

describe('lib/util', () => {
  it('newId gives distinct, increasing UUIDv7 strings', () => {
    const a = newId();
    const b = newId();
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(a[14]).toBe('7');
    expect(a < b).toBe(true);
  });

  it('steppingClock advances per read', () => {
    const c = steppingClock(100, 5);
    expect([c(), c(), c()]).toEqual([100, 105, 110]);
  });

  it('result helpers', () => {
    expect(ok(1)).toEqual({ ok: true, value: 1 });
    expect(err('no')).toEqual({ ok: false, error: 'no' });
    expect(errorMessage(new Error('x'))).toBe('x');
    expect(errorMessage(3)).toBe('3');
  });

  it('safeHttpUrl only lets http(s) through', () => {
    expect(safeHttpUrl('https://x.com/a')).toBe('https://x.com/a');
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl('data:text/html,hi')).toBeNull();
    expect(safeHttpUrl('/relative')).toBeNull();
    expect(safeHttpUrl(null)).toBeNull();
    expect(hostOf('https://www.example.org/x')).toBe('example.org');
  });

  it('relative and absolute time', () => {
    const now = Date.UTC(2026, 11, 1, 12);
    expect(relativeTime(now - 5 * 60_000, now, 'en')).toBe('5 minutes ago');
    expect(relativeTime(now - 24 * 3600_000, now, 'en')).toBe('yesterday');
    expect(relativeTime(now - 10_000, now, 'en')).toBe('now');
    expect(absoluteTime(now, 'en')).toMatch(/2026/);
  });

  it('makeTranslate falls back to the bundled file, then the key', () => {
    const t = makeTranslate(() => { throw new Error('no i18n'); }, { hello: { message: 'Hello' } });
    expect(t('hello')).toBe('Hello');
    expect(t('missing')).toBe('missing');
    expect(makeTranslate((k) => (k === 'hello' ? 'Hallo' : ''), { hello: { message: 'Hello' } })('hello')).toBe('Hallo');
  });
});

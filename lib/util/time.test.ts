import { describe, it, expect } from 'vitest';
import { absoluteTime, friendlyTime, RECENT_MS } from './time';

const now = Date.UTC(2026, 11, 7, 12, 0, 0);

describe('friendlyTime: one format for people, relative when recent (issue 12)', () => {
  it('reads "this minute" under a minute, so it fits in a sentence', () => {
    expect(friendlyTime(now - 20_000, now, 'en')).toBe('this minute');
  });
  it('reads relative within a week, either side of now', () => {
    expect(friendlyTime(now - 5 * 60_000, now, 'en')).toBe('5 minutes ago');
    expect(friendlyTime(now - 26 * 3600_000, now, 'en')).toBe('yesterday');
    expect(friendlyTime(now + 2 * 86_400_000, now, 'en')).toBe('in 2 days');
  });
  it('reads the absolute date and time from a week on', () => {
    const old = now - RECENT_MS - 1;
    expect(friendlyTime(old, now, 'en')).toBe(absoluteTime(old, 'en'));
    expect(absoluteTime(old, 'en')).toMatch(/^Nov (29|30), 2026, \d{1,2}:\d{2}\s?[AP]M$/);
  });
});

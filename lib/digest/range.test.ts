import { describe, expect, it } from 'vitest';
import { localDay, periodRange } from './range';

// Wednesday 2026-12-09 15:30 local time.
const NOW = new Date(2026, 11, 9, 15, 30).getTime();

describe('periodRange (docs/discussion.md "Digest")', () => {
  it('this week and last week start on Monday at local midnight and last seven days', () => {
    expect(periodRange({ kind: 'this-week' }, NOW)).toEqual({ from: new Date(2026, 11, 7).getTime(), to: new Date(2026, 11, 14).getTime() });
    expect(periodRange({ kind: 'last-week' }, NOW)).toEqual({ from: new Date(2026, 10, 30).getTime(), to: new Date(2026, 11, 7).getTime() });
    const sunday = new Date(2026, 11, 13, 23, 59).getTime();
    expect(periodRange({ kind: 'this-week' }, sunday)!.from).toBe(new Date(2026, 11, 7).getTime());
  });

  it('custom days include the last day; bad or reversed days and more than a year are refused', () => {
    expect(periodRange({ kind: 'custom', firstDay: '2026-12-01', lastDay: '2026-12-01' }, NOW)).toEqual({ from: new Date(2026, 11, 1).getTime(), to: new Date(2026, 11, 2).getTime() });
    expect(periodRange({ kind: 'custom', firstDay: '2026-12-05', lastDay: '2026-12-01' }, NOW)).toBeNull();
    expect(periodRange({ kind: 'custom', firstDay: '2026-02-30', lastDay: '2026-03-01' }, NOW)).toBeNull();
    expect(periodRange({ kind: 'custom', firstDay: 'yesterday', lastDay: '2026-03-01' }, NOW)).toBeNull();
    expect(periodRange({ kind: 'custom', firstDay: '2025-01-01', lastDay: '2026-12-01' }, NOW)).toBeNull();
  });

  it('localDay is the YYYY-MM-DD of a date input', () => {
    expect(localDay(NOW)).toBe('2026-12-09');
  });
});

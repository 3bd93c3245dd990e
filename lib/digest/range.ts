/**
 * The periods the digest view offers (docs/discussion.md "Digest"): this week, last week (weeks start
 * on Monday, local time) or custom days. A period is `[from, to)` in epoch ms, as `DigestQuery` wants.
 */
import { MAX_DIGEST_RANGE_MS } from '../schema/digest';

/** What the learner picked: a preset week, or custom first and last days (`YYYY-MM-DD`, local, inclusive). */
export type DigestPeriod = { kind: 'this-week' } | { kind: 'last-week' } | { kind: 'custom'; firstDay: string; lastDay: string };

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Local midnight of `YYYY-MM-DD`, or null when it is not a real date. */
function localMidnight(day: string): number | null {
  const m = DAY_RE.exec(day);
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return d.getFullYear() === Number(m[1]) && d.getMonth() === Number(m[2]) - 1 && d.getDate() === Number(m[3]) ? d.getTime() : null;
}

/** Local midnight of the Monday of the week holding `now` (epoch ms). */
function mondayOf(now: number): Date {
  const d = new Date(now);
  d.setHours(0, 0, 0, 0);
  d.setDate(d.getDate() - ((d.getDay() + 6) % 7));
  return d;
}

/**
 * `[from, to)` of `period` as seen at `now` (epoch ms; weeks by local calendar days, so a week across a
 * daylight-saving change is 167 or 169 hours). Null for custom days that are not dates, a last day
 * before the first, or a period longer than the server allows (MAX_DIGEST_RANGE_MS).
 */
export function periodRange(period: DigestPeriod, now: number): { from: number; to: number } | null {
  if (period.kind === 'custom') {
    const from = localMidnight(period.firstDay);
    const last = localMidnight(period.lastDay);
    if (from === null || last === null || last < from) return null;
    const end = new Date(last);
    end.setDate(end.getDate() + 1);
    const to = end.getTime();
    return to - from <= MAX_DIGEST_RANGE_MS ? { from, to } : null;
  }
  const start = mondayOf(now);
  if (period.kind === 'last-week') start.setDate(start.getDate() - 7);
  const end = new Date(start);
  end.setDate(end.getDate() + 7);
  return { from: start.getTime(), to: end.getTime() };
}

/** `YYYY-MM-DD` of `ms` in local time (for a date input's value). */
export function localDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

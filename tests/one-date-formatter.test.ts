// @vitest-environment node
/**
 * Issue 12 "Mixed date formats" ("12/7/2026, 12:38:57 AM" beside "Dec 7, 2026, 12:38 AM"): every
 * date or time people read is formatted by lib/util/time.ts (relativeTime, absoluteTime,
 * friendlyTime, dateRange). This test fails when a UI file (components/, the extension pages and
 * content scripts in entrypoints/, and lib/digest, whose text people read) formats a date itself.
 * `toISOString()` is machine format: allowed in a `<time dateTime>` attribute and in the files
 * listed in {@link MACHINE_ISO} (downloaded files and their names), nowhere else in UI code.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..');
const UI_DIRS = ['components', 'entrypoints', 'lib/digest'];
const FORMATTER = 'lib/util/time.ts';

/** UI files that write ISO times into a file for machines (not shown), with why. */
const MACHINE_ISO: Record<string, string> = {
  'components/options/RefusedChanges.tsx': 'the "Download as JSON" file of refused changes and its dated file name',
  'entrypoints/library/transfer-data.ts': 'the dated file name of an export',
};

/** Ways of formatting a date other than lib/util/time.ts, each with what to use instead. */
const RULES: Array<{ re: RegExp; what: string }> = [
  { re: /\bIntl\s*\.\s*(DateTimeFormat|RelativeTimeFormat)\b/, what: 'an Intl date formatter' },
  { re: /\.toLocale(Date|Time)String\s*\(/, what: 'toLocaleDateString/toLocaleTimeString' },
  { re: /\.to(UTC|GMT|Date|Time)String\s*\(/, what: 'a Date to*String method' },
  // toLocaleString is also the number formatter (counts): only a Date's is refused.
  { re: /(new Date\([^)]*\)|\b(?:\w+Date|date)\b)\s*\.toLocaleString\s*\(/, what: 'Date#toLocaleString' },
];

/** Source without comments, so prose about formatters does not count. */
const code = (src: string) => src.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

/** The date-formatting problems of one file's source, as "path:line: what" strings. */
export function problemsOf(path: string, src: string): string[] {
  if (path === FORMATTER) return [];
  const out: string[] = [];
  code(src).split('\n').forEach((line, i) => {
    for (const r of RULES) if (r.re.test(line)) out.push(`${path}:${i + 1}: ${r.what}; use lib/util/time.ts (friendlyTime, absoluteTime, relativeTime, dateRange)`);
    if (/\.toISOString\s*\(/.test(line) && !/dateTime=\{/.test(line) && !MACHINE_ISO[path]) {
      out.push(`${path}:${i + 1}: toISOString() shown to people; use lib/util/time.ts, or put it in a <time dateTime> attribute`);
    }
  });
  return out;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return walk(p);
    return /\.tsx?$/.test(n) && !/\.(test|spec)\.tsx?$/.test(n) ? [p] : [];
  });
}

describe('one date formatter (issue 12)', () => {
  it('the check itself: catches each way of formatting a date, and leaves numbers and dateTime alone', () => {
    expect(problemsOf('components/X.tsx', 'const s = new Date(ms).toLocaleString();')).toHaveLength(1);
    expect(problemsOf('components/X.tsx', 'd.toLocaleDateString(locale)')).toHaveLength(1);
    expect(problemsOf('components/X.tsx', 'const f = new Intl.DateTimeFormat(locale, {});')).toHaveLength(1);
    expect(problemsOf('components/X.tsx', '<span>{new Date(ms).toISOString()}</span>')).toHaveLength(1);
    expect(problemsOf('components/X.tsx', 'lastDate.toLocaleString(locale)')).toHaveLength(1);
    expect(problemsOf('components/X.tsx', '<span class="count">{n.toLocaleString(locale)}</span>')).toEqual([]);
    expect(problemsOf('components/X.tsx', '<dd>{r.updated.toLocaleString(locale)}</dd>')).toEqual([]);
    expect(problemsOf('components/X.tsx', '<time dateTime={new Date(ms).toISOString()}>{friendlyTime(ms, now)}</time>')).toEqual([]);
    expect(problemsOf('components/X.tsx', '// an Intl.DateTimeFormat per call was slow')).toEqual([]);
    expect(problemsOf(FORMATTER, 'new Intl.DateTimeFormat(locale)')).toEqual([]);
  });

  it('no UI file formats a date outside lib/util/time.ts', () => {
    const files = UI_DIRS.flatMap((d) => walk(join(ROOT, d)));
    expect(files.length).toBeGreaterThan(50);
    const problems = files.flatMap((f) => {
      const path = relative(ROOT, f).split('\\').join('/');
      return problemsOf(path, readFileSync(f, 'utf8'));
    });
    expect(problems).toEqual([]);
  });

  it('every machine-ISO exception still exists and still needs it', () => {
    for (const path of Object.keys(MACHINE_ISO)) expect(readFileSync(join(ROOT, path), 'utf8'), path).toMatch(/\.toISOString\(/);
  });
});

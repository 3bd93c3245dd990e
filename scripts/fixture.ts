/**
 * `npm run fixture -- <sample.html> [--name <variant-tags>] [--out <fixtures-dir>]`: turns a
 * "Report this page" sample (docs/reporting-a-page.md) into a test fixture. Reads the sample's
 * leading comment for the site, the page URL shape and the capture date, and writes
 * `<fixtures-dir>/<site>/<site>-<YYYY-MM>_<page-kind>_<tags>__reported.html` (the sample as it is,
 * its comment kept as provenance) and a DRAFT `<same>.expected.json` made by the current extractor
 * (the format tests/sites.fixtures.test.ts reads: `url`, `posts` with a draft or `{ "refused" }`
 * per post, `thread` when the page shows one). A person must check the expected values by hand:
 * the extractor may be what broke. Never overwrites. Exit codes: 0 written, 2 usage or refused.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSDOM } from 'jsdom';
import { ADAPTERS } from '../lib/sites';
import { ExtractError } from '../lib/sites/types';
import { parseReportHeader } from '../lib/report/header';

/** Default output: the fixture corpus of the generic runner. */
export const FIXTURES_DIR = resolve(import.meta.dirname, '..', 'tests', 'fixtures');

export interface FixtureRun {
  code: 0 | 2;
  stdout: string;
  stderr: string;
  /** Paths written (html, json), when code is 0. */
  written: string[];
}

const USAGE = 'usage: npm run fixture -- <sample.html> [--name <variant-tags>] [--out <fixtures-dir>]\n';

/** Variant tags as a file-name part: lower case, words joined by `-`, tags by `_` (e.g. `quote_video-card`). */
export function tagsOf(raw: string | undefined): string {
  const tags = (raw ?? 'post')
    .toLowerCase()
    .split(/[_,\s]+/)
    .map((t) => t.replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, ''))
    .filter(Boolean);
  return tags.length ? tags.join('_') : 'post';
}

/** Runs the command on argv (without node and script). Reads the sample, writes two files, prints what it did. */
export function runFixture(argv: string[]): FixtureRun {
  const fail = (msg: string): FixtureRun => ({ code: 2, stdout: '', stderr: msg, written: [] });
  const opt = (name: string) => {
    const at = argv.indexOf(name);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const valued = new Set(['--name', '--out'].flatMap((n) => (argv.includes(n) ? [argv.indexOf(n) + 1] : [])));
  const file = argv.find((a, i) => !a.startsWith('--') && !valued.has(i));
  if (!file || argv.some((a, i) => a.startsWith('--') && !['--name', '--out'].includes(a) && !valued.has(i))) return fail(USAGE);

  let html: string;
  try {
    html = readFileSync(file, 'utf8');
  } catch (e) {
    return fail(`cannot read ${file}: ${(e as Error).message}\n`);
  }
  const header = parseReportHeader(html);
  if (!header) return fail(`${file} is not a Satchel report: it does not start with the "Satchel report: anonymised by Satchel" comment\n`);
  const adapter = ADAPTERS.find((a) => a.id === header.site);
  if (!adapter) return fail(`${file}: unknown site "${header.site}" (known: ${ADAPTERS.map((a) => a.id).join(', ')})\n`);
  if (!adapter.isSupportedPage(header.pageUrl)) return fail(`${file}: the ${adapter.id} adapter does not read pages like ${header.pageUrl}\n`);
  if (!/^\d{4}-\d{2}/.test(header.capturedAt)) return fail(`${file}: capture date "${header.capturedAt}" is not YYYY-MM-DD\n`);

  const name = `${header.site}-${header.capturedAt.slice(0, 7)}_${tagsOf(header.pageKind)}_${tagsOf(opt('--name'))}__reported`;
  const dir = join(resolve(opt('--out') ?? FIXTURES_DIR), header.site);
  const htmlPath = join(dir, `${name}.html`);
  const jsonPath = join(dir, `${name}.expected.json`);
  const taken = [htmlPath, jsonPath].filter((p) => existsSync(p));
  if (taken.length) return fail(`refusing to overwrite ${taken.join(' and ')}: pass another --name\n`);

  // The draft expectation, exactly what the generic runner checks (tests/sites.fixtures.test.ts).
  const document = new JSDOM(html, { url: header.pageUrl }).window.document;
  // The sample's relative times ("5d") were shown on its capture day; the fixture pins that read
  // time (noon UTC of that day) so its expected facts do not drift as days pass.
  const day = /^\d{4}-\d{2}-\d{2}/.test(header.capturedAt) ? header.capturedAt.slice(0, 10) : `${header.capturedAt.slice(0, 7)}-01`;
  const now = `${day}T12:00:00.000Z`;
  const ctx = { document, url: header.pageUrl, now: Date.parse(now) };
  const roots = adapter.findPosts(document);
  const warnings: string[] = [];
  const posts = roots.map((el, i) => {
    try {
      return adapter.extract(el, ctx) as unknown as Record<string, unknown>;
    } catch (e) {
      if (!(e instanceof ExtractError)) warnings.push(`post ${i}: not an ExtractError (a bug?): ${(e as Error).message}`);
      return { refused: (e as Error).message };
    }
  });
  const expected: Record<string, unknown> = { url: header.pageUrl, now, posts };
  const thread = roots[0] && adapter.extractThread ? safe(() => adapter.extractThread!(roots[0]!, ctx)) : null;
  if (thread && thread.thread.length > 1) expected.thread = thread;
  for (const other of ADAPTERS.filter((a) => a !== adapter)) {
    const n = other.findPosts(document).length;
    if (n) warnings.push(`the ${other.id} adapter also finds ${n} post(s) here; the runner expects none`);
  }
  if (roots.length === 0) warnings.push(`the ${adapter.id} adapter finds no post in this sample: that may be the change to fix`);

  mkdirSync(dir, { recursive: true });
  writeFileSync(htmlPath, html.endsWith('\n') ? html : `${html}\n`);
  writeFileSync(jsonPath, `${JSON.stringify(expected, null, 2)}\n`);
  const shown = (p: string) => relative(process.cwd(), p) || p;
  const refused = posts.filter((p) => 'refused' in p).length;
  const stdout = [
    `wrote ${shown(htmlPath)}`,
    `wrote ${shown(jsonPath)} (DRAFT: ${posts.length} post(s), ${refused} refused${expected.thread ? ', a thread' : ''})`,
    '',
    'Now check the expected values BY HAND against the sample: they come from the current extractor,',
    'which may be exactly what the site change broke (author, text, ids, dates, media, refusals).',
    'Fix them to what the page shows, trim facts you cannot vouch for, add a line to',
    `tests/fixtures/${header.site}/PROVENANCE.md, then run: npx vitest run tests/sites.fixtures.test.ts`,
    '',
  ].join('\n');
  return { code: 0, stdout, stderr: warnings.map((w) => `warning: ${w}\n`).join(''), written: [htmlPath, jsonPath] };
}

function safe<T>(fn: () => T): T | null {
  try {
    return fn();
  } catch {
    return null;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = runFixture(process.argv.slice(2));
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  process.exitCode = r.code;
}

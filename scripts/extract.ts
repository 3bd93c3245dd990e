/**
 * `npm run extract -- <file.html> [--url <page-url>]`: prints, as JSON, the array of CaptureDrafts
 * the matching site adapter finds in a saved page, in document order. How fixtures are authored
 * and checked. Posts that cannot be read are reported on stderr with their index and reason
 * (never printed as half-empty drafts).
 *
 * The page URL picks the adapter. Without `--url` it is taken, in this order, from a
 * `<name>.expected.json` beside the file (its `url`, the fixture format of tests/sites.fixtures.test.ts),
 * the file's "Satchel report" header comment (`page:`, lib/report/header.ts), or the
 * `<!-- saved from url=(NNNN)… -->` comment a browser's "Save page as" writes; stderr says which.
 * When the file names no URL, stderr names the site its markup looks like (the adapter that finds
 * the most posts in it) with an example `--url` for that site.
 *
 * Exit codes: 0 ok, 1 some posts refused, 2 usage or unreadable file / unsupported URL / no URL.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSDOM } from 'jsdom';
import { ADAPTERS, adapterForUrl, SITE_META, type SiteAdapter, type SiteId } from '../lib/sites';
import type { CaptureDraft } from '../lib/schema';
import { parseReportHeader } from '../lib/report/header';

export interface ExtractRun {
  code: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

const USAGE = 'usage: npm run extract -- <file.html> [--url <page-url>]\n';

/** A page URL of each site to suggest with `--url` (the feed or home timeline; any page of the site where posts appear works). */
export const EXAMPLE_URLS: Readonly<Record<SiteId, string>> = {
  linkedin: 'https://www.linkedin.com/feed/',
  x: 'https://x.com/home',
  yammer: 'https://engage.cloud.microsoft/main/feed',
};

/** A page URL the file names itself, and where it was found (for the stderr note). */
export interface NamedUrl {
  url: string;
  /** E.g. `foo.expected.json`, `its Satchel report header`. */
  from: string;
}

/** `file`'s `<name>.expected.json` `url`, when that file exists and has one. */
function expectationUrl(file: string): NamedUrl | null {
  const json = `${file.replace(/\.html?$/i, '')}.expected.json`;
  if (json === file || !existsSync(json)) return null;
  try {
    const url = (JSON.parse(readFileSync(json, 'utf8')) as { url?: unknown }).url;
    return typeof url === 'string' && url ? { url, from: basename(json) } : null;
  } catch {
    return null;
  }
}

/**
 * The page URL `file` names: its `.expected.json` beside it, its Satchel report header, or its
 * browser "saved from url" comment (in that order); null when it names none. Reads only the sibling
 * `.expected.json` (html is the file's text).
 */
export function namedUrl(file: string, html: string): NamedUrl | null {
  const fromJson = expectationUrl(file);
  if (fromJson) return fromJson;
  const report = parseReportHeader(html);
  if (report) return { url: report.pageUrl, from: 'its Satchel report header' };
  const saved = /^\uFEFF?\s*(?:<!doctype[^>]*>\s*)?<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(html);
  if (saved) return { url: saved[1]!, from: 'its "saved from url" comment' };
  return null;
}

/** The site whose adapter finds the most posts in `html` (with the count), or null when none finds any. */
export function guessSite(html: string): { site: SiteId; posts: number } | null {
  let best: { site: SiteId; posts: number } | null = null;
  for (const adapter of ADAPTERS) {
    const document = new JSDOM(html, { url: EXAMPLE_URLS[adapter.id] }).window.document;
    const posts = adapter.findPosts(document).length;
    if (posts > (best?.posts ?? 0)) best = { site: adapter.id, posts };
  }
  return best;
}

/** What to tell a user who gave no `--url` for a file that names none. */
function noUrlHelp(file: string, html: string): string {
  const lines = [`${file} does not say which page it is (no ${basename(file).replace(/\.html?$/i, '')}.expected.json beside it, no Satchel report or "saved from url" comment), so pass --url.`];
  const guess = guessSite(html);
  if (guess) {
    const { name } = SITE_META[guess.site];
    lines.push(`Its markup looks like ${name} (the ${guess.site} adapter finds ${guess.posts} post${guess.posts === 1 ? '' : 's'} in it). For example:`);
    lines.push(`  npm run extract -- ${file} --url ${EXAMPLE_URLS[guess.site]}`);
  } else {
    lines.push('No site adapter finds a post in its markup. Example URLs:');
    for (const a of ADAPTERS) lines.push(`  ${SITE_META[a.id].name}: --url ${EXAMPLE_URLS[a.id]}`);
  }
  return `${lines.join('\n')}\n${USAGE}`;
}

/** The drafts `adapter` reads from `html` at `url`, and one line per refused post. */
function extractAll(adapter: SiteAdapter, html: string, url: string): { drafts: CaptureDraft[]; errors: string[] } {
  const document = new JSDOM(html, { url }).window.document;
  const drafts: CaptureDraft[] = [];
  const errors: string[] = [];
  adapter.findPosts(document).forEach((el, i) => {
    try {
      drafts.push(adapter.extract(el, { document, url }));
    } catch (e) {
      errors.push(`post ${i}: ${(e as Error).message}`);
    }
  });
  return { drafts, errors };
}

/** Runs the command on argv (without node and script). Pure apart from reading the file and its `.expected.json`. */
export function runExtract(argv: string[]): ExtractRun {
  const urlAt = argv.indexOf('--url');
  const file = argv.find((a, i) => !a.startsWith('--') && (urlAt < 0 || i !== urlAt + 1));
  if (!file || (urlAt >= 0 && !argv[urlAt + 1])) return { code: 2, stdout: '', stderr: USAGE };
  let html: string;
  try {
    html = readFileSync(file, 'utf8');
  } catch (e) {
    return { code: 2, stdout: '', stderr: `cannot read ${file}: ${(e as Error).message}\n` };
  }
  if (html.includes('\u0000')) return { code: 2, stdout: '', stderr: `${file} is not an HTML text file\n` };
  let url = urlAt >= 0 ? argv[urlAt + 1]! : undefined;
  let note = '';
  if (!url) {
    const named = namedUrl(file, html);
    if (!named) return { code: 2, stdout: '', stderr: noUrlHelp(file, html) };
    url = named.url;
    note = `using --url ${url} (from ${named.from})\n`;
  }
  let adapter: SiteAdapter | null;
  try {
    adapter = adapterForUrl(url);
  } catch {
    adapter = null;
  }
  if (!adapter) return { code: 2, stdout: '', stderr: `${note}no site adapter for ${url} (supported: ${ADAPTERS.map((a) => SITE_META[a.id].name).join(', ')})\n` };
  const { drafts, errors } = extractAll(adapter, html, url);
  return { code: errors.length ? 1 : 0, stdout: `${JSON.stringify(drafts, null, 2)}\n`, stderr: note + errors.map((e) => `${e}\n`).join('') };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = runExtract(process.argv.slice(2));
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  process.exitCode = r.code;
}

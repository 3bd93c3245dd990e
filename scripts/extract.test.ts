import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXAMPLE_URLS, runExtract } from './extract';
import { listFixtures, type Fixture } from '../tests/helpers/load-fixture';
import { ADAPTERS, adapterForUrl, SITE_META } from '../lib/sites';
import { formatReportHeader } from '../lib/report/header';

/** A fixture with an expectation whose posts all extract (none refused), optionally of one site and URL. */
function readableFixture(where: (f: Fixture) => boolean = () => true): Fixture {
  const fx = listFixtures().find((f) => f.expected && f.expected.posts.length > 0 && f.expected.posts.every((p) => !('refused' in p)) && where(f));
  expect(fx, 'needs a fixture with readable posts').toBeDefined();
  return fx!;
}

/** Writes `html` as `<name>.html` in a fresh temp dir (no .expected.json beside it) and returns its path. */
function tempPage(html: string, name = 'page'): string {
  const path = join(mkdtempSync(join(tmpdir(), 'extract-')), `${name}.html`);
  writeFileSync(path, html);
  return path;
}

/** The drafts of a run match the fixture's expectation, in order. */
function expectDrafts(stdout: string, fx: Fixture): void {
  const drafts = JSON.parse(stdout) as unknown[];
  expect(drafts).toHaveLength(fx.expected!.posts.length);
  drafts.forEach((d, i) => expect(d).toMatchObject(fx.expected!.posts[i]!));
}

describe('npm run extract', () => {
  it('exits 2 with a message on an unreadable file', () => {
    const r = runExtract(['/no/such/file.html', '--url', 'https://x.com/home']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot read \/no\/such\/file\.html/);
  });
  it('exits 2 with the usage line without a file, or with --url and no value', () => {
    for (const argv of [[], ['--url', 'https://x.com/home'], [tempPage('<p>hi</p>'), '--url']]) {
      const r = runExtract(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toBe('usage: npm run extract -- <file.html> [--url <page-url>]\n');
    }
  });
  it('exits 2 for a page no adapter supports', () => {
    const r = runExtract([tempPage('<p>hi</p>'), '--url', 'https://example.com/']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no site adapter for https:\/\/example\.com\/ \(supported: LinkedIn, X, Viva Engage\)/);
  });
  it('prints the drafts of a fixture in document order, matching its expectation', () => {
    const fx = readableFixture();
    const r = runExtract([fx.htmlPath, '--url', fx.expected!.url]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expectDrafts(r.stdout, fx);
  });
});

describe('npm run extract without --url', () => {
  it('takes the URL of the .expected.json beside the file, and says so', () => {
    const fx = readableFixture();
    const r = runExtract([fx.htmlPath]);
    expect(r.stderr).toBe(`using --url ${fx.expected!.url} (from ${fx.name}.expected.json)\n`);
    expect(r.code).toBe(0);
    expectDrafts(r.stdout, fx);
  });
  it('takes the page of a "Report this page" sample from its header comment', () => {
    const fx = readableFixture((f) => f.site === 'x' && f.expected!.url === 'https://x.com/home');
    const header = formatReportHeader({ site: 'x', pageUrl: 'https://x.com/home', pageKind: 'timeline', capturedAt: '2026-12-01' });
    const r = runExtract([tempPage(`${header}\n${fx.html}`, 'satchel-report-x-2026-12-01')]);
    expect(r.stderr).toBe('using --url https://x.com/home (from its Satchel report header)\n');
    expect(r.code).toBe(0);
    expectDrafts(r.stdout, fx);
  });
  it('takes the URL of the comment a browser\'s "Save page as" writes', () => {
    const fx = readableFixture((f) => f.site === 'linkedin' && f.expected!.url === 'https://www.linkedin.com/feed/');
    const r = runExtract([tempPage(`<!DOCTYPE html>\n<!-- saved from url=(0030)https://www.linkedin.com/feed/ -->\n${fx.html}`)]);
    expect(r.stderr).toBe('using --url https://www.linkedin.com/feed/ (from its "saved from url" comment)\n');
    expect(r.code).toBe(0);
    expectDrafts(r.stdout, fx);
  });
  it('a named URL no adapter supports is reported with where it came from', () => {
    const r = runExtract([tempPage('<!-- saved from url=(0020)https://example.com/ -->\n<p>hi</p>')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('using --url https://example.com/ (from its "saved from url" comment)\nno site adapter for https://example.com/ (supported: LinkedIn, X, Viva Engage)\n');
  });
  it.each(ADAPTERS.map((a) => a.id))('a %s page that names no URL: exit 2, the site its markup looks like and an example --url', (site) => {
    const fx = readableFixture((f) => f.site === site);
    const file = tempPage(fx.html, fx.name);
    const r = runExtract([file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${file} does not say which page it is (no ${fx.name}.expected.json beside it, no Satchel report or "saved from url" comment), so pass --url.`);
    expect(r.stderr).toMatch(new RegExp(`Its markup looks like ${SITE_META[site].name} \\(the ${site} adapter finds \\d+ posts?`));
    expect(r.stderr).toContain(`  npm run extract -- ${file} --url ${EXAMPLE_URLS[site]}\n`);
    expect(r.stderr.endsWith('usage: npm run extract -- <file.html> [--url <page-url>]\n')).toBe(true);
  });
  it('markup no adapter reads: exit 2, an example URL for every site', () => {
    const r = runExtract([tempPage('<main><p>hi</p></main>')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('No site adapter finds a post in its markup. Example URLs:\n');
    for (const a of ADAPTERS) expect(r.stderr).toContain(`  ${SITE_META[a.id].name}: --url ${EXAMPLE_URLS[a.id]}\n`);
  });
});

describe('EXAMPLE_URLS', () => {
  it('every example URL is a page its own adapter reads', () => {
    for (const a of ADAPTERS) expect(adapterForUrl(EXAMPLE_URLS[a.id])?.id, a.id).toBe(a.id);
  });
});

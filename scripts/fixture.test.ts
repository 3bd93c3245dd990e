// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import { runFixture, tagsOf } from './fixture';
import { anonymise } from '../lib/report/anonymise';
import { ADAPTERS } from '../lib/sites';
import { ExtractError } from '../lib/sites/types';
import { listFixtures, loadDocument } from '../tests/helpers/load-fixture';

/** A report sample of one post of fixture `name`, written to a temp dir (what "Save as file" gives). */
function reportOf(name: string, postIndex = 0): { sample: string; out: string } {
  const fx = listFixtures().find((f) => f.name === name)!;
  const doc = loadDocument(fx.html, fx.expected!.url);
  const adapter = ADAPTERS.find((a) => a.id === fx.site)!;
  const root = adapter.findPosts(doc)[postIndex]!;
  const s = anonymise(root, { site: fx.site, pageUrl: fx.expected!.url, now: new Date('2026-11-30T09:00:00Z'), seed: 4 });
  const dir = mkdtempSync(join(tmpdir(), 'satchel-fixture-'));
  const sample = join(dir, 'satchel-report-x-2026-11-30.html');
  writeFileSync(sample, s.html);
  return { sample, out: join(dir, 'fixtures') };
}

describe('npm run fixture', () => {
  it('writes <site>-<YYYY-MM>_<page-kind>_<tags>__reported.html and a draft .expected.json the fixture runner accepts', () => {
    const { sample, out } = reportOf('x-2025-10_timeline_quote_quoted-has-video__tweetyoink');
    const r = runFixture([sample, '--name', 'quote video', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const base = 'x-2026-11_timeline_quote_video__reported';
    expect(readdirSync(join(out, 'x')).sort()).toEqual([`${base}.expected.json`, `${base}.html`]);
    expect(r.stdout).toContain(`${base}.html`);
    expect(r.stdout).toMatch(/check the expected values BY HAND/);

    // The same checks as tests/sites.fixtures.test.ts, on the new pair.
    const html = readFileSync(join(out, 'x', `${base}.html`), 'utf8');
    expect(html).toBe(readFileSync(sample, 'utf8'));
    const exp = JSON.parse(readFileSync(join(out, 'x', `${base}.expected.json`), 'utf8'));
    expect(exp.url).toMatch(/^https:\/\/x\.com\/home$/);
    const x = ADAPTERS.find((a) => a.id === 'x')!;
    expect(x.isSupportedPage(exp.url)).toBe(true);
    const document = loadDocument(html, exp.url);
    const posts = x.findPosts(document);
    expect(posts.length).toBe(exp.posts.length);
    expect(exp.posts.length).toBe(1);
    posts.forEach((el, i) => expect(x.extract(el, { document, url: exp.url })).toMatchObject(exp.posts[i]));
    for (const other of ADAPTERS.filter((a) => a.id !== 'x')) expect(other.findPosts(document)).toHaveLength(0);
  });

  it('npm run fixture: a sample of a post of the real SDUI feed becomes a fixture pair whose draft is exactly what the extractor reads from the sample', () => {
    const name = 'linkedin-2026-05_sdui-home-feed_8-items_no-ids';
    const original = listFixtures().find((f) => f.name === name)!;
    const { sample, out } = reportOf(name, 3);
    // The command as the docs give it (docs/reporting-a-page.md), in its own process.
    const repo = resolve(import.meta.dirname, '..');
    const stdout = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/fixture.ts', sample, '--name', 'sdui video', '--out', out], { cwd: repo, encoding: 'utf8' });
    const base = 'linkedin-2026-11_feed_sdui_video__reported';
    expect(stdout).toContain(`${base}.expected.json (DRAFT: 1 post(s), 0 refused)`);
    expect(readdirSync(join(out, 'linkedin')).sort()).toEqual([`${base}.expected.json`, `${base}.html`]);

    const html = readFileSync(join(out, 'linkedin', `${base}.html`), 'utf8');
    expect(html).toBe(readFileSync(sample, 'utf8'));
    const exp = JSON.parse(readFileSync(join(out, 'linkedin', `${base}.expected.json`), 'utf8'));
    const li = ADAPTERS.find((a) => a.id === 'linkedin')!;
    const document = loadDocument(html, exp.url);
    const [root, ...more] = li.findPosts(document);
    expect(more).toEqual([]);
    // Exactly the draft the extractor reads from the sample (no field added, lost or changed on the way).
    expect(exp.posts).toEqual([JSON.parse(JSON.stringify(li.extract(root!, { document, url: exp.url })))]);
    // And the sample still says what the original post said in shape: its real id decoded (a new one), its parts.
    const first = loadDocument(original.html, original.expected!.url);
    const before = li.extract(li.findPosts(first)[3]!, { document: first, url: original.expected!.url });
    const after = exp.posts[0];
    expect(after.postId).toMatch(/^urn:li:(activity|ugcPost):\d{19}$/);
    expect(after.postId).not.toBe(before.postId);
    expect(after.postId.split(':').slice(0, 3)).toEqual(before.postId.split(':').slice(0, 3));
    expect(after.author.name).not.toBe(before.author!.name);
    expect(after.text.length).toBeGreaterThan(0);
    expect(after.text).not.toBe(before.text);
    expect(after.media.map((m: { kind: string }) => m.kind)).toEqual(before.media.map((m) => m.kind));
    // The id encodes the time: the anonymiser keeps it to the second (docs/reporting-a-page.md).
    expect(after.postedAt.slice(0, 19)).toBe(before.postedAt!.slice(0, 19));
  });

  it('records refused posts as { refused } with the extractor\'s message', () => {
    const { sample, out } = reportOf('x-2026-11_timeline_refused_empty-post_no-author_no-id__synthetic', 1);
    const r = runFixture([sample, '--out', out]);
    expect(r.code).toBe(0);
    const exp = JSON.parse(readFileSync(join(out, 'x', 'x-2026-11_timeline_post__reported.expected.json'), 'utf8'));
    expect(exp.posts).toHaveLength(1);
    expect(exp.posts[0].refused).toEqual(expect.any(String));
    const document = new JSDOM(readFileSync(sample, 'utf8'), { url: exp.url }).window.document;
    const x = ADAPTERS.find((a) => a.id === 'x')!;
    expect(() => x.extract(x.findPosts(document)[0]!, { document, url: exp.url })).toThrow(ExtractError);
    expect(() => x.extract(x.findPosts(document)[0]!, { document, url: exp.url })).toThrow(exp.posts[0].refused);
  });

  it('keeps the thread when the page shows one (Viva Engage thread page)', () => {
    const { sample, out } = reportOf('yammer-2026-11_thread-page_nested-replies_show-previous');
    expect(runFixture([sample, '--name', 'nested', '--out', out]).code).toBe(0);
    const exp = JSON.parse(readFileSync(join(out, 'yammer', 'yammer-2026-11_thread-page_nested__reported.expected.json'), 'utf8'));
    expect(exp.posts.length).toBeGreaterThan(1);
    expect(exp.url).toMatch(/^https:\/\/engage\.cloud\.microsoft\/main\/org\/site-a\.example\/threads\/[A-Za-z0-9_-]+$/);
    expect(exp.url).not.toContain('contoso');
    expect(exp.thread.thread.length).toBe(exp.posts.length);
  });

  it('refuses to overwrite', () => {
    const { sample, out } = reportOf('x-2023-11_timeline_poll_finished');
    expect(runFixture([sample, '--out', out]).code).toBe(0);
    const again = runFixture([sample, '--out', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/refusing to overwrite .*x-2026-11_timeline_post__reported\.html/);
  });

  it('refuses a file that is not a Satchel report, and explains its usage', () => {
    const dir = mkdtempSync(join(tmpdir(), 'satchel-fixture-'));
    writeFileSync(join(dir, 'page.html'), '<article data-testid="tweet"></article>');
    const r = runFixture([join(dir, 'page.html'), '--out', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not a Satchel report/);
    expect(runFixture([]).stderr).toMatch(/^usage: npm run fixture/);
    expect(runFixture(['a.html', '--bogus']).code).toBe(2);
    expect(runFixture(['/no/such.html']).stderr).toMatch(/cannot read/);
  });

  it('makes variant tags file-name safe', () => {
    expect(tagsOf('Quote Video, lazy-image')).toBe('quote_video_lazy-image');
    expect(tagsOf('../../etc')).toBe('etc');
    expect(tagsOf(undefined)).toBe('post');
  });
});

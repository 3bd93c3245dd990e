import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runExtract } from './extract';
import { listFixtures } from '../tests/helpers/load-fixture';

describe('npm run extract', () => {
  it('exits 2 with a message on an unreadable file', () => {
    const r = runExtract(['/no/such/file.html', '--url', 'https://x.com/home']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot read \/no\/such\/file\.html/);
  });
  it('exits 2 with the usage line when --url is missing', () => {
    const r = runExtract(['a.html']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/usage: npm run extract/);
  });
  it('exits 2 for a page no adapter supports', () => {
    const dir = mkdtempSync(join(tmpdir(), 'extract-'));
    writeFileSync(join(dir, 'p.html'), '<p>hi</p>');
    const r = runExtract([join(dir, 'p.html'), '--url', 'https://example.com/']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no site adapter for https:\/\/example\.com\//);
  });
  it('prints the drafts of a fixture in document order, matching its expectation', () => {
    const fx = listFixtures().find((f) => f.expected && f.expected.posts.length > 0 && f.expected.posts.every((p) => !('refused' in p)));
    expect(fx, 'needs at least one fixture').toBeDefined();
    const r = runExtract([fx!.htmlPath, '--url', fx!.expected!.url]);
    expect(r.code).toBe(0);
    const drafts = JSON.parse(r.stdout) as unknown[];
    expect(drafts).toHaveLength(fx!.expected!.posts.length);
    drafts.forEach((d, i) => expect(d).toMatchObject(fx!.expected!.posts[i]!));
  });
});

/**
 * `npm run extract -- <file.html> --url <page-url>`: prints, as JSON, the array of CaptureDrafts
 * the matching site adapter finds in a saved page, in document order. How fixtures are authored
 * and checked. Posts that cannot be read are reported on stderr with their index and reason
 * (never printed as half-empty drafts). Exit codes: 0 ok, 1 some posts refused, 2 usage or
 * unreadable file / unsupported URL.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { JSDOM } from 'jsdom';
import { adapterForUrl } from '../lib/sites';
import type { CaptureDraft } from '../lib/schema';

export interface ExtractRun {
  code: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

/** Runs the command on argv (without node and script). Pure apart from reading the file. */
export function runExtract(argv: string[]): ExtractRun {
  const usage = 'usage: npm run extract -- <file.html> --url <page-url>';
  const urlAt = argv.indexOf('--url');
  const url = urlAt >= 0 ? argv[urlAt + 1] : undefined;
  const file = argv.find((a, i) => !a.startsWith('--') && i !== urlAt + 1);
  if (!file || !url) return { code: 2, stdout: '', stderr: `${usage}\n` };
  let html: string;
  try {
    html = readFileSync(file, 'utf8');
  } catch (e) {
    return { code: 2, stdout: '', stderr: `cannot read ${file}: ${(e as Error).message}\n` };
  }
  if (html.includes('\u0000')) return { code: 2, stdout: '', stderr: `${file} is not an HTML text file\n` };
  let adapter;
  try {
    adapter = adapterForUrl(url);
  } catch {
    adapter = null;
  }
  if (!adapter) return { code: 2, stdout: '', stderr: `no site adapter for ${url} (supported: LinkedIn, X, Viva Engage)\n` };
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
  return { code: errors.length ? 1 : 0, stdout: `${JSON.stringify(drafts, null, 2)}\n`, stderr: errors.map((e) => `${e}\n`).join('') };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = runExtract(process.argv.slice(2));
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  process.exitCode = r.code;
}

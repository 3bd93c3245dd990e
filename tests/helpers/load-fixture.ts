import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, basename } from 'node:path';
import { JSDOM } from 'jsdom';

export const FIXTURES_DIR = join(import.meta.dirname, '..', 'fixtures');

/**
 * The expected facts of one fixture (`<name>.expected.json` beside `<name>.html`).
 * `posts[i]` is a deep subset of the i-th CaptureDraft the site's adapter extracts, or
 * `{ "refused": "<message part>" }` when extraction must throw an ExtractError.
 */
export interface FixtureExpectation {
  /** Page URL the fixture was captured at (the document's URL in the test). */
  url: string;
  /**
   * Optional: the time of the read (ISO 8601), passed to the adapter as `ExtractContext.now`, for
   * pages whose facts depend on it (a LinkedIn post without an id dated from its "5d" label).
   */
  now?: string;
  posts: Array<Record<string, unknown>>;
  /** Optional: subset of the draft `extractThread(firstPost)` returns on this page. */
  thread?: Record<string, unknown>;
}

export interface Fixture {
  site: string;
  name: string;
  htmlPath: string;
  html: string;
  expected: FixtureExpectation | null;
}

/** Every `tests/fixtures/<site>/*.html`, with its expectation (null when the JSON is missing). */
export function listFixtures(): Fixture[] {
  const out: Fixture[] = [];
  for (const site of readdirSync(FIXTURES_DIR)) {
    const dir = join(FIXTURES_DIR, site);
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.html')).sort()) {
      const name = basename(f, '.html');
      const expPath = join(dir, `${name}.expected.json`);
      out.push({
        site,
        name,
        htmlPath: join(dir, f),
        html: readFileSync(join(dir, f), 'utf8'),
        expected: existsSync(expPath) ? (JSON.parse(readFileSync(expPath, 'utf8')) as FixtureExpectation) : null,
      });
    }
  }
  return out;
}

/** Parses fixture HTML as a document at `url` (jsdom, no scripts run). */
export function loadDocument(html: string, url: string): Document {
  return new JSDOM(html, { url }).window.document;
}

/** Loads one fixture by site and name. */
export function loadFixture(site: string, name: string): { document: Document; expected: FixtureExpectation } {
  const fx = listFixtures().find((f) => f.site === site && f.name === name);
  if (!fx || !fx.expected) throw new Error(`fixture ${site}/${name} not found or has no .expected.json`);
  return { document: loadDocument(fx.html, fx.expected.url), expected: fx.expected };
}

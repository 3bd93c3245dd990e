import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { LINKEDIN_FEED, readFixtureHtml } from '../../tests/e2e/demo-feeds';

/** Real X post markup (anonymised, read-only), with expected facts in index.json. */
export const SHARED_X_DIR = '/work/shared/fixtures/raw/x';
const SHARED_INDEX = '/work/shared/fixtures/raw/index.json';

/** The timeline URL the feed page is served at (the real host; see docs/decisions/0002). */
export const FEED_URL = 'https://x.com/home';

/** One synthetic feed post: its X status id and its cell markup. */
export interface FeedPost {
  id: string;
  /** Fixture file the markup came from. */
  template: string;
  html: string;
}

interface Template { file: string; id: string; html: string }

let templates: Template[] | null = null;

/**
 * The X timeline fixtures usable as feed posts: every `x/*.html` of the shared raw fixtures except
 * status-page captures (a focal tweet is not a timeline cell), with its main status id from index.json.
 */
export function xTemplates(): Template[] {
  if (templates) return templates;
  if (!existsSync(SHARED_X_DIR) || !existsSync(SHARED_INDEX)) throw new Error(`X fixtures not found in ${SHARED_X_DIR}`);
  const index = JSON.parse(readFileSync(SHARED_INDEX, 'utf8')) as {
    files: Array<{ file: string; facts_extracted_with_notes_selectors: Array<{ main_status_id?: string }> }>;
  };
  const ids = new Map(index.files.map((f) => [f.file.replace(/^x\//, ''), f.facts_extracted_with_notes_selectors[0]?.main_status_id]));
  const out: Template[] = [];
  for (const file of readdirSync(SHARED_X_DIR).filter((f) => f.endsWith('.html') && !f.includes('status-page')).sort()) {
    const id = ids.get(file);
    if (!id) continue;
    let html = readFileSync(join(SHARED_X_DIR, file), 'utf8').replace(/<!--[\s\S]*?-->/g, '').trim();
    // Captured cells are absolutely positioned by X's virtual list; let them flow instead.
    html = html.replace(/(<div data-testid="cellInnerDiv") style="[^"]*"/, '$1');
    if (!html.startsWith('<div data-testid="cellInnerDiv"')) html = `<div data-testid="cellInnerDiv">${html}</div>`;
    out.push({ file, id, html });
  }
  if (out.length === 0) throw new Error(`no X fixtures found in ${SHARED_X_DIR}`);
  templates = out;
  return out;
}

/**
 * `count` distinct X posts, cycling through the fixture templates. Post k keeps its template's
 * status-id timestamp bits and gets k+1 in the low 22 bits, replaced everywhere the id appears
 * (permalink, /analytics, /photo/n links), so every post has its own id and permalink.
 * @param count number of posts (at most 4,194,303)
 * @param offset index of the first post, so several calls can build one feed without id clashes
 */
export function makeXPosts(count: number, offset = 0): FeedPost[] {
  const ts = xTemplates();
  const posts: FeedPost[] = [];
  for (let k = offset; k < offset + count; k++) {
    const t = ts[k % ts.length]!;
    const id = ((BigInt(t.id) & ~0x3fffffn) | BigInt(k + 1)).toString();
    posts.push({ id, template: t.file, html: t.html.split(t.id).join(id) });
  }
  return posts;
}

/** The feed page shell: an X-like home timeline whose `#feed` the benchmark appends cells to. */
export function feedShellHtml(): string {
  return `<!doctype html>
<html lang="en" dir="ltr"><head><meta charset="utf-8"><title>Home / X</title>
<meta name="viewport" content="width=device-width,initial-scale=1"></head>
<body style="margin:0;font-family:sans-serif">
<div id="react-root"><div><main role="main"><div data-testid="primaryColumn" style="max-width:600px">
<section role="region" aria-labelledby="accessible-list-0"><h1 id="accessible-list-0">Your Home Timeline</h1>
<div aria-label="Timeline: Your Home Timeline"><div id="feed" style="position:relative"></div></div>
</section></div></main></div></div>
</body></html>`;
}

/** The LinkedIn feed URL the LinkedIn variant of the feed is served at. */
export const LINKEDIN_FEED_URL = 'https://www.linkedin.com/feed/';

/**
 * `count` distinct LinkedIn feed items, cycling through the three home-feed fixtures: post k gets
 * activity id template id + k + 1 everywhere the id appears, and is wrapped, when the fixture has no
 * feed item of its own, in the `div[data-id][data-finite-scroll-hotkey-item]` list item the feed
 * uses (as the demo feed does, tests/e2e/demo-feeds.ts).
 * @throws Error when the fixtures are missing
 */
export function makeLinkedInPosts(count: number): FeedPost[] {
  const ts = LINKEDIN_FEED.map((t) => {
    const html = readFixtureHtml('linkedin', t.file);
    if (html === null) throw new Error(`LinkedIn fixture not found: ${t.file}`);
    return { ...t, html: closeOpenElements(html.replace(/<!--[\s\S]*?-->/g, '').trim()) };
  });
  const posts: FeedPost[] = [];
  for (let k = 0; k < count; k++) {
    const t = ts[k % ts.length]!;
    const id = (BigInt(t.id) + BigInt(k + 1)).toString();
    let html = t.html.split(t.id).join(id).replace(/\bember(\d+)\b/g, (_m, n: string) => `ember${Number(n) + 100000 * (k + 1)}`);
    if (!html.includes('data-finite-scroll-hotkey-item')) {
      html = `<div data-id="urn:li:activity:${id}" class="relative" data-finite-scroll-hotkey-item="${k}"><div class="ember-view occludable-update">${html}</div></div>`;
    }
    posts.push({ id, template: t.file, html });
  }
  return posts;
}

/**
 * Closes the `div`, `li` and `ul` a trimmed capture leaves open (the 2024-09 fixture ends inside
 * its action bar), so that feed items laid end to end stay siblings instead of nesting.
 */
function closeOpenElements(html: string): string {
  const open = (tag: string) => (html.match(new RegExp(`<${tag}\\b`, 'g'))?.length ?? 0) - (html.match(new RegExp(`</${tag}>`, 'g'))?.length ?? 0);
  let tail = '';
  for (const tag of ['li', 'ul', 'div']) tail += `</${tag}>`.repeat(Math.max(0, open(tag)));
  return html + tail;
}

/** The LinkedIn feed page shell: a home feed whose `#feed` list the benchmark appends items to. */
export function linkedinShellHtml(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Feed | LinkedIn</title></head>
<body style="margin:0;font-family:sans-serif">
<div class="application-outlet"><main class="scaffold-layout__main" aria-label="Main Feed" id="main">
<div class="scaffold-finite-scroll scaffold-finite-scroll--infinite"><div class="scaffold-finite-scroll__content" data-finite-scroll-hotkey-context="FEED">
<div id="feed"></div></div></div></main></div>
</body></html>`;
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { REPO_ROOT, FEED_TOTAL, siteCss, wrapFragment } from '../demo-feeds';
import type { FixtureServer } from '../fixture-server';
import type { ExtensionDb, StoredCapture } from '../fixtures';
import type { FeedPage } from './feed-page';

/** Problems with the controls on the page right now, or 'ok' (for expect.poll). */
export async function controlProblems(feed: FeedPage, expectedPosts?: number): Promise<string> {
  const c = await feed.census();
  const n = expectedPosts ?? c.rendered ?? c.posts;
  const problems: string[] = [];
  if (c.posts !== n) problems.push(`${c.posts} posts in the DOM, expected ${n}`);
  if (c.hosts !== c.posts) problems.push(`${c.hosts} satchel-save hosts for ${c.posts} posts`);
  if (c.distinctIds !== c.posts) problems.push(`${c.distinctIds} distinct data-post-id values for ${c.posts} posts`);
  if (c.wrongCount.length) problems.push(`posts without exactly one control: ${JSON.stringify(c.wrongCount.slice(0, 5))}`);
  if (c.stale.length) problems.push(`controls naming another post: ${JSON.stringify(c.stale.slice(0, 5))}`);
  return problems.join('; ') || 'ok';
}

export async function expectOneControlPerPost(feed: FeedPage, message: string, expectedPosts?: number): Promise<void> {
  await expect.poll(() => controlProblems(feed, expectedPosts), { message, timeout: 15_000 }).toBe('ok');
}

/**
 * Opens a React demo variant (tests/e2e/demo-react/, e.g. `DEMO_URLS.linkedinReact`), waits until
 * React has rendered its `cards` cards and the last one has its control, then checks one control per
 * card. `timeout` (ms) bounds each of the first two waits: extension start-up and the first scan on a
 * slow machine.
 */
export async function openReactFeed(feed: FeedPage, url: string, cards: number, timeout = 30_000): Promise<void> {
  await feed.goto(url);
  await expect.poll(() => feed.page.evaluate(() => (window as unknown as { satchelDemo?: { rendered(): number } }).satchelDemo?.rendered() ?? 0), {
    message: 'React renders the cards',
    timeout,
  }).toBe(cards);
  await expect(feed.control(cards - 1)).toBeAttached({ timeout });
  await expectOneControlPerPost(feed, 'one control per card', cards);
}

/** Scrolls a growing demo feed batch by batch to all posts, checking one control per post after every batch. */
export async function growToAll(feed: FeedPage, onBatch?: (rendered: number) => Promise<void>): Promise<number> {
  let n = await feed.rendered();
  let batches = 0;
  for (;;) {
    await expectOneControlPerPost(feed, `after scrolling to ${n} posts`);
    if (onBatch) await onBatch(n);
    if (n >= FEED_TOTAL) break;
    await feed.scrollToBottom();
    await expect.poll(() => feed.rendered(), { message: `the feed grows past ${n}`, timeout: 10_000 }).toBeGreaterThan(n);
    n = await feed.rendered();
    batches++;
  }
  expect(batches).toBeGreaterThan(5);
  return n;
}

export async function capturesByKey(db: ExtensionDb, key: string): Promise<StoredCapture[]> {
  return (await db.captures()).filter((c) => c.key === key);
}

/** Clicks a control's Save and waits until it says saved (closing the save panel). */
export async function saveAndWait(feed: FeedPage, control: Locator, timeout = 20_000): Promise<void> {
  await feed.clickSave(control);
  await expect.poll(() => feed.state(control), { message: 'the control says saved', timeout }).toBe('saved');
}

/** Waits until the database holds exactly one capture matching `where` and returns it. */
export async function waitForCapture(
  db: ExtensionDb,
  where: (c: StoredCapture) => boolean,
  message: string,
  timeout = 20_000,
): Promise<StoredCapture> {
  let found: StoredCapture[] = [];
  await expect
    .poll(async () => (found = (await db.captures()).filter(where)).length, { message, timeout })
    .toBe(1);
  return found[0]!;
}

/** A fixture's expectation file (tests/fixtures/<site>/<name>.expected.json). */
export interface Expectation {
  url: string;
  posts: Array<Record<string, unknown>>;
}

export function readExpectation(site: string, name: string): Expectation {
  return JSON.parse(readFileSync(join(REPO_ROOT, 'tests', 'fixtures', site, `${name}.expected.json`), 'utf8')) as Expectation;
}

export function readFixture(site: string, name: string): string {
  return readFileSync(join(REPO_ROOT, 'tests', 'fixtures', site, `${name}.html`), 'utf8');
}

/** What {@link openFixturePost} opened: the fixture's expectation, the post's expected facts, its id and its control. */
export interface FixturePost {
  exp: Expectation;
  want: Record<string, unknown>;
  postId: string;
  control: Locator;
}

/**
 * Serves fixture `name` of `feed.site` (tests/fixtures/<site>/<name>.html) unchanged, in the site's
 * demo style, at the URL it was captured at, opens it, and checks that post `postId` (default: the
 * first post its expectation does not refuse) has exactly one Save control.
 */
export async function openFixturePost(feed: FeedPage, server: Pick<FixtureServer, 'setPage'>, name: string, postId?: string): Promise<FixturePost> {
  const exp = readExpectation(feed.site, name);
  const want = postId === undefined ? exp.posts.find((p) => !('refused' in p)) : exp.posts.find((p) => String(p.postId) === postId);
  if (!want) throw new Error(`${feed.site}/${name}: no post ${postId ?? 'that saves'} in its expectation`);
  const id = String(want.postId);
  server.setPage(exp.url, wrapFragment(readFixture(feed.site, name), name, siteCss(feed.site)));
  await feed.goto(exp.url);
  const control = feed.page.locator(`satchel-save[data-post-id="${id}"]`);
  await expect(control, `one control for ${id}`).toHaveCount(1);
  return { exp, want, postId: id, control };
}

/** Marks the page's JS realm, to prove a later navigation did not reload it. */
export async function markRealm(page: Page): Promise<void> {
  await page.evaluate(() => ((window as unknown as { __satchelRealm: number }).__satchelRealm = 1));
}

export async function realmMarked(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { __satchelRealm?: number }).__satchelRealm === 1);
}

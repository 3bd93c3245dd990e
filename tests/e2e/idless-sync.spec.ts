import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, firstPage, type StoredCapture } from './fixtures';
import { launchWithExtension, type LaunchedBrowser } from './browser';
import { startApiServer } from './api-server';
import { DEMO_URLS } from './demo-feeds';
import { REACT_C } from './demo-react/cards';
import { FeedPage } from './pages/feed-page';
import { LibraryPage } from './pages/library-page';
import { openReactFeed, saveAndWait } from './pages/flows';
import { signIn, signUp } from './pages/team-flows';

// Issue 9 part 1, "a synced capture too": a LinkedIn post saved without its id (card C of the React
// demo feed: no id in the DOM nor in React props) is one capture on every device of the account,
// and takes its id everywhere once any device meets the post with it (the "later" page).
// Two Chromium profiles signed in to ONE account against the real API server (server/src/main.ts,
// SQLite). What the server holds is read from its SQLite file; what a device holds from its IndexedDB.
// Budgets are sized for a slow 2-core machine with both cores busy.

test.setTimeout(300_000);
const SAVE_MS = 20_000;
const SYNC_MS = 60_000;

const EMAIL = 'ana@example.org';
const NOTE = 'Use these three questions in the kickoff';
const TAG = 'Kickoff';
const URN_KEY = `linkedin:${REACT_C.urn}`;
const PERMALINK = `https://www.linkedin.com/feed/update/${REACT_C.urn}/`;
const IDLESS_KEY = /^linkedin:content:[0-9a-f]{32}$/;

/** An extension page of `context` (same origin as the background: messages and IndexedDB). */
async function extensionPage(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/manifest.json`);
  return page;
}

/** Asks the background for a sync run (`sync/now`, as the popup does) and waits for its answer. */
async function syncNow(context: BrowserContext, extensionId: string): Promise<void> {
  const page = await extensionPage(context, extensionId);
  try {
    await page.evaluate(() => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'sync/now' }));
  } finally {
    await page.close();
  }
}

/** The live captures a device holds (its IndexedDB `captures` store). */
async function deviceCaptures(context: BrowserContext, extensionId: string): Promise<StoredCapture[]> {
  const page = await extensionPage(context, extensionId);
  try {
    const all = await page.evaluate(
      () =>
        new Promise<Record<string, unknown>[]>((resolve, reject) => {
          const req = indexedDB.open('satchel');
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const get = req.result.transaction('captures', 'readonly').objectStore('captures').getAll();
            get.onsuccess = () => (req.result.close(), resolve(get.result as Record<string, unknown>[]));
            get.onerror = () => reject(get.error);
          };
        }),
    );
    return all.filter((c) => c.deletedAt === null) as StoredCapture[];
  } finally {
    await page.close();
  }
}

/** What the assertions compare: a capture's key, link, flag, note and tags. */
interface Seen {
  key: string;
  permalink: string | null;
  permalinkMissing: boolean;
  note: string | null;
  tags: string[];
}

const seenOnDevice = (c: StoredCapture): Seen => ({
  key: String(c.key),
  permalink: (c.permalink as string | null) ?? null,
  permalinkMissing: Boolean(c.permalinkMissing),
  note: (c.note as string | null) ?? null,
  tags: ((c.tags as string[] | undefined) ?? []).map((t) => t.toLowerCase()).sort(),
});

/** The live captures the server holds (its SQLite file), with their present tag keys. */
function serverCaptures(dir: string): Array<Seen & { id: string }> {
  const db = new Database(join(dir, 'satchel.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('SELECT id, post_key, content_json, note FROM captures WHERE deleted_at IS NULL ORDER BY captured_at').all() as Array<{ id: string; post_key: string; content_json: string; note: string | null }>;
    const tags = db.prepare('SELECT tag FROM capture_tags WHERE capture_id = ? AND present = 1 ORDER BY tag');
    return rows.map((r) => {
      const content = JSON.parse(r.content_json) as { permalink: string | null; permalinkMissing?: boolean };
      const keys = (tags.all(r.id) as Array<{ tag: string }>).map((t) => t.tag);
      return { id: r.id, key: r.post_key, permalink: content.permalink, permalinkMissing: Boolean(content.permalinkMissing), note: r.note, tags: keys };
    });
  } finally {
    db.close();
  }
}

/** Syncs `context` until `read()` gives `want` (each try is one sync run). */
async function syncUntil<T>(context: BrowserContext, extensionId: string, read: () => Promise<T> | T, want: T, message: string): Promise<void> {
  await expect
    .poll(async () => {
      await syncNow(context, extensionId);
      return read();
    }, { message, timeout: SYNC_MS, intervals: [500, 1000, 2000] })
    .toEqual(want);
}

/** Saves card C (no id anywhere on the page) and returns its key `linkedin:content:<hash>`. */
async function saveIdless(context: BrowserContext, extensionId: string): Promise<string> {
  const feed = new FeedPage(await firstPage(context), 'linkedin');
  await openReactFeed(feed, DEMO_URLS.linkedinReact, 3);
  await saveAndWait(feed, feed.control(2), SAVE_MS);
  let key = '';
  await expect.poll(async () => (key = (await deviceCaptures(context, extensionId)).map((c) => String(c.key)).find((k) => IDLESS_KEY.test(k)) ?? ''), { message: 'card C saved id-less', timeout: SAVE_MS }).toMatch(IDLESS_KEY);
  return key;
}

/** Saves C's post from the later page, where its comment bar gives its id. */
async function saveWithId(context: BrowserContext): Promise<void> {
  const feed = new FeedPage(await firstPage(context), 'linkedin');
  await openReactFeed(feed, DEMO_URLS.linkedinReactLater, 2);
  expect(await feed.control(1).getAttribute('data-post-id')).toBe(REACT_C.urn);
  if ((await feed.state(feed.control(1))) !== 'saved') await saveAndWait(feed, feed.control(1), SAVE_MS);
}

/**
 * Opens the React demo feed, where card C shows no id, on a device that holds C's post under its
 * URN, and checks that its control says saved with no click (the content-alias note, also written
 * when the capture was only pulled: lib/db/sync/apply-capture.ts). Returns the feed page.
 */
async function expectCardCSavedUnclicked(context: BrowserContext, message: string): Promise<FeedPage> {
  const feed = new FeedPage(await firstPage(context), 'linkedin');
  await openReactFeed(feed, DEMO_URLS.linkedinReact, 3);
  await expect.poll(() => feed.state(feed.control(2)), { message, timeout: SAVE_MS }).toBe('saved');
  return feed;
}

/** The library of a device: exactly one capture, under the URN, with no completeness flag. */
async function expectLibraryMerged(context: BrowserContext, extensionId: string): Promise<void> {
  const lib = new LibraryPage(await context.newPage(), extensionId);
  await lib.open();
  await expect.poll(() => lib.count(), { message: 'one capture in the library', timeout: SYNC_MS }).toBe(1);
  await expect(lib.row(URN_KEY)).toBeVisible();
  await expect(lib.row(URN_KEY).locator('[data-flag]')).toHaveCount(0);
  await lib.row(URN_KEY).click();
  await expect(lib.detail().locator('[data-flag]')).toHaveCount(0);
  await lib.page.close();
}

/** Device 2: a second profile with the same extension, closed with the test. */
async function secondDevice(port: number): Promise<LaunchedBrowser> {
  return launchWithExtension({ port, headless: true });
}

test('id-less capture synced, then met with its id on the same device: the server row and device 2 take the URN, with the note and tag', async ({ context, server, extensionId, pageErrors }) => {
  const api = await startApiServer(extensionId);
  const two = await secondDevice(server.port);
  try {
    await (await signUp(context, extensionId, api.url, EMAIL, 'Ana')).close();
    await (await signIn(two.context, extensionId, api.url, EMAIL)).close();

    // Device 1 saves card C id-less, with a note and a tag, and syncs: the server holds it under the content key.
    const idlessKey = await saveIdless(context, extensionId);
    const lib = new LibraryPage(await context.newPage(), extensionId);
    await lib.open();
    await lib.row(idlessKey).click();
    await lib.detail().getByTestId('detail-note').fill(NOTE);
    await lib.detail().getByTestId('detail-note').blur();
    await lib.addTag(TAG);
    await expect(lib.row(idlessKey)).toContainText(`#${TAG}`);
    await lib.page.close();
    const [idless] = await deviceCaptures(context, extensionId);
    const before: Seen = { key: idlessKey, permalink: null, permalinkMissing: true, note: NOTE, tags: [TAG.toLowerCase()] };
    await syncUntil(context, extensionId, () => serverCaptures(api.dir), [{ id: idless!.id as string, ...before }], 'the server holds the id-less capture under its content key');

    // Device 2 pulls it as it is: one capture, flagged.
    await syncUntil(two.context, extensionId, async () => (await deviceCaptures(two.context, extensionId)).map(seenOnDevice), [before], 'device 2 pulls the id-less capture');

    // Device 1 meets the post with its id (the later page; no click): the quiet merge.
    const feed = new FeedPage(await firstPage(context), 'linkedin');
    await openReactFeed(feed, DEMO_URLS.linkedinReactLater, 2);
    const after: Seen = { key: URN_KEY, permalink: PERMALINK, permalinkMissing: false, note: NOTE, tags: [TAG.toLowerCase()] };
    await expect.poll(async () => (await deviceCaptures(context, extensionId)).map(seenOnDevice), { message: 'device 1 merges quietly', timeout: SYNC_MS }).toEqual([after]);

    // After sync: the server's one row has the URN key, the permalink and no flag; so has device 2.
    await syncUntil(context, extensionId, () => serverCaptures(api.dir), [{ id: idless!.id as string, ...after }], "the server's row takes the URN");
    await syncUntil(two.context, extensionId, async () => (await deviceCaptures(two.context, extensionId)).map(seenOnDevice), [after], 'device 2 pulls ONE capture with the permalink');
    expect((await deviceCaptures(two.context, extensionId)).map((c) => c.id)).toEqual([idless!.id]);
    await expectLibraryMerged(two.context, extensionId);

    // Device 2, which only pulled the capture (merged on device 1), meets the post where it shows no id
    // (card C): saved before any click. Saving it again gives the capture it pulled, not a second one.
    const feed2 = await expectCardCSavedUnclicked(two.context, 'card C shows saved on device 2 before any click');
    await saveAndWait(feed2, feed2.control(2), SAVE_MS);
    expect((await deviceCaptures(two.context, extensionId)).map(seenOnDevice), 'right after the save: no id-less duplicate on device 2').toEqual([after]);
    await syncUntil(two.context, extensionId, () => serverCaptures(api.dir), [{ id: idless!.id as string, ...after }], 'still one row on the server');
    await openReactFeed(feed2, DEMO_URLS.linkedinReact, 3);
    await expect.poll(() => feed2.state(feed2.control(2)), { message: 'card C shows saved on device 2 now', timeout: SYNC_MS }).toBe('saved');
    expect(pageErrors).toEqual([]);
  } finally {
    await two.close();
    await api.stop();
  }
});

/**
 * Both orders of "the same post saved on two devices of one account, with and without its id":
 * device 1 saves its way and syncs; device 2, signed out (it cannot know of device 1's capture),
 * saves the other way, then signs in.
 */
const ORDERS = [
  { name: 'device 2 saves the post with its id while device 1 has it id-less on the server', first: 'id-less', second: 'with its id' },
  { name: 'the other order: the post is on the server with its id; device 2 saved it id-less', first: 'with its id', second: 'id-less' },
] as const;
const saveAs = (how: 'id-less' | 'with its id', context: BrowserContext, extensionId: string) =>
  how === 'id-less' ? saveIdless(context, extensionId) : saveWithId(context);

for (const order of ORDERS) {
  test(`${order.name}, then signs in: one capture on each device, no flag`, async ({ context, server, extensionId, pageErrors }) => {
    const api = await startApiServer(extensionId);
    const two = await secondDevice(server.port);
    try {
      await (await signUp(context, extensionId, api.url, EMAIL, 'Ana')).close();
      await saveAs(order.first, context, extensionId);
      const firstKey = order.first === 'id-less' ? IDLESS_KEY : new RegExp(`^${URN_KEY}$`);
      await syncUntil(context, extensionId, () => serverCaptures(api.dir).map((c) => firstKey.test(c.key)), [true], `device 1's capture (${order.first}) is on the server`);

      await saveAs(order.second, two.context, extensionId);
      await (await signIn(two.context, extensionId, api.url, EMAIL)).close();

      const one: Seen = { key: URN_KEY, permalink: PERMALINK, permalinkMissing: false, note: null, tags: [] };
      await syncUntil(two.context, extensionId, () => serverCaptures(api.dir).map(({ id: _id, ...seen }) => seen), [one], 'the server keeps one row, under the URN');
      await syncUntil(two.context, extensionId, async () => (await deviceCaptures(two.context, extensionId)).map(seenOnDevice), [one], 'device 2 holds one capture');
      await syncUntil(context, extensionId, async () => (await deviceCaptures(context, extensionId)).map(seenOnDevice), [one], 'device 1 holds one capture');
      await expectLibraryMerged(context, extensionId);
      await expectLibraryMerged(two.context, extensionId);
      // Where the post shows no id, each device shows it saved with no click, whichever way it kept it.
      await expectCardCSavedUnclicked(context, 'card C shows saved on device 1 before any click');
      await expectCardCSavedUnclicked(two.context, 'card C shows saved on device 2 before any click');
      expect(pageErrors).toEqual([]);
    } finally {
      await two.close();
      await api.stop();
    }
  });
}

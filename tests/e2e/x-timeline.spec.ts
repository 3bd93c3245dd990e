import { test, expect, firstPage, stopServiceWorkers } from './fixtures';
import { DEMO_URLS, RECYCLE_POOL, FEED_TOTAL } from './demo-feeds';
import { FeedPage } from './pages/feed-page';
import { PopupPage } from './pages/popup-page';
import { capturesByKey, expectOneControlPerPost, growToAll, markRealm, realmMarked } from './pages/flows';

// Issue 2, "End to end, in real Chromium": the X demo timelines (real captured tweets, fresh ids).

test('X home timeline: exactly one control per post as it grows to 200', async ({ context, pageErrors, shot }) => {
  const page = await firstPage(context);
  const feed = new FeedPage(page, 'x');
  await feed.goto(DEMO_URLS.xHome);
  const total = await growToAll(feed, async (n) => {
    if (n <= 10) await shot(page, 'x-home-controls');
  });
  expect(total).toBe(FEED_TOTAL);
  expect(pageErrors).toEqual([]);
});

test('X home timeline: save → saved, saved after reload, one capture for two saves, popup lists it', async ({ context, db, extensionId, pageErrors, shot }) => {
  const page = await firstPage(context);
  const feed = new FeedPage(page, 'x');
  await feed.goto(DEMO_URLS.xHome);
  await expectOneControlPerPost(feed, 'first batch');
  const id = (await feed.demoIdOf(0))!;
  const key = `x:${id}`;
  const control = feed.control(0);
  expect(await control.getAttribute('data-post-id')).toBe(id);
  expect(await feed.controlInActionRow(0), 'the control sits in the post action row (div[role=group])').toBe(true);
  expect(await feed.state(control)).toBe('save');

  await feed.clickSave(control);
  await expect.poll(() => feed.state(control)).toBe('saved');
  await shot(page, 'x-home-saved');
  await expect.poll(async () => (await capturesByKey(db, key)).length).toBe(1);

  // Saving the same post again gives the same capture.
  await feed.clickSave(control);
  await expect.poll(() => feed.state(control)).toBe('saved');

  await page.reload();
  await expectOneControlPerPost(feed, 'after reload');
  await expect.poll(() => feed.state(feed.control(0)), { message: 'saved state survives a reload' }).toBe('saved');
  await feed.clickSave(feed.control(0));
  await expect.poll(() => feed.state(feed.control(0))).toBe('saved');
  expect(await capturesByKey(db, key)).toHaveLength(1);
  expect(await db.captures()).toHaveLength(1);

  const popup = new PopupPage(await context.newPage(), extensionId);
  await popup.open();
  await expect(popup.item(key)).toBeVisible();
  await expect(popup.items()).toHaveCount(1);
  await shot(popup.page, 'popup');
  expect(pageErrors).toEqual([]);
});

test('X recycling timeline: 12 reused cells keep exactly one control, naming the tweet they show now', async ({ context, db, pageErrors, shot }) => {
  const page = await firstPage(context);
  const feed = new FeedPage(page, 'x');
  await feed.goto(DEMO_URLS.xRecycle);
  await expectOneControlPerPost(feed, 'initial window', RECYCLE_POOL);

  // Save the first tweet, then scroll it out: its cell is reused (and morphed in place) for other tweets.
  const savedId = (await feed.demoIdOf(0))!;
  await feed.clickSave(feed.controlFor(savedId));
  await expect.poll(() => feed.state(feed.controlFor(savedId))).toBe('saved');

  const postIds = () => page.evaluate(() => (window as unknown as { satchelDemo: { postIds(): string[] } }).satchelDemo.postIds());
  const seen = new Set<string>(await postIds());
  for (let step = 0; step < 400 && (await feed.rendered()) < FEED_TOTAL; step++) {
    await page.mouse.wheel(0, 2400);
    await page.waitForFunction(() => new Promise((r) => requestAnimationFrame(() => r(true))));
    await expectOneControlPerPost(feed, `recycled window ending at ${await feed.rendered()}`, RECYCLE_POOL);
    const ids = await postIds();
    ids.forEach((i) => seen.add(i));
    // A recycled cell never shows the saved state for a tweet that is not saved.
    if (!ids.includes(savedId)) {
      const states = await page.locator('satchel-save').evaluateAll((hs) => hs.map((h) => h.shadowRoot?.querySelector('button')?.className ?? ''));
      expect(states.filter((c) => /\bis-saved\b/.test(c)), 'no unsaved tweet shows as saved').toEqual([]);
    }
  }
  expect(await feed.rendered()).toBe(FEED_TOTAL);
  expect(seen.size).toBe(FEED_TOTAL);
  await shot(page, 'x-recycle-bottom');

  // Back at the top, the saved tweet shows saved again in whichever cell renders it.
  await page.evaluate(() => window.scrollTo(0, 0));
  await expectOneControlPerPost(feed, 'back at the top', RECYCLE_POOL);
  await expect.poll(() => feed.state(feed.controlFor(savedId))).toBe('saved');
  expect(await db.captures()).toHaveLength(1);
  expect(pageErrors).toEqual([]);
});

test('X in-app navigation: pushState to a status page swaps the posts and their controls', async ({ context, db, pageErrors, shot }) => {
  const page = await firstPage(context);
  const feed = new FeedPage(page, 'x');
  await feed.goto(DEMO_URLS.xHome);
  await expectOneControlPerPost(feed, 'home');
  await markRealm(page);

  const id = (await feed.demoIdOf(1))!;
  await feed.clickSave(feed.control(1));
  await expect.poll(() => feed.state(feed.control(1))).toBe('saved');

  // Open the tweet the way people do: its timestamp link. The page handles it with pushState.
  const timeLink = feed.post(1).locator(`a[href$="/status/${id}"]:has(time)`).first();
  await timeLink.click();
  await expect(page).toHaveURL(new RegExp(`/status/${id}$`));
  expect(await realmMarked(page), 'no reload happened').toBe(true);
  await expect(feed.posts()).toHaveCount(4);
  await expectOneControlPerPost(feed, 'status page');
  // The focal tweet is the one saved on the timeline: same key, so it shows saved.
  await expect.poll(() => feed.state(feed.controlFor(id))).toBe('saved');
  await shot(page, 'x-status-page');

  // Save a reply there.
  const replyId = (await feed.demoIdOf(1))!;
  await feed.clickSave(feed.control(1));
  await expect.poll(() => feed.state(feed.control(1))).toBe('saved');
  await expect.poll(async () => (await db.captures()).map((c) => c.key).sort()).toEqual([`x:${id}`, `x:${replyId}`].sort());

  await page.goBack();
  await expect(page).toHaveURL(/\/home$/);
  expect(await realmMarked(page)).toBe(true);
  await expectOneControlPerPost(feed, 'home again');
  await expect.poll(() => feed.state(feed.controlFor(id))).toBe('saved');
  expect(pageErrors).toEqual([]);
});

test('X: nothing is lost when the service worker stops between two saves', async ({ context, db, pageErrors }) => {
  const page = await firstPage(context);
  const feed = new FeedPage(page, 'x');
  await feed.goto(DEMO_URLS.xHome);
  await expectOneControlPerPost(feed, 'home');
  const first = (await feed.demoIdOf(0))!;
  const second = (await feed.demoIdOf(2))!;

  await feed.clickSave(feed.control(0));
  await expect.poll(() => feed.state(feed.control(0))).toBe('saved');

  expect(await stopServiceWorkers(context, page), 'CDP reports the service worker stopped').toBe(true);
  // Read through an extension page: evaluating in the worker would start it again.
  expect((await db.captures('page')).map((c) => c.key)).toEqual([`x:${first}`]);

  await feed.clickSave(feed.control(2));
  await expect.poll(() => feed.state(feed.control(2)), { timeout: 15_000 }).toBe('saved');
  await expect.poll(async () => (await db.captures('page')).map((c) => c.key).sort()).toEqual([`x:${first}`, `x:${second}`].sort());

  await page.reload();
  await expect.poll(() => feed.state(feed.control(0))).toBe('saved');
  await expect.poll(() => feed.state(feed.control(2))).toBe('saved');
  expect(await feed.state(feed.control(1))).toBe('save');
  expect(pageErrors).toEqual([]);
});

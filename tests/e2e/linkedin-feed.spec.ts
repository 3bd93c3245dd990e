import { test, expect, firstPage } from './fixtures';
import { DEMO_URLS, FEED_TOTAL } from './demo-feeds';
import { FeedPage } from './pages/feed-page';
import { PopupPage } from './pages/popup-page';
import { capturesByKey, expectOneControlPerPost, growToAll } from './pages/flows';

// Issue 2, "End to end, in real Chromium": the LinkedIn demo feed (real captured posts, fresh ids).

test('LinkedIn feed: exactly one control per post as it grows to 200', async ({ context, pageErrors, shot }) => {
  const page = await firstPage(context);
  const feed = new FeedPage(page, 'linkedin');
  await feed.goto(DEMO_URLS.linkedinFeed);
  const total = await growToAll(feed, async (n) => {
    if (n <= 10) await shot(page, 'linkedin-feed-controls');
  });
  expect(total).toBe(FEED_TOTAL);
  expect(pageErrors).toEqual([]);
});

test('LinkedIn feed: save → saved, saved after reload, one capture for two saves, popup lists it', async ({ context, db, extensionId, pageErrors, shot }) => {
  const page = await firstPage(context);
  const feed = new FeedPage(page, 'linkedin');
  await feed.goto(DEMO_URLS.linkedinFeed);
  await expectOneControlPerPost(feed, 'first batch');
  const id = (await feed.demoIdOf(0))!;
  const postId = `urn:li:activity:${id}`;
  const key = `linkedin:${postId}`;
  const control = feed.control(0);
  expect(await control.getAttribute('data-post-id')).toBe(postId);
  expect(await feed.controlInActionRow(0), 'the control sits in the social action bar').toBe(true);

  await feed.clickSave(control);
  await expect.poll(() => feed.state(control)).toBe('saved');
  await control.scrollIntoViewIfNeeded();
  await shot(page, 'linkedin-feed-saved');
  await feed.clickSave(control);
  await expect.poll(async () => (await capturesByKey(db, key)).length).toBe(1);

  await page.reload();
  await expectOneControlPerPost(feed, 'after reload');
  await expect.poll(() => feed.state(feed.control(0)), { message: 'saved state survives a reload' }).toBe('saved');
  await feed.clickSave(feed.control(0));
  await expect.poll(() => feed.state(feed.control(0))).toBe('saved');
  expect(await db.captures()).toHaveLength(1);

  const popup = new PopupPage(await context.newPage(), extensionId);
  await popup.open();
  await expect(popup.item(key)).toBeVisible();
  await shot(popup.page, 'popup-linkedin');
  expect(pageErrors).toEqual([]);
});

import { test, expect, firstPage } from './fixtures';
import { FeedPage, type Site } from './pages/feed-page';
import { openFixturePost } from './pages/flows';

// Issue 2: the stored capture equals the fixture's expected facts. Each fixture page is served
// unchanged at the URL it was captured at; the first (not refused) post is saved by clicking its
// control, and the stored row must contain every fact of its .expected.json.

const CASES: Array<[Site, string]> = [
  ['x', 'x-2025-10_timeline_quote_quoted-has-image__tweetyoink'],
  ['x', 'x-2023-12_timeline_single-image_tco-link-split-spans'],
  ['x', 'x-2023-11_timeline_poll_finished'],
  ['linkedin', 'linkedin-2025-08_feed_post-text-only_see-more_hybrid-hashed-classes'],
  ['linkedin', 'linkedin-2024-09_activity-comments_header-context_image_see-more'],
  ['yammer', 'yammer-2026-11_community-feed_see-more_image_link_reply-preview'],
];

test('stored captures equal the fixtures\' expected facts', async ({ context, server, db, pageErrors }) => {
  const page = await firstPage(context);
  for (const [site, name] of CASES) {
    await test.step(`${site}/${name}`, async () => {
      const feed = new FeedPage(page, site);
      const { want, postId, control } = await openFixturePost(feed, server, name);
      await feed.clickSave(control);
      await expect.poll(() => feed.state(control)).toBe('saved');
      const key = `${site}:${postId}`;
      await expect.poll(async () => (await db.captures()).filter((c) => c.key === key).length).toBe(1);
      const row = (await db.captures()).find((c) => c.key === key);
      expect.soft(row, `${name}: stored row vs .expected.json`).toMatchObject(want);
    });
  }
  expect(pageErrors).toEqual([]);
});

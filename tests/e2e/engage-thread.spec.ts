import { test, expect, firstPage } from './fixtures';
import { DEMO_URLS, yammerFixtureThread } from './demo-feeds';
import { FeedPage } from './pages/feed-page';
import { PopupPage } from './pages/popup-page';
import { readExpectation } from './pages/flows';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './demo-feeds';

// Issue 2, "End to end, in real Chromium": a Viva Engage thread page (the yammer adapter's thread
// fixture, served at its own URL on engage.cloud.microsoft).

function threadFixtureName(): string | null {
  const fx = yammerFixtureThread();
  if (!fx) return null;
  const dir = join(REPO_ROOT, 'tests', 'fixtures', 'yammer');
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.expected.json'))) {
    const name = f.replace(/\.expected\.json$/, '');
    if (readExpectation('yammer', name).url === fx.url) return name;
  }
  return null;
}

test('Viva Engage thread: one control per post and reply; save the starter and a reply', async ({ context, db, extensionId, pageErrors, shot }) => {
  const name = threadFixtureName();
  expect(name, 'a Viva Engage thread fixture must exist in tests/fixtures/yammer').not.toBeNull();
  const exp = readExpectation('yammer', name!);
  const posts = exp.posts.filter((p) => !('refused' in p));
  const page = await firstPage(context);
  const feed = new FeedPage(page, 'yammer');
  await feed.goto(DEMO_URLS.engageThread);

  const hosts = page.locator('satchel-save');
  await expect(hosts).toHaveCount(posts.length);
  const ids = await hosts.evaluateAll((hs) => hs.map((h) => h.getAttribute('data-post-id')));
  expect(new Set(ids).size).toBe(posts.length);
  expect(ids.sort()).toEqual(posts.map((p) => String(p.postId)).sort());
  const outsideRow = await hosts.evaluateAll((hs) => hs.filter((h) => !h.closest('[data-testid="overflow-set"]')).map((h) => h.getAttribute('data-post-id')));
  expect(outsideRow, 'every control sits in its post\'s action row (overflow-set)').toEqual([]);
  await shot(page, 'engage-thread-controls');

  const starter = posts[0]!;
  const control = feed.controlFor(String(starter.postId)).first();
  await feed.clickSave(control);
  await expect.poll(() => feed.state(control)).toBe('saved');
  const reply = posts[1];
  if (reply) {
    const c2 = feed.controlFor(String(reply.postId)).first();
    await feed.clickSave(c2);
    await expect.poll(() => feed.state(c2)).toBe('saved');
  }
  await shot(page, 'engage-thread-saved');
  await expect.poll(async () => (await db.captures()).length).toBe(reply ? 2 : 1);
  const row = (await db.captures()).find((c) => c.key === `yammer:${String(starter.postId)}`);
  expect(row).toMatchObject(starter);

  await page.reload();
  await expect.poll(() => feed.state(feed.controlFor(String(starter.postId)).first())).toBe('saved');
  const popup = new PopupPage(await context.newPage(), extensionId);
  await popup.open();
  await expect(popup.item(`yammer:${String(starter.postId)}`)).toBeVisible();
  expect(pageErrors).toEqual([]);
});

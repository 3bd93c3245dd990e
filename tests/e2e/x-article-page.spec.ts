import { join } from 'node:path';
import { test, expect, firstPage, SCREENS_DIR } from './fixtures';
import { FeedPage } from './pages/feed-page';
import { openFixturePost, saveAndWait, waitForCapture } from './pages/flows';
import { shotsLightDark } from './pages/screens';

// Issue 9: on an X Article's own page (/<handle>/article/<id>, the read view is the page's only
// post root) the Save control sat at the bottom-left of the viewport, under the full-width cover
// image, which took the clicks. The control belongs in the article's action row (docs/sites/x.md
// "Articles"), where a person can click it like on a status page: no force clicks here.

const ARTICLE = 'x-2026-11_article-page_read-view-standalone_itemprop-author__synthetic';

test('X Article on its own page: Save sits in the action row, takes a real click, and saves title and body', async ({ context, server, db, pageErrors }) => {
  const page = await firstPage(context);
  const feed = new FeedPage(page, 'x');
  const { want, postId, control } = await openFixturePost(feed, server, ARTICLE);

  // Mounted in the article's own action row (reply, repost, like, views, bookmark), not elsewhere.
  const inRow = await control.evaluate((host) => host.closest('article[data-testid="twitterArticleReadView"] [role="group"]') !== null);
  expect(inRow, 'the control is inside the article action row').toBe(true);
  // Nothing covers it: the element at the centre of its button is the control itself.
  await feed.button(control).scrollIntoViewIfNeeded();
  const onTop = await control.evaluate((host) => {
    const btn = host.shadowRoot?.querySelector('button') ?? host.querySelector('button');
    if (!btn) return 'no button';
    const r = btn.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit === host || host.contains(hit) ? 'control' : `${hit?.tagName ?? 'nothing'} ${hit?.getAttribute('data-testid') ?? ''}`.trim();
  });
  expect(onTop, 'the element under the Save button is the control').toBe('control');

  await shotsLightDark(page, join(SCREENS_DIR, 'x-article-page'), 'before-save');
  await saveAndWait(feed, control); // an ordinary click: fails if anything intercepts the pointer
  const row = await waitForCapture(db, (c) => c.key === `x:${postId}`, 'the article is saved once');
  expect(row).toMatchObject({ title: want.title, text: want.text, truncated: false });
  expect(String(row.title)).toBe('An article on its own page');
  expect(String(row.text)).toMatch(/^A short article read on its own page\./);
  expect(String(row.text)).toMatch(/More in my notes\.$/);
  await shotsLightDark(page, join(SCREENS_DIR, 'x-article-page'), 'saved');
  expect(pageErrors).toEqual([]);
});

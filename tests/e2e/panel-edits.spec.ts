import { test, expect, firstPage } from './fixtures';
import { DEMO_URLS } from './demo-feeds';
import { FeedPage } from './pages/feed-page';
import { capturesByKey } from './pages/flows';

// What an open save panel does (library fields, a new collection) is not in the content script:
// it comes with panel-ui.js (lib/capture/panel-edits.ts, docs/decisions/0005-content-script-size.md)
// and acts on the content script's state from there. This proves a collection made in the panel of
// the real extension, on the heaviest page's script (LinkedIn), is stored and holds the capture.

test('save panel on LinkedIn: a collection created in the panel is stored with the capture in it', async ({ context, db, pageErrors }) => {
  const page = await firstPage(context);
  const feed = new FeedPage(page, 'linkedin');
  await feed.goto(DEMO_URLS.linkedinFeed);
  const control = feed.control(0);
  const key = `linkedin:urn:li:activity:${(await feed.demoIdOf(0))!}`;
  await feed.button(control).click();
  const panel = control.getByRole('dialog', { name: 'Saved in Satchel' });
  await expect(panel).toBeVisible();
  const box = panel.getByRole('textbox', { name: 'New collection, then Enter' });
  await box.fill('Retros');
  await box.press('Enter');
  const retros = async () => (await db.rows('collections')).filter((c) => c.name === 'Retros');
  await expect.poll(async () => (await retros()).length).toBe(1);
  const [col] = await retros();
  await expect.poll(async () => (await capturesByKey(db, key))[0]?.collectionIds).toContain(col!.id);
  await expect(panel.getByRole('button', { name: 'Retros' })).toHaveAttribute('aria-pressed', 'true');
  expect(pageErrors).toEqual([]);
});

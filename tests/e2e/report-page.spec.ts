import { readFileSync } from 'node:fs';
import type { BrowserContext } from '@playwright/test';
import { test, expect, firstPage } from './fixtures';
import type { FixtureServer } from './fixture-server';
import { siteCss, wrapFragment } from './demo-feeds';
import { PopupPage } from './pages/popup-page';
import { readExpectation, readFixture } from './pages/flows';

// Issue 9 part 3, "Report this page", as a person does it: on an X status page, the popup's
// "Report this page" (which injects the report UI and sends `report/start` to the tab), pick a post
// with the keyboard, read the sample in the dialog (no name, handle or id of the page in it), and
// "Save as file" downloads exactly that sample. Nothing is requested from anywhere for it.

const NAME = 'x-2026-11_status-page_self-thread-3-parts_reply-by-other__synthetic';

/** The X status page fixture served at its URL, opened with its controls: its posts and its page. */
async function openStatusPage(context: BrowserContext, server: FixtureServer) {
  const exp = readExpectation('x', NAME);
  server.setPage(exp.url, wrapFragment(readFixture('x', NAME), NAME, siteCss('x')));
  const page = await firstPage(context);
  await page.goto(exp.url, { waitUntil: 'domcontentloaded' });
  const total = await page.locator('article[data-testid="tweet"]').count();
  expect(total).toBeGreaterThan(2);
  await expect(page.locator('satchel-save')).toHaveCount(exp.posts.filter((p) => !('refused' in p)).length); // the content script runs
  return { exp, page, total };
}

test('Report this page: popup → pick a post → the dialog shows the anonymised sample → Save as file downloads it', async ({ context, server, extensionId, pageErrors, shot }) => {
  const { exp, page, total } = await openStatusPage(context, server);

  // The popup sees the X tab as the active one (the page is brought to the front, then the popup,
  // opened as a tab behind it, is loaded) and offers the report.
  const popup = new PopupPage(await context.newPage(), extensionId);
  await popup.open();
  await page.bringToFront();
  await popup.page.reload();
  const report = popup.page.getByRole('button', { name: 'Report this page' });
  await expect(report).toBeVisible();
  await shot(popup.page, 'report-popup');
  await report.click();

  // The picker, in the page.
  const ui = page.locator('satchel-report');
  await expect(ui.locator('.banner')).toBeVisible();
  await expect(ui.locator('.banner')).toContainText('pick the post to share');
  await page.keyboard.press('Tab');
  await expect(ui.getByRole('status')).toHaveText(`Post 1 of ${total}`);
  await page.keyboard.press('Tab');
  await expect(ui.getByRole('status')).toHaveText(`Post 2 of ${total}`);
  await expect(ui.locator('.hl.on')).toBeVisible();
  await shot(page, 'report-picker');
  const requestsBefore = server.requests.length;
  await page.keyboard.press('Enter');

  // The dialog shows exactly what will be saved.
  const dialog = ui.getByRole('dialog', { name: 'Report this page: what the file will contain' });
  await expect(dialog).toBeVisible();
  const pre = dialog.getByTestId('report-sample');
  await expect(pre).toBeFocused();
  const sample = (await pre.textContent())!;
  expect(sample).toMatch(/^<!-- Satchel report: anonymised by Satchel\nsite: x\npage: https:\/\/x\.com\/user_[a-z]+\/status\/\d+\npage-kind: status-page\n/);
  expect(sample).toContain('data-testid="tweet"');
  const originals = exp.posts.flatMap((p) => {
    const post = p as { author?: { name?: string; handle?: string }; postId?: string; text?: string };
    return [post.author?.name, post.author?.handle, post.postId, post.text?.slice(0, 24)].filter((s): s is string => !!s && s.length >= 3);
  });
  expect(originals.length).toBeGreaterThan(3);
  expect(originals.filter((s) => sample.toLowerCase().includes(s.toLowerCase()))).toEqual([]);
  await shot(page, 'report-dialog');

  // Focus stays in the dialog.
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Save as file' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(pre).toBeFocused();

  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Save as file' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^satchel-report-x-\d{4}-\d{2}-\d{2}\.html$/);
  expect(readFileSync((await download.path())!, 'utf8')).toBe(sample);
  await expect(dialog.getByRole('status')).toHaveText(`Saved to your downloads as ${download.suggestedFilename()}.`);
  await shot(page, 'report-saved');

  // Nothing was fetched for the sample (its placeholder addresses point nowhere we serve).
  const paths = [...sample.matchAll(/(?:href|src)="([^"]+)"/g)].map((m) => m[1]!.replace(/^https:\/\//, '').split('?')[0]!);
  expect(server.requests.slice(requestsBefore).filter((r) => paths.some((p) => p.length > 3 && r.includes(p)))).toEqual([]);

  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(ui).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});

test('Report a page from the options page: its button names the site tab, brings it to the front, and the picker opens there', async ({ context, server, extensionId, pageErrors, shot }) => {
  const { page, total } = await openStatusPage(context, server);
  const title = await page.title();

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const section = options.getByTestId('report-section');
  await expect(section.getByRole('heading', { name: 'Report a page' })).toBeVisible();
  const start = section.getByRole('button', { name: `Report the X tab “${title}”` });
  await expect(start).toBeVisible();
  await section.scrollIntoViewIfNeeded();
  await shot(options, 'report-options');
  await start.click();
  await expect(section.getByRole('status')).toHaveText('The picker is open in that tab: pick a post there.');

  // The site tab is in front, with the picker: the learner picks there as from the popup.
  await expect.poll(() => page.evaluate(() => document.visibilityState)).toBe('visible');
  const ui = page.locator('satchel-report');
  await expect(ui.locator('.banner')).toContainText('pick the post to share');
  await page.keyboard.press('Tab');
  await expect(ui.getByRole('status')).toHaveText(`Post 1 of ${total}`);
  await page.keyboard.press('Enter');
  const dialog = ui.getByRole('dialog', { name: 'Report this page: what the file will contain' });
  await expect(dialog.getByTestId('report-sample')).toContainText('Satchel report: anonymised by Satchel');
  await page.keyboard.press('Escape');
  await expect(ui).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});

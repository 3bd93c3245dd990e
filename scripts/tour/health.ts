import { expect, type BrowserContext, type Page } from '@playwright/test';
import { LINKEDIN_SDUI_FEED } from '../../tests/e2e/demo-feeds';
import type { FixtureServer } from '../../tests/e2e/fixture-server';
import { FeedPage } from '../../tests/e2e/pages/feed-page';
import { PopupPage } from '../../tests/e2e/pages/popup-page';
import { readExpectation } from '../../tests/e2e/pages/flows';
import { changedFeedPage } from '../../tests/e2e/pages/changed-feed';
import type { Recorder } from './recorder';

/**
 * Tour steps for capture health (issue 9 part 3): a LinkedIn feed whose layout changed under
 * Satchel (tests/e2e/pages/changed-feed.ts: 3 of its 7 real SDUI posts can no longer be read), the popup's
 * "This page" line saying so, then "Report this page": pick the first post (one that cannot be
 * read) and the dialog shows the anonymised sample that would be saved as a file. The e2e proofs
 * are tests/e2e/page-health.spec.ts and tests/e2e/report-page.spec.ts.
 */

/** Served in place of the demo feed while these steps run (the server ignores the query; cleared after). */
const FEED_URL = 'https://www.linkedin.com/feed/';
/** Posts 1, 3 and 5 of 7 get a new id encoding and a moved author; the others stay as LinkedIn served them. */
const UNREADABLE = [0, 2, 4];
const FIRST_CONTROLS_MS = 30_000;
const REPLY_MS = 15_000;

/**
 * The toolbar popup for `site`'s tab, as a 400×640 tab: opened, the site brought to the front, the
 * popup reloaded (so it takes the site's tab for the active one, as the real popup does). Waits
 * until it offers "Report this page" and the site's content script has answered a `health/get`
 * asked after the popup's own (messages to one tab are answered in order).
 */
async function popupFor(site: Page, extensionId: string): Promise<PopupPage> {
  const popup = new PopupPage(await site.context().newPage(), extensionId);
  await popup.page.setViewportSize({ width: 400, height: 640 });
  await popup.open();
  await site.bringToFront();
  await popup.page.reload();
  await expect(popup.page.getByRole('button', { name: 'Report this page' })).toBeVisible({ timeout: REPLY_MS });
  await popup.page.evaluate(async () => {
    type Tabs = { query(q: object): Promise<Array<{ id?: number }>>; sendMessage(id: number, m: unknown): Promise<unknown> };
    const { tabs } = (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome;
    const [tab] = await tabs.query({ active: true, currentWindow: true });
    await tabs.sendMessage(tab!.id!, { type: 'health/get' });
  });
  return popup;
}

/** Names, handles and text openings of the picked post as the real capture holds them (none may be in the sample). */
function originalsOf(post: Record<string, unknown>): string[] {
  const p = post as { author?: { name?: string; handle?: string }; text?: string };
  return [p.author?.name, p.author?.handle, p.text?.slice(0, 24)].filter((s): s is string => !!s && s.length >= 3);
}

/**
 * The tour's capture-health steps (issue 9): a LinkedIn feed that changed under Satchel, the popup's
 * "This page" line on it, then Report this page → pick a post → the anonymised sample. Each step
 * asserts what its caption says. Throws (fails the tour) when a check does not hold.
 */
export async function healthSteps(rec: Recorder, context: BrowserContext, extensionId: string, server: FixtureServer): Promise<void> {
  const changed = changedFeedPage((i) => (UNREADABLE.includes(i) ? ['id-encoding', 'author'] : []));
  server.setPage(FEED_URL, changed.html);
  const site = await context.newPage();
  const opened: { popup?: PopupPage } = {};
  try {
    const counted = await rec.step('This page: the popup says LinkedIn changed its layout and 3 posts could not be read', async () => {
      const feed = new FeedPage(site, 'linkedin');
      await feed.goto(FEED_URL);
      await expect(feed.posts()).toHaveCount(changed.posts);
      await expect(site.locator('satchel-save')).toHaveCount(changed.posts - UNREADABLE.length, { timeout: FIRST_CONTROLS_MS });
      for (const i of UNREADABLE) await expect(feed.control(i), `changed post ${i + 1} gets no Save button`).toHaveCount(0);
      const popup = (opened.popup = await popupFor(site, extensionId));
      const line = popup.page.getByTestId('page-health');
      await expect(line).toHaveText(`This page: LinkedIn changed its layout here: ${UNREADABLE.length} posts could not be read.`, { timeout: REPLY_MS });
      await rec.shoot(popup.page, 'popup-page-health', 'The popup on a LinkedIn feed whose layout changed: "This page: LinkedIn changed its layout here: 3 posts could not be read", and "Report this page"', { dark: true });
    });
    const from = opened.popup;
    if (!counted || !from) return;

    await rec.step('Report this page: pick a post that could not be read, the dialog shows the anonymised sample', async () => {
      await from.page.getByRole('button', { name: 'Report this page' }).click();
      const ui = site.locator('satchel-report');
      await expect(ui.locator('.banner')).toContainText('pick the post to share', { timeout: REPLY_MS });
      await site.keyboard.press('Tab');
      await expect(ui.getByRole('status')).toHaveText(`Post 1 of ${changed.posts}`);
      await site.keyboard.press('Enter');
      const dialog = ui.getByRole('dialog', { name: 'Report this page: what the file will contain' });
      await expect(dialog).toBeVisible({ timeout: REPLY_MS });
      const sample = (await dialog.getByTestId('report-sample').textContent()) ?? '';
      expect(sample).toMatch(/^<!-- Satchel report: anonymised by Satchel\nsite: linkedin\npage: https:\/\/www\.linkedin\.com\/feed\/\n/);
      const originals = originalsOf(readExpectation('linkedin', LINKEDIN_SDUI_FEED.file).posts[UNREADABLE[0]!]!);
      expect(originals.length, 'the capture names the post author and text').toBeGreaterThanOrEqual(2);
      expect(originals.filter((s) => sample.toLowerCase().includes(s.toLowerCase())), 'nothing of the post survives in the sample').toEqual([]);
      for (const kept of ['data-testid="mainFeed"', 'role="listitem"', 'componentkey="expanded']) expect(sample, 'the structure is kept').toContain(kept);
      await rec.shoot(site, 'report-dialog', 'Report this page: the dialog shows the markup sample of the picked post before anything is saved: its author and text replaced by placeholders, tags, roles and keys kept', { dark: true });
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await expect(ui).toHaveCount(0);
    });
  } finally {
    server.clearPages();
    await opened.popup?.page.close().catch(() => undefined);
    await site.close();
  }
}

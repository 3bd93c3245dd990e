import { expect, type BrowserContext } from '@playwright/test';
import { PopupPage } from '../../tests/e2e/pages/popup-page';
import type { Recorder } from './recorder';

/**
 * Tour steps in the extension's own pages, before any sign-in: the popup, the library (list and
 * the detail of the annotated post) and the Review queue.
 */

/** Text that identifies the annotated post in lists (its first line). */
export const ANNOTATED_TEXT = 'Bye Bye Try/Catch';

export async function libraryPage(context: BrowserContext, extensionId: string, query = '') {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.goto(`chrome-extension://${extensionId}/library.html${query}`);
  return page;
}

export async function libraryStepsOffline(rec: Recorder, context: BrowserContext, extensionId: string): Promise<void> {
  await rec.step('popup: the saved posts are listed', async () => {
    const popup = new PopupPage(await context.newPage(), extensionId);
    await popup.page.setViewportSize({ width: 400, height: 640 });
    await popup.open();
    await popup.items().first().waitFor({ timeout: 15_000 });
    process.stdout.write(`(${await popup.items().count()} captures) `);
    await rec.shoot(popup.page, 'popup', 'The toolbar popup: the latest saves with their intent, tags and note', { dark: true });
    await popup.page.close();
  });

  await rec.step('library: the list and the detail of the annotated post', async () => {
    const lib = await libraryPage(context, extensionId);
    const rows = lib.getByTestId('capture-row');
    await expect(rows.first()).toBeVisible({ timeout: 15_000 });
    await rec.shoot(lib, 'library', 'The library: every saved post with author, media, intent, tags and note; search and filters', { dark: true });
    await rows.filter({ hasText: ANNOTATED_TEXT }).first().click();
    await expect(lib.getByTestId('capture-detail')).toBeVisible({ timeout: 15_000 });
    await rec.shoot(lib, 'library-detail', 'The library with a post open: the complete saved copy, the note and the tags', { dark: true });
    await lib.close();
  });

  await rec.step('Review queue: the first card', async () => {
    const lib = await libraryPage(context, extensionId);
    await lib.getByTestId('start-review').click({ timeout: 15_000 });
    const review = lib.getByTestId('review-view');
    await expect(review).toBeVisible({ timeout: 15_000 });
    await rec.shoot(lib, 'review', 'Review: one saved post at a time, with the note first for a tip to try', { dark: true });
    await lib.close();
  });
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type BrowserContext } from '@playwright/test';
import { REPO_ROOT } from '../../tests/e2e/demo-feeds';
import { PopupPage } from '../../tests/e2e/pages/popup-page';
import { ANNOTATION } from './feeds';
import type { Recorder } from './recorder';

/**
 * Tour steps in the extension's own pages, before any sign-in: the popup, the library (list and
 * the detail of the annotated post), the Review queue walked to the annotated tip, and the Import
 * dialog's dry run of another tool's export.
 */

/** Text that identifies the annotated post in lists (its first line). */
export const ANNOTATED_TEXT = 'Bye Bye Try/Catch';
/** The export the tour's Import dialog reads (a dry run only: nothing is imported). */
const IMPORT_FILE = join(REPO_ROOT, 'tests', 'import-fixtures', 'raindrop.csv');
/** The most Review cards the tour skips looking for the annotated tip (every capture of the tour). */
const MAX_REVIEW_SKIPS = 20;

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
    // The annotated post's item, at the top of the popup: its intent, tags and note excerpt.
    const item = popup.items().filter({ hasText: ANNOTATED_TEXT }).first();
    await expect(item.getByTestId('item-intent')).toHaveText(ANNOTATION.intent, { timeout: 15_000 });
    await expect(item.getByTestId('item-note')).toContainText(ANNOTATION.note.slice(0, 30));
    for (const tag of ANNOTATION.tags) await expect(item).toContainText(tag);
    await item.evaluate((el) => el.scrollIntoView({ block: 'start' }));
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

  await rec.step('Review queue: skipped to the annotated tip', async () => {
    const lib = await libraryPage(context, extensionId);
    await lib.getByTestId('start-review').click({ timeout: 15_000 });
    const card = lib.getByTestId('review-card');
    await expect(card).toBeVisible({ timeout: 15_000 });
    for (let skips = 0; !(await card.textContent())?.includes(ANNOTATED_TEXT); skips++) {
      if (skips >= MAX_REVIEW_SKIPS) throw new Error(`the annotated post is not among the first ${MAX_REVIEW_SKIPS} Review cards`);
      const before = await lib.getByTestId('review-view').getAttribute('data-capture-key');
      await lib.getByRole('button', { name: 'Skip', exact: true }).click();
      await expect(lib.getByTestId('review-view')).not.toHaveAttribute('data-capture-key', before ?? '', { timeout: 15_000 });
    }
    await expect(card.getByTestId('review-note')).toContainText(ANNOTATION.note);
    await expect(card.getByTestId('review-meta')).toContainText(ANNOTATION.intent);
    await rec.shoot(lib, 'review', 'Review: one saved post at a time, with the note first for a tip to try', { dark: true });
    await lib.close();
  });

  await rec.step('Import: a Raindrop.io CSV backup, dry run', async () => {
    const lib = await libraryPage(context, extensionId);
    await lib.getByTestId('open-import').click({ timeout: 15_000 });
    const dialog = lib.getByTestId('import-dialog');
    await dialog.getByTestId('import-file').setInputFiles({ name: 'raindrop.csv', mimeType: 'text/csv', buffer: readFileSync(IMPORT_FILE) });
    await expect(dialog.getByTestId('import-report')).toBeVisible({ timeout: 30_000 });
    await expect(dialog.getByTestId('import-source')).toContainText('Raindrop');
    await rec.shoot(lib, 'import-dry-run', 'Import from Raindrop, Pocket, Instapaper, Omnivore, Karakeep, Linkwarden or browser bookmarks: a dry run first says what it adds and which lines it leaves out', { dark: true });
    await dialog.getByRole('button', { name: 'Close' }).last().click();
    await lib.close();
  });
}

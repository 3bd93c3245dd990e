import { test, expect, firstPage } from './fixtures';
import { PopupPage } from './pages/popup-page';
import { LibraryPage } from './pages/library-page';
import { saveFromFeed, screenshot, seriousViolations } from './pages/review-flows';

// Issue 3: the review side. Captures are saved from the demo feeds through the real content
// script, then tagged, collected, searched, filtered and reviewed in the popup and library page.

test('popup and library: tag, collect, search, filter, review; screenshots in both themes; axe clean', async ({ context, extensionId, pageErrors }) => {
  const feed = await firstPage(context);
  const xKeys = await saveFromFeed(feed, 'x', 3);
  const liKeys = await saveFromFeed(feed, 'linkedin', 2);

  // Popup: newest first, the review count, the quick panel for the fresh save.
  const popup = new PopupPage(await context.newPage(), extensionId);
  await popup.page.setViewportSize({ width: 400, height: 600 });
  await popup.open();
  await expect(popup.items()).toHaveCount(5);
  await expect(popup.items().first()).toHaveAttribute('data-capture-key', liKeys[1]!);
  await expect(popup.waiting()).toHaveText('5 waiting for review');
  const quick = popup.quickEdit();
  await expect(quick).toHaveAttribute('data-capture-key', liKeys[1]!);
  await quick.getByRole('button', { name: 'Add tags / note' }).click();
  await quick.getByTestId('tag-input').fill('Onboarding');
  await quick.getByTestId('tag-input').press('Enter');
  await expect(quick.getByRole('button', { name: 'Remove tag Onboarding' })).toBeVisible();
  expect(await seriousViolations(popup.page), 'axe: popup').toEqual([]);
  await popup.page.emulateMedia({ colorScheme: 'light' });
  await screenshot(popup.page, 'popup-light');
  await popup.page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(popup.page, 'popup-dark');
  expect(await seriousViolations(popup.page), 'axe: popup (dark)').toEqual([]);

  // Library.
  const lib = new LibraryPage(await context.newPage(), extensionId);
  await lib.open();
  await expect.poll(() => lib.count()).toBe(5);
  await lib.row(xKeys[0]!).click();
  await expect(lib.detail()).toHaveAttribute('data-capture-key', xKeys[0]!);
  await lib.addTag('ai');
  await lib.addTag(' AI ');
  await expect(lib.detail().getByRole('button', { name: /^Remove tag/ })).toHaveCount(1);

  // Collections: create one, put the open capture in it.
  await lib.page.getByTestId('new-collection').fill('Team rituals');
  await lib.page.getByTestId('new-collection').press('Enter');
  await expect(lib.collection('Team rituals')).toBeVisible();
  await lib.detail().getByRole('checkbox', { name: 'Team rituals' }).check();
  await expect(lib.collection('Team rituals')).toContainText('1');

  // Search as you type, with highlighted matches.
  await lib.page.keyboard.press('Escape');
  await lib.page.keyboard.press('/');
  await expect(lib.search()).toBeFocused();
  const word = (await lib.row(xKeys[1]!).locator('.row__text').innerText()).split(/\s+/).find((w) => /^[A-Za-z]{6,}$/.test(w))!;
  await lib.search().fill(word.slice(0, 5));
  await expect(lib.row(xKeys[1]!)).toBeVisible();
  await expect(lib.row(xKeys[1]!).locator('mark').first()).toBeVisible();
  await lib.search().fill('');

  // Filters with counts.
  const tagFilter = lib.filter('tag', /#ai/);
  await expect(tagFilter.locator('xpath=..')).toContainText('1');
  await tagFilter.check();
  await expect.poll(() => lib.count()).toBe(1);
  await tagFilter.uncheck();
  await lib.filter('platform', /LinkedIn/).check();
  await expect.poll(() => lib.count()).toBe(2);
  await lib.filter('platform', /LinkedIn/).uncheck();

  await lib.page.emulateMedia({ colorScheme: 'light' });
  await screenshot(lib.page, 'library-light');
  expect(await seriousViolations(lib.page), 'axe: library').toEqual([]);
  await lib.page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(lib.page, 'library-dark');
  expect(await seriousViolations(lib.page), 'axe: library (dark)').toEqual([]);

  // Review: walk the unreviewed ones.
  await lib.page.getByTestId('start-review').click();
  const review = lib.page.getByTestId('review-view');
  await expect(review).toBeVisible();
  await review.getByTestId('review-reflection').fill('Try this in the Monday stand-up');
  await review.getByTestId('review-mark').click();
  await screenshot(lib.page, 'library-review-dark');
  await review.getByRole('button', { name: 'Back to library' }).click();
  await lib.page.getByRole('radio', { name: 'Reviewed' }).check();
  await expect.poll(() => lib.count()).toBe(1);

  // A second popup paints the previous open's snapshot at once, then the database's list.
  const again = new PopupPage(await context.newPage(), extensionId);
  await again.open();
  await expect(again.items()).toHaveCount(5);
  await expect(again.page.locator('main[data-list-source="db"]')).toBeVisible();
  await expect(again.waiting()).toHaveText('4 waiting for review');

  expect(pageErrors).toEqual([]);
});

test('library: tip follow-up, tags manager merge, collection rename/delete, delete with Undo; detail screenshots', async ({ context, extensionId, pageErrors }) => {
  const keys = await saveFromFeed(await firstPage(context), 'x', 3);
  const lib = new LibraryPage(await context.newPage(), extensionId);
  await lib.open();
  await expect.poll(() => lib.count()).toBe(3);

  // Tip follow-up: with a delay of 0 days, a tip asks at once, in the library and the popup.
  await lib.page.getByTestId('followup-delay').fill('0');
  await lib.page.getByTestId('followup-delay').press('Enter');
  await lib.row(keys[0]!).click();
  await lib.detail().getByTestId('detail-intent').selectOption('tip');
  const prompt = lib.page.getByTestId('followup');
  await expect(prompt).toHaveAttribute('data-capture-key', keys[0]!);
  const popup = new PopupPage(await context.newPage(), extensionId);
  await popup.open();
  await expect(popup.page.getByTestId('followup-count')).toContainText('1 tip to follow up');
  await expect(popup.page.getByTestId('followup')).toBeVisible();
  await popup.page.close();
  await prompt.getByLabel('What happened?').fill('Tried it in the retro.\nThe team liked it.');
  await prompt.getByRole('button', { name: 'Keep my answer' }).click();
  await expect(prompt).toHaveCount(0);
  await expect(lib.detail()).toContainText('Tried it in the retro.');

  // Tags: two spellings of one idea, merged in the tags manager.
  await lib.addTag('Machine learning');
  await lib.row(keys[1]!).click();
  await lib.addTag('ML');
  await lib.page.getByRole('button', { name: 'Tags', exact: true }).click();
  const manager = lib.page.getByTestId('tags-manager');
  await manager.getByRole('button', { name: 'Rename #ML' }).click();
  await manager.getByLabel('New name for ML').fill('machine learning');
  await manager.getByRole('button', { name: 'Merge' }).click();
  await expect(manager.locator('[data-tag]')).toHaveCount(1);
  await manager.getByRole('button', { name: 'Close' }).first().click();
  await expect(lib.filter('tag', /#Machine learning/).locator('xpath=..')).toContainText('2');

  // Collections: create, rename, delete — the captures stay.
  await lib.page.getByTestId('new-collection').fill('Temp');
  await lib.page.getByTestId('new-collection').press('Enter');
  await lib.detail().getByRole('checkbox', { name: 'Temp' }).check();
  await lib.collection('Temp').click();
  await expect.poll(() => lib.count()).toBe(1);
  await lib.page.getByRole('button', { name: 'Rename “Temp”' }).click();
  await lib.page.getByLabel('New name').fill('Later');
  await lib.page.getByLabel('New name').press('Enter');
  await expect(lib.collection('Later')).toBeVisible();
  await lib.page.getByRole('button', { name: 'Delete “Later”' }).click();
  await expect(lib.toast()).toContainText('Its captures are still in your library');
  await expect(lib.collection('Later')).toHaveCount(0);
  await expect.poll(() => lib.count()).toBe(3);

  // Delete with Undo.
  await lib.row(keys[2]!).click();
  await lib.detail().getByRole('button', { name: 'Delete' }).click();
  await expect(lib.toast()).toContainText('Capture deleted.');
  await expect.poll(() => lib.count()).toBe(2);
  await lib.toast().getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => lib.count()).toBe(3);
  await expect(lib.row(keys[2]!)).toBeVisible();

  await lib.row(keys[0]!).click();
  await lib.page.emulateMedia({ colorScheme: 'light' });
  await screenshot(lib.page, 'library-detail-light');
  await lib.page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(lib.page, 'library-detail-dark');
  expect(await seriousViolations(lib.page), 'axe: library with detail').toEqual([]);
  expect(pageErrors).toEqual([]);
});

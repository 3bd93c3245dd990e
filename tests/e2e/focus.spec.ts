import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { LibraryPage } from './pages/library-page';

// Issue 12, "Focus is lost in about a dozen places": after every library action, by keyboard, focus
// lands on the element a person expects, and never on the page body. Each step asserts
// document.activeElement.

/** True when focus is inside `box` (for the dialog's trap). */
const focusInside = (box: Locator) => box.evaluate((el) => el.contains(document.activeElement));

/** Presses Tab until `target` has focus (at most `max` times); fails when it never does. */
async function tabTo(page: Page, target: Locator, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

test('library focus: skip link, detail tags and delete, undo, tags manager, review, collections, filters, bulk, dialogs, shortcuts', async ({ context, extensionId, pageErrors }) => {
  const lib = new LibraryPage(await context.newPage(), extensionId);
  await lib.open();
  const keys = await lib.seed(5);
  await expect.poll(() => lib.count(), { timeout: 20_000 }).toBe(5);
  const order = [...keys].reverse(); // newest saved first
  const kb = lib.page.keyboard;
  const focused = () => lib.focused();

  // The skip link is the first Tab stop and lands on the list.
  await lib.page.locator('body').focus();
  await kb.press('Tab');
  await expect(lib.page.getByTestId('skip-to-list')).toBeFocused();
  await kb.press('Enter');
  await expect.poll(focused).toBe(`capture-list > ${order[0]}`);

  // Open the first capture: its heading takes focus. Three tags, then remove them one by one.
  await kb.press('Enter');
  await expect(lib.detail().getByRole('heading', { level: 2 })).toBeFocused();
  await tabTo(lib.page, lib.detail().getByTestId('tag-input'));
  for (const tag of ['alpha', 'beta', 'gamma']) {
    await kb.type(tag);
    await kb.press('Enter');
    await expect(lib.detail().getByRole('button', { name: `Remove tag ${tag}` })).toBeVisible();
  }
  // Removing a tag: focus goes to the next tag's remove button…
  await lib.detail().getByRole('button', { name: 'Remove tag beta' }).focus();
  await kb.press('Enter');
  await expect(lib.detail().getByRole('button', { name: 'Remove tag gamma' })).toBeFocused();
  // …to the one before it for the last tag…
  await kb.press('Enter');
  await expect(lib.detail().getByRole('button', { name: 'Remove tag alpha' })).toBeFocused();
  // …and to the tag input when none is left.
  await kb.press('Enter');
  await expect(lib.detail().getByTestId('tag-input')).toBeFocused();
  await expect(lib.detail().getByRole('button', { name: /^Remove tag/ })).toHaveCount(0);

  // Delete in the detail: focus goes to the list, on the next row.
  await lib.detail().getByRole('button', { name: 'Delete', exact: true }).focus();
  await kb.press('Enter');
  await expect(lib.toast()).toContainText('Capture deleted.');
  await expect(lib.detail()).toHaveCount(0);
  await expect.poll(focused).toBe(`capture-list > ${order[1]}`);
  await expect.poll(() => lib.count()).toBe(4);

  // Undo from the toast's button: the capture is back and focus is on the list.
  await lib.toast().getByRole('button', { name: 'Undo' }).focus();
  await kb.press('Enter');
  await expect.poll(() => lib.count()).toBe(5);
  await expect.poll(focused).toMatch(/^capture-list > /);

  // Two tags for the tags manager, on the open capture; Esc closes the detail onto the list.
  await kb.press('Enter');
  await expect(lib.detail()).toBeVisible();
  await lib.addTag('ml');
  await expect(lib.detail().getByRole('button', { name: 'Remove tag ml' })).toBeVisible();
  await lib.addTag('ai');
  await expect(lib.detail().getByRole('button', { name: 'Remove tag ai' })).toBeVisible();
  await lib.detail().getByRole('heading', { level: 2 }).focus();
  await kb.press('Escape');
  await expect(lib.detail()).toHaveCount(0);
  await expect.poll(focused).toMatch(/^capture-list > /);

  // Tags manager: opens with focus inside; Rename focuses its field; Tab stays inside the dialog.
  const openTags = lib.page.getByTestId('open-tags');
  await openTags.focus();
  await kb.press('Enter');
  const manager = lib.page.getByTestId('tags-manager');
  await expect(manager).toBeVisible();
  await expect.poll(() => focusInside(manager)).toBe(true);
  await tabTo(lib.page, manager.getByRole('button', { name: 'Rename #ml' }), 10);
  await kb.press('Enter');
  await expect(manager.locator('#tag-rename')).toBeFocused();
  await kb.press('Control+a');
  await kb.type('machine-learning');
  for (let i = 0; i < 8; i++) {
    await kb.press('Tab');
    expect(await focusInside(manager), `Tab ${i + 1} stays in the tags manager`).toBe(true);
  }
  await manager.locator('#tag-rename').focus();
  await kb.press('Enter');
  await expect(manager.getByRole('button', { name: 'Rename #machine-learning' })).toBeFocused();
  // Esc in the rename field cancels the rename only; focus goes back to the tag's Rename button.
  await manager.getByRole('button', { name: 'Rename #ai' }).focus();
  await kb.press('Enter');
  await expect(manager.locator('#tag-rename')).toBeFocused();
  await kb.press('Escape');
  await expect(manager).toBeVisible();
  await expect(manager.getByRole('button', { name: 'Rename #ai' })).toBeFocused();
  // Esc closes the dialog: focus returns to the button that opened it.
  await kb.press('Escape');
  await expect(manager).toHaveCount(0);
  await expect(openTags).toBeFocused();

  // Export dialog from the banner: Esc closes it onto its button.
  await lib.page.getByTestId('open-export').focus();
  await kb.press('Enter');
  await expect(lib.page.getByRole('dialog')).toBeVisible();
  await expect.poll(() => focusInside(lib.page.getByRole('dialog'))).toBe(true);
  await kb.press('Escape');
  await expect(lib.page.getByRole('dialog')).toHaveCount(0);
  await expect(lib.page.getByTestId('open-export')).toBeFocused();

  // Review: the heading takes focus; Esc leaves it onto the Review button.
  await lib.page.getByTestId('start-review').focus();
  await kb.press('Enter');
  await expect(lib.page.locator('#review-h')).toBeFocused();
  await kb.press('Escape');
  await expect(lib.page.getByTestId('review-view')).toHaveCount(0);
  await expect(lib.page.getByTestId('start-review')).toBeFocused();
  // …and so does its "Leave review" button.
  await kb.press('Enter');
  await expect(lib.page.locator('#review-h')).toBeFocused();
  await lib.page.getByRole('button', { name: 'Back to library' }).focus();
  await kb.press('Enter');
  await expect(lib.page.getByTestId('start-review')).toBeFocused();

  // Collections: create, select, rename (its field takes focus; saving focuses the collection), delete (focus on All).
  await lib.page.getByTestId('new-collection').focus();
  await kb.type('Temp');
  await kb.press('Enter');
  await expect(lib.collection('Temp')).toBeVisible();
  await expect(lib.page.getByTestId('new-collection')).toBeFocused();
  await lib.collection('Temp').focus();
  await kb.press('Enter');
  await lib.page.getByRole('button', { name: 'Rename “Temp”' }).focus();
  await kb.press('Enter');
  await expect(lib.page.locator('#rename-collection')).toBeFocused();
  await kb.press('Control+a');
  await kb.type('Later');
  await kb.press('Enter');
  await expect(lib.collection('Later')).toBeFocused();
  await lib.page.getByRole('button', { name: 'Delete “Later”' }).focus();
  await kb.press('Enter');
  await expect(lib.collection('Later')).toHaveCount(0);
  await expect(lib.collection('All captures')).toBeFocused();

  // Filters: "Clear filters" goes away with the filters; focus moves to the first review choice.
  await lib.filter('platform', /X/).focus();
  await kb.press('Space');
  await expect(lib.page.getByTestId('filters-clear')).toBeVisible();
  await lib.page.getByTestId('filters-clear').focus();
  await kb.press('Enter');
  await expect(lib.page.getByTestId('filters-clear')).toHaveCount(0);
  await expect(lib.page.locator('[data-facet="review"] input[type="radio"]').first()).toBeFocused();

  // Bulk: select two rows; export from the bulk bar returns to its button; Clear returns to the list.
  await lib.list().focus();
  await kb.press('Home');
  await kb.press('Shift+ArrowDown');
  const bar = lib.page.getByTestId('bulk-bar');
  await expect(bar).toContainText('2 selected');
  await bar.getByRole('button', { name: 'Export' }).focus();
  await kb.press('Enter');
  await expect(lib.page.getByRole('dialog')).toBeVisible();
  await kb.press('Escape');
  await expect(lib.page.getByRole('dialog')).toHaveCount(0);
  await expect(bar.getByRole('button', { name: 'Export' })).toBeFocused();
  await bar.getByRole('button', { name: 'Clear selection' }).focus();
  await kb.press('Enter');
  await expect(bar).toHaveCount(0);
  await expect.poll(focused).toMatch(/^capture-list > /);
  // Bulk delete: focus goes back to the list.
  await kb.press('Home');
  await kb.press('Shift+ArrowDown');
  await bar.getByRole('button', { name: 'Delete' }).focus();
  await kb.press('Enter');
  await expect.poll(() => lib.count()).toBe(3);
  await expect.poll(focused).toMatch(/^capture-list > /);
  // The toast's close button: focus goes back to the list, not to the page.
  await lib.toast().getByRole('button', { name: /close|dismiss/i }).focus();
  await kb.press('Enter');
  await expect(lib.toast()).toHaveCount(0);
  await expect.poll(focused).toMatch(/^capture-list > /);

  // Single-key shortcuts can be turned off (WCAG 2.1.4): `/` then types nothing and moves nothing.
  await lib.page.getByTestId('single-keys').focus();
  await kb.press('Space');
  await expect(lib.page.getByTestId('single-keys')).not.toBeChecked();
  await lib.list().focus();
  await kb.press('/');
  await expect.poll(focused).toMatch(/^capture-list > /);
  await lib.page.getByTestId('single-keys').focus();
  await kb.press('Space');
  await expect(lib.page.getByTestId('single-keys')).toBeChecked();
  await lib.list().focus();
  await kb.press('/');
  await expect(lib.search()).toBeFocused();

  expect(pageErrors).toEqual([]);
});

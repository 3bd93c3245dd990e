import type { Page } from '@playwright/test';
import { test, expect, firstPage } from './fixtures';
import { DEMO_URLS } from './demo-feeds';
import { FeedPage } from './pages/feed-page';
import { PopupPage } from './pages/popup-page';
import { LibraryPage } from './pages/library-page';
import { saveFromFeed, screenshot, seriousViolations } from './pages/review-flows';

// Issue 3 "Look and accessibility": the main flows driven by the keyboard only (after the setup
// saves), every Tab stop with a visible focus indicator, and axe-core on the in-page save panel.

/** Describes the focused element and whether it shows a focus indicator (outline or box-shadow). */
async function focused(page: Page): Promise<{ desc: string; visible: boolean }> {
  return page.evaluate(() => {
    let el = document.activeElement as HTMLElement | null;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement as HTMLElement;
    if (!el || el === document.body) return { desc: 'body', visible: false };
    const s = getComputedStyle(el);
    const visible = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || (s.boxShadow !== 'none' && s.boxShadow !== '');
    const name = el.getAttribute("aria-label") ?? (el.getAttribute("type") ? `${el.getAttribute("type")} ${el.closest("label")?.textContent?.trim().slice(0, 20) ?? ""}` : el.textContent?.trim().slice(0, 30)) ?? "";
    return { desc: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${name}"`, visible };
  });
}

test('library and popup by keyboard only; visible focus on every Tab stop', async ({ context, extensionId, pageErrors }) => {
  const keys = await saveFromFeed(await firstPage(context), 'x', 3);

  const lib = new LibraryPage(await context.newPage(), extensionId);
  await lib.open();
  await expect.poll(() => lib.count()).toBe(3);
  const kb = lib.page.keyboard;

  // Tab through the whole page once: every stop shows focus.
  const stops: string[] = [];
  for (let i = 0; i < 40; i++) {
    await kb.press('Tab');
    const f = await focused(lib.page);
    if (f.desc === 'body') break; // past the last stop
    expect.soft(f.visible, `visible focus on ${f.desc}`).toBe(true);
    stops.push(f.desc);
  }
  expect(stops.some((s) => s.includes('#library-search'))).toBe(true);
  expect(stops.some((s) => s.startsWith('div') && s.includes('Captures'))).toBe(true);

  // `/` search → ↓ into the list → Enter opens → tag → Esc closes.
  await kb.press('/');
  await expect(lib.search()).toBeFocused();
  await kb.type('test');
  await kb.press('ArrowDown');
  await expect(lib.list()).toBeFocused();
  await kb.press('Enter');
  await expect(lib.detail()).toBeVisible();
  await expect(lib.detail().getByRole('heading', { level: 2 }), 'the detail heading takes focus').toBeFocused();
  const openKey = await lib.detail().getAttribute('data-capture-key');
  for (let i = 0; i < 20 && !(await lib.detail().getByTestId('tag-input').evaluate((e) => e === document.activeElement)); i++) await kb.press('Tab');
  await expect(lib.detail().getByTestId('tag-input')).toBeFocused();
  await kb.type('keyboard');
  await kb.press('Enter');
  await expect(lib.detail().getByRole('button', { name: 'Remove tag keyboard' })).toBeVisible();
  await kb.press('Escape');
  await expect(lib.detail()).toHaveCount(0);
  await expect(lib.list()).toBeFocused();
  await expect(lib.row(openKey!)).toContainText('#keyboard');

  // Clear the search, select two rows with Shift+↓, delete, undo with Ctrl+Z.
  await kb.press('/');
  await kb.press('Control+a');
  await kb.press('Backspace');
  await kb.press('ArrowDown');
  await expect.poll(() => lib.count()).toBe(3);
  await kb.press('Shift+ArrowDown');
  await expect(lib.page.getByTestId('bulk-bar')).toContainText('2 selected');
  await kb.press('Delete');
  await expect(lib.toast()).toContainText('2 captures deleted');
  await expect.poll(() => lib.count()).toBe(1);
  await kb.press('Control+z');
  await expect.poll(() => lib.count()).toBe(3);
  await kb.press('Control+a');
  await expect(lib.page.getByTestId('bulk-bar')).toContainText('3 selected');
  await kb.press('Escape');

  // Review by keyboard: Tab to the Review button, Enter, reflection, mark reviewed.
  await lib.page.getByTestId('start-review').focus();
  await kb.press('Enter');
  await expect(lib.page.getByTestId('review-view')).toBeVisible();
  await expect(lib.page.locator('#review-h'), 'the review heading takes focus').toBeFocused();
  // The card's links come first: "Open the quoted post" on a quote, "Open original" (issue 12 Review
  // card); how many depends on the post under review, so the count is not fixed here. Tab on until
  // the reflection field (generous cap), each stop inside the Review and visibly focused; a failure
  // lists the stops. (A welcome tab opening part way was a race of its own: the fixture now closes
  // it before the test starts.)
  await expect(lib.page.getByTestId('review-card')).toBeVisible();
  const reviewStops: string[] = [];
  for (let i = 0; i < 15 && !(await lib.page.getByTestId('review-reflection').evaluate((e) => e === document.activeElement)); i++) {
    await kb.press('Tab');
    const f = await focused(lib.page);
    reviewStops.push(f.desc);
    expect.soft(f.visible, `visible focus on ${f.desc}`).toBe(true);
    expect(await lib.page.evaluate(() => !!document.activeElement?.closest('[data-testid="review-view"]')), `focus stays in the Review: ${reviewStops.join(' → ')}`).toBe(true);
  }
  await expect(lib.page.getByTestId('review-reflection'), `Tab stops: ${reviewStops.join(' → ')}`).toBeFocused();
  test.info().annotations.push({ type: 'review-tab-stops', description: reviewStops.join(' → ') });
  await kb.type('Apply at work');
  for (let i = 0; i < 10 && !(await lib.page.getByTestId('review-mark').evaluate((e) => e === document.activeElement)); i++) await kb.press('Tab');
  await kb.press('Enter');
  await expect(lib.page.getByTestId('review-view')).toContainText('2 of 3');
  await kb.press('Escape');
  await expect(lib.page.getByTestId('review-view')).toHaveCount(0);
  expect(keys).toHaveLength(3);

  // Popup: Tab reaches "Open library"; L opens it.
  const popup = new PopupPage(await context.newPage(), extensionId);
  await popup.open();
  await expect(popup.items()).toHaveCount(3);
  await popup.page.keyboard.press('Tab');
  await expect(popup.openLibraryLink()).toBeFocused();
  expect((await focused(popup.page)).visible).toBe(true);
  const [opened] = await Promise.all([context.waitForEvent('page'), popup.page.keyboard.press('l')]);
  await opened.waitForLoadState();
  expect(opened.url()).toBe(`chrome-extension://${extensionId}/library.html`);
  expect(pageErrors).toEqual([]);
});

test('axe: the in-page save panel has no serious or critical violations', async ({ context }) => {
  const page = await firstPage(context);
  const feed = new FeedPage(page, 'x');
  await feed.goto(DEMO_URLS.xHome);
  const control = feed.control(0);
  await expect(control).toBeVisible();
  await feed.button(control).click();
  await expect.poll(() => feed.state(control)).toBe('saved');
  const panel = control.locator('[role="dialog"]');
  await expect(panel).toBeVisible();
  await screenshot(page, 'save-panel');
  expect(await seriousViolations(page, 'satchel-save'), 'axe: save panel').toEqual([]);
});

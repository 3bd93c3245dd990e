import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';
import { REPO_ROOT } from './demo-feeds';
import { LibraryPage } from './pages/library-page';

// Issue 12: reflow and zoom (WCAG 1.4.10) — at 320 × 256 CSS px (400 % zoom) and 640 × 360 (200 %)
// the library is one column, the page scrolls, the list keeps the width, an open capture is a
// full-width view with a Back button, and the sidebar is a disclosure that takes focus and closes on
// Esc. Then axe (every impact level) on the library's views, light and dark. Screenshots go to
// test-results/screens/shell/.

const SHOTS = join(REPO_ROOT, 'test-results', 'screens', 'shell');

async function shoot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: join(SHOTS, `${name}-${scheme}.png`), fullPage });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Width of the document that scrolls sideways beyond the viewport (0: none). */
const sideways = (page: Page) => page.evaluate(() => document.scrollingElement!.scrollWidth - document.scrollingElement!.clientWidth);
const widthOf = (page: Page, selector: string) => page.locator(selector).evaluate((el) => el.getBoundingClientRect().width);

/** axe violations of every impact level, as readable lines. */
async function axe(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).analyze();
  return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

test('reflow at 320 × 256 and 640 × 360: one column, page scrolls, full-width detail with Back, sidebar disclosure', async ({ context, extensionId, pageErrors }) => {
  const page = await context.newPage();
  const lib = new LibraryPage(page, extensionId);
  await page.setViewportSize({ width: 320, height: 256 });
  await lib.open();
  await lib.seed(6);
  await expect.poll(() => lib.count(), { timeout: 20_000 }).toBe(6);

  // 320 px: the list has the width, nothing scrolls sideways, the page scrolls down to the list.
  expect(await widthOf(page, '[data-testid="capture-list"]')).toBeGreaterThanOrEqual(280);
  expect(await sideways(page)).toBeLessThanOrEqual(0);
  expect(await page.evaluate(() => getComputedStyle(document.body).overflowY)).not.toBe('hidden');
  await page.evaluate(() => window.scrollTo(0, document.scrollingElement!.scrollHeight));
  await expect.poll(() => page.evaluate(() => document.scrollingElement!.scrollTop)).toBeGreaterThan(0);
  await expect(lib.rows().first()).toBeInViewport();
  await shoot(page, 'reflow-320-list');

  // The sidebar: a disclosure under the banner; opening moves focus into it, Esc closes it onto the toggle.
  await page.evaluate(() => window.scrollTo(0, 0));
  const toggle = page.getByTestId('side-toggle');
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByTestId('side-close')).toBeFocused();
  const banner = await page.locator('header.lib__top').boundingBox();
  const side = await page.getByTestId('lib-side').boundingBox();
  expect(side!.y, 'the sidebar starts below the wrapped banner, never over it').toBeGreaterThanOrEqual(banner!.y + banner!.height - 1);
  expect(await sideways(page)).toBeLessThanOrEqual(0);
  await shoot(page, 'reflow-320-sidebar');
  await page.keyboard.press('Escape');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByTestId('lib-side')).toBeHidden();
  await expect(toggle).toBeFocused();

  // An open capture is a full-width view with a Back button; Back returns to the list on its row.
  await lib.list().focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(lib.detail()).toBeVisible();
  await expect(lib.list()).toBeHidden();
  expect(await widthOf(page, '.lib__detail')).toBeGreaterThanOrEqual(300);
  expect(await sideways(page)).toBeLessThanOrEqual(0);
  await shoot(page, 'reflow-320-detail');
  const key = await lib.detail().getAttribute('data-capture-key');
  await page.getByTestId('detail-back').click();
  await expect(lib.detail()).toHaveCount(0);
  await expect.poll(() => lib.focused()).toBe(`capture-list > ${key}`);

  // 640 × 360 (200 %): the open detail no longer squeezes the list; it takes the width.
  await page.setViewportSize({ width: 640, height: 360 });
  expect(await widthOf(page, '[data-testid="capture-list"]')).toBeGreaterThanOrEqual(600);
  await shoot(page, 'reflow-640-list');
  await page.keyboard.press('Enter');
  await expect(lib.detail()).toBeVisible();
  expect(await widthOf(page, '.lib__detail')).toBeGreaterThanOrEqual(600);
  expect(await sideways(page)).toBeLessThanOrEqual(0);
  await shoot(page, 'reflow-640-detail');
  expect(await axe(page), 'axe: narrow detail').toEqual([]);
  await page.keyboard.press('Escape');
  await expect(lib.list()).toBeVisible();
  expect(await axe(page), 'axe: narrow list').toEqual([]);
  expect(pageErrors).toEqual([]);
});

test('density toggle kept per device; axe, every impact level, light and dark: library list (both densities), detail, Review, tags manager, collection rename, narrow sidebar', async ({ context, extensionId, pageErrors }) => {
  const page = await context.newPage();
  const lib = new LibraryPage(page, extensionId);
  await page.setViewportSize({ width: 1280, height: 800 });
  await lib.open();
  await lib.seed(4);
  await expect.poll(() => lib.count(), { timeout: 20_000 }).toBe(4);
  const check = async (name: string) => {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await axe(page), `axe: ${name}, ${scheme}`).toEqual([]);
    }
    await shoot(page, name, false);
  };

  await check('axe-list');
  // Density: Dense rows are shorter (components/CaptureRow.tsx rowHeightFor) and the choice stays after a reload.
  const rowHeight = () => lib.rows().first().evaluate((el) => el.getBoundingClientRect().height);
  const comfortable = await rowHeight();
  await page.getByTestId('density').getByLabel('Dense').check();
  await expect.poll(rowHeight).toBeLessThan(comfortable);
  await page.reload();
  await expect(lib.rows().first()).toBeVisible();
  await expect(page.getByTestId('density').getByLabel('Dense')).toBeChecked();
  await expect.poll(rowHeight).toBeLessThan(comfortable);
  await check('axe-list-dense');
  await page.getByTestId('density').getByLabel('Comfortable').check();
  await expect.poll(rowHeight).toBe(comfortable);
  await lib.rows().first().click();
  await lib.addTag('focus');
  await expect(lib.detail().getByRole('button', { name: 'Remove tag focus' })).toBeVisible();
  await check('axe-detail');
  await page.getByTestId('open-tags').click();
  await page.getByTestId('tags-manager').getByRole('button', { name: 'Rename #focus' }).click();
  await check('axe-tags-manager');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('tags-manager')).toHaveCount(0);
  await page.getByTestId('new-collection').fill('Reading');
  await page.getByTestId('new-collection').press('Enter');
  await lib.collection('Reading').click();
  await page.getByRole('button', { name: 'Rename “Reading”' }).click();
  await check('axe-collection-rename');
  await page.keyboard.press('Escape');
  await lib.collection('All captures').click();
  await page.getByTestId('start-review').click();
  await expect(page.getByTestId('review-view')).toBeVisible();
  await check('axe-review');
  await page.keyboard.press('Escape');
  await page.setViewportSize({ width: 320, height: 256 });
  await page.getByTestId('side-toggle').click();
  await expect(page.getByTestId('side-close')).toBeFocused();
  await check('axe-narrow-sidebar');
  expect(pageErrors).toEqual([]);
});

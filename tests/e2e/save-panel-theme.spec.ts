import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect, firstPage, SCREENS_DIR } from './fixtures';
import { DEMO_URLS } from './demo-feeds';
import { FeedPage } from './pages/feed-page';

// Issue 12, red team finding 10: the theme choice on the options page (system / light / dark) did
// not reach the in-page save panel, which followed the system only. The choice is mirrored into
// browser.storage.local (lib/platform/theme.ts) and the panel reads it when it opens and follows
// later changes.

/** Picks `name` in the options page's Theme radio group, as a person does. */
async function chooseTheme(options: Page, name: 'Same as the system' | 'Light' | 'Dark'): Promise<void> {
  const radio = options.getByRole('group', { name: 'Theme' }).getByRole('radio', { name });
  await radio.check({ timeout: 20_000 });
  await expect(radio).toBeChecked();
}

/** True when the panel's own background is dark (relative luminance below 0.2). */
async function panelIsDark(panel: Locator): Promise<boolean> {
  return panel.evaluate((el) => {
    const m = getComputedStyle(el).backgroundColor.match(/\d+(\.\d+)?/g)!.map(Number);
    const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(m[0]!) + 0.7152 * lin(m[1]!) + 0.0722 * lin(m[2]!) < 0.2;
  });
}

test('save panel follows the theme choice, not only the system', async ({ context, extensionId }) => {
  test.setTimeout(120_000);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await chooseTheme(options, 'Dark');

  const page = await firstPage(context);
  await page.emulateMedia({ colorScheme: 'light' });
  const feed = new FeedPage(page, 'linkedin');
  await feed.goto(DEMO_URLS.linkedinFeed);
  const control = feed.control(0);
  await feed.button(control).click();
  const panel = control.getByRole('dialog', { name: 'Saved in Satchel' });
  await expect(panel).toBeVisible({ timeout: 20_000 });
  await expect.poll(() => panelIsDark(panel), { message: 'theme choice dark on a light system', timeout: 10_000 }).toBe(true);
  await page.screenshot({ path: join(SCREENS_DIR, 'fixinpage', 'panel-choice-dark-on-light-system.png') });

  // A change made while the panel is open reaches it.
  await chooseTheme(options, 'Light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => panelIsDark(panel), { message: 'theme choice light on a dark system', timeout: 10_000 }).toBe(false);
  await page.screenshot({ path: join(SCREENS_DIR, 'fixinpage', 'panel-choice-light-on-dark-system.png') });

  // "Same as the system" follows the system again.
  await chooseTheme(options, 'Same as the system');
  await expect.poll(() => panelIsDark(panel), { message: 'system choice on a dark system', timeout: 10_000 }).toBe(true);
});

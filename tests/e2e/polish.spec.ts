import { test, expect, firstPage, isWelcomeTab } from './fixtures';
import { PopupPage } from './pages/popup-page';
import { LibraryPage } from './pages/library-page';
import { saveFromFeed, seriousViolations } from './pages/review-flows';

// Issue 12, polish after the first wave: the Satchel mark before the title in the popup and the
// library; the popup's "Just saved" compact so the list stays in view; and the install's welcome tab
// closed by the fixture so specs that wait for a new page never catch it instead.
// Screenshots: test-results/screens/polish/.

test('the welcome tab of the install is closed before a spec starts; a new tab is the one the spec opens', async ({ context, extensionId }) => {
  expect(context.pages().filter(isWelcomeTab)).toEqual([]);
  const popup = new PopupPage(await firstPage(context), extensionId);
  await popup.open();
  const [opened] = await Promise.all([context.waitForEvent('page', { timeout: 30_000 }), popup.openLibraryLink().click()]);
  await opened.waitForLoadState();
  expect(opened.url()).toBe(`chrome-extension://${extensionId}/library.html`);
});

test('popup and library headers show the mark before "Satchel"; the Just saved edit is compact; light and dark', async ({ context, extensionId, pageErrors, shot }) => {
  test.setTimeout(120_000);
  await saveFromFeed(await firstPage(context), 'x', 4);
  const popup = new PopupPage(await context.newPage(), extensionId);
  await popup.page.setViewportSize({ width: 380, height: 600 });
  await popup.open();
  await expect(popup.items()).toHaveCount(4, { timeout: 15_000 });
  const brand = popup.page.locator('header h1');
  await expect(brand).toHaveText('Satchel');
  await expect(brand.locator('svg.logo[aria-hidden="true"]')).toBeVisible();
  // Mark before the word, on the same line.
  const [mark, title] = await Promise.all([brand.locator('svg.logo').boundingBox(), brand.boundingBox()]);
  expect(mark!.x - title!.x).toBeLessThan(4);
  expect(mark!.height).toBe(20);

  // Compact: the title line, the intents and "Add tags / note"; no tag field until asked.
  const quick = popup.quickEdit();
  await expect(quick).toBeVisible();
  await expect(quick.getByRole('button', { name: 'Tip to try' })).toBeVisible();
  await expect(quick.getByTestId('tag-input')).toHaveCount(0);
  const quickBox = (await quick.boundingBox())!;
  expect(quickBox.height, 'Just saved takes at most a quarter of a 600 px popup').toBeLessThan(150);
  // The list shows at least two items within the first screen.
  const second = (await popup.items().nth(1).boundingBox())!;
  expect(second.y).toBeLessThan(600);
  for (const scheme of ['light', 'dark'] as const) {
    await popup.page.emulateMedia({ colorScheme: scheme });
    await shot(popup.page, `polish/popup-${scheme}`);
    expect(await seriousViolations(popup.page), `axe: popup ${scheme}`).toEqual([]);
  }
  const more = quick.getByRole('button', { name: 'Add tags / note' });
  await more.click();
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  await quick.getByTestId('tag-input').fill('Retros');
  await quick.getByTestId('tag-input').press('Enter');
  await expect(quick.getByRole('button', { name: 'Remove tag Retros' })).toBeVisible();
  await expect(quick.getByTestId('quick-note')).toBeVisible();
  await shot(popup.page, 'polish/popup-quick-open-dark');

  const lib = new LibraryPage(await context.newPage(), extensionId);
  await lib.open();
  await expect.poll(() => lib.count(), { timeout: 15_000 }).toBe(4);
  const libBrand = lib.page.locator('h1.lib__brand');
  await expect(libBrand.locator('svg.logo[aria-hidden="true"]')).toBeVisible();
  await expect(libBrand).toHaveText('Satchel library');
  for (const scheme of ['light', 'dark'] as const) {
    await lib.page.emulateMedia({ colorScheme: scheme });
    await shot(lib.page, `polish/library-${scheme}`);
  }
  expect(pageErrors).toEqual([]);
});

import type { Page } from '@playwright/test';
import { test, expect, firstPage } from './fixtures';
import { PopupPage } from './pages/popup-page';
import { saveFromFeed, seriousViolations } from './pages/review-flows';
import { capturesByKey } from './pages/flows';

// Issue 12, the popup shell: it was a fixed 380 px and scrolled sideways at 320 px (WCAG 1.4.10);
// its `l` shortcut could not be turned off (WCAG 2.1.4); the "Just saved" quick edit had no intent
// picker. Screenshots: test-results/screens/inpage/popup-*.png.

/** Elements wider than the viewport or reaching past its right edge (empty when nothing scrolls sideways). */
async function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    if (document.documentElement.scrollWidth > width) out.push(`document scrollWidth ${document.documentElement.scrollWidth} > ${width}`);
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > width + 0.5) out.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} right ${Math.round(r.right)}`);
    }
    return out.slice(0, 10);
  });
}

/** Writes a device setting into the extension's `kv` store (raw IndexedDB, in an extension page). */
async function setKv(page: Page, key: string, value: unknown): Promise<void> {
  await page.evaluate(
    ([k, v]) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('satchel');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const tx = req.result.transaction('kv', 'readwrite');
          tx.objectStore('kv').put({ key: k, value: v });
          tx.oncomplete = () => {
            req.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [key, value] as const,
  );
}

test('popup at 320 px CSS: nothing scrolls sideways, light and dark; at 380 px it keeps its width (issue 12)', async ({ context, extensionId, pageErrors, shot }) => {
  const feed = await firstPage(context);
  await saveFromFeed(feed, 'x', 3);
  const popup = new PopupPage(await context.newPage(), extensionId);
  await popup.page.setViewportSize({ width: 320, height: 640 });
  await popup.open();
  await expect(popup.items()).toHaveCount(3, { timeout: 15_000 });
  await expect(popup.quickEdit()).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    await popup.page.emulateMedia({ colorScheme: scheme });
    expect(await sidewaysOverflow(popup.page), `320 px, ${scheme}`).toEqual([]);
    await shot(popup.page, `inpage/popup-320-${scheme}`);
  }
  expect(await seriousViolations(popup.page), 'axe: popup at 320 px').toEqual([]);
  await popup.page.setViewportSize({ width: 800, height: 640 });
  await expect.poll(() => popup.page.evaluate(() => document.body.getBoundingClientRect().width)).toBe(380);
  await shot(popup.page, 'inpage/popup-380-dark');
  expect(pageErrors).toEqual([]);
});

test('popup "Just saved" sets the learning intent with the save panel\'s choices (issue 12)', async ({ context, extensionId, db, pageErrors, shot }) => {
  const feed = await firstPage(context);
  const [key] = await saveFromFeed(feed, 'x', 1);
  const popup = new PopupPage(await context.newPage(), extensionId);
  await popup.open();
  const quick = popup.quickEdit();
  await expect(quick).toBeVisible({ timeout: 15_000 });
  const group = quick.getByRole('group', { name: 'Why are you saving it?' });
  for (const name of ['Tip to try', 'Job aid', 'Question to discuss', 'Worth sharing']) await expect(group.getByRole('button', { name })).toBeVisible();
  await group.getByRole('button', { name: 'Tip to try' }).click();
  await expect(group.getByRole('button', { name: 'Tip to try' })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => (await capturesByKey(db, key!))[0]?.intent).toBe('tip');
  for (const scheme of ['light', 'dark'] as const) {
    await popup.page.emulateMedia({ colorScheme: scheme });
    await shot(popup.page, `inpage/popup-quick-intent-${scheme}`);
  }
  await group.getByRole('button', { name: 'Tip to try' }).click();
  await expect.poll(async () => (await capturesByKey(db, key!))[0]?.intent).toBeNull();
  expect(pageErrors).toEqual([]);
});

test('popup: L opens the library only while single-key shortcuts are on (issue 12, WCAG 2.1.4)', async ({ context, extensionId, pageErrors }) => {
  const popup = new PopupPage(await firstPage(context), extensionId);
  await popup.open();
  await expect(popup.openLibraryLink()).toHaveAttribute('aria-keyshortcuts', 'L');
  await setKv(popup.page, 'singleKeyShortcuts', false);
  await popup.page.reload();
  await expect(popup.openLibraryLink()).not.toHaveAttribute('aria-keyshortcuts', /.+/);
  // The popup handles keys synchronously: with window.open stubbed, a key press either opened the
  // library by the time dispatchEvent returns or never will.
  const opensLibrary = () =>
    popup.page.evaluate(() => {
      let opened = false;
      const real = window.open;
      window.open = () => {
        opened = true;
        return null;
      };
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'l', bubbles: true, cancelable: true }));
      window.open = real;
      return opened;
    });
  expect(await opensLibrary()).toBe(false);

  await setKv(popup.page, 'singleKeyShortcuts', true);
  await popup.page.reload();
  await expect(popup.openLibraryLink()).toHaveAttribute('aria-keyshortcuts', 'L');
  expect(await opensLibrary()).toBe(true);
  const [opened] = await Promise.all([context.waitForEvent('page'), popup.page.locator('body').press('l')]);
  await opened.waitForLoadState();
  expect(opened.url()).toBe(`chrome-extension://${extensionId}/library.html`);
  expect(pageErrors).toEqual([]);
});

import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, SCREENS_DIR } from './fixtures';
import { LibraryPage, seedDraft } from './pages/library-page';
import { axeLightDark, shotsLightDark } from './pages/screens';
import { contentKeyOf } from '../../lib/schema/content-key';

// Issue 9 (docs/cards.md "Completeness flags"): what a capture lacks is said in words on its library
// row: "No link yet" with "Find on LinkedIn" (a mouse shortcut; the row stays an option with nothing
// focusable, the keyboard reaches the link in the detail), "Image not loaded" for an X post whose
// photo never loaded. Screenshots: test-results/screens/flags/.

const DIR = join(SCREENS_DIR, 'flags');
const AUTHOR = { name: 'Member A', handle: null, profileUrl: 'https://www.linkedin.com/in/member-a', avatarUrl: null };
const TEXT = 'Five questions I ask before every workshop.\nThe third one changed how I plan.';
const IDLESS = {
  ...seedDraft(1), platform: 'linkedin', postId: contentKeyOf({ author: AUTHOR, text: TEXT }), permalink: null, permalinkMissing: true, author: AUTHOR, text: TEXT,
};
const PHOTO = {
  ...seedDraft(2), text: 'Our team board after the retro (photo).', mediaMissing: true,
  quoted: {
    platform: 'x', postId: '1900000000000000009', permalink: 'https://x.com/bo/status/1900000000000000009', author: { name: 'Bo Quoted', handle: 'bo', profileUrl: null, avatarUrl: null },
    text: 'How we run retros', lang: 'en', postedAt: null, media: [], links: [], hashtags: [], mentions: [], poll: null, truncated: false, mediaMissing: true, unavailable: false,
  },
};

async function save(page: Page, drafts: unknown[]): Promise<void> {
  await page.evaluate(async (list) => {
    const rt = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok?: boolean; error?: string }> } } }).chrome.runtime;
    for (const draft of list) {
      const r = await rt.sendMessage({ type: 'capture/save', draft });
      if (!r || r.ok === false) throw new Error(`save failed: ${JSON.stringify(r)}`);
    }
  }, drafts);
}

test('library rows name what is missing: "No link yet" with "Find on LinkedIn", "Image not loaded"; the row stays one option; axe clean; screenshots', async ({ context, extensionId, pageErrors }) => {
  test.setTimeout(120_000);
  const lib = new LibraryPage(await context.newPage(), extensionId);
  await lib.page.setViewportSize({ width: 1280, height: 800 });
  await lib.open();
  await lib.seed(1, 3);
  await save(lib.page, [PHOTO, IDLESS]);
  await expect.poll(() => lib.count(), { timeout: 15_000 }).toBe(3);

  const idless = lib.row(`linkedin:${IDLESS.postId}`);
  await expect(idless.locator('[data-flag="permalinkMissing"]')).toHaveText('Incomplete: No link yet');
  await expect(idless.locator('a, button, input, [tabindex]')).toHaveCount(0);
  const photo = lib.row(`x:${PHOTO.postId}`);
  await expect(photo.locator('[data-flag]')).toHaveText(['Incomplete: Image not loaded', 'Quoted image not loaded']);
  await expect(photo.getByTestId('row-find-on-site')).toHaveCount(0);
  expect(await axeLightDark(lib.page, '[data-testid="capture-list"]'), 'axe: library list with flags').toEqual([]);
  await shotsLightDark(lib.page, DIR, 'library-flags');

  // "Find on LinkedIn" from the row opens the author's recent posts in a new tab, and leaves the row unselected.
  const asked = context.waitForEvent('request', (r) => r.url() === 'https://www.linkedin.com/in/member-a/recent-activity/all/');
  await idless.getByTestId('row-find-on-site').click();
  await asked;
  await expect(lib.detail()).toHaveCount(0);

  // The keyboard: the list is one stop; Enter opens the capture, whose detail has the same link.
  await lib.page.bringToFront();
  await lib.list().focus();
  await lib.page.keyboard.press('Home');
  const target = await idless.getAttribute('id');
  for (let i = 0; i < 3 && (await lib.list().getAttribute('aria-activedescendant')) !== target; i++) await lib.page.keyboard.press('ArrowDown');
  await expect(lib.list()).toHaveAttribute('aria-activedescendant', target!);
  await lib.page.keyboard.press('Enter');
  await expect(lib.detail().getByRole('link', { name: 'Find on LinkedIn' })).toHaveAttribute('href', 'https://www.linkedin.com/in/member-a/recent-activity/all/');
  await shotsLightDark(lib.page, DIR, 'library-idless-detail');

  // The X post's detail names the missing media, and never says "read the rest" for it.
  await photo.click();
  const flags = lib.detail().getByTestId('detail-flags');
  await expect(flags).toContainText('Some images or video of the quoted post are missing');
  await expect(flags.getByRole('link')).toHaveText(['Open the original to see the missing images or video']);
  await shotsLightDark(lib.page, DIR, 'library-photo-detail');
  expect(pageErrors).toEqual([]);
});

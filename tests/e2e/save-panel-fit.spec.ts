import type { Locator, Page } from '@playwright/test';
import { test, expect, firstPage } from './fixtures';
import { DEMO_URLS } from './demo-feeds';
import { FeedPage, type Site } from './pages/feed-page';
import { expectOneControlPerPost } from './pages/flows';
import { SITE_META } from '../../lib/sites/meta';

// Issue 12 "The save panel is cut off" (Note or Done below the visible area on X, LinkedIn and Viva
// Engage) "and covers the page's top bar". At 1280×720, with the Save control near the top, in the
// middle and near the bottom of the window, every field of the panel and its Done button lie inside
// the viewport, nothing of the panel is under the site's top bar, and the panel does not cover its
// own control.

const VIEW = { width: 1280, height: 720 };

/** The site's least top bar, from the site table (lib/sites/meta.ts `topBarPx`), as the panel reads it. */
const SITE_TOP_BAR: Record<Site, number> = { linkedin: SITE_META.linkedin.topBarPx, x: SITE_META.x.topBarPx, yammer: SITE_META.yammer.topBarPx };

const PAGES: Array<{ site: Site; url: string; index: number }> = [
  { site: 'x', url: DEMO_URLS.xHome, index: 2 },
  { site: 'linkedin', url: DEMO_URLS.linkedinFeed, index: 1 },
  { site: 'yammer', url: DEMO_URLS.engageThread, index: 0 },
];

/**
 * The bottom of the page's own top bar in viewport px: the lowest bottom edge of a fixed or sticky
 * element (or one inside such an element) that touches the top of the viewport and spans at least a
 * third of its width, at the panel's column; at least the site's {@link SITE_TOP_BAR}.
 */
async function topBarBottom(page: Page, site: Site, x: number): Promise<number> {
  const measured = await page.evaluate((px) => {
    let bottom = 0;
    for (const hit of document.elementsFromPoint(px, 1)) {
      if (hit.closest('satchel-save')) continue;
      for (let el: Element | null = hit; el && el !== document.documentElement; el = el.parentElement) {
        const pos = getComputedStyle(el).position;
        if (pos !== 'fixed' && pos !== 'sticky') continue;
        const r = el.getBoundingClientRect();
        if (r.top <= 1 && r.width >= window.innerWidth / 3 && r.height < window.innerHeight / 3) bottom = Math.max(bottom, r.bottom);
      }
    }
    return bottom;
  }, x);
  return Math.max(measured, SITE_TOP_BAR[site]);
}

/** The panel's fields (intent chips, tag box, collection box, note) and Done, by role and name. */
function fields(panel: Locator): Array<[string, Locator]> {
  return [
    ['intent: Tip to try', panel.getByRole('button', { name: 'Tip to try' })],
    ['intent: Worth sharing', panel.getByRole('button', { name: 'Worth sharing' })],
    ['tag box', panel.getByRole('textbox', { name: 'Add a tag, then Enter' })],
    ['collection box', panel.getByRole('textbox', { name: /collection/i })],
    ['note', panel.getByRole('textbox', { name: /note/i })],
    ['Done', panel.getByRole('button', { name: 'Done' })],
  ];
}

/** What is wrong with the panel's placement (empty when nothing). */
async function misplaced(page: Page, site: Site, panel: Locator, button: Locator): Promise<string[]> {
  const wrong: string[] = [];
  const p = await panel.boundingBox();
  const c = await button.boundingBox();
  if (!p || !c) return ['panel or control not rendered'];
  const bar = await topBarBottom(page, site, p.x + p.width / 2);
  if (p.y < bar - 0.5) wrong.push(`panel top ${p.y} is under the top bar (bottom ${bar})`);
  if (p.y + p.height > VIEW.height + 0.5) wrong.push(`panel bottom ${p.y + p.height} is below the viewport`);
  if (p.x < 0 || p.x + p.width > VIEW.width) wrong.push(`panel x ${p.x}..${p.x + p.width} leaves the viewport`);
  if (p.y < c.y + c.height && c.y < p.y + p.height && p.x < c.x + c.width && c.x < p.x + p.width) wrong.push('panel covers its Save control');
  for (const [name, el] of fields(panel)) {
    const b = await el.boundingBox();
    if (!b) {
      wrong.push(`${name}: not rendered`);
      continue;
    }
    // Inside the viewport, below the top bar, and not clipped by the panel's own scroll box.
    if (b.y < Math.max(bar, p.y) - 0.5 || b.y + b.height > Math.min(VIEW.height, p.y + p.height) + 0.5) wrong.push(`${name}: y ${Math.round(b.y)}..${Math.round(b.y + b.height)} not visible`);
  }
  return wrong;
}

for (const { site, url, index } of PAGES) {
  test(`save panel fits at 1280×720 on ${site}: every field and Done visible, top bar uncovered (issue 12)`, async ({ context, pageErrors, shot }) => {
    const page = await firstPage(context);
    await page.setViewportSize(VIEW);
    const feed = new FeedPage(page, site);
    await feed.goto(url);
    if (site !== 'yammer') await expectOneControlPerPost(feed, 'first batch');
    const control = feed.control(index);
    const button = feed.button(control);
    await expect(button).toBeVisible({ timeout: 15_000 });
    await button.click();
    await expect.poll(() => feed.state(control), { timeout: 15_000 }).toBe('saved');
    const panel = control.getByRole('dialog', { name: 'Saved in Satchel' });
    await expect(panel).toBeVisible({ timeout: 15_000 });
    // A tag and a collection make the panel as tall as it gets in use (chips, recent choices).
    const tagBox = panel.getByRole('textbox', { name: 'Add a tag, then Enter' });
    await tagBox.fill('onboarding');
    await tagBox.press('Enter');
    await expect(panel.getByRole('button', { name: /remove.*onboarding/i })).toBeVisible();

    // The control just below the top bar, in the middle, and near the bottom of the window.
    const bar = SITE_TOP_BAR[site];
    for (const [where, y] of [['top', bar + 70], ['middle', VIEW.height / 2], ['bottom', VIEW.height - 40]] as const) {
      await button.evaluate((b, to) => window.scrollBy(0, b.getBoundingClientRect().top - to), y);
      await expect.poll(() => misplaced(page, site, panel, button), { message: `${site}, control at the ${where}` }).toEqual([]);
      await shot(page, `inpage/fit-${site}-${where}`);
    }
    await page.emulateMedia({ colorScheme: 'dark' });
    await shot(page, `inpage/fit-${site}-bottom-dark`);
    expect(pageErrors).toEqual([]);
  });
}

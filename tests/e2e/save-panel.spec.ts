import type { Locator, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, firstPage } from './fixtures';
import { DEMO_URLS } from './demo-feeds';
import { FeedPage } from './pages/feed-page';
import { capturesByKey, expectOneControlPerPost } from './pages/flows';

// The save panel is not in the content script bundle: the background injects it (panel-ui.js)
// the first time a panel opens (docs/decisions/0005-content-script-size.md). These checks prove the
// real extension loads it and that what the learner picks there is stored.

test('save panel: opens after a click, intent and tag are stored, Esc closes it', async ({ context, db, pageErrors, shot }) => {
  const page = await firstPage(context);
  const feed = new FeedPage(page, 'x');
  await feed.goto(DEMO_URLS.xHome);
  await expectOneControlPerPost(feed, 'first batch');
  const id = (await feed.demoIdOf(1))!;
  const control = feed.control(1);
  await feed.button(control).click();
  await expect.poll(() => feed.state(control)).toBe('saved');
  const panel = control.getByRole('dialog', { name: 'Saved in Satchel' });
  await expect(panel).toBeVisible();
  await panel.getByRole('button', { name: 'Tip to try' }).click();
  await expect(panel.getByRole('button', { name: 'Tip to try' })).toHaveAttribute('aria-pressed', 'true');
  const tagBox = panel.getByRole('textbox', { name: 'Add a tag, then Enter' });
  await tagBox.fill('Onboarding');
  await tagBox.press('Enter');
  await shot(page, 'x-save-panel');
  await expect
    .poll(async () => {
      const [c] = await capturesByKey(db, `x:${id}`);
      return c ? { intent: c.intent, tags: c.tags } : null;
    })
    .toMatchObject({ intent: 'tip', tags: [expect.stringMatching(/^onboarding$/i)] });
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(feed.button(control)).toBeFocused();
  expect(pageErrors).toEqual([]);
});

test('save panel: keyboard only, Enter on the control saves and moves focus into the panel', async ({ context, pageErrors }) => {
  const page = await firstPage(context);
  const feed = new FeedPage(page, 'x');
  await feed.goto(DEMO_URLS.xHome);
  await expectOneControlPerPost(feed, 'first batch');
  const control = feed.control(2);
  await feed.button(control).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => feed.state(control)).toBe('saved');
  const panel = control.getByRole('dialog');
  await expect(panel).toBeVisible();
  await expect.poll(() => control.evaluate((h) => h.shadowRoot?.activeElement?.closest('[role=dialog]') !== null)).toBe(true);
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  expect(pageErrors).toEqual([]);
});

test('save panel: stays inside a short viewport, when its content grows and when the page scrolls', async ({ context, pageErrors, shot }) => {
  const page = await firstPage(context);
  await page.setViewportSize({ width: 1280, height: 600 });
  const feed = new FeedPage(page, 'x');
  await feed.goto(DEMO_URLS.xHome);
  await expectOneControlPerPost(feed, 'first batch');
  const control = feed.control(1);
  const button = feed.button(control);
  // The control's bottom edge 10 px above the bottom of the viewport: no room below, plenty above.
  await button.evaluate((b) => window.scrollBy(0, b.getBoundingClientRect().bottom - (window.innerHeight - 10)));
  await button.click();
  await expect.poll(() => feed.state(control)).toBe('saved');
  const panel = control.getByRole('dialog', { name: 'Saved in Satchel' });
  await expect(panel).toBeVisible();

  /** Where the panel is: inside the viewport (8 px margin) and whether it covers its control. */
  const placement = async () => {
    const [p, c] = [await panel.boundingBox(), await button.boundingBox()];
    if (!p || !c) return { inside: false, coversControl: null };
    const inside = p.y >= 8 && p.x >= 8 && p.y + p.height <= 600 - 8 && p.x + p.width <= 1280 - 8;
    const coversControl = p.y < c.y + c.height && c.y < p.y + p.height && p.x < c.x + c.width && c.x < p.x + p.width;
    return { inside, coversControl };
  };
  await expect.poll(placement).toEqual({ inside: true, coversControl: false });

  // The panel grows after it opened (tag chips; recent tags and the thread offer arrive the same
  // way): it is placed again, above the control, not over it.
  const before = (await panel.boundingBox())!.height;
  const tagBox = panel.getByRole('textbox', { name: 'Add a tag, then Enter' });
  for (const tag of ['onboarding-checklist', 'safety-briefing', 'quarterly-review', 'team-rituals']) {
    await tagBox.fill(tag);
    await tagBox.press('Enter');
  }
  await expect.poll(async () => (await panel.boundingBox())!.height).toBeGreaterThan(before);
  await expect.poll(placement).toEqual({ inside: true, coversControl: false });
  await shot(page, 'x-save-panel-short-viewport');

  // The page scrolls until the control is below the viewport, then above it: the panel stays in view.
  await page.evaluate(() => window.scrollBy(0, -400));
  await expect.poll(async () => (await button.boundingBox())!.y).toBeGreaterThan(600);
  await expect.poll(placement).toMatchObject({ inside: true });
  await shot(page, 'x-save-panel-control-below');
  await page.evaluate(() => window.scrollBy(0, 1000));
  await expect.poll(async () => { const c = (await button.boundingBox())!; return c.y + c.height; }).toBeLessThan(0);
  await expect.poll(placement).toMatchObject({ inside: true });
  await expect(panel).toBeVisible();
  expect(pageErrors).toEqual([]);
});

// Issue 12, accessibility of the in-page control and panel (contrast, announcements, focus, axe).

/** WCAG contrast of two computed colours `rgb(…)` / `rgba(…)` (alpha ignored). */
function contrast(a: string, b: string): number {
  const lum = (css: string) => {
    const [r, g, bl] = (/rgba?\(([^)]+)\)/.exec(css)?.[1] ?? '0,0,0').split(/[\s,/]+/).filter(Boolean).map(Number);
    const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(bl!);
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** WCAG contrast of the Save button's text against the nearest mostly opaque background under it (white when none). */
async function buttonContrast(control: Locator): Promise<number> {
  const [fg, bg] = await control.evaluate((host) => {
    let bg = 'rgb(255, 255, 255)';
    for (let n: Element | null = host; n; n = n.parentElement) {
      const c = getComputedStyle(n).backgroundColor;
      const alpha = /rgba\([^)]*,\s*([\d.]+)\)/.exec(c);
      if (c !== 'transparent' && (!alpha || Number(alpha[1]) >= 0.5)) {
        bg = c;
        break;
      }
    }
    return [getComputedStyle(host.shadowRoot!.querySelector('button.satchel-btn')!).color, bg];
  });
  return contrast(fg, bg);
}

/** Contrast of each text field's placeholder against the field, inside the open panel (0 when drawn translucent). */
async function placeholderContrasts(control: Locator): Promise<number[]> {
  const pairs = await control.evaluate((host) =>
    [...host.shadowRoot!.querySelectorAll('[placeholder]')].map((el) => {
      const ph = getComputedStyle(el, '::placeholder');
      return [ph.color, getComputedStyle(el).backgroundColor, ph.opacity] as const;
    }),
  );
  // A placeholder drawn at less than full opacity is lighter than its colour says: count it as failing.
  return pairs.map(([fg, bg, opacity]) => (opacity === '1' ? contrast(fg, bg) : 0));
}

/** axe-core, every impact level, on one control's shadow root (its open panel included). */
async function allViolations(page: Page, postId: string): Promise<string[]> {
  const r = await new AxeBuilder({ page }).include(`satchel-save[data-post-id="${postId}"]`).analyze();
  return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

test('Saved meets 4.5:1 on a light site in a dark system and on a dark site in a light one; placeholders 4.5:1 (issue 12)', async ({ context, pageErrors, shot }) => {
  const page = await firstPage(context);
  await page.emulateMedia({ colorScheme: 'dark' });
  const feed = new FeedPage(page, 'x');
  await feed.goto(DEMO_URLS.xHome);
  await expectOneControlPerPost(feed, 'first batch');
  const light = feed.control(1);
  await feed.button(light).click();
  await expect.poll(() => feed.state(light)).toBe('saved');
  await expect(light.getByRole('dialog')).toBeVisible();
  expect(await buttonContrast(light), 'Saved on the light X page, dark system').toBeGreaterThanOrEqual(4.5);
  for (const c of await placeholderContrasts(light)) expect(c, 'placeholder, dark panel').toBeGreaterThanOrEqual(4.5);
  await shot(page, 'inpage/contrast-light-site-dark-system');
  await page.emulateMedia({ colorScheme: 'light' });
  for (const c of await placeholderContrasts(light)) expect(c, 'placeholder, light panel').toBeGreaterThanOrEqual(4.5);
  await page.keyboard.press('Escape');

  // The same page in a dark site theme (X "Lights out"), system light.
  await page.addStyleTag({ content: 'html, body, body *:not(satchel-save) { background-color: rgb(0, 0, 0) !important; color: rgb(231, 233, 234) !important; }' });
  const dark = feed.control(2);
  await feed.button(dark).click();
  await expect.poll(() => feed.state(dark)).toBe('saved');
  await page.keyboard.press('Escape');
  expect(await buttonContrast(dark), 'Saved on a dark page, light system').toBeGreaterThanOrEqual(4.5);
  // The control saved while the page was light follows once it is used again (its panel opens).
  await feed.button(light).click();
  await expect(light.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  expect(await buttonContrast(light), 'Saved, saved on the light page, after the page turned dark').toBeGreaterThanOrEqual(4.5);
  await shot(page, 'inpage/contrast-dark-site-light-system');
  expect(pageErrors).toEqual([]);
});

test('"Saved in Satchel" is announced in one live region that stays after the panel opens (issue 12)', async ({ context, pageErrors }) => {
  const page = await firstPage(context);
  const feed = new FeedPage(page, 'x');
  await feed.goto(DEMO_URLS.xHome);
  await expectOneControlPerPost(feed, 'first batch');
  const control = feed.control(3);
  await feed.button(control).click();
  await expect(control.getByRole('dialog')).toBeVisible();
  const regions = () => control.evaluate((h) => [...h.shadowRoot!.querySelectorAll('[role="status"], [aria-live]')].map((r) => r.textContent));
  await expect.poll(regions).toEqual(['Saved in Satchel']);
  expect(pageErrors).toEqual([]);
});

test('save panel focus: removing tags moves focus to the next tag, then the tag box; Done returns to the Save control (issue 12)', async ({ context, pageErrors }) => {
  const page = await firstPage(context);
  const feed = new FeedPage(page, 'x');
  await feed.goto(DEMO_URLS.xHome);
  await expectOneControlPerPost(feed, 'first batch');
  const control = feed.control(1);
  await feed.button(control).focus();
  await page.keyboard.press('Enter');
  const panel = control.getByRole('dialog');
  await expect(panel).toBeVisible();
  const tagBox = panel.getByRole('textbox', { name: 'Add a tag, then Enter' });
  for (const tag of ['alpha', 'beta']) {
    await tagBox.fill(tag);
    await tagBox.press('Enter');
  }
  await panel.getByRole('button', { name: 'Remove tag alpha' }).focus();
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('button', { name: 'Remove tag beta' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('button', { name: /Remove tag/ })).toHaveCount(0);
  await expect(tagBox).toBeFocused();
  await panel.getByRole('button', { name: 'Done' }).focus();
  await page.keyboard.press('Enter');
  await expect(panel).toBeHidden();
  await expect(feed.button(control)).toBeFocused();
  // Reopen from the control with the keyboard; Escape closes and focus is back on the control.
  await page.keyboard.press('Enter');
  await expect(panel).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(feed.button(control)).toBeFocused();
  expect(pageErrors).toEqual([]);
});

test('axe (every impact level) finds nothing in the save panel on a light site, light and dark system (issue 12)', async ({ context, pageErrors, shot }) => {
  const page = await firstPage(context);
  const feed = new FeedPage(page, 'x');
  await feed.goto(DEMO_URLS.xHome);
  await expectOneControlPerPost(feed, 'first batch');
  const control = feed.control(1);
  await feed.button(control).click();
  const panel = control.getByRole('dialog');
  await expect(panel).toBeVisible();
  const tagBox = panel.getByRole('textbox', { name: 'Add a tag, then Enter' });
  await tagBox.fill('onboarding');
  await tagBox.press('Enter');
  await panel.getByRole('button', { name: 'Tip to try' }).click();
  const postId = (await control.getAttribute('data-post-id'))!;
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await shot(page, `inpage/axe-panel-${scheme}`);
    expect(await allViolations(page, postId), `axe: save panel, ${scheme} system`).toEqual([]);
  }
  expect(pageErrors).toEqual([]);
});

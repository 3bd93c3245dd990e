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

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

import { expect, type BrowserContext, type Page } from '@playwright/test';
import { DEMO_URLS } from '../../tests/e2e/demo-feeds';
import { REACT_C, REACT_C_LATER } from '../../tests/e2e/demo-react/cards';
import { FeedPage } from '../../tests/e2e/pages/feed-page';
import { PopupPage } from '../../tests/e2e/pages/popup-page';
import type { Recorder } from './recorder';

/**
 * Tour steps for a LinkedIn post that shows no id (issue 9): on the React-rendered demo feed
 * (`?satchel-demo=react`, tests/e2e/demo-react/), card C holds its post id neither in the DOM nor in
 * React props. Saved anyway, under a content key, flagged `permalinkMissing`, with "Find on LinkedIn"
 * in the popup; later the same post shows its id (`?satchel-demo=react-later`) and Satchel
 * completes that capture quietly (the flag goes, the permalink comes). The e2e proof is
 * tests/e2e/linkedin-sdui.spec.ts; these steps show it.
 */

/** Card C's position on the React feed (after A and B), and on the later page (after D). */
const CARD_C = 2;
const CARD_C_LATER = 1;
/** Budgets for a slow, busy machine: the first controls of a page, a save (it may wait for the MAIN-world probe), the quiet merge. */
const FIRST_CONTROLS_MS = 30_000;
const SAVE_MS = 20_000;
const MERGE_MS = 30_000;

/** A capture item whose key is a content key (`linkedin:content:<hex>`), i.e. saved without the post id. */
const IDLESS_ITEM = '[data-testid="capture-item"][data-capture-key^="linkedin:content:"]';
const PROFILE_C = `https://www.linkedin.com${REACT_C.author.path.replace(/\/$/, '')}`;
const PERMALINK_C = `https://www.linkedin.com/feed/update/${REACT_C.urn}/`;

/** Opens a React demo variant and waits until React rendered its `cards` and the last one has its control. */
async function openReactFeed(feed: FeedPage, url: string, cards: number): Promise<void> {
  await feed.goto(url);
  await expect
    .poll(() => feed.page.evaluate(() => (window as unknown as { satchelDemo?: { rendered(): number } }).satchelDemo?.rendered() ?? 0), {
      message: 'React renders the cards',
      timeout: FIRST_CONTROLS_MS,
    })
    .toBe(cards);
  await expect(feed.control(cards - 1)).toBeAttached({ timeout: FIRST_CONTROLS_MS });
}

/** The popup as a 400×640 tab. */
async function openPopup(context: BrowserContext, extensionId: string): Promise<PopupPage> {
  const popup = new PopupPage(await context.newPage(), extensionId);
  await popup.page.setViewportSize({ width: 400, height: 640 });
  await popup.open();
  return popup;
}

/** Scrolls so that `control`'s post is in the middle of the window. */
async function centre(control: ReturnType<FeedPage['control']>): Promise<void> {
  await control.evaluate((el) => el.scrollIntoView({ block: 'center' }));
}

/**
 * The tour's steps for a post without an id (issue 9): card C of the React feed saved id-less and
 * flagged with "Find on LinkedIn" in the popup, then met with its id and merged quietly. Each step
 * asserts what its caption says. Throws (fails the tour) when a check does not hold.
 */
export async function idlessSteps(rec: Recorder, page: Page, extensionId: string): Promise<void> {
  const saved = await rec.step('LinkedIn React feed: a post with no id anywhere saves, flagged, with "Find on LinkedIn"', async () => {
    const feed = new FeedPage(page, 'linkedin');
    await openReactFeed(feed, DEMO_URLS.linkedinReact, 3);
    const digits = REACT_C.urn.slice(REACT_C.urn.lastIndexOf(':') + 1);
    expect(await feed.markupContains(digits), "card C's id is nowhere in the page").toBe(false);
    const control = feed.control(CARD_C);
    expect(await control.getAttribute('data-post-id'), 'its control knows no post id before the click').not.toContain(digits);
    await feed.clickSave(control);
    await expect.poll(() => feed.state(control), { message: 'card C saved', timeout: SAVE_MS }).toBe('saved');
    await centre(control);
    await rec.shoot(page, 'linkedin-react-idless', 'A LinkedIn feed rendered by React whose third post shows no id, in the page or its props: one click saves it all the same');

    const popup = await openPopup(page.context(), extensionId);
    const item = popup.page.locator(IDLESS_ITEM);
    await expect(item, 'one capture under a content key').toHaveCount(1, { timeout: SAVE_MS });
    await expect(item).toContainText(REACT_C.paragraphs[0]!.slice(0, 40));
    const flag = item.locator('[data-flag="permalinkMissing"]');
    await expect(flag).toBeVisible();
    const flagText = (await flag.innerText()).trim();
    const find = item.getByTestId('find-on-site');
    await expect(find).toHaveText(/Find on LinkedIn/);
    await expect(find).toHaveAttribute('href', `${PROFILE_C}/recent-activity/all/`);
    await expect(item.getByTestId('open-original')).toHaveCount(0);
    await item.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await rec.shoot(popup.page, 'popup-permalink-missing', `The popup: that post is flagged "${flagText}" and offers "Find on LinkedIn" (the author's recent posts) instead of "Open original"`, { dark: true });
    await popup.page.close();
  });
  if (!saved) return;

  await rec.step('LinkedIn React feed later: the same post with its id completes the capture', async () => {
    const feed = new FeedPage(page, 'linkedin');
    await openReactFeed(feed, DEMO_URLS.linkedinReactLater, 2);
    const control = feed.control(CARD_C_LATER);
    expect(await control.getAttribute('data-post-id')).toBe(REACT_C_LATER.urn);
    // No click: the page showing the id is enough for Satchel to complete the saved capture.
    await expect.poll(() => feed.state(control), { message: 'the later card shows saved', timeout: MERGE_MS }).toBe('saved');
    await centre(control);
    await rec.shoot(page, 'linkedin-react-later', 'Later the same post shows its id: without a click its Satchel button shows "Saved", and the saved copy gets the id and link');

    const popup = await openPopup(page.context(), extensionId);
    const item = popup.item(`linkedin:${REACT_C.urn}`);
    await expect(item, 'the capture now holds the post id').toBeVisible({ timeout: MERGE_MS });
    await expect(popup.page.locator(IDLESS_ITEM), 'no id-less capture is left: completed, not duplicated').toHaveCount(0);
    await expect(item.locator('[data-flag="permalinkMissing"]')).toHaveCount(0);
    await expect(item.getByTestId('find-on-site')).toHaveCount(0);
    await expect(item.getByTestId('open-original')).toHaveAttribute('href', PERMALINK_C);
    await item.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await rec.shoot(popup.page, 'popup-permalink-merged', 'The popup after that: the same capture, its flag gone and "Open original" linking to the post', { dark: true });
    await popup.page.close();
  });
}

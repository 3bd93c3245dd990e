import { expect, type Page } from '@playwright/test';
import { DEMO_URLS } from '../../tests/e2e/demo-feeds';
import { FeedPage } from '../../tests/e2e/pages/feed-page';
import type { Recorder } from './recorder';

/**
 * Tour steps on the demo feeds: save posts with their Save buttons on LinkedIn, X and Viva Engage,
 * and the save panel open on a post with intent, tags and a note filled in.
 */

/** The post the tour annotates in the save panel (and later shares with the team): LinkedIn's "💡 Bye Bye Try/Catch". */
export const ANNOTATED_POST = 1;
export const ANNOTATION = {
  intent: 'Tip to try',
  tags: ['javascript', 'error-handling'],
  note: 'Show this to the new joiners on Thursday: one operator instead of nested try/catch.',
};

/** A post of the LinkedIn demo feed in the SDUI markup (its first 3 posts are older markup, then the 7 SDUI ones). */
const SDUI_POST = 3;

/** Clicks the Save button of post i (closing the panel) and waits for the saved state. */
async function save(feed: FeedPage, i: number): Promise<void> {
  const control = feed.control(i);
  await control.waitFor({ timeout: 15_000 });
  await control.scrollIntoViewIfNeeded();
  await feed.clickSave(control);
  await expect.poll(() => feed.state(control), { timeout: 15_000, message: `post ${i} saved` }).toBe('saved');
}

/** Scrolls so that `i`'s post starts just under the site's top bar. */
async function scrollPostToTop(feed: FeedPage, i: number, topBar = 64): Promise<void> {
  await feed.post(i).evaluate((el, offset) => window.scrollBy(0, el.getBoundingClientRect().top - offset), topBar);
}

export async function feedSteps(rec: Recorder, page: Page): Promise<void> {
  await rec.step('LinkedIn feed: save a post, open the save panel on another and fill it in', async () => {
    const feed = new FeedPage(page, 'linkedin');
    await feed.goto(DEMO_URLS.linkedinFeed);
    await feed.control(ANNOTATED_POST).waitFor({ timeout: 15_000 });
    await rec.shoot(page, 'linkedin-feed', 'The demo LinkedIn feed: real captured posts, each with a Save to Satchel button in its action row');
    await save(feed, 0);
    // LinkedIn's newer SDUI markup (hashed classes, no id in the DOM): saved the same way.
    await save(feed, SDUI_POST);
    // Its action row near the bottom of the window, with the counts and media above it.
    await feed.control(SDUI_POST).evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().bottom - window.innerHeight + 120));
    await rec.shoot(page, 'linkedin-sdui', 'LinkedIn\'s newer feed markup (no post id in the page) saves the same way: "Saved in Satchel" in its action row');
    // The save panel: intent, tags and a note on the "💡" post.
    const control = feed.control(ANNOTATED_POST);
    await scrollPostToTop(feed, ANNOTATED_POST);
    await feed.button(control).click();
    const panel = control.getByRole('dialog', { name: 'Saved in Satchel' });
    await panel.waitFor({ timeout: 15_000 });
    await panel.getByRole('button', { name: ANNOTATION.intent }).click();
    const tagBox = panel.getByRole('textbox', { name: 'Add a tag, then Enter' });
    for (const tag of ANNOTATION.tags) {
      await tagBox.fill(tag);
      await tagBox.press('Enter');
    }
    await panel.getByRole('textbox', { name: 'Note' }).fill(ANNOTATION.note);
    await panel.evaluate((el) => el.scrollIntoView({ block: 'nearest' }));
    await rec.shoot(page, 'save-panel', 'The save panel after one click: learning intent, tags and a private note, stored at once', { dark: true });
    await panel.getByRole('button', { name: 'Done' }).click();
    await panel.waitFor({ state: 'detached', timeout: 10_000 });
    await scrollPostToTop(feed, 0);
    await rec.shoot(page, 'linkedin-saved', 'LinkedIn: saved posts show "Saved in Satchel" in their action row');
  });

  await rec.step('X home timeline: save two posts, scroll for more', async () => {
    const feed = new FeedPage(page, 'x');
    await feed.goto(DEMO_URLS.xHome);
    await feed.control(1).waitFor({ timeout: 15_000 });
    await save(feed, 0);
    await save(feed, 1);
    await page.evaluate(() => window.scrollTo(0, 0));
    await rec.shoot(page, 'x-saved', 'The demo X home timeline with two posts saved');
    await feed.scrollToBottom();
    await expect.poll(() => feed.rendered(), { timeout: 15_000 }).toBeGreaterThan(10);
    process.stdout.write(`(${await feed.rendered()} of 200 posts loaded) `);
  });

  await rec.step('X: open a post in-app (pushState) and save a reply', async () => {
    const feed = new FeedPage(page, 'x');
    await feed.goto(DEMO_URLS.xHome);
    const id = await feed.demoIdOf(0);
    await feed.post(0).locator(`a[href$="/status/${id}"]:has(time)`).first().click();
    await page.waitForURL(/\/status\//);
    await save(feed, 1);
    await page.evaluate(() => window.scrollTo(0, 0));
    await rec.shoot(page, 'x-status-page', 'X: a status page opened in-app; its replies get their own Save buttons');
  });

  await rec.step('X recycling timeline: scroll through reused cells', async () => {
    const feed = new FeedPage(page, 'x');
    await feed.goto(DEMO_URLS.xRecycle);
    await feed.control(0).waitFor({ timeout: 15_000 });
    await page.evaluate(() => window.scrollTo(0, 12_000));
    await expect.poll(() => feed.rendered(), { timeout: 15_000 }).toBeGreaterThan(12);
    await rec.shoot(page, 'x-recycling', 'X: a virtualised timeline that recycles 12 cells; every post keeps exactly one Save button');
  });

  await rec.step('Viva Engage thread: save the thread starter', async () => {
    const feed = new FeedPage(page, 'yammer');
    await feed.goto(DEMO_URLS.engageThread);
    await save(feed, 0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await rec.shoot(page, 'engage-thread', 'A Viva Engage thread: the starter and each reply can be saved');
  });
}

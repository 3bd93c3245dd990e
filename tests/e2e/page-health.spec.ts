import { join } from 'node:path';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { test, expect, firstPage, SCREENS_DIR } from './fixtures';
import { DEMO_URLS } from './demo-feeds';
import { changedFeedPage, type LayoutChange } from './pages/changed-feed';
import type { FixtureServer } from './fixture-server';
import { FeedPage } from './pages/feed-page';
import { PopupPage } from './pages/popup-page';
import { axeLightDark, shotsLightDark } from './pages/screens';

// Issue 9 part 3, "Satchel notices when a site changes under it", as a person meets it: a LinkedIn
// feed whose markup changed under Satchel, then the toolbar popup's "This page" line. The changed
// pages are the real SDUI capture's posts (tests/fixtures/linkedin/linkedin-2026-05_sdui-home-feed_8-items_no-ids)
// with two changes LinkedIn could ship any day, made here with a DOM parser:
// - a new id encoding: the comment bar's key no longer decodes (docs/sites/linkedin.md "Post id");
// - the author moved: the name is no longer a `<p>` in the profile link, and the "…" menu label no
//   longer names the author (docs/sites/linkedin.md "Author").
// A card with both changes shows no id and no author, so it gets no content key either: it cannot
// be read at all. A card with only the second change keeps its id and control, but its Save fails.
// The healthy mixed demo feed shows no line. The changed pages are built by ./pages/changed-feed.ts. Budgets are sized for a slow, busy 2-core machine.
const FIRST_CONTROLS_MS = 30_000;
const SAVE_MS = 20_000;
const FEED_URL = 'https://www.linkedin.com/feed/';

/** The part of the extension API the checks below use, in an extension context (service worker or page). */
type Tabs = { tabs: { query(q: object): Promise<Array<{ id?: number }>>; sendMessage(id: number, m: unknown): Promise<unknown> } };

/** The capture health counters of the tab at `url`, asked by the service worker as the popup asks (`health/get`). */
async function healthOf(sw: Worker, url: string): Promise<Record<string, unknown>> {
  return sw.evaluate(async (u) => {
    const { tabs } = (globalThis as unknown as { chrome: Tabs }).chrome;
    const [tab] = await tabs.query({ url: u });
    const r = (await tabs.sendMessage(tab!.id!, { type: 'health/get' })) as { ok: boolean; health: Record<string, unknown> };
    return r.health;
  }, url);
}

/** What the popup's health probe (lib/platform/health-probe.ts) counts in the tab at `url`: post-like elements Satchel did not recognise. */
async function unrecognisedOf(sw: Worker, url: string): Promise<unknown> {
  return sw.evaluate(async (u) => {
    type Scripting = { executeScript(d: object): Promise<Array<{ result?: unknown }>> };
    const { tabs, scripting } = (globalThis as unknown as { chrome: Tabs & { scripting: Scripting } }).chrome;
    const [tab] = await tabs.query({ url: u });
    const target = { tabId: tab!.id!, frameIds: [0] };
    await scripting.executeScript({ target, files: ['/health-probe.js'] });
    const [r] = await scripting.executeScript({ target, func: () => (globalThis as unknown as { __satchelHealthProbe: () => unknown }).__satchelHealthProbe() });
    return r?.result;
  }, url);
}

/**
 * The toolbar popup for `site`'s tab: opened as a tab, the site page brought to the front, the popup
 * reloaded (so it sees the site's tab as the active one, as the real popup does). Waits until the
 * popup knows the tab ("Report this page" is offered) and has its own answer to `health/get`.
 */
async function popupFor(site: Page, extensionId: string): Promise<PopupPage> {
  const popup = new PopupPage(await site.context().newPage(), extensionId);
  await popup.open();
  await site.bringToFront();
  await popup.page.reload();
  await expect(popup.page.getByRole('button', { name: 'Report this page' })).toBeVisible();
  // The popup asked the tab when it mounted; a reply to a later question from the same page means
  // the content script has answered it too (messages to one tab are answered in order).
  await popup.page.evaluate(async () => {
    const { tabs } = (globalThis as unknown as { chrome: Tabs }).chrome;
    const [tab] = await tabs.query({ active: true, currentWindow: true });
    await tabs.sendMessage(tab!.id!, { type: 'health/get' });
  });
  // ...and the popup has its whole answer (the content script's counters and the injected probe's
  // count), so a line that is absent is absent for good, not just not yet.
  await expect(popup.page.locator('main.popup')).toHaveAttribute('data-page-health', 'settled');
  return popup;
}

const line = (popup: PopupPage) => popup.page.getByTestId('page-health');

/** Serves the changed LinkedIn feed (./pages/changed-feed.ts) at {@link FEED_URL} and opens it in the first tab. */
async function openChangedFeed(context: BrowserContext, server: Pick<FixtureServer, 'setPage'>, changesOf: (i: number) => readonly LayoutChange[]) {
  const page = changedFeedPage(changesOf);
  server.setPage(FEED_URL, page.html);
  const site = await firstPage(context);
  const feed = new FeedPage(site, 'linkedin');
  await feed.goto(FEED_URL);
  return { page, site, feed };
}

test('This page: LinkedIn posts that cannot be read are counted, and the popup says how many', async ({ context, server, sw, extensionId, pageErrors }) => {
  // Posts 1, 3 and 5 of 7: new id encoding and moved author; the other 4 as LinkedIn served them.
  const { page, site, feed } = await openChangedFeed(context, server, (i) => (i % 2 === 0 && i < 6 ? ['id-encoding', 'author'] : []));
  await expect(feed.posts()).toHaveCount(page.posts);
  await expect(site.locator('satchel-save')).toHaveCount(4, { timeout: FIRST_CONTROLS_MS });
  for (const i of [0, 2, 4]) await expect(feed.control(i), `changed post ${i + 1} gets no control`).toHaveCount(0);
  await expect.poll(() => healthOf(sw, FEED_URL), { timeout: FIRST_CONTROLS_MS }).toMatchObject({ site: 'linkedin', postsFound: 7, controlsMounted: 4, postsUnreadable: 3 });

  const popup = await popupFor(site, extensionId);
  await expect(line(popup)).toHaveText('This page: LinkedIn changed its layout here: 3 posts could not be read.');
  await expect(line(popup)).toHaveAttribute('role', 'status');
  expect(await axeLightDark(popup.page, '[data-testid="page-health"]')).toEqual([]);
  await shotsLightDark(popup.page, SCREENS_DIR, 'page-health-unread');
  expect(pageErrors).toEqual([]);
});

test('This page: a LinkedIn feed where Satchel finds no post at all is told, not left silent', async ({ context, server, sw, extensionId, pageErrors }) => {
  // All 7 posts of the real SDUI capture, their list items and keys renamed: no post root, no control.
  const { page, site, feed } = await openChangedFeed(context, server, () => ['list-items']);
  await expect(site.getByRole('heading', { name: 'Feed post' })).toHaveCount(page.posts);
  await expect.poll(() => healthOf(sw, FEED_URL), { timeout: FIRST_CONTROLS_MS }).toMatchObject({ site: 'linkedin', postsFound: 0 });
  expect(await unrecognisedOf(sw, FEED_URL)).toBe(page.posts);
  await expect(site.locator('satchel-save')).toHaveCount(0);

  const popup = await popupFor(site, extensionId);
  await expect(line(popup)).toHaveText(
    'This page: Satchel can’t find the posts on this LinkedIn page: LinkedIn may have changed its layout. Report this page helps us fix it.',
  );
  expect(await axeLightDark(popup.page, '[data-testid="page-health"]')).toEqual([]);
  await shotsLightDark(popup.page, SCREENS_DIR, 'page-health-none-found');
  expect(pageErrors).toEqual([]);
});

test('This page: a healthy feed shows no line at all', async ({ context, sw, extensionId, pageErrors }) => {
  const site = await firstPage(context);
  const feed = new FeedPage(site, 'linkedin');
  await feed.goto(DEMO_URLS.linkedinFeed);
  await expect(feed.control(9)).toBeAttached({ timeout: FIRST_CONTROLS_MS });
  const health = await healthOf(sw, DEMO_URLS.linkedinFeed);
  expect(health, 'the content script counted the posts (so silence is not a missing answer)').toMatchObject({ site: 'linkedin', postsUnreadable: 0 });
  expect(await unrecognisedOf(sw, DEMO_URLS.linkedinFeed), 'no false alarm on the demo feed').toBe(0);
  expect(health.postsFound).toBeGreaterThanOrEqual(10);

  const popup = await popupFor(site, extensionId);
  await expect(line(popup)).toHaveCount(0);
  await expect(popup.page.getByText(/^This page:/)).toHaveCount(0);
  await shotsLightDark(popup.page, SCREENS_DIR, 'page-health-none');
  expect(pageErrors).toEqual([]);
});

test('This page: the other demo pages have no unrecognised posts (no false alarm)', async ({ context, sw, pageErrors }) => {
  const site = await firstPage(context);
  for (const [name, url, kind] of [
    ['LinkedIn React feed', DEMO_URLS.linkedinReact, 'linkedin'],
    ['X home', DEMO_URLS.xHome, 'x'],
    ['Viva Engage thread', DEMO_URLS.engageThread, 'yammer'],
  ] as const) {
    const feed = new FeedPage(site, kind);
    await feed.goto(url);
    await expect(site.locator('satchel-save').first(), name).toBeAttached({ timeout: FIRST_CONTROLS_MS });
    expect(await healthOf(sw, url), name).toMatchObject({ site: kind });
    expect(await unrecognisedOf(sw, url), name).toBe(0);
  }
  expect(pageErrors).toEqual([]);
});

test('This page: a Save that fails because the author moved is told, in the singular', async ({ context, server, sw, extensionId, pageErrors }) => {
  // Every post keeps its id (so its control), but none shows its author where Satchel reads it.
  const { page, site, feed } = await openChangedFeed(context, server, () => ['author']);
  await expect(site.locator('satchel-save')).toHaveCount(page.posts, { timeout: FIRST_CONTROLS_MS });

  // Before any click the page looks fine: nothing to say.
  let popup = await popupFor(site, extensionId);
  await expect(line(popup)).toHaveCount(0);
  await popup.page.close();

  const control = feed.control(1);
  await control.scrollIntoViewIfNeeded();
  await feed.button(control).click();
  await expect.poll(() => feed.state(control), { timeout: SAVE_MS }).toBe('failed');
  await expect.poll(() => healthOf(sw, FEED_URL)).toMatchObject({ savesRefused: { unreadable: 1 }, draftsRead: 0 });
  await site.screenshot({ path: join(SCREENS_DIR, 'page-health-save-failed.png') });
  // Try again on the same post. The retry leaves nothing visible to wait for (the control goes
  // failed → saving → failed within one render), so that a post counts once however often it is
  // retried is proven in lib/capture/health.test.ts; here the popup after the retry still says 1.
  await site.getByRole('button', { name: 'Try again' }).click();
  await expect.poll(() => feed.state(control), { timeout: SAVE_MS }).toBe('failed');
  await expect.poll(() => healthOf(sw, FEED_URL)).toMatchObject({ savesRefused: { unreadable: 1 } });

  popup = await popupFor(site, extensionId);
  await expect(line(popup)).toHaveText('This page: LinkedIn changed its layout here: 1 post could not be read.');
  await shotsLightDark(popup.page, SCREENS_DIR, 'page-health-refused');
  expect(pageErrors).toEqual([]);
});

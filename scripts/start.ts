/**
 * `npm start`: build the extension, start the demo services, and open Debian Chromium with the
 * extension loaded on the demo feeds (real captured posts served under the real host names).
 *
 * - With a display (DISPLAY or WAYLAND_DISPLAY): a headed window; runs until the window is closed
 *   (or Ctrl-C).
 * - Without one (or with --headless): a scripted tour, headless. It opens the feeds, saves a few
 *   posts with their Save buttons, opens the popup, writes screenshots to demo-output/, prints their
 *   paths and exits 0 (1 if a step failed).
 *
 * Flags: --no-build (use the existing .output/chrome-mv3), --headless, --port <n> (demo server port).
 * Env: SATCHEL_SKIP_BUILD=1 is the same as --no-build.
 *
 * Services are a list (SERVICES below) started in order and stopped in reverse: the demo feeds, then
 * (once the extension id is known, for CORS) the sync server on SQLite (`./data/satchel.sqlite`,
 * port 8787 when free), which the extension is pointed at: its options page is connected to it, so
 * signing up is all that is left (the headless tour signs up a demo account and syncs).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { startFixtureServer, type FixtureServer } from '../tests/e2e/fixture-server';
import { launchWithExtension, extensionServiceWorker, extensionIdOf } from '../tests/e2e/browser';
import { DEMO_URLS, REPO_ROOT } from '../tests/e2e/demo-feeds';
import { FeedPage, type Site } from '../tests/e2e/pages/feed-page';
import { PopupPage } from '../tests/e2e/pages/popup-page';
import { allowSiteAccess, freePort, startApiServer } from '../tests/e2e/api-server';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

const OUTPUT_DIR = join(REPO_ROOT, 'demo-output');
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const headless = flag('--headless') || !hasDisplay;
const skipBuild = flag('--no-build') || process.env.SATCHEL_SKIP_BUILD === '1';

/** A background service of the demo. `start` returns what later services and the browser need. */
interface Service {
  name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** One line for the console once started. */
  describe(): string;
}

let feeds: FixtureServer | null = null;
const feedServer: Service = {
  name: 'demo feeds',
  async start() {
    const port = option('--port');
    feeds = await startFixtureServer({ port: port ? Number(port) : 0 });
  },
  async stop() {
    await feeds?.close();
  },
  describe: () => `demo feeds on ${feeds?.origin} (mapped to www.linkedin.com, x.com, engage.cloud.microsoft, …)`,
};

const SERVICES: Service[] = [feedServer];

/** The sync server (issue 4), started after the browser: CORS must name the extension's origin. */
let api: Awaited<ReturnType<typeof startApiServer>> | null = null;
const DATA_DIR = join(REPO_ROOT, 'data');
async function startSyncServer(extensionId: string): Promise<string> {
  mkdirSync(DATA_DIR, { recursive: true });
  const port = Number(option('--api-port') ?? 0) || ((await portFree(8787)) ? 8787 : await freePort());
  api = await startApiServer(extensionId, { port, dir: DATA_DIR });
  return api.url;
}
async function portFree(port: number): Promise<boolean> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

/** Points the extension at the sync server: grants its origin (as on chrome://extensions → Site access) and connects the options page. */
async function connectExtension(context: BrowserContext, extensionId: string, url: string): Promise<Page> {
  await allowSiteAccess(context, extensionId, 'http://127.0.0.1/*');
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const signedIn = page.getByRole('heading', { name: 'Signed in' });
  const account = page.getByRole('heading', { name: 'Your account' });
  await Promise.race([signedIn.waitFor({ timeout: 10_000 }), page.getByLabel('Server address').waitFor({ timeout: 10_000 })]);
  if (await signedIn.isVisible()) return page;
  await page.getByLabel('Server address').fill(url);
  await page.getByRole('button', { name: 'Connect' }).click();
  await account.waitFor({ timeout: 10_000 });
  return page;
}

function build(): void {
  if (skipBuild) {
    console.log('• skipping the build (using .output/chrome-mv3)');
    return;
  }
  console.log('• building the extension: npx wxt build');
  const r = spawnSync('npx', ['wxt', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`wxt build failed (exit ${r.status ?? r.signal})`);
}

async function headed(context: BrowserContext): Promise<void> {
  const first = context.pages()[0] ?? (await context.newPage());
  await first.goto(feeds!.origin);
  for (const url of [DEMO_URLS.linkedinFeed, DEMO_URLS.xHome, DEMO_URLS.engageThread]) {
    const p = await context.newPage();
    await p.goto(url).catch(() => undefined);
  }
  await first.bringToFront();
  console.log('• Chromium is open with Satchel loaded. Close the window (or press Ctrl-C) to stop.');
  await new Promise<void>((resolve) => {
    context.on('close', () => resolve());
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

/** The headless tour. Returns the screenshot paths and the steps that failed. */
async function tour(context: BrowserContext, extensionId: string): Promise<{ shots: string[]; failed: string[] }> {
  rmSync(OUTPUT_DIR, { recursive: true, force: true });
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const shots: string[] = [];
  const failed: string[] = [];
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));

  const shoot = async (p: Page, name: string) => {
    const path = join(OUTPUT_DIR, `${String(shots.length + 1).padStart(2, '0')}-${name}.png`);
    await p.screenshot({ path });
    shots.push(path);
  };
  const step = async (name: string, fn: () => Promise<void>) => {
    process.stdout.write(`• ${name} … `);
    try {
      await fn();
      console.log('ok');
    } catch (e) {
      console.log('FAILED');
      console.error(`  ${String(e instanceof Error ? e.message : e).split('\n')[0]}`);
      failed.push(name);
      await shoot(page, `failed-${name.replace(/\W+/g, '-').toLowerCase()}`).catch(() => undefined);
    }
  };
  /** Clicks the Save button of post i and waits for the saved state. */
  const save = async (feed: FeedPage, i: number) => {
    const control = feed.control(i);
    await control.waitFor({ timeout: 10_000 });
    await control.scrollIntoViewIfNeeded();
    await feed.clickSave(control);
    const until = Date.now() + 10_000;
    while ((await feed.state(control)) !== 'saved') {
      if (Date.now() > until) throw new Error(`post ${i} did not reach the saved state (${await feed.state(control)})`);
      await page.waitForTimeout(100);
    }
  };

  await step('LinkedIn feed: save two posts', async () => {
    const feed = new FeedPage(page, 'linkedin');
    await feed.goto(DEMO_URLS.linkedinFeed);
    await shoot(page, 'linkedin-feed');
    await save(feed, 0);
    await save(feed, 1);
    await feed.control(0).scrollIntoViewIfNeeded();
    await shoot(page, 'linkedin-saved');
  });
  await step('X home timeline: save two posts, scroll for more', async () => {
    const feed = new FeedPage(page, 'x');
    await feed.goto(DEMO_URLS.xHome);
    await shoot(page, 'x-home');
    await save(feed, 0);
    await save(feed, 1);
    await feed.control(0).scrollIntoViewIfNeeded();
    await shoot(page, 'x-saved');
    await feed.scrollToBottom();
    await page.waitForTimeout(800);
    process.stdout.write(`(${await feed.rendered()} of 200 posts loaded) `);
  });
  await step('X: open a post in-app (pushState) and save a reply', async () => {
    const feed = new FeedPage(page, 'x');
    await feed.goto(DEMO_URLS.xHome);
    const id = await feed.demoIdOf(0);
    await feed.post(0).locator(`a[href$="/status/${id}"]:has(time)`).first().click();
    await page.waitForURL(/\/status\//);
    await save(feed, 1);
    await shoot(page, 'x-status-page');
  });
  await step('X recycling timeline: scroll through reused cells', async () => {
    const feed = new FeedPage(page, 'x');
    await feed.goto(DEMO_URLS.xRecycle);
    for (let i = 0; i < 8; i++) {
      await page.mouse.wheel(0, 1500);
      await page.waitForTimeout(120);
    }
    await shoot(page, 'x-recycling');
  });
  await step('Viva Engage thread: save the thread starter', async () => {
    const feed = new FeedPage(page, 'yammer' as Site);
    await feed.goto(DEMO_URLS.engageThread);
    await save(feed, 0);
    await shoot(page, 'engage-thread');
  });
  await step('popup: the saved posts are listed', async () => {
    const popup = new PopupPage(await context.newPage(), extensionId);
    await popup.page.setViewportSize({ width: 420, height: 640 });
    await popup.open();
    await popup.items().first().waitFor({ timeout: 10_000 });
    process.stdout.write(`(${await popup.items().count()} captures) `);
    await shoot(popup.page, 'popup');
  });
  await step('sync: sign in on the local server, the popup shows Synced', async () => {
    const opt = await context.newPage();
    await opt.goto(`chrome-extension://${extensionId}/options.html`);
    const signedIn = opt.getByRole('heading', { name: 'Signed in' });
    await Promise.race([signedIn.waitFor({ timeout: 10_000 }), opt.getByRole('heading', { name: 'Your account' }).waitFor({ timeout: 10_000 })]);
    if (!(await signedIn.isVisible())) {
      // A demo account: created on the first run, signed in to on the next ones (data/ persists).
      await opt.getByLabel('Email').fill('demo@example.org');
      await opt.getByLabel('Password').fill('satchel-demo-password');
      await opt.getByRole('button', { name: 'Sign in' }).last().click();
      const ok = await signedIn.waitFor({ timeout: 8_000 }).then(() => true, () => false);
      if (!ok) {
        await opt.getByRole('tab', { name: 'Create account' }).click();
        await opt.getByLabel('Email').fill('demo@example.org');
        await opt.getByLabel('Password').fill('satchel-demo-password');
        await opt.getByLabel('Name', { exact: true }).fill('Demo learner');
        await opt.getByRole('button', { name: 'Create account' }).last().click();
        await signedIn.waitFor({ timeout: 10_000 });
      }
    }
    await shoot(opt, 'options-signed-in');
    const popup = new PopupPage(await context.newPage(), extensionId);
    await popup.page.setViewportSize({ width: 420, height: 640 });
    await popup.open();
    // Synced, with a time: the first sync after signing in has run (the background starts it).
    await popup.page.getByTestId('sync-status').filter({ hasText: 'Last sync' }).and(popup.page.locator('[data-kind="synced"]')).waitFor({ timeout: 30_000 });
    await shoot(popup.page, 'popup-synced');
  });
  if (errors.length) {
    console.error(`• errors thrown in the pages:\n  ${errors.join('\n  ')}`);
    failed.push('page errors');
  }
  return { shots, failed };
}

async function main(): Promise<number> {
  build();
  const started: Service[] = [];
  try {
    for (const s of SERVICES) {
      await s.start();
      started.push(s);
      console.log(`• ${s.describe()}`);
    }
    console.log(`• launching ${headless ? 'headless ' : ''}Chromium with the extension${headless && !hasDisplay ? ' (no DISPLAY: running the demo tour)' : ''}`);
    const browser = await launchWithExtension({ port: feeds!.port, headless, viewport: headless ? { width: 1280, height: 900 } : null });
    try {
      const sw = await extensionServiceWorker(browser.context);
      const id = extensionIdOf(sw);
      console.log(`• extension ${id} loaded (service worker ${sw.url()})`);
      const apiUrl = await startSyncServer(id);
      console.log(`• sync server on ${apiUrl} (SQLite: ${join('data', 'satchel.sqlite')}); the extension's options page is connected to it`);
      const options = await connectExtension(browser.context, id, apiUrl);
      if (!headless) {
        await options.bringToFront().catch(() => undefined);
        await headed(browser.context);
        return 0;
      }
      await options.close();
      const { shots, failed } = await tour(browser.context, id);
      console.log(`\nScreenshots (${shots.length}):\n${shots.map((s) => `  ${s}`).join('\n')}`);
      if (failed.length) {
        console.error(`\n${failed.length} step(s) failed: ${failed.join('; ')}`);
        return 1;
      }
      console.log('\nDemo tour done.');
      return 0;
    } finally {
      await browser.close();
      await api?.stop({ keepData: true });
    }
  } finally {
    for (const s of started.reverse()) await s.stop().catch(() => undefined);
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);

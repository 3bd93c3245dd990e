/**
 * `npm start`: build the extension, start the demo services, and open Debian Chromium with the
 * extension loaded on the demo feeds (real captured posts served under the real host names).
 *
 * - With a display (DISPLAY or WAYLAND_DISPLAY): a headed window; runs until the window is closed
 *   (or Ctrl-C).
 * - Without one (or with --headless): a scripted tour, headless (scripts/tour/): the first-run page,
 *   the feeds and their Save buttons (older and SDUI LinkedIn posts), the save panel filled in, the
 *   popup, the library, Review on the annotated tip, an import's dry run; issue 9: a LinkedIn post
 *   with no id anywhere saved and flagged in the popup ("Find on LinkedIn"), then completed when
 *   the post is met with its id; the popup's "This page" line on a feed whose layout changed, and
 *   "Report this page" with its anonymised sample; then signed in: the team "L&D Guild 🎓" with a
 *   second member, a shared post, its discussion, What's new and the digest. Extension pages are
 *   shot light and dark. It writes the screenshots and a page showing them all, index.html, into
 *   demo-output/ (or --out), prints their paths and exits 0 (1 if a step failed). The tour's sync
 *   server keeps its data in data/tour/, emptied at the start of each tour, so every run shows the
 *   same screens.
 *
 * Flags: --no-build (use the existing build), --headless, --port <n> (demo server port),
 * --api-port <n> (sync server port), --out <dir> (the tour's screenshots; default demo-output/).
 * Env: SATCHEL_SKIP_BUILD=1 is the same as --no-build; SATCHEL_TOUR_DEBUG=1 prints a failed step's
 * whole error. The extension loaded is SATCHEL_EXTENSION_DIR when set, else
 * <SATCHEL_OUT_DIR or .output>/chrome-mv3 (where `npx wxt build` writes, wxt.config.ts).
 *
 * Services are a list (SERVICES below) started in order and stopped in reverse: the demo feeds, then
 * (once the extension id is known, for CORS) the sync server on SQLite (`./data/satchel.sqlite`,
 * `./data/tour/satchel.sqlite` for the tour; port 8787 when free), which the extension is pointed
 * at: its options page is connected to it, so signing up is all that is left (the headless tour
 * signs up demo accounts and syncs).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { startFixtureServer, type FixtureServer } from '../tests/e2e/fixture-server';
import { launchWithExtension, extensionServiceWorker, extensionIdOf, type LaunchedBrowser } from '../tests/e2e/browser';
import { DEMO_URLS, REPO_ROOT } from '../tests/e2e/demo-feeds';
import { freePort, startApiServer } from '../tests/e2e/api-server';
import { Recorder } from './tour/recorder';
import { writeTourIndex } from './tour/index-page';
import { feedSteps } from './tour/feeds';
import { firstRunStep } from './tour/first-run';
import { healthSteps } from './tour/health';
import { idlessSteps } from './tour/idless';
import { libraryStepsOffline } from './tour/library';
import { connectExtension, teamSteps } from './tour/team';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

const OUTPUT_DIR = resolve(REPO_ROOT, option('--out') ?? 'demo-output');
/** The built extension Chromium loads: SATCHEL_EXTENSION_DIR, else where the build below writes. */
const EXTENSION_DIR = resolve(REPO_ROOT, process.env.SATCHEL_EXTENSION_DIR ?? join(process.env.SATCHEL_OUT_DIR ?? '.output', 'chrome-mv3'));
/** A path for the console: relative to the repository when inside it. */
const shown = (p: string) => (p.startsWith(REPO_ROOT + sep) ? relative(REPO_ROOT, p) : p);
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
/** The headless tour's own server data: emptied before each tour, so each run shows the same screens. */
const TOUR_DATA_DIR = join(DATA_DIR, 'tour');
async function startSyncServer(extensionId: string): Promise<string> {
  const dir = headless ? TOUR_DATA_DIR : DATA_DIR;
  if (headless) rmSync(TOUR_DATA_DIR, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const port = Number(option('--api-port') ?? 0) || ((await portFree(8787)) ? 8787 : await freePort());
  api = await startApiServer(extensionId, { port, dir });
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

function build(): void {
  if (skipBuild) {
    console.log(`• skipping the build (using ${shown(EXTENSION_DIR)})`);
    return;
  }
  const into = resolve(REPO_ROOT, process.env.SATCHEL_OUT_DIR ?? '.output', 'chrome-mv3');
  console.log(`• building the extension: npx wxt build (into ${shown(into)})`);
  const r = spawnSync('npx', ['wxt', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`wxt build failed (exit ${r.status ?? r.signal})`);
  if (into !== EXTENSION_DIR) console.log(`• loading ${shown(EXTENSION_DIR)} (SATCHEL_EXTENSION_DIR), not this build`);
}

/**
 * Throws when the tour's output folder is one the tour must not empty: the repository or a folder
 * above it, or a folder holding anything but an earlier tour's output (its `.png` shots and index.html).
 */
function checkOutputDir(dir: string): void {
  if (REPO_ROOT === dir || REPO_ROOT.startsWith(dir.endsWith(sep) ? dir : dir + sep)) throw new Error(`--out ${dir}: the tour empties its output folder; pick a folder of its own`);
  const others = existsSync(dir) ? readdirSync(dir).filter((f) => !f.endsWith('.png') && f !== 'index.html') : [];
  if (others.length) throw new Error(`--out ${dir}: the tour empties its output folder, and this one holds other files (${others.slice(0, 3).join(', ')}); pick another`);
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

/** The headless tour (scripts/tour/): every step, then demo-output/index.html. Returns the recorder (shots, failed steps). */
async function tour(context: BrowserContext, extensionId: string, apiUrl: string): Promise<Recorder> {
  const rec = new Recorder(OUTPUT_DIR);
  await firstRunStep(rec, context);
  const page = context.pages().find((p) => p.url() === 'about:blank') ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
  const colleagues: LaunchedBrowser[] = [];
  try {
    await feedSteps(rec, page);
    await libraryStepsOffline(rec, context, extensionId);
    await idlessSteps(rec, page, extensionId);
    await healthSteps(rec, context, extensionId, feeds!);
    await teamSteps(rec, {
      context,
      extensionId,
      apiUrl,
      openColleague: async () => {
        const b = await launchWithExtension({ port: feeds!.port, headless: true, extensionDir: EXTENSION_DIR, viewport: { width: 1280, height: 860 } });
        colleagues.push(b);
        return b.context;
      },
    });
  } finally {
    for (const b of colleagues) await b.close();
  }
  if (errors.length) {
    console.error(`• errors thrown in the pages:\n  ${errors.join('\n  ')}`);
    rec.failed.push('page errors');
  }
  writeTourIndex(OUTPUT_DIR, rec.shots, rec.failed);
  return rec;
}

async function main(): Promise<number> {
  if (headless) checkOutputDir(OUTPUT_DIR);
  build();
  const started: Service[] = [];
  try {
    for (const s of SERVICES) {
      await s.start();
      started.push(s);
      console.log(`• ${s.describe()}`);
    }
    console.log(`• launching ${headless ? 'headless ' : ''}Chromium with the extension${headless && !hasDisplay ? ' (no DISPLAY: running the demo tour)' : ''}`);
    const browser = await launchWithExtension({ port: feeds!.port, headless, extensionDir: EXTENSION_DIR, viewport: headless ? { width: 1280, height: 900 } : null });
    try {
      const sw = await extensionServiceWorker(browser.context);
      const id = extensionIdOf(sw);
      console.log(`• extension ${id} loaded (service worker ${sw.url()})`);
      const apiUrl = await startSyncServer(id);
      console.log(`• sync server on ${apiUrl} (SQLite: ${join(headless ? join('data', 'tour') : 'data', 'satchel.sqlite')})`);
      if (!headless) {
        const options = await connectExtension(browser.context, id, apiUrl);
        await options.bringToFront().catch(() => undefined);
        await headed(browser.context);
        return 0;
      }
      const { shots, failed } = await tour(browser.context, id, apiUrl);
      console.log(`\nScreenshots (${shots.length}):\n${shots.map((s) => `  ${s.path}`).join('\n')}`);
      console.log(`\nAll of them on one page: ${join(OUTPUT_DIR, 'index.html')}`);
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

import { buildExtension } from './lib/build';
import { launchChromium, sleep, startFixtureServer, withDeadline, type Launched } from './lib/browser';
import { emit, log, percentile, round, type Figure } from './lib/figure';
import { seedCaptures } from './lib/seed-library';

/** Goals: popup opened → first list rendered, ms, at 10,000 and 100,000 captures (issue 3). */
export const POPUP_OPEN_GOAL_MS: Record<number, number> = { 10_000: 150, 100_000: 300 };
const SIZES = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const OPENS = Number(process.env.BENCH_OPENS ?? 15);
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 10_000);

async function measure(launched: Launched[]): Promise<Figure[]> {
  const extDir = buildExtension();
  const server = await startFixtureServer();
  const figs: Figure[] = [];
  try {
    for (const size of SIZES) {
      const b = await launchChromium({ extensionDir: extDir, port: server.port });
      launched.push(b);
      const base = `chrome-extension://${b.extensionId}`;
      // Record when the first capture item is in the DOM (ms since navigation start).
      await b.context.addInitScript({
        content: `if (location.pathname === '/popup.html') new MutationObserver((_, mo) => {
          if (window.__firstItem === undefined && document.querySelector('[data-testid="capture-item"]')) window.__firstItem = performance.now();
          if (document.querySelector('[data-list-source="db"] [data-testid="capture-item"]')) { window.__dbItem = performance.now(); mo.disconnect(); }
        }).observe(document, { childList: true, subtree: true, attributes: true });`,
      });
      const setup = await b.context.newPage();
      await setup.goto(`${base}/library.html`); // creates the database at its current version
      await setup.waitForSelector('[data-testid="capture-list"]');
      await setup.goto(`${base}/manifest.json`);
      const t0 = performance.now();
      await seedCaptures(setup, size);
      log(`seeded ${size} captures in ${Math.round(performance.now() - t0)} ms`);
      await setup.close();
      // Let IndexedDB (LevelDB) finish compacting after the bulk write, as a real library would be at rest.
      await sleep(SETTLE_MS);
      const times: number[] = [];
      const dbTimes: number[] = [];
      for (let i = 0; i < OPENS + 1; i++) {
        const page = await b.context.newPage();
        await page.setViewportSize({ width: 400, height: 600 });
        await page.goto(`${base}/popup.html`);
        await page.waitForFunction(() => (window as unknown as { __dbItem?: number }).__dbItem !== undefined, null, { timeout: 20_000 });
        const [ms, dbMs] = await page.evaluate(() => [(window as unknown as { __firstItem: number }).__firstItem, (window as unknown as { __dbItem: number }).__dbItem]);
        const n = await page.locator('[data-testid="capture-item"]').count();
        if (i === 0) log(`cold open: ${ms.toFixed(1)} ms (database list ${dbMs.toFixed(1)} ms), ${n} items`);
        else {
          times.push(ms);
          dbTimes.push(dbMs);
        }
        await page.close();
      }
      log(`popup-open ${size}: first list ${times.map((v) => v.toFixed(0)).join(' ')}; database list ${dbTimes.map((v) => v.toFixed(0)).join(' ')}`);
      const k = size >= 1000 ? `${size / 1000}k` : String(size);
      figs.push(
        { name: `popup-open.${k}.p50`, value: round(percentile(times, 50), 1), unit: 'ms', goal: `<= ${POPUP_OPEN_GOAL_MS[size] ?? 300}`, note: `navigation start → first capture item in the DOM (the previous open's snapshot, then the database), median of ${times.length} opens (popup.html as a tab, 400×600)` },
        { name: `popup-open.${k}.p95`, value: round(percentile(times, 95), 1), unit: 'ms', goal: 'info' },
        { name: `popup-open.${k}.db.p50`, value: round(percentile(dbTimes, 50), 1), unit: 'ms', goal: 'info', note: 'navigation start → list from the IndexedDB query (replaces the localStorage snapshot of the previous open)' },
        { name: `popup-open.${k}.db.p95`, value: round(percentile(dbTimes, 95), 1), unit: 'ms', goal: 'info' },
      );
      await b.close();
      launched.length = 0;
    }
    figs.forEach(emit);
    return figs;
  } finally {
    for (const l of launched) await l.close();
    await server.close();
  }
}

/** popup-open: the popup's first list at 10k and 100k captures, real Chromium with the built extension. */
export async function run(): Promise<Figure[]> {
  return withDeadline('popup-open', 600_000, measure);
}

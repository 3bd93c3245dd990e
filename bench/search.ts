import { buildExtension } from './lib/build';
import { launchChromium, startFixtureServer, withDeadline, type Launched } from './lib/browser';
import { emit, log, percentile, round, type Figure } from './lib/figure';
import { seedCaptures, typedQueries } from './lib/seed-library';

/** Goals: keystroke → results painted, p95 ms, at 10,000 and 100,000 captures (issue 3). */
export const SEARCH_P95_GOAL_MS: Record<number, number> = { 10_000: 30, 100_000: 100 };
const SIZES = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 200);

async function measure(launched: Launched[]): Promise<Figure[]> {
  const extDir = buildExtension();
  const server = await startFixtureServer();
  const figs: Figure[] = [];
  try {
    for (const size of SIZES) {
      const b = await launchChromium({ extensionDir: extDir, port: server.port });
      launched.push(b);
      const base = `chrome-extension://${b.extensionId}`;
      const page = await b.context.newPage();
      await page.goto(`${base}/library.html`);
      await page.waitForSelector('[data-testid="capture-list"]');
      await seedCaptures(page, size);
      const t0 = performance.now();
      await page.reload();
      await page.waitForFunction((n) => document.querySelector('[data-testid="capture-list"]')?.getAttribute('data-count') === String(n), size, { timeout: 240_000 });
      const loadMs = performance.now() - t0;
      log(`library loaded and indexed ${size} captures in ${Math.round(loadMs)} ms`);
      const queries = typedQueries(QUERIES);
      const times: number[] = [];
      for (const q of queries) {
        const ms = await page.evaluate(async (text) => {
          const input = document.querySelector<HTMLInputElement>('[data-testid="search"]')!;
          const t = performance.now();
          input.value = text;
          input.dispatchEvent(new Event('input', { bubbles: true }));
          // Wait until the list answers this text (data-query), then for the frame that paints it.
          const list = document.querySelector('[data-testid="capture-list"]')!;
          while (list.getAttribute('data-query') !== text) await new Promise<void>((r) => setTimeout(r, 0));
          await new Promise<void>((r) => requestAnimationFrame(() => r()));
          return performance.now() - t;
        }, q);
        times.push(ms);
      }
      const results = await page.getAttribute('[data-testid="capture-list"]', 'data-count');
      log(`search ${size}: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms; last query "${queries.at(-1)}" → ${results} results`);
      const k = `${size / 1000}k`;
      figs.push(
        { name: `search.${k}.p95`, value: round(percentile(times, 95), 1), unit: 'ms', goal: `<= ${SEARCH_P95_GOAL_MS[size] ?? 100}`, note: `input event → the list answers the text (data-query) → next animation frame, ${times.length} typed queries (prefixes), library page 1280×900` },
        { name: `search.${k}.p50`, value: round(percentile(times, 50), 1), unit: 'ms', goal: 'info' },
        { name: `search.${k}.load`, value: round(loadMs, 0), unit: 'ms', goal: 'info', note: 'library page reload → every capture loaded and indexed (lib/search), list count final' },
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

/** search: search-as-you-type latency in the library page at 10k and 100k captures. */
export async function run(): Promise<Figure[]> {
  return withDeadline('search', 900_000, measure);
}

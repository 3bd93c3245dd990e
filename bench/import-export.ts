// `npm run bench -- import-export`: 10,000 captures exported to Satchel JSON from the library page,
// then that file imported into a fresh profile (dry run, then import), in real Chromium with the
// built extension, through the library's own Export and Import dialogs. Prints each duration and
// the page's peak JS heap while it ran (CDP Runtime.getHeapUsage, sampled every 50 ms).
import { readFileSync } from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';
import { buildExtension } from './lib/build';
import { launchChromium, sleep, startFixtureServer, withDeadline, type Launched } from './lib/browser';
import { emit, log, round, type Figure } from './lib/figure';
import { seedCaptures } from './lib/seed-library';

/** Goal per direction, ms (issue 3). */
export const IMPORT_EXPORT_GOAL_MS = 5_000;
const N = Number(process.env.BENCH_IE_CAPTURES ?? 10_000);

/** Samples the page's used JS heap until `stop()`; returns the peak in bytes. */
function heapSampler(cdp: CDPSession): { stop(): Promise<number> } {
  let peak = 0;
  let on = true;
  const loop = (async () => {
    while (on) {
      const h = (await cdp.send('Runtime.getHeapUsage').catch(() => null)) as { usedSize: number } | null;
      if (h && h.usedSize > peak) peak = h.usedSize;
      await sleep(50);
    }
  })();
  return {
    async stop() {
      on = false;
      await loop;
      return peak;
    },
  };
}

async function openLibrary(b: Launched): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/library.html`);
  await page.waitForSelector('[data-testid="capture-list"]');
  return page;
}

async function measure(launched: Launched[]): Promise<Figure[]> {
  const extDir = buildExtension();
  const server = await startFixtureServer();
  try {
    // Profile A: N captures, exported.
    const a = await launchChromium({ extensionDir: extDir, port: server.port });
    launched.push(a);
    const setup = await openLibrary(a);
    await setup.goto(`chrome-extension://${a.extensionId}/manifest.json`);
    await seedCaptures(setup, N);
    await setup.close();
    await sleep(3000);
    const lib = await openLibrary(a);
    await lib.waitForFunction((n) => document.body.textContent?.includes(`${n.toLocaleString('en')} captures`) || document.body.textContent?.includes(`${n} captures`), N, { timeout: 120_000 }).catch(() => undefined);
    const cdpA = await a.context.newCDPSession(lib);
    await lib.getByRole('button', { name: 'Export', exact: true }).first().click();
    const dialog = lib.getByTestId('export-dialog');
    await dialog.getByRole('radio', { name: 'Everything' }).check();
    await dialog.getByRole('radio', { name: /JSON/ }).check();
    const heapA = heapSampler(cdpA);
    const t0 = performance.now();
    const download = lib.waitForEvent('download', { timeout: 120_000 });
    await dialog.getByTestId('export-start').click();
    const file = await (await download).path();
    const exportMs = performance.now() - t0;
    const exportPeak = await heapA.stop();
    const json = readFileSync(file, 'utf8');
    const exported = (JSON.parse(json) as { captures: unknown[] }).captures.length;
    log(`export: ${exported} captures, ${json.length} bytes, ${round(exportMs, 0)} ms, peak heap ${round(exportPeak / 2 ** 20, 1)} MiB`);
    await a.close();
    launched.length = 0;

    // Profile B (fresh): dry run, then import.
    const b = await launchChromium({ extensionDir: extDir, port: server.port });
    launched.push(b);
    const lib2 = await openLibrary(b);
    const cdpB = await b.context.newCDPSession(lib2);
    await lib2.getByRole('button', { name: 'Import' }).click();
    const imp = lib2.getByTestId('import-dialog');
    const heapB = heapSampler(cdpB);
    const t1 = performance.now();
    await imp.getByTestId('import-file').setInputFiles({ name: 'satchel.json', mimeType: 'application/json', buffer: Buffer.from(json) });
    await imp.getByTestId('import-report').waitFor({ timeout: 120_000 });
    const dryMs = performance.now() - t1;
    const added = Number((await imp.getByTestId('import-added').textContent())?.replace(/\D/g, ''));
    const t2 = performance.now();
    await imp.getByTestId('import-start').click();
    await imp.getByTestId('import-done').waitFor({ timeout: 300_000 });
    const importMs = performance.now() - t2;
    const totalMs = performance.now() - t1;
    const importPeak = await heapB.stop();
    log(`import: dry run ${round(dryMs, 0)} ms, import ${round(importMs, 0)} ms, file → done ${round(totalMs, 0)} ms (${added} added), peak heap ${round(importPeak / 2 ** 20, 1)} MiB`);
    const figs: Figure[] = [
      { name: 'import-export.export', value: round(exportMs, 0), unit: 'ms', goal: `<= ${IMPORT_EXPORT_GOAL_MS}`, note: `${exported} captures → Satchel JSON (${json.length} bytes), click → download, library page` },
      { name: 'import-export.export.peak-heap', value: round(exportPeak / 2 ** 20, 1), unit: 'MiB', goal: 'info', note: 'library page JS heap, peak during the export' },
      { name: 'import-export.import', value: round(importMs, 0), unit: 'ms', goal: `<= ${IMPORT_EXPORT_GOAL_MS}`, note: `Import clicked → import finished, fresh profile (${added} added), library page` },
      { name: 'import-export.import.dry-run', value: round(dryMs, 0), unit: 'ms', goal: 'info', note: 'file chosen → dry-run report (parse, validate, plan): the step before Import' },
      { name: 'import-export.import.total', value: round(totalMs, 0), unit: 'ms', goal: 'info', note: 'file chosen → dry run → Import → finished' },
      { name: 'import-export.import.peak-heap', value: round(importPeak / 2 ** 20, 1), unit: 'MiB', goal: 'info', note: 'library page JS heap, peak during the import' },
    ];
    figs.forEach(emit);
    return figs;
  } finally {
    for (const l of launched) await l.close();
    await server.close();
  }
}

/** import-export: 10k captures exported to JSON and imported into an empty profile. */
export async function run(): Promise<Figure[]> {
  return withDeadline('import-export', 900_000, measure);
}

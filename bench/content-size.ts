import { readFileSync, readdirSync, existsSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildExtension } from './lib/build';
import { emit, log, RESULTS_DIR, type Figure } from './lib/figure';
import { bytesBySource, sourceGroup } from './lib/sourcemap';

/** Goal: the content script's total gzip size, in bytes (20 KB). */
export const CONTENT_GZIP_GOAL_BYTES = 20_480;

interface Manifest {
  content_scripts?: Array<{ js?: string[]; css?: string[]; matches?: string[] }>;
}

/** The files one page loads for one content_scripts entry: its js/css and the chunks they name, transitively. */
function filesOf(extDir: string, roots: string[]): string[] {
  const files = new Set<string>(roots);
  const queue = [...files];
  while (queue.length) {
    const f = queue.shift()!;
    const src = readFileSync(join(extDir, f), 'utf8');
    for (const m of src.matchAll(/(?:chunks|assets)\/[\w.-]+\.(?:js|css)/g)) {
      if (!files.has(m[0]) && existsSync(join(extDir, m[0]))) { files.add(m[0]); queue.push(m[0]); }
    }
  }
  return [...files].sort();
}

/**
 * What a page of each supported site loads up front: one entry per manifest `content_scripts` item
 * (one per site since the per-site split), keyed by its first match pattern, with its js/css and
 * any chunk they name, transitively.
 */
export function contentScriptsByPage(extDir: string): Array<{ page: string; files: string[] }> {
  const manifest = JSON.parse(readFileSync(join(extDir, 'manifest.json'), 'utf8')) as Manifest;
  return (manifest.content_scripts ?? []).map((cs) => ({
    page: cs.matches?.[0] ?? '(no matches)',
    files: filesOf(extDir, [...(cs.js ?? []), ...(cs.css ?? [])]),
  }));
}

/** Every content-script file of the build (all sites), for the size breakdown. */
export function contentScriptFiles(extDir: string): string[] {
  return [...new Set(contentScriptsByPage(extDir).flatMap((p) => p.files))].sort();
}

/** The save panel UI the background injects on first use (entrypoints/panel-ui.ts). */
export const PANEL_UI_FILE = 'panel-ui.js';

/** gzip size of one buffer in bytes (zlib level 9, like `gzip -9`). */
export function gzipBytes(buf: Buffer): number {
  return gzipSync(buf, { level: 9 }).length;
}

/**
 * content-size: builds the extension and prints, for the heaviest supported page, the gzip bytes
 * of the content script it loads up front (goal), plus each site's figure, the lazily injected panel
 * UI, and the sum a page pays once a panel has opened (info).
 */
export async function run(): Promise<Figure[]> {
  const extDir = buildExtension();
  const pages = contentScriptsByPage(extDir).map(({ page, files }) => {
    let raw = 0;
    let gz = 0;
    const parts: string[] = [];
    for (const f of files) {
      const buf = readFileSync(join(extDir, f));
      const g = gzipBytes(buf);
      raw += buf.length;
      gz += g;
      parts.push(`${f} ${buf.length}/${g}`);
    }
    return { page, raw, gz, parts };
  });
  if (pages.length === 0) throw new Error('no content_scripts in the manifest');
  const worst = pages.reduce((a, b) => (b.gz > a.gz ? b : a));
  const panelBuf = existsSync(join(extDir, PANEL_UI_FILE)) ? readFileSync(join(extDir, PANEL_UI_FILE)) : null;
  const panelGz = panelBuf ? gzipBytes(panelBuf) : 0;
  log(`content scripts per page (raw/gzip bytes): ${pages.map((p) => `${p.page}: ${p.parts.join(' + ')}`).join('; ')}; ${PANEL_UI_FILE} ${panelBuf?.length ?? 0}/${panelGz} [${relative(process.cwd(), extDir)}]`);
  const figs: Figure[] = [
    { name: 'content-size', value: worst.gz, unit: 'bytes', goal: `<= ${CONTENT_GZIP_GOAL_BYTES}`, note: `gzip -9 per file, summed, for the heaviest page (${worst.page}): ${worst.parts.join(', ')}` },
    ...pages.map((p) => ({ name: `content-size.${siteName(p.page)}`, value: p.gz, unit: 'bytes', goal: 'info', note: `${p.page}: ${p.parts.join(', ')}` })),
    { name: 'content-size.raw', value: worst.raw, unit: 'bytes', goal: 'info', note: 'same files, uncompressed' },
    { name: 'content-size.panel-ui', value: panelGz, unit: 'bytes', goal: 'info', note: `${PANEL_UI_FILE} (Preact + save panel), injected by the background the first time a panel opens in a tab` },
    { name: 'content-size.with-panel', value: worst.gz + panelGz, unit: 'bytes', goal: 'info', note: 'heaviest page after its first save panel opened' },
  ];
  figs.forEach(emit);
  if (process.env.BENCH_SIZE_BREAKDOWN !== '0') breakdown();
  return figs;
}

function siteName(pattern: string): string {
  if (/x\.com|twitter/.test(pattern)) return 'x';
  if (/linkedin/.test(pattern)) return 'linkedin';
  if (/yammer|engage/.test(pattern)) return 'yammer';
  return pattern.replace(/\W+/g, '-');
}

/**
 * Diagnostics (stderr and bench/results/content-size-breakdown.json, no figures): a second build with
 * source maps, and the content script's raw bytes per npm package / project folder.
 * Skip with BENCH_SIZE_BREAKDOWN=0.
 */
function breakdown(): void {
  try {
    const dir = buildExtension('sourcemap');
    const groups = new Map<string, number>();
    let total = 0;
    for (const f of contentScriptFiles(dir).filter((f) => f.endsWith('.js'))) {
      const mapPath = join(dir, `${f}.map`);
      if (!existsSync(mapPath)) continue;
      const code = readFileSync(join(dir, f), 'utf8');
      total += code.length;
      for (const [src, n] of bytesBySource(code, JSON.parse(readFileSync(mapPath, 'utf8')) as { sources: string[]; mappings: string })) {
        const g = sourceGroup(src);
        groups.set(g, (groups.get(g) ?? 0) + n);
      }
    }
    const rows = [...groups].sort((a, b) => b[1] - a[1]);
    log(`content script raw bytes by source (sourcemap build, ${total} bytes): ${rows.map(([g, n]) => `${g} ${n} (${((100 * n) / total).toFixed(1)}%)`).join(', ')}`);
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(join(RESULTS_DIR, 'content-size-breakdown.json'), JSON.stringify({ total, groups: Object.fromEntries(rows) }, null, 2));
  } catch (e) {
    log(`size breakdown skipped: ${e instanceof Error ? e.message : String(e)}`);
  }
}

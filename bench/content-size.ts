import { readFileSync, readdirSync, existsSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildExtension } from './lib/build';
import { emit, log, RESULTS_DIR, type Figure } from './lib/figure';
import { bytesBySource, sourceGroup } from './lib/sourcemap';

/** Goal: the content script's total gzip size, in bytes (20 KB). */
export const CONTENT_GZIP_GOAL_BYTES = 20_480;

interface Manifest {
  content_scripts?: Array<{ js?: string[]; css?: string[] }>;
}

/**
 * Every file a page pays for when the content script runs, relative to the extension dir:
 * the manifest's content_scripts js/css, every file under content-scripts/ (WXT's
 * `cssInjectionMode: 'ui'` CSS is fetched at runtime, not listed in content_scripts), and any
 * `chunks/*` / `assets/*` file those files name, followed transitively.
 */
export function contentScriptFiles(extDir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(extDir, 'manifest.json'), 'utf8')) as Manifest;
  const files = new Set<string>();
  for (const cs of manifest.content_scripts ?? []) for (const f of [...(cs.js ?? []), ...(cs.css ?? [])]) files.add(f);
  const csDir = join(extDir, 'content-scripts');
  if (existsSync(csDir)) for (const f of readdirSync(csDir)) if (/\.(js|css)$/.test(f)) files.add(`content-scripts/${f}`);
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

/** gzip size of one buffer in bytes (zlib level 9, like `gzip -9`). */
export function gzipBytes(buf: Buffer): number {
  return gzipSync(buf, { level: 9 }).length;
}

/** content-size: builds the extension and prints the content script's total gzip bytes. */
export async function run(): Promise<Figure[]> {
  const extDir = buildExtension();
  const files = contentScriptFiles(extDir);
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
  log(`content files (raw/gzip bytes): ${parts.join(', ')} [${relative(process.cwd(), extDir)}]`);
  const figs: Figure[] = [
    { name: 'content-size', value: gz, unit: 'bytes', goal: `<= ${CONTENT_GZIP_GOAL_BYTES}`, note: `gzip -9 per file, summed: ${parts.join(', ')}` },
    { name: 'content-size.raw', value: raw, unit: 'bytes', goal: 'info', note: 'same files, uncompressed' },
  ];
  figs.forEach(emit);
  if (process.env.BENCH_SIZE_BREAKDOWN !== '0') breakdown();
  return figs;
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

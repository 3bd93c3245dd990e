import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { log } from './figure';

/** Repository root (/work/main). */
export const ROOT = resolve(import.meta.dirname, '..', '..');

/** Build variants: '' is the product build; the others are diagnostics (see bench/wxt.config.ts). */
export type BuildVariant = '' | 'unminified' | 'sourcemap';

const built = new Map<BuildVariant, string>();

/**
 * Runs a fresh production build (`npx wxt build -c bench/wxt.config.ts`: the project config with
 * outDir = bench/results/build) once per process and variant, and returns the absolute chrome-mv3 dir.
 * `BENCH_EXT_DIR=<dir>` measures an existing build instead (e.g. `.output/chrome-mv3`);
 * `BENCH_VARIANT=unminified` makes the browser benchmarks use the unminified diagnostic build.
 * Takes about 1–8 s on 2 cores depending on load.
 */
export function buildExtension(variant: BuildVariant = (process.env.BENCH_VARIANT ?? '') as BuildVariant): string {
  if (process.env.BENCH_EXT_DIR && variant === '') return resolve(process.env.BENCH_EXT_DIR);
  const done = built.get(variant);
  if (done) return done;
  const out = join(ROOT, 'bench', 'results', variant ? `build-${variant}` : 'build');
  rmSync(out, { recursive: true, force: true });
  log(`building${variant ? ` (${variant})` : ''}: npx wxt build -c bench/wxt.config.ts`);
  const t0 = performance.now();
  const r = spawnSync('npx', ['wxt', 'build', '-c', 'bench/wxt.config.ts'], {
    cwd: ROOT, encoding: 'utf8', timeout: 180_000, env: { ...process.env, BENCH_VARIANT: variant },
  });
  const dir = join(out, 'chrome-mv3');
  if (r.status !== 0 || !existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`wxt build failed (status ${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
  log(`built in ${Math.round(performance.now() - t0)} ms -> ${dir}`);
  built.set(variant, dir);
  return dir;
}

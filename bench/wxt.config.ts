import type { UserConfig } from 'wxt';
import base from '../wxt.config';

// The project's own WXT config with only `outDir` changed, so `npm run bench` builds into
// bench/results/build/ and never races with another `npx wxt build` writing .output/.
// Diagnostic variants (BENCH_VARIANT), never used for the recorded figures:
//   unminified: readable function names in CPU profiles  -> bench/results/build-unminified/
//   sourcemap:  content-script size breakdown by module   -> bench/results/build-sourcemap/
const variant = process.env.BENCH_VARIANT ?? '';
const build = variant === 'unminified' ? { minify: false } : variant === 'sourcemap' ? { sourcemap: true } : null;
const config: UserConfig = build
  ? {
      ...base,
      outDir: `bench/results/build-${variant}`,
      vite: async (env) => {
        const v = (await base.vite?.(env)) ?? {};
        return { ...v, build: { ...v.build, ...build } };
      },
    }
  : { ...base, outDir: 'bench/results/build' };
export default config;

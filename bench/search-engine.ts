import { emit, log, percentile, round, type Figure } from './lib/figure';
import { syntheticCaptures, typedQueries } from './lib/seed-library';
import { SearchIndex } from '../lib/search';

const SIZES = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 200);

/**
 * search-engine: lib/search `SearchIndex.search` alone in Node (no page, no rendering), the same
 * synthetic captures and typed queries as `search`, as the UI asks (saved order, every id, facets;
 * then without facets). Info figures: the page's goal is `search`.
 */
export async function run(): Promise<Figure[]> {
  const figs: Figure[] = [];
  for (const size of SIZES) {
    const caps = syntheticCaptures(size);
    const heap0 = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    const idx = new SearchIndex();
    for (let i = 0; i < caps.length; i += 2000) idx.addAll(caps.slice(i, i + 2000));
    const buildMs = performance.now() - t0;
    idx.search({});
    global.gc?.();
    const heapMb = (process.memoryUsage().heapUsed - heap0) / 1e6;
    log(`search-engine ${size}: built in ${Math.round(buildMs)} ms, heap +${heapMb.toFixed(0)} MB for the index (after gc when run with --expose-gc)`);
    const k = `${size / 1000}k`;
    for (const facets of [true, false]) {
      const times: number[] = [];
      for (const text of typedQueries(QUERIES)) {
        const t = performance.now();
        idx.search({ text, sort: 'saved', limit: 50, facets, filters: { archived: false } });
        times.push(performance.now() - t);
      }
      const tag = facets ? '' : '.nofacets';
      log(`search-engine ${size}${tag}: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms`);
      figs.push({ name: `search-engine.${k}${tag}.p95`, value: round(percentile(times, 95), 1), unit: 'ms', goal: 'info', note: 'SearchIndex.search in Node, saved order, all ids + page of 50' }, { name: `search-engine.${k}${tag}.p50`, value: round(percentile(times, 50), 1), unit: 'ms', goal: 'info' });
    }
    figs.push({ name: `search-engine.${k}.build`, value: Math.round(buildMs), unit: 'ms', goal: 'info' });
  }
  figs.forEach(emit);
  return figs;
}

// `npm run bench` runs every benchmark; `npm run bench -- <name> [<name>…]` runs some.
// Each benchmark prints one JSON line per figure on stdout: {"name","value","unit","goal"[,"note"]}.
// Progress goes to stderr. See BENCHMARKS.md for the figures and how they were taken.
import { loadavg } from 'node:os';
import { log, meetsGoal, type Figure } from './lib/figure';

type Bench = () => Promise<Figure[]>;

const BENCHMARKS: Record<string, Bench> = {
  'content-size': async () => (await import('./content-size')).run(),
  'content-overhead': async () => (await import('./content-overhead')).run(),
  'capture-latency': async () => (await import('./capture-latency')).run(),
  'server-load': async () => (await import('./server-load')).run(),
  'server-soak': async () => (await import('./server-soak')).run(),
  'sqlite-commit': async () => (await import('./sqlite-commit')).run(),
  'sync-initial': async () => (await import('./sync-initial')).run(),
  'popup-open': async () => (await import('./popup-open')).run(),
  search: async () => (await import('./search')).run(),
  'import-export': async () => (await import('./import-export')).run(),
  'search-engine': async () => (await import('./search-engine')).run(),
  fuzz: async () => (await import('./fuzz')).run(),
  'rate-limit': async () => (await import('./rate-limit')).run(),
  'whats-new': async () => (await import('./whats-new')).run(),
  digest: async () => (await import('./digest')).run(),
  'discussion-open': async () => (await import('./discussion-open')).run(),
};

async function main(): Promise<void> {
  const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const unknown = asked.filter((a) => !(a in BENCHMARKS));
  if (unknown.length) {
    log(`unknown benchmark(s): ${unknown.join(', ')}; known: ${Object.keys(BENCHMARKS).join(', ')}`);
    process.exit(2);
  }
  const names = asked.length ? asked : Object.keys(BENCHMARKS);
  let failed = false;
  for (const name of names) {
    const t0 = performance.now();
    log(`-- ${name} (load average ${loadavg().map((l) => l.toFixed(1)).join(' ')})`);
    try {
      const figs = await BENCHMARKS[name]!();
      const missed = figs.filter((f) => meetsGoal(f) === false).map((f) => f.name);
      log(`-- ${name} done in ${((performance.now() - t0) / 1000).toFixed(1)} s${missed.length ? `; goal missed: ${missed.join(', ')}` : ''}`);
    } catch (e) {
      failed = true;
      log(`-- ${name} FAILED: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    }
  }
  // A missed goal is a result, not an error; only a benchmark that could not run fails the command.
  process.exit(failed ? 1 : 0);
}

void main();

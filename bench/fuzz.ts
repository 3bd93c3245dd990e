// fuzz: the fuzz test's generators (server/test/fuzz-requests.ts) run long, issue 10 "Tests that keep it so":
// at least 100,000 hostile requests per store (SQLite file, PostgreSQL schema) through `app.request()`,
// every endpoint of the OpenAPI document in turn. Goal: 0 answers that fail the verdict (a 5xx, a
// misshapen error body, a stack, SQL or path in a response). Reports requests, 5xx, other problems and
// requests/s per store; the first few problems go to stderr with the request that caused them.
import fc from 'fast-check';
import { loadavg } from 'node:os';
import { buildOpenApi } from '../server/src/openapi';
import { buildWorld, documentedEndpoints, requestsFor, sendAndJudge, type FuzzRequest } from '../server/test/fuzz-requests';
import { setup, STORE_KINDS } from '../server/test/harness';
import { emit, log, round, type Figure } from './lib/figure';

/** Requests per store (default 100,000; `BENCH_FUZZ_REQUESTS` for a shorter look, not for recorded figures). */
const REQUESTS = Number(process.env.BENCH_FUZZ_REQUESTS ?? 100_000);
/** Requests drawn per endpoint at a time (then the next endpoint), so every endpoint is hit throughout. */
const CHUNK = 50;
const SEED = 20261207;

async function measure(kind: (typeof STORE_KINDS)[number]): Promise<Figure[]> {
  const e = await setup(kind);
  try {
    const w = await buildWorld(e.api);
    const endpoints = documentedEndpoints(buildOpenApi());
    const statuses = new Map<number, number>();
    let sent = 0;
    let fivexx = 0;
    let problems = 0;
    const t0 = performance.now();
    for (let round_ = 0; sent < REQUESTS; round_++) {
      for (const endpoint of endpoints) {
        if (sent >= REQUESTS) break;
        const reqs: FuzzRequest[] = fc.sample(requestsFor(endpoint, w), { seed: SEED + round_, numRuns: Math.min(CHUNK, REQUESTS - sent) });
        for (const r of reqs) {
          const { status, problem } = await sendAndJudge(endpoint, r, w);
          sent++;
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          if (status >= 500) fivexx++;
          if (problem) {
            problems++;
            if (problems <= 5) log(`${kind} ${endpoint}: ${problem} for ${String((r as unknown as Record<symbol, () => string>)[fc.toStringMethod]?.() ?? r.path).slice(0, 400)}`);
          }
        }
      }
      if (round_ % 10 === 9) log(`${kind}: ${sent} requests, ${fivexx} 5xx, ${problems} problems, load ${loadavg()[0]!.toFixed(1)}`);
    }
    const seconds = (performance.now() - t0) / 1000;
    log(`${kind}: statuses ${JSON.stringify([...statuses].sort((a, b) => a[0] - b[0]))}`);
    const note = `${endpoints.length} endpoints in turn, ${CHUNK} at a time, seed ${SEED}; app.request() in one process, load average at end ${loadavg().map((l) => l.toFixed(1)).join(' ')}`;
    const figs: Figure[] = [
      { name: `fuzz.${kind}.requests`, value: sent, unit: 'count', goal: `>= ${REQUESTS}`, note },
      { name: `fuzz.${kind}.5xx`, value: fivexx, unit: 'count', goal: '<= 0' },
      { name: `fuzz.${kind}.problems`, value: problems, unit: 'count', goal: '<= 0', note: '5xx, error body not { error: { code, message } }, success body off its schema, stack/SQL/path in a response' },
      { name: `fuzz.${kind}.requests-per-s`, value: round(sent / seconds, 0), unit: 'requests/s', goal: 'info' },
      { name: `fuzz.${kind}.2xx-share`, value: round([...statuses].filter(([s]) => s < 300).reduce((a, [, n]) => a + n, 0) / sent, 3), unit: 'ratio', goal: 'info', note: 'share of requests a handler completed' },
    ];
    figs.forEach(emit);
    return figs;
  } finally {
    await e.ts.cleanup();
  }
}

/** The fuzz benchmark on every store kind the server supports. */
export async function run(): Promise<Figure[]> {
  const out: Figure[] = [];
  for (const kind of STORE_KINDS) out.push(...(await measure(kind)));
  return out;
}

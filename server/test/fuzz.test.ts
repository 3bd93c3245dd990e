// @vitest-environment node
/**
 * Issue 10 "Tests that keep it so": generated hostile requests for EVERY endpoint of the OpenAPI
 * document (server/src/openapi.ts `buildOpenApi()`), on SQLite and PostgreSQL, through `app.request()`.
 * Fails on any 5xx, an error body that is not `{ error: { code, message } }`, a success body off its
 * documented schema, or a stack, SQL, file path or node_modules in any response (server/test/fuzz-requests.ts).
 * Seeded and bounded: {@link RUNS} requests per endpoint and store; the same generators run longer in
 * `npm run bench -- fuzz` (bench/fuzz.ts).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MUTATION_NAMES } from '../../lib/schema';
import { buildOpenApi } from '../src/openapi';
import { buildWorld, documentedEndpoints, ENDPOINTS, MUTATION_ARGS, requestsFor, sendAndJudge, type FuzzWorld } from './fuzz-requests';
import { setup, STORE_KINDS, type TestStore } from './harness';

/** Requests per endpoint and store (about 25 s for both stores on a quiet 2-core machine); pushes, the richest, get 3×. */
const RUNS = 60;
const runsOf = (endpoint: string) => (endpoint === 'post /v1/sync/push' ? 3 * RUNS : RUNS);
const SEED = 20261207;
/** Generous: a slow, busy shared machine. */
const BUDGET = 180_000;
const ENDPOINT_LIST = documentedEndpoints(buildOpenApi());

describe('fuzz generators cover the API', () => {
  it('every endpoint of the OpenAPI document has a generator', () => {
    expect(ENDPOINT_LIST.length).toBeGreaterThanOrEqual(16);
    expect(ENDPOINT_LIST.filter((e) => !(e in ENDPOINTS))).toEqual([]);
  });
  it('every mutation name has an args generator', () => {
    expect(MUTATION_NAMES.filter((n) => typeof MUTATION_ARGS[n] !== 'function')).toEqual([]);
  });
});

describe.each(STORE_KINDS)('fuzz on %s (issue 10)', (kind) => {
  let ts: TestStore;
  let w: FuzzWorld;
  beforeAll(async () => {
    // Behind one trusted proxy, so the fuzzed X-Forwarded-For headers are parsed, not ignored.
    const e = await setup(kind, { config: { trustedProxyHops: 1 } });
    ts = e.ts;
    w = await buildWorld(e.api);
  }, BUDGET);
  afterAll(async () => ts?.cleanup(), BUDGET);

  it.each(ENDPOINT_LIST)('%s: no 5xx, errors shaped { error: { code, message } }, no stack, SQL or path', async (endpoint) => {
    const seen = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(requestsFor(endpoint, w), async (r) => {
        const { status, problem } = await sendAndJudge(endpoint, r, w);
        seen.set(status, (seen.get(status) ?? 0) + 1);
        expect(problem, `${r.method} ${r.path.slice(0, 120)}`).toBeNull();
      }),
      { seed: SEED, numRuns: runsOf(endpoint), endOnFailure: true },
    );
    expect([...seen.values()].reduce((a, b) => a + b, 0)).toBe(runsOf(endpoint));
    if (process.env.FUZZ_DEBUG) console.log(kind, endpoint, JSON.stringify([...seen].sort())); // statuses seen: is the handler reached?
  }, BUDGET);
});

// @vitest-environment node
/**
 * Issue 10 "Batched pushes deadlock on PostgreSQL": two devices of one user push batches that touch
 * their personal scope and a team scope in OPPOSITE orders, concurrently, many times. Scopes are
 * locked in sorted order before a batch applies (docs/sync-protocol.md 3.4 "Lock order"), so no
 * deadlock (`40P01`) may occur, no result may be lost or doubled, and no push may wait out
 * PostgreSQL's 1 s `deadlock_timeout`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { draft, setup, STORE_KINDS, type Api, type Device, type Mut, type TestStore } from './harness';

const open: TestStore[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.cleanup();
});

/** Rounds of two concurrent pushes, and creates per scope in each batch. */
const ROUNDS = 25;
const PER_SCOPE = 4;

let post = 10_000;

function creates(api: Api, d: Device, scopeId: string): { muts: Mut[]; ids: string[] } {
  const ids: string[] = [];
  const muts = Array.from({ length: PER_SCOPE }, () => {
    const id = uuidv7();
    ids.push(id);
    return api.mut(d, 'createCapture', { id, scopeId, capturedAt: 1, ...draft(String(post++)) });
  });
  return { muts, ids };
}

describe.each(STORE_KINDS)('batched pushes on %s', (kind) => {
  it(
    'two batches touching personal and team scopes in opposite orders never deadlock, lose or double a result, or take a second',
    async () => {
      const transient: string[] = [];
      const e = await setup(kind, { hooks: { onTransient: (err) => void transient.push(String((err as { code?: unknown }).code ?? (err as Error).name)) } });
      open.push(e.ts);
      const { api, store } = e;
      const d1 = await api.signup('owner');
      const d2 = await api.newDevice(d1);
      const { scopeId: team } = await api.createTeam(d1);
      const personal = `personal:${d1.userId}`;
      // One stored capture per scope: each batch also tags them (a scope found from the STORED row).
      const old = { [personal]: await api.createCapture(d1, '9001'), [team]: await api.createCapture(d1, '9002', {}, team) };
      const tag = (d: Device, scopeId: string, round: number) => api.mut(d, 'addTag', { captureId: old[scopeId], tag: `r${round}d${d === d1 ? 1 : 2}` });
      const expected = new Set<string>(Object.values(old));
      const slow: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        // d1: personal then team; d2: team then personal.
        // In seq order: tag a stored capture of the first scope, create in it, create in the second, tag its stored capture.
        const batch = (d: Device, first: string, second: string) => {
          const muts = [tag(d, first, round)];
          const c1 = creates(api, d, first);
          const c2 = creates(api, d, second);
          muts.push(...c1.muts, ...c2.muts, tag(d, second, round));
          for (const id of [...c1.ids, ...c2.ids]) expected.add(id);
          return muts;
        };
        const timed = async (d: Device, muts: Mut[]) => {
          const t0 = performance.now();
          const r = await api.push(d, muts);
          const ms = performance.now() - t0;
          if (ms >= 1000) slow.push(Math.round(ms));
          return { r, muts };
        };
        const outs = await Promise.all([
          timed(d1, batch(d1, personal, team)),
          timed(d2, batch(d2, team, personal)),
        ]);
        for (const { r, muts } of outs) {
          expect(r.status).toBe(200);
          expect(r.body.results.map((x) => [x.seq, x.status, x.duplicate ?? false])).toEqual(muts.map((m) => [m.seq, 'applied', false]));
          expect(r.body.lastMutationSeq).toBe(muts.at(-1)!.seq);
        }
      }
      expect(transient.filter((c) => c === '40P01')).toEqual([]);
      expect(slow).toEqual([]);
      // Nothing lost or doubled: exactly the created rows, one log row per seq of each device.
      const rows = await store.db.selectFrom('captures').select('id').execute();
      expect(rows.map((r) => r.id).sort()).toEqual([...expected].sort());
      for (const id of Object.values(old)) {
        const tags = await store.db.selectFrom('capture_tags').select('tag').where('capture_id', '=', id).where('present', '=', 1).execute();
        expect(tags).toHaveLength(ROUNDS * 2);
      }
      for (const d of [d1, d2]) {
        const log = await store.db.selectFrom('mutation_log').select('seq').where('device_id', '=', d.deviceId).orderBy('seq').execute();
        expect(log.map((l) => Number(l.seq))).toEqual(Array.from({ length: d.seq - 1 }, (_, i) => i + 1));
      }
    },
    240_000,
  );
});

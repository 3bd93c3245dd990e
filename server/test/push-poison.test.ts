// @vitest-environment node
/**
 * Defence in depth for poison mutations (docs/sync-protocol.md 3.4 "Poison", SYNC P5): a mutation whose
 * own transaction fails with an error that is neither an HttpError nor transient is recorded
 * `rejected:invalid` (seq advanced, log row, bounded dead letter) and the batch moves on, instead of
 * a 500 that the client would retry forever. A failure of the server itself stays a 500.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { push } from '../src/sync/push';
import { boundedJson, isPoison, MAX_PAYLOAD_CHARS } from '../src/sync/dead-letter';
import { draft, setup, STORE_KINDS, type TestStore } from './harness';

const open: TestStore[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.cleanup();
});

/** `[[[…1…]]]` nested `n` deep, built without recursion. */
function deep(n: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < n; i++) v = [v];
  return v;
}

describe.each(STORE_KINDS)('poison mutations on %s', (kind) => {
  it('a non-transient error in the 2nd of 3 mutations is rejected:invalid; the 1st and 3rd apply; a retry answers the same', async () => {
    let poisonSeq = 2;
    const e = await setup(kind, {
      hooks: {
        beforeApply: ({ seq }) => {
          if (seq === poisonSeq) throw new RangeError('Invalid array length');
        },
      },
    });
    open.push(e.ts);
    const { api, store } = e;
    const a = await api.signup('a');
    const scopeId = `personal:${a.userId}`;
    const ids = [uuidv7(), uuidv7(), uuidv7()];
    const batch = ids.map((id, i) => api.mut(a, 'createCapture', { id, scopeId, capturedAt: 1, ...draft(`80${i}`) }));
    const r = await api.push(a, batch);
    expect(r.status).toBe(200);
    expect(r.body.results).toEqual([
      { seq: 1, status: 'applied' },
      { seq: 2, status: 'rejected', code: 'invalid' },
      { seq: 3, status: 'applied' },
    ]);
    expect(r.body.lastMutationSeq).toBe(3);
    const caps = await store.db.selectFrom('captures').select('id').execute();
    expect(caps.map((c) => c.id).sort()).toEqual([ids[0], ids[2]].sort());
    const log = await store.db.selectFrom('mutation_log').select(['seq', 'status', 'code']).where('device_id', '=', a.deviceId).orderBy('seq').execute();
    expect(log.map((l) => [Number(l.seq), l.status, l.code])).toEqual([[1, 'applied', null], [2, 'rejected', 'invalid'], [3, 'applied', null]]);
    const dead = await store.db.selectFrom('dead_letters').selectAll().where('device_id', '=', a.deviceId).execute();
    expect(dead).toHaveLength(1);
    expect(dead[0]).toMatchObject({ seq: 2, mutation_id: batch[1]!.mutationId, status: 'rejected', code: 'invalid', name: 'createCapture' });
    const payload = JSON.parse(dead[0]!.payload_json) as { name: string; error: string; args: { id: string } };
    expect(payload).toMatchObject({ name: 'createCapture', error: 'RangeError', args: { id: ids[1] } });
    expect(dead[0]!.payload_json).not.toContain('Invalid array length'); // the error's class, never its message
    // The retry (the response was lost) answers the recorded outcomes, and the poison is not redone.
    poisonSeq = 0;
    const again = await api.pushOk(a, batch);
    expect(again.results.map((x) => [x.status, x.code, x.duplicate])).toEqual([['applied', undefined, true], ['rejected', 'invalid', true], ['applied', undefined, true]]);
    expect(await store.db.selectFrom('captures').select('id').execute()).toHaveLength(2);
  });

  it('a failure of the server itself (not a data error) is still a 500 and advances nothing', async () => {
    const e = await setup(kind, {
      hooks: {
        beforeApply: ({ seq }) => {
          if (seq === 2) throw Object.assign(new Error('could not extend file'), { code: kind === 'postgres' ? '53100' : 'SQLITE_FULL' });
        },
      },
    });
    open.push(e.ts);
    const { api, store } = e;
    const a = await api.signup('a');
    const batch = [1, 2].map((i) => api.mut(a, 'createCapture', { id: uuidv7(), scopeId: `personal:${a.userId}`, capturedAt: 1, ...draft(`81${i}`) }));
    const r = await api.push(a, batch);
    expect(r.status).toBe(500);
    expect(r.body).toEqual({ error: { code: 'internal', message: 'internal error' } });
    // the batch's one transaction rolled back: nothing applied or recorded, the client retries later
    const dev = await store.db.selectFrom('devices').select('last_mutation_seq').where('id', '=', a.deviceId).executeTakeFirstOrThrow();
    expect(Number(dev.last_mutation_seq)).toBe(0);
    expect(await store.db.selectFrom('captures').select('id').execute()).toEqual([]);
    expect(await store.db.selectFrom('dead_letters').select('id').execute()).toEqual([]);
  });

  it('args nested 100,000 deep are refused rejected:invalid with a bounded dead letter (no stack overflow)', async () => {
    const e = await setup(kind);
    open.push(e.ts);
    const { api, store } = e;
    const a = await api.signup('a');
    const m = { seq: 1, mutationId: uuidv7(), name: 'deleteCapture', args: { id: uuidv7(), deep: deep(100_000) }, clientTs: 1 };
    const out = await push(store, a, [m]);
    expect(out).toEqual({ status: 200, body: { lastMutationSeq: 1, results: [{ seq: 1, status: 'rejected', code: 'invalid' }] } });
    const dead = await store.db.selectFrom('dead_letters').select('payload_json').executeTakeFirstOrThrow();
    expect(dead.payload_json.length).toBeLessThanOrEqual(MAX_PAYLOAD_CHARS * 2);
    expect(JSON.parse(dead.payload_json)).toMatchObject({ name: 'deleteCapture', args: { id: m.args.id } });
  });
});

describe('poison on PostgreSQL only', () => {
  it('a value PostgreSQL cannot hold (a capturedAt past BIGINT, 22003) is rejected:invalid and the next mutation applies', async () => {
    const e = await setup('postgres');
    open.push(e.ts);
    const { api, store } = e;
    const a = await api.signup('a');
    const scopeId = `personal:${a.userId}`;
    const good = uuidv7();
    const r = await api.push(a, [
      api.mut(a, 'createCapture', { id: uuidv7(), scopeId, capturedAt: 1e20, ...draft('821') }),
      api.mut(a, 'createCapture', { id: good, scopeId, capturedAt: 1, ...draft('822') }),
    ]);
    expect(r.status).toBe(200);
    expect(r.body.results).toEqual([{ seq: 1, status: 'rejected', code: 'invalid' }, { seq: 2, status: 'applied' }]);
    expect((await store.db.selectFrom('captures').select('id').execute()).map((c) => c.id)).toEqual([good]);
  });
});

describe('boundedJson and isPoison', () => {
  it('never throws and stays bounded: deep, wide, long, cyclic, odd values', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    const cases: unknown[] = [deep(200_000), Array.from({ length: 100_000 }, (_, i) => i), 'x'.repeat(1_000_000), cyclic, { n: 10n, f: () => 1, u: undefined, nan: NaN, s: Symbol('s') }];
    for (const c of cases) {
      const out = boundedJson(c);
      expect(out.length).toBeLessThanOrEqual(MAX_PAYLOAD_CHARS * 2);
      expect(() => JSON.parse(out)).not.toThrow();
    }
    expect(JSON.parse(boundedJson({ a: [1, 'b', null, true], c: { d: 2 } }))).toEqual({ a: [1, 'b', null, true], c: { d: 2 } });
    const throwing = { get x() { throw new Error('boom'); } };
    expect(boundedJson(throwing)).toBe('{"unserialisable":true}');
  });

  it('tells a mutation\'s data error from a server failure', () => {
    const coded = (code: string) => Object.assign(new Error('e'), { code });
    for (const p of [new RangeError('r'), new TypeError('t'), coded('22021'), coded('22003'), coded('23502'), coded('54000'), coded('SQLITE_CONSTRAINT_NOTNULL'), coded('SQLITE_TOOBIG')]) expect(isPoison(p)).toBe(true);
    for (const n of [new Error('plain'), coded('23505'), coded('40P01'), coded('55P03'), coded('53100'), coded('42P01'), coded('SQLITE_FULL'), coded('SQLITE_BUSY'), coded('ECONNRESET'), null, 'str']) expect(isPoison(n)).toBe(false);
  });
});

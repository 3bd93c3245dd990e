// @vitest-environment node
/**
 * R3 and R4 of docs/sync-protocol.md 8 (cursor safety, invariant I7): a writer holding the scope lock while a
 * second writer waits and a reader pulls repeatedly; and the negative control proving the
 * harness catches the bigserial skip bug (docs/sync-protocol.md 6 "The pitfall").
 */
import { afterEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import { uuidv7 } from 'uuidv7';
import { draft, PG_URL, Replica, setup, STORE_KINDS, type TestStore } from './harness';

const open: TestStore[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.cleanup();
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(STORE_KINDS)('R3 on %s', (kind) => {
  it('R3: T1 holds the scope lock 1.5 s; T2 waits; a reader never sees T2 without T1, and nothing is skipped', async () => {
    let slowId = '';
    const e = await setup(kind, {
      hooks: { beforeCommit: async ({ mutationId }) => { if (mutationId === slowId) await sleep(1500); } },
    });
    open.push(e.ts);
    const { api } = e;
    const a = await api.signup('a');
    const a2 = await api.newDevice(a);
    const reader = await api.newDevice(a);
    const m1 = api.mut(a, 'createCapture', { id: uuidv7(), scopeId: `personal:${a.userId}`, capturedAt: 1, ...draft('t1') });
    const m2 = api.mut(a2, 'createCapture', { id: uuidv7(), scopeId: `personal:${a.userId}`, capturedAt: 1, ...draft('t2') });
    slowId = m1.mutationId;
    const rep = new Replica();
    const seen: Array<{ t1: boolean; t2: boolean }> = [];
    const p1 = api.pushOk(a, [m1]);
    await sleep(150);
    const p2 = api.pushOk(a2, [m2]);
    let done = false;
    void Promise.all([p1, p2]).then(() => { done = true; });
    while (!done) {
      rep.apply(await api.pullAll(reader));
      seen.push({ t1: rep.get('capture', m1.args.id as string) !== undefined, t2: rep.get('capture', m2.args.id as string) !== undefined });
      await sleep(100);
    }
    rep.apply(await api.pullAll(reader));
    expect(seen.filter((s) => s.t2 && !s.t1)).toEqual([]);
    const v1 = rep.get('capture', m1.args.id as string).version;
    const v2 = rep.get('capture', m2.args.id as string).version;
    expect(v2).toBeGreaterThan(v1);
    expect(seen.length).toBeGreaterThan(kind === 'postgres' ? 3 : 0); // the reader really pulled during the wait
  });
});

describe('R4 negative control on postgres', () => {
  it('R4: the same workload with a naive bigserial cursor skips a row, and the harness detects it', async () => {
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    const schema = `r4_${uuidv7().replace(/-/g, '').slice(-12)}`;
    await admin.query(`create schema ${schema}; create table ${schema}.log (seq bigserial primary key, v text)`);
    const t1 = new pg.Client({ connectionString: PG_URL });
    const t2 = new pg.Client({ connectionString: PG_URL });
    await t1.connect();
    await t2.connect();
    try {
      await t1.query('begin');
      await t1.query(`insert into ${schema}.log (v) values ('t1')`); // takes seq 1, not committed
      await t2.query(`insert into ${schema}.log (v) values ('t2')`); // seq 2, autocommit
      let cursor = 0;
      const delivered: string[] = [];
      const read = async () => {
        const r = await admin.query(`select seq, v from ${schema}.log where seq > $1 order by seq`, [cursor]);
        for (const row of r.rows) { delivered.push(row.v); cursor = Number(row.seq); }
      };
      await read(); // sees t2, cursor → 2
      await t1.query('commit'); // t1 becomes visible with seq 1 < cursor
      await read();
      const all = (await admin.query(`select v from ${schema}.log`)).rows.map((r) => r.v as string);
      const skipped = all.filter((v) => !delivered.includes(v));
      expect(skipped).toEqual(['t1']); // the bug the per-scope lock prevents
    } finally {
      await t1.end();
      await t2.end();
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    }
  });
});

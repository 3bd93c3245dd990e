// @vitest-environment node
/**
 * Protocol conformance: the docs/sync-protocol.md section 8 scenarios that concern the server, each run against
 * SQLite and PostgreSQL. Client-only rows (C7, C9, C10, M1–M8) belong to the extension's tests;
 * the property test (property.test.ts) covers them with a client model.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { TransientStoreError } from '../src/errors';
import { gcTombstones } from '../src/sync/gc';
import { draft, Replica, setup, STORE_KINDS, type TestStore } from './harness';

const open: TestStore[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.cleanup();
});
async function env(kind: 'sqlite' | 'postgres', over: Parameters<typeof setup>[1] = {}) {
  const e = await setup(kind, over);
  open.push(e.ts);
  return e;
}
const personal = (d: { userId: string }) => `personal:${d.userId}`;

describe.each(STORE_KINDS)('conformance on %s', (kind) => {
  describe('idempotency and ordering', () => {
    it('P1: the same batch twice → duplicates with original statuses; nothing changes', async () => {
      const { api, store } = await env(kind);
      const a = await api.signup('a');
      const id = uuidv7();
      const batch = [
        api.mut(a, 'createCapture', { id, scopeId: personal(a), capturedAt: 1, ...draft('1') }),
        api.mut(a, 'addTag', { captureId: id, tag: 'AI' }),
        api.mut(a, 'updateCapture', { id: uuidv7(), baseVersion: 0, set: { note: 'x' } }),
      ];
      const first = await api.pushOk(a, batch);
      expect(first.results.map((r) => r.status)).toEqual(['applied', 'applied', 'not_found']);
      const before = await store.db.selectFrom('scopes').select('version').where('id', '=', personal(a)).executeTakeFirstOrThrow();
      const second = await api.pushOk(a, batch);
      expect(second.results).toEqual([
        { seq: 1, status: 'applied', duplicate: true },
        { seq: 2, status: 'applied', duplicate: true },
        { seq: 3, status: 'not_found', duplicate: true },
      ]);
      expect(second.lastMutationSeq).toBe(3);
      const after = await store.db.selectFrom('scopes').select('version').where('id', '=', personal(a)).executeTakeFirstOrThrow();
      expect(after.version).toBe(before.version);
    });

    it('P2: response lost after commit → retry is a duplicate; exactly one capture row', async () => {
      const { api, store } = await env(kind);
      const a = await api.signup('a');
      const m = api.mut(a, 'createCapture', { id: uuidv7(), scopeId: personal(a), capturedAt: 1, ...draft('1') });
      await api.pushOk(a, [m]); // response "dropped"
      const retry = await api.pushOk(a, [m]);
      expect(retry.results).toEqual([{ seq: 1, status: 'applied', duplicate: true }]);
      const rows = await store.db.selectFrom('captures').select('id').execute();
      expect(rows).toHaveLength(1);
    });

    it('P3: a gap → 409 seq_gap with expectedSeq; nothing applied', async () => {
      const { api, store } = await env(kind);
      const a = await api.signup('a');
      await api.createCapture(a, '1');
      await api.createCapture(a, '2');
      await api.createCapture(a, '3');
      a.seq = 5;
      const r = await api.push(a, [api.mut(a, 'createCapture', { id: uuidv7(), scopeId: personal(a), capturedAt: 1, ...draft('5') })]);
      expect(r.status).toBe(409);
      expect(r.body.error).toMatchObject({ code: 'seq_gap', expectedSeq: 4 });
      expect(await store.db.selectFrom('captures').select('id').execute()).toHaveLength(3);
    });

    it('P4: transient DB error at the 3rd of 5 → 503 with lastMutationSeq 2; the retry applies 3–5 once', async () => {
      let broken = true; // the database fails seq 3 until the first push has answered
      const { api, store } = await env(kind, {
        hooks: {
          beforeApply: ({ seq }) => {
            if (seq === 3 && broken) throw new TransientStoreError('injected');
          },
        },
      });
      const a = await api.signup('a');
      const batch = [1, 2, 3, 4, 5].map((i) => api.mut(a, 'createCapture', { id: uuidv7(), scopeId: personal(a), capturedAt: 1, ...draft(String(i)) }));
      const r = await api.push(a, batch);
      expect(r.status).toBe(503);
      expect(r.body.lastMutationSeq).toBe(2);
      expect(r.body.results.map((x) => x.seq)).toEqual([1, 2]);
      broken = false;
      const retry = await api.pushOk(a, batch.slice(2));
      expect(retry.results.map((x) => [x.seq, x.status, x.duplicate ?? false])).toEqual([[3, 'applied', false], [4, 'applied', false], [5, 'applied', false]]);
      expect(await store.db.selectFrom('captures').select('id').execute()).toHaveLength(5);
    });

    it('P5: a poison mutation is rejected:invalid with its payload kept; later ones apply', async () => {
      const { api, store } = await env(kind);
      const a = await api.signup('a');
      const r = await api.pushOk(a, [
        api.mut(a, 'createCapture', { id: uuidv7(), scopeId: personal(a), capturedAt: 1, ...draft('1') }),
        api.mut(a, 'createCapture', { id: 'not-a-uuid', scopeId: personal(a) }),
        api.mut(a, 'createCapture', { id: uuidv7(), scopeId: personal(a), capturedAt: 1, ...draft('3') }),
      ]);
      expect(r.results.map((x) => [x.status, x.code])).toEqual([['applied', undefined], ['rejected', 'invalid'], ['applied', undefined]]);
      expect(r.lastMutationSeq).toBe(3);
      const log = await store.db.selectFrom('mutation_log').selectAll().where('seq', '=', 2).executeTakeFirstOrThrow();
      expect(JSON.parse(log.payload_json!).args.id).toBe('not-a-uuid');
      const dlq = await store.db.selectFrom('dead_letters').selectAll().execute();
      expect(dlq.map((d) => [d.seq, d.status, d.code])).toEqual([[2, 'rejected', 'invalid']]);
    });

    it('P6: two concurrent pushes from one device apply each seq once', async () => {
      const { api, store } = await env(kind);
      const a = await api.signup('a');
      const batch = [1, 2, 3, 4, 5, 6].map((i) => api.mut(a, 'createCapture', { id: uuidv7(), scopeId: personal(a), capturedAt: 1, ...draft(String(i)) }));
      const [r1, r2] = await Promise.all([api.push(a, batch), api.push(a, batch)]);
      expect([r1.status, r2.status]).toEqual([200, 200]);
      for (let i = 0; i < 6; i++) {
        const flags = [r1.body.results[i]!.duplicate ?? false, r2.body.results[i]!.duplicate ?? false];
        expect(flags.filter((f) => !f)).toHaveLength(1); // exactly one side applied it
      }
      expect(await store.db.selectFrom('captures').select('id').execute()).toHaveLength(6);
    });

    it('P7: seq reused with another mutationId → 409 device_state_mismatch; re-registered device applies everything once', async () => {
      const { api, store } = await env(kind);
      const a = await api.signup('a');
      await api.createCapture(a, '1');
      await api.createCapture(a, '2');
      a.seq = 2; // IndexedDB restored from a backup: seq 2 again, different mutation
      const pending = api.mut(a, 'createCapture', { id: uuidv7(), scopeId: personal(a), capturedAt: 1, ...draft('3') });
      const r = await api.push(a, [pending]);
      expect(r.status).toBe(409);
      expect(r.body.error.code).toBe('device_state_mismatch');
      const b = await api.newDevice(a); // re-register: new deviceId, seqs from 1
      const again = await api.pushOk(b, [{ ...pending, seq: b.seq++ }]);
      expect(again.results[0]!.status).toBe('applied');
      expect(await store.db.selectFrom('captures').select('id').execute()).toHaveLength(3);
    });

    it('P8: createCapture with an existing id of the same owner (other device) → noop, original untouched', async () => {
      const { api, store } = await env(kind);
      const a = await api.signup('a');
      const id = await api.createCapture(a, '1');
      const a2 = await api.newDevice(a);
      const r = await api.pushOk(a2, [api.mut(a2, 'createCapture', { id, scopeId: personal(a), capturedAt: 2, ...draft('1', { text: 'changed' }) })]);
      expect(r.results[0]!.status).toBe('noop');
      const row = await store.db.selectFrom('captures').select('content_json').where('id', '=', id).executeTakeFirstOrThrow();
      expect(JSON.parse(row.content_json).text).toBe('post 1');
    });

    it("P9: createCapture with an id in another user's scope → rejected:id_conflict, no detail, nothing changes", async () => {
      const { api } = await env(kind);
      const x = await api.signup('x');
      const y = await api.signup('y');
      const id = await api.createCapture(y, '1');
      const r = await api.pushOk(x, [api.mut(x, 'createCapture', { id, scopeId: personal(x), capturedAt: 1, ...draft('1', { text: 'evil' }) })]);
      expect(r.results[0]).toEqual({ seq: 1, status: 'rejected', code: 'id_conflict' });
      const ry = new Replica();
      ry.apply(await api.pullAll(y));
      expect(ry.get('capture', id).text).toBe('post 1');
      const rx = new Replica();
      rx.apply(await api.pullAll(x));
      expect(rx.keys()).toEqual([]);
    });

    it('same post saved offline on two devices → one capture; the second id is merged and redirected', async () => {
      const { api, store } = await env(kind);
      const a = await api.signup('a');
      const a2 = await api.newDevice(a);
      const id1 = await api.createCapture(a, '1');
      const id2 = uuidv7();
      const r = await api.pushOk(a2, [
        api.mut(a2, 'createCapture', { id: id2, scopeId: personal(a), capturedAt: 2, ...draft('1', { text: 'post 1 but longer' }), tags: ['ml'] }),
        api.mut(a2, 'addTag', { captureId: id2, tag: 'later' }),
      ]);
      expect(r.results[0]).toMatchObject({ status: 'noop', code: 'merged', canonicalId: id1 });
      expect(r.results[1]!.status).toBe('applied');
      expect(await store.db.selectFrom('captures').select('id').execute()).toHaveLength(1);
      const rep = new Replica();
      rep.apply(await api.pullAll(a));
      expect(rep.get('capture', id1).text).toBe('post 1 but longer');
      expect(rep.keys('captureTag')).toEqual([`captureTag:${id1}|later`, `captureTag:${id1}|ml`]);
    });
  });

  describe('conflicts', () => {
    it('C1: two devices edit the note from the same base → B wins, A kept as NoteConflict, both converge', async () => {
      const { api } = await env(kind);
      const a = await api.signup('a');
      const b = await api.newDevice(a);
      const id = await api.createCapture(a, '1', { note: 'base' });
      const base = new Replica();
      base.apply(await api.pullAll(a));
      const v = base.get('capture', id).version as number;
      expect((await api.pushOk(a, [api.mut(a, 'updateCapture', { id, baseVersion: v, set: { note: 'from A' } })])).results[0]!.status).toBe('applied');
      const rb = await api.pushOk(b, [api.mut(b, 'updateCapture', { id, baseVersion: v, set: { note: 'from B' } })]);
      expect(rb.results[0]!.status).toBe('applied_with_conflict');
      const ra = new Replica();
      ra.apply(await api.pullAll(a));
      const rbb = new Replica();
      rbb.apply(await api.pullAll(b));
      expect(ra.get('capture', id).note).toBe('from B');
      expect([...ra.rows.entries()]).toEqual([...rbb.rows.entries()]);
      const conflicts = ra.keys('noteConflict').map((k) => ra.rows.get(k)!.value as { overwrittenNote: string });
      expect(conflicts.map((c) => c.overwrittenNote)).toEqual(['from A']);
    });

    it('C2/C3/C4: tag sets: adds merge; add‖remove follows arrival order; add,remove,add offline → present', async () => {
      const { api } = await env(kind);
      const a = await api.signup('a');
      const b = await api.newDevice(a);
      const id = await api.createCapture(a, '1');
      await api.pushOk(a, [api.mut(a, 'addTag', { captureId: id, tag: 'x' })]);
      await api.pushOk(b, [api.mut(b, 'addTag', { captureId: id, tag: 'y' })]);
      await api.pushOk(b, [api.mut(b, 'removeTag', { captureId: id, tag: 'x' })]); // arrives after A's add → removed
      await api.pushOk(a, [api.mut(a, 'addTag', { captureId: id, tag: 'z' }), api.mut(a, 'removeTag', { captureId: id, tag: 'z' }), api.mut(a, 'addTag', { captureId: id, tag: 'Z ' })]);
      const ra = new Replica();
      ra.apply(await api.pullAll(a));
      const rb = new Replica();
      rb.apply(await api.pullAll(b));
      expect(ra.keys('captureTag')).toEqual([`captureTag:${id}|y`, `captureTag:${id}|z`]);
      expect(rb.keys('captureTag')).toEqual(ra.keys('captureTag'));
    });

    it('C5: A sets title, B sets note → both kept; review fields are LWW per field', async () => {
      const { api } = await env(kind);
      const a = await api.signup('a');
      const b = await api.newDevice(a);
      const id = await api.createCapture(a, '1');
      await api.pushOk(a, [api.mut(a, 'updateCapture', { id, baseVersion: 0, set: { title: 'T', reviewedAt: 5 } })]);
      await api.pushOk(b, [api.mut(b, 'updateCapture', { id, baseVersion: 0, set: { note: 'N', reviewedAt: 7, followUp: { dueAt: 1, answer: 'tried it', answeredAt: 2 } } })]);
      const r = new Replica();
      r.apply(await api.pullAll(a));
      expect(r.get('capture', id)).toMatchObject({ title: 'T', note: 'N', reviewedAt: 7, followUp: { dueAt: 1, answer: 'tried it', answeredAt: 2 } });
    });

    it('C6: concurrent add/remove on one collection item follows arrival order', async () => {
      const { api } = await env(kind);
      const a = await api.signup('a');
      const b = await api.newDevice(a);
      const id = await api.createCapture(a, '1');
      const col = uuidv7();
      await api.pushOk(a, [api.mut(a, 'createCollection', { id: col, scopeId: personal(a), name: 'Reading' })]);
      await api.pushOk(b, [api.mut(b, 'addToCollection', { collectionId: col, captureId: id })]);
      await api.pushOk(a, [api.mut(a, 'removeFromCollection', { collectionId: col, captureId: id })]);
      const r = new Replica();
      r.apply(await api.pullAll(b));
      expect(r.keys('collectionItem')).toEqual([]);
      expect(r.get('collection', col).name).toBe('Reading');
    });

    it('C8: client clocks ±3 days and future-time UUIDv7s change nothing', async () => {
      const { api } = await env(kind);
      const a = await api.signup('a');
      const future = uuidv7().replace(/^[0-9a-f]{8}/, 'ffffffff'); // far-future embedded time
      const r = await api.pushOk(a, [
        { ...api.mut(a, 'createCapture', { id: future, scopeId: personal(a), capturedAt: Date.now() + 3 * 86_400_000, ...draft('1') }), clientTs: Date.now() + 3 * 86_400_000 },
        { ...api.mut(a, 'addTag', { captureId: future, tag: 'x' }), clientTs: Date.now() - 3 * 86_400_000 },
      ]);
      expect(r.results.map((x) => x.status)).toEqual(['applied', 'applied']);
    });
  });

  describe('deletes and resurrection', () => {
    it('D1: A deletes; B offline edits the note and adds a tag → gone (payload kept); absent everywhere', async () => {
      const { api, store } = await env(kind);
      const a = await api.signup('a');
      const b = await api.newDevice(a);
      const id = await api.createCapture(a, '1');
      await api.pullAll(b);
      await api.pushOk(a, [api.mut(a, 'deleteCapture', { id })]);
      const r = await api.pushOk(b, [api.mut(b, 'updateCapture', { id, baseVersion: 1, set: { note: 'late' } }), api.mut(b, 'addTag', { captureId: id, tag: 't' })]);
      expect(r.results.map((x) => x.status)).toEqual(['gone', 'gone']);
      expect((await store.db.selectFrom('dead_letters').select('status').execute()).length).toBe(2);
      const rb = new Replica();
      rb.apply(await api.pullAll({ ...b, cookie: null }));
      expect(rb.keys()).toEqual([]);
    });

    it('D2: B offline files a capture A deleted → gone; the collection does not list it', async () => {
      const { api } = await env(kind);
      const a = await api.signup('a');
      const b = await api.newDevice(a);
      const id = await api.createCapture(a, '1');
      const col = uuidv7();
      await api.pushOk(a, [api.mut(a, 'createCollection', { id: col, scopeId: personal(a), name: 'C' }), api.mut(a, 'deleteCapture', { id })]);
      const r = await api.pushOk(b, [api.mut(b, 'addToCollection', { collectionId: col, captureId: id })]);
      expect(r.results[0]!.status).toBe('gone');
      const rep = new Replica();
      rep.apply(await api.pullAll(b));
      expect(rep.keys('collectionItem')).toEqual([]);
    });

    it('D3: delete, then a replay of the original createCapture → duplicate; stays deleted', async () => {
      const { api, store } = await env(kind);
      const a = await api.signup('a');
      const create = api.mut(a, 'createCapture', { id: uuidv7(), scopeId: personal(a), capturedAt: 1, ...draft('1') });
      await api.pushOk(a, [create]);
      await api.pushOk(a, [api.mut(a, 'deleteCapture', { id: create.args.id })]);
      const r = await api.pushOk(a, [create]);
      expect(r.results[0]).toEqual({ seq: 1, status: 'applied', duplicate: true });
      const row = await store.db.selectFrom('captures').select('deleted_at').executeTakeFirstOrThrow();
      expect(row.deleted_at).not.toBeNull();
    });

    it('D4: A deletes a collection; B concurrently adds an item → gone; collection and items tombstoned', async () => {
      const { api } = await env(kind);
      const a = await api.signup('a');
      const b = await api.newDevice(a);
      const id1 = await api.createCapture(a, '1');
      const id2 = await api.createCapture(a, '2');
      const col = uuidv7();
      await api.pushOk(a, [api.mut(a, 'createCollection', { id: col, scopeId: personal(a), name: 'C' }), api.mut(a, 'addToCollection', { collectionId: col, captureId: id1 })]);
      const rb = new Replica();
      rb.apply(await api.pullAll(b));
      expect(rb.keys('collectionItem')).toHaveLength(1);
      await api.pushOk(a, [api.mut(a, 'deleteCollection', { id: col })]);
      expect((await api.pushOk(b, [api.mut(b, 'addToCollection', { collectionId: col, captureId: id2 })])).results[0]!.status).toBe('gone');
      rb.apply(await api.pullAll(b));
      expect(rb.keys('collection')).toEqual([]);
      expect(rb.keys('collectionItem')).toEqual([]);
    });

    it('D5: cursor older than tombstone GC → resetScopes; deleted capture absent; ops on purged ids → not_found', async () => {
      let now = Date.now();
      const { api, store } = await env(kind, { now: () => now });
      const a = await api.signup('a');
      const b = await api.newDevice(a);
      const keep = await api.createCapture(a, '1');
      const gone = await api.createCapture(a, '2');
      await api.pullAll(b);
      await api.pushOk(a, [api.mut(a, 'deleteCapture', { id: gone })]);
      now += 181 * 86_400_000;
      expect(await gcTombstones(store, now - 180 * 86_400_000)).toBeGreaterThan(0);
      const pages = await api.pullAll(b);
      expect(pages[0]!.resetScopes).toEqual([personal(a)]);
      const rep = new Replica();
      rep.apply(pages);
      expect(rep.keys('capture')).toEqual([`capture:${keep}`]);
      const r = await api.pushOk(b, [api.mut(b, 'updateCapture', { id: gone, baseVersion: 0, set: { note: 'x' } })]);
      expect(r.results[0]!.status).toBe('not_found');
    });

    it('D6: the initial pull carries no tombstones and no absent elements', async () => {
      const { api } = await env(kind);
      const a = await api.signup('a');
      const id = await api.createCapture(a, '1', { tags: ['a', 'b'] });
      const id2 = await api.createCapture(a, '2');
      await api.pushOk(a, [api.mut(a, 'removeTag', { captureId: id, tag: 'a' }), api.mut(a, 'deleteCapture', { id: id2 })]);
      const pages = await api.pullAll({ ...a, cookie: null });
      expect(pages.flatMap((p) => p.changes).filter((c) => c.op === 'del')).toEqual([]);
      expect(pages.flatMap((p) => p.changes).map((c) => c.key).sort()).toEqual([id, `${id}|b`].sort());
    });
  });

  describe('pull and cursor', () => {
    it('R1: 2,500 changes with limit 500 → 5 pages whose union is the state; cookies non-decreasing', async () => {
      const { api } = await env(kind);
      const a = await api.signup('a');
      const tags = Array.from({ length: 49 }, (_, i) => `t${i}`);
      for (let batch = 0; batch < 5; batch++) {
        await api.pushOk(a, Array.from({ length: 10 }, (_, i) => api.mut(a, 'createCapture', { id: uuidv7(), scopeId: personal(a), capturedAt: 1, ...draft(`${batch}-${i}`), tags })));
      }
      const pages = await api.pullAll(a, 500);
      expect(pages.map((p) => p.changes.length)).toEqual([500, 500, 500, 500, 500, 0].slice(0, pages.length));
      expect(pages.filter((p) => p.changes.length > 0)).toHaveLength(5);
      const versions = pages.flatMap((p) => p.changes.map((c) => c.version));
      expect(new Set(versions).size).toBe(2500);
      expect([...versions].sort((x, y) => x - y)).toEqual(versions);
      const cookies = pages.map((p) => JSON.parse(Buffer.from(p.cookie, 'base64url').toString()).s[personal(a)] as number);
      expect([...cookies].sort((x, y) => x - y)).toEqual(cookies);
    });

    it('R2: pushes between pages come in later pages; the final replica equals a fresh snapshot', async () => {
      const { api } = await env(kind);
      const a = await api.signup('a');
      const b = await api.newDevice(a);
      const ids: string[] = [];
      for (let i = 0; i < 6; i++) ids.push(await api.createCapture(a, String(i)));
      const rep = new Replica();
      const first = await api.pull(b, null, 3);
      rep.apply([first.body]);
      b.cookie = first.body.cookie;
      expect(first.body.hasMore).toBe(true);
      await api.pushOk(a, [api.mut(a, 'updateCapture', { id: ids[0]!, baseVersion: 0, set: { title: 'new' } }), api.mut(a, 'deleteCapture', { id: ids[5]! })]);
      rep.apply(await api.pullAll(b, 3));
      const fresh = new Replica();
      fresh.apply(await api.pullAll({ ...a, cookie: null }));
      expect([...rep.rows.entries()].sort()).toEqual([...fresh.rows.entries()].sort());
      expect(rep.get('capture', ids[0]!).title).toBe('new');
    });

    it('R5: a cookie naming a scope the user is not in → revokedScopes, zero rows from it', async () => {
      const { api } = await env(kind);
      const x = await api.signup('x');
      const y = await api.signup('y');
      await api.createCapture(y, '1');
      const forged = Buffer.from(JSON.stringify({ v: 1, s: { [personal(y)]: 0, 'team:nope': 3 } })).toString('base64url');
      const r = await api.pull(x, forged);
      expect(r.status).toBe(200);
      expect(r.body.revokedScopes).toEqual([personal(y), 'team:nope']);
      expect(r.body.changes).toEqual([]);
      const bad = await api.pull(x, 'not a cookie');
      expect(bad.status).toBe(400);
    });

    it('R6: after hasMore=false with lastMutationSeq k, the effects of every seq ≤ k are in the pulled state', async () => {
      const { api } = await env(kind);
      const a = await api.signup('a');
      const id = await api.createCapture(a, '1');
      await api.pushOk(a, [api.mut(a, 'addTag', { captureId: id, tag: 'x' }), api.mut(a, 'updateCapture', { id, baseVersion: 0, set: { note: 'n' } })]);
      const pages = await api.pullAll(a);
      expect(pages.at(-1)!.lastMutationSeq).toBe(3);
      const r = new Replica();
      r.apply(pages);
      expect(r.get('capture', id).note).toBe('n');
      expect(r.keys('captureTag')).toEqual([`captureTag:${id}|x`]);
    });
  });

  describe('access control', () => {
    it('A1/A3: removed member: pushes rejected:forbidden (payload in DLQ), pull revokes the team, personal data intact; re-added → full snapshot', async () => {
      const { api, store } = await env(kind);
      const owner = await api.signup('owner');
      const m = await api.signup('member');
      const { teamId, scopeId } = await api.createTeam(owner);
      await api.join(owner, teamId, m, 'editor');
      const mine = await api.createCapture(m, 'p');
      const shared = uuidv7();
      await api.pushOk(m, [api.mut(m, 'shareCapture', { sourceId: mine, newId: shared, targetScopeId: scopeId, note: 'worth reading' })]);
      const rep = new Replica();
      rep.apply(await api.pullAll(m));
      expect(rep.get('capture', shared)).toMatchObject({ scopeId, note: 'worth reading', sourceCaptureId: mine, ownerUserId: m.userId });
      expect((await api.req('DELETE', `/v1/teams/${teamId}/members/${m.userId}`, { token: owner.token })).status).toBe(200);
      const r = await api.pushOk(m, [
        api.mut(m, 'createCapture', { id: uuidv7(), scopeId, capturedAt: 1, ...draft('t') }),
        api.mut(m, 'updateCapture', { id: shared, baseVersion: 0, set: { note: 'edit' } }),
      ]);
      expect(r.results.map((x) => [x.status, x.code])).toEqual([['rejected', 'forbidden'], ['not_found', undefined]]);
      expect((await store.db.selectFrom('dead_letters').select('name').execute()).length).toBe(2);
      const pages = await api.pullAll(m);
      expect(pages[0]!.revokedScopes).toEqual([scopeId]);
      rep.apply(pages);
      expect(rep.keys('capture')).toEqual([`capture:${mine}`]);
      // The team keeps the shared copy (share = copy).
      const ro = new Replica();
      ro.apply(await api.pullAll(owner));
      expect(ro.get('capture', shared).note).toBe('worth reading');
      // A3: re-added → the cookie has no entry for the team → a full snapshot of it.
      await api.join(owner, teamId, m, 'viewer');
      rep.apply(await api.pullAll(m));
      expect(rep.get('capture', shared).note).toBe('worth reading');
    });

    it('A2: "save a personal copy" of a rejected team capture syncs to all the user\'s devices', async () => {
      const { api } = await env(kind);
      const m = await api.signup('m');
      const m2 = await api.newDevice(m);
      const copy = await api.createCapture(m, 'team-post', { note: 'rescued' });
      const r = new Replica();
      r.apply(await api.pullAll(m2));
      expect(r.get('capture', copy).note).toBe('rescued');
    });

    it('A4: a viewer pushing updateCapture / addTag → rejected:forbidden; no change', async () => {
      const { api } = await env(kind);
      const owner = await api.signup('owner');
      const v = await api.signup('viewer');
      const { teamId, scopeId } = await api.createTeam(owner);
      await api.join(owner, teamId, v, 'viewer');
      const id = await api.createCapture(owner, '1', {}, scopeId);
      const r = await api.pushOk(v, [api.mut(v, 'updateCapture', { id, baseVersion: 0, set: { note: 'x' } }), api.mut(v, 'addTag', { captureId: id, tag: 'x' })]);
      expect(r.results.map((x) => x.code)).toEqual(['forbidden', 'forbidden']);
      const rep = new Replica();
      rep.apply(await api.pullAll(v));
      expect(rep.get('capture', id).note).toBeNull();
      expect(rep.keys('captureTag')).toEqual([]);
    });

    it("S1/S2: IDOR on another user's capture → not_found; never in the attacker's pulls", async () => {
      const { api } = await env(kind);
      const x = await api.signup('x');
      const y = await api.signup('y');
      const yid = await api.createCapture(y, '1');
      const col = uuidv7();
      const r = await api.pushOk(x, [
        api.mut(x, 'updateCapture', { id: yid, baseVersion: 0, set: { note: 'pwned' } }),
        api.mut(x, 'deleteCapture', { id: yid }),
        api.mut(x, 'createCollection', { id: col, scopeId: personal(x), name: 'mine' }),
        api.mut(x, 'addToCollection', { collectionId: col, captureId: yid }),
        api.mut(x, 'shareCapture', { sourceId: yid, newId: uuidv7(), targetScopeId: personal(x) }),
      ]);
      expect(r.results.map((x) => x.status)).toEqual(['not_found', 'not_found', 'applied', 'not_found', 'not_found']);
      const rep = new Replica();
      rep.apply(await api.pullAll(x));
      expect(rep.keys('capture')).toEqual([]);
      const ry = new Replica();
      ry.apply(await api.pullAll(y));
      expect(ry.get('capture', yid).note).toBeNull();
    });

    it('S3: mass assignment (ownerUserId, version, deletedAt in args) → rejected:invalid', async () => {
      const { api } = await env(kind);
      const a = await api.signup('a');
      const id = await api.createCapture(a, '1');
      const r = await api.pushOk(a, [
        api.mut(a, 'createCapture', { id: uuidv7(), scopeId: personal(a), capturedAt: 1, ...draft('2'), ownerUserId: 'someone' }),
        api.mut(a, 'updateCapture', { id, baseVersion: 0, set: { version: 99 } }),
        api.mut(a, 'updateCapture', { id, baseVersion: 0, set: { deletedAt: 1 } }),
      ]);
      expect(r.results.map((x) => [x.status, x.code])).toEqual([['rejected', 'invalid'], ['rejected', 'invalid'], ['rejected', 'invalid']]);
    });

    it('S5: revoked token → 401 on push and pull; re-auth on the same deviceId resumes with the same seq', async () => {
      const { api } = await env(kind);
      const a = await api.signup('a');
      await api.createCapture(a, '1');
      expect((await api.req('DELETE', '/v1/sessions/current', { token: a.token })).status).toBe(200);
      const m = api.mut(a, 'createCapture', { id: uuidv7(), scopeId: personal(a), capturedAt: 1, ...draft('2') });
      expect((await api.push(a, [m])).status).toBe(401);
      expect((await api.pull(a)).status).toBe(401);
      const s = await api.req('POST', '/v1/sessions', { body: { email: a.email, password: a.password, deviceId: a.deviceId, deviceName: 'again' } });
      expect(s.status).toBe(201);
      const r = await api.pushOk({ ...a, token: s.body.token }, [m]);
      expect(r).toEqual({ lastMutationSeq: 2, results: [{ seq: 2, status: 'applied' }] });
    });
  });
});

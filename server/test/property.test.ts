// @vitest-environment node
/**
 * Property test (fast-check): several devices of two users edit offline against the server over
 * a faulty transport (dropped requests, dropped responses, duplicates, delayed/reordered
 * deliveries, the client stopped between two awaits, the server restarted on the same DB, tombstone
 * GC past retention), then
 * quiesce and check docs/sync-protocol.md 7: I1 convergence, I2 no lost write, I3 no resurrection, I4 no
 * duplicate, I5 per-device order, I6 nobody reads or writes outside their scopes. Comments, replies
 * and reactions (issue 11) ride along: no lost, duplicated or resurrected comment, converged reactions.
 *
 * The client is a small model of docs/sync-protocol.md 3.9: a persistent outbox numbered by seq, batches of at
 * most 20, results recorded when acknowledged, pull pages applied atomically with the cookie.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import type { PullResponse, PushResponse } from '../../lib/schema';
import { createApp, testConfig } from '../src/app';
import type { Store } from '../src/db/open-store';
import { gcTombstones } from '../src/sync/gc';
import { Api, draft, freshStore, Replica, STORE_KINDS, type Device, type Mut, type TestStore } from './harness';

type Fault = 'ok' | 'dropRequest' | 'dropResponse' | 'duplicate' | 'delay' | 'kill';

type Action =
  | { t: 'create'; dev: number; post: number; team: boolean }
  | { t: 'note'; dev: number; pick: number; text: string }
  | { t: 'tag'; dev: number; pick: number; tag: string; add: boolean }
  | { t: 'delete'; dev: number; pick: number }
  | { t: 'share'; dev: number; pick: number }
  | { t: 'comment'; dev: number; pick: number; reply: boolean }
  | { t: 'uncomment'; dev: number; pick: number }
  | { t: 'react'; dev: number; pick: number; onComment: boolean; kind: 'useful' | 'tried' | 'thanks'; present: boolean }
  | { t: 'sync'; dev: number; faults: Fault[] }
  | { t: 'flushDelayed' }
  | { t: 'restart' }
  | { t: 'membership'; add: boolean }
  | { t: 'gc' };

const DEVICES = 3; // d0, d1: user U1 (team owner); d2: user U2 (team editor)
const dev = fc.integer({ min: 0, max: DEVICES - 1 });
const fault = fc.constantFrom<Fault>('ok', 'ok', 'ok', 'dropRequest', 'dropResponse', 'duplicate', 'delay', 'kill');
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ t: fc.constant('create' as const), dev, post: fc.integer({ min: 0, max: 5 }), team: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('note' as const), dev, pick: fc.nat(), text: fc.constantFrom('a', 'b', 'c', 'long note') }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('tag' as const), dev, pick: fc.nat(), tag: fc.constantFrom('x', 'y', 'Z'), add: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('delete' as const), dev, pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('share' as const), dev, pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('comment' as const), dev, pick: fc.nat(), reply: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('uncomment' as const), dev, pick: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({ t: fc.constant('react' as const), dev, pick: fc.nat(), onComment: fc.boolean(), kind: fc.constantFrom('useful' as const, 'tried' as const, 'thanks' as const), present: fc.boolean() }),
  },
  { weight: 5, arbitrary: fc.record({ t: fc.constant('sync' as const), dev, faults: fc.array(fault, { minLength: 1, maxLength: 4 }) }) },
  { weight: 1, arbitrary: fc.constant({ t: 'flushDelayed' as const }) },
  { weight: 1, arbitrary: fc.constant({ t: 'restart' as const }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('membership' as const), add: fc.boolean() }) },
  { weight: 1, arbitrary: fc.constant({ t: 'gc' as const }) },
);

/** Client state that lives in IndexedDB: it survives a stopped service worker. */
interface ClientDb {
  d: Device;
  outbox: Mut[];
  replica: Replica;
  /** every mutation ever written to the outbox, by seq */
  written: Map<number, Mut>;
  /** first acknowledged result per seq */
  acked: Map<number, { status: string; code?: string; canonicalId?: string }>;
  /** capture ids this device knows of (created or pulled), to aim edits at */
  known: string[];
  /** comment ids this device knows of (created or pulled) */
  comments: string[];
}

class Killed extends Error {}

/** The faulty network between the clients and "the server" (swappable on restart). */
class Transport {
  delayed: Array<() => Promise<unknown>> = [];
  constructor(public api: Api) {}

  /** Sends one request under a fault; throws when the client would not get a response. */
  async send<T>(fault: Fault, call: (api: Api) => Promise<T>): Promise<T> {
    switch (fault) {
      case 'kill':
        throw new Killed('service worker stopped before sending');
      case 'dropRequest':
        throw new Error('network: request lost');
      case 'dropResponse':
        await call(this.api);
        throw new Error('network: response lost');
      case 'delay': {
        const api = this.api;
        this.delayed.push(() => call(api)); // delivered later, response discarded (client timed out)
        throw new Error('network: timeout');
      }
      case 'duplicate': {
        const [first] = await Promise.all([call(this.api), call(this.api)]);
        return first;
      }
      default:
        return call(this.api);
    }
  }

  async flush(): Promise<void> {
    const d = this.delayed.reverse(); // reordered: newest first
    this.delayed = [];
    for (const f of d) await f().catch(() => undefined);
  }
}

/** One sync run of a device (docs/sync-protocol.md 3.9): push the outbox, then pull until hasMore=false. */
async function syncOnce(c: ClientDb, tr: Transport, faults: Fault[]): Promise<void> {
  let i = 0;
  const next = (): Fault => faults[i++] ?? 'ok';
  for (let guard = 0; c.outbox.length > 0 && guard < 20; guard++) {
    const batch = c.outbox.slice(0, 20);
    const r = await tr.send(next(), (api) => api.push(c.d, batch));
    if (r.status === 409) throw new Error(`unexpected 409 ${JSON.stringify(r.body)}`);
    if (r.status !== 200 && r.status !== 503) throw new Error(`push ${r.status} ${JSON.stringify(r.body)}`);
    const body = r.body as PushResponse;
    // One "transaction": record results, drop acknowledged outbox rows.
    for (const res of body.results) if (!c.acked.has(res.seq)) c.acked.set(res.seq, { status: res.status, code: res.code, canonicalId: res.canonicalId });
    c.outbox = c.outbox.filter((m) => m.seq > body.lastMutationSeq);
    if (r.status === 503) return;
  }
  for (let guard = 0; guard < 50; guard++) {
    const r = await tr.send(next(), (api) => api.pull(c.d, c.d.cookie));
    if (r.status !== 200) throw new Error(`pull ${r.status}`);
    const page = r.body as PullResponse;
    // One "transaction": rows, cookie and outbox cleanup together.
    c.replica.apply([page]);
    c.d.cookie = page.cookie;
    c.outbox = c.outbox.filter((m) => m.seq > page.lastMutationSeq);
    for (const ch of page.changes) {
      if (ch.entity === 'capture' && ch.op === 'put' && !c.known.includes(ch.key)) c.known.push(ch.key);
      if (ch.entity === 'comment' && ch.op === 'put' && !c.comments.includes(ch.key)) c.comments.push(ch.key);
    }
    if (!page.hasMore) return;
  }
}

async function runProgram(kind: 'sqlite' | 'postgres', actions: Action[], stores: TestStore[]): Promise<void> {
  const ts = await freshStore(kind, { pgPoolSize: 3 });
  stores.push(ts);
  const mkApp = (store: Store) => new Api(createApp({ store, config: testConfig(), log: () => {} }));
  const tr = new Transport(mkApp(ts.store));
  const api0 = tr.api;
  const u1 = await api0.signup('u1');
  const u1b = await api0.newDevice(u1);
  const u2 = await api0.signup('u2');
  const { teamId, scopeId: team } = await api0.createTeam(u1);
  await api0.join(u1, teamId, u2, 'editor');
  let member = true;
  const clients: ClientDb[] = [u1, u1b, u2].map((d) => ({ d, outbox: [], replica: new Replica(), written: new Map(), acked: new Map(), known: [], comments: [] }));
  const personal = (c: ClientDb) => `personal:${c.d.userId}`;
  const write = (c: ClientDb, name: string, args: Record<string, unknown>) => {
    const m: Mut = { seq: c.d.seq++, mutationId: uuidv7(), name, args, clientTs: Date.now() };
    c.outbox.push(m);
    c.written.set(m.seq, m);
  };
  const pick = (c: ClientDb, n: number) => (c.known.length ? c.known[n % c.known.length]! : null);
  const pickComment = (c: ClientDb, n: number) => (c.comments.length ? c.comments[n % c.comments.length]! : null);
  let gcRan = false;

  for (const a of actions) {
    switch (a.t) {
      case 'create': {
        const c = clients[a.dev]!;
        const id = uuidv7();
        c.known.push(id);
        write(c, 'createCapture', { id, scopeId: a.team ? team : personal(c), capturedAt: 1, ...draft(`p${a.post}`, { text: `post ${a.post} seen by ${a.dev}` }) });
        break;
      }
      case 'note': {
        const c = clients[a.dev]!;
        const id = pick(c, a.pick);
        if (id) write(c, 'updateCapture', { id, baseVersion: c.replica.get('capture', id)?.version ?? 0, set: { note: a.text } });
        break;
      }
      case 'tag': {
        const c = clients[a.dev]!;
        const id = pick(c, a.pick);
        if (id) write(c, a.add ? 'addTag' : 'removeTag', { captureId: id, tag: a.tag });
        break;
      }
      case 'delete': {
        const c = clients[a.dev]!;
        const id = pick(c, a.pick);
        if (id) write(c, 'deleteCapture', { id });
        break;
      }
      case 'share': {
        const c = clients[a.dev]!;
        const id = pick(c, a.pick);
        if (id) write(c, 'shareCapture', { sourceId: id, newId: uuidv7(), targetScopeId: team, note: 'worth reading' });
        break;
      }
      case 'comment': {
        const c = clients[a.dev]!;
        const captureId = pick(c, a.pick);
        if (!captureId) break;
        // a reply goes to a comment this device has seen on that capture (a reply to a reply is filed by the server)
        const parent = a.reply ? c.comments.find((k) => c.replica.get('comment', k)?.captureId === captureId) ?? null : null;
        const id = uuidv7();
        c.comments.push(id);
        write(c, 'createComment', { id, captureId, parentId: parent, body: `said by ${a.dev}`, mentions: [] });
        break;
      }
      case 'uncomment': {
        const c = clients[a.dev]!;
        const id = pickComment(c, a.pick);
        if (id) write(c, 'deleteComment', { id });
        break;
      }
      case 'react': {
        const c = clients[a.dev]!;
        const targetId = a.onComment ? pickComment(c, a.pick) : pick(c, a.pick);
        if (targetId) write(c, 'setReaction', { targetKind: a.onComment ? 'comment' : 'capture', targetId, kind: a.kind, present: a.present });
        break;
      }
      case 'sync': {
        try {
          await syncOnce(clients[a.dev]!, tr, a.faults);
        } catch (e) {
          if ((e as Error).message.startsWith('unexpected') || (e as Error).message.startsWith('push') || (e as Error).message.startsWith('pull')) throw e;
          // network failure or stopped SW: state stays as committed; the next run resumes.
        }
        break;
      }
      case 'flushDelayed':
        await tr.flush();
        break;
      case 'restart': {
        await tr.flush(); // in-flight requests land (or not) before the old instance goes away
        tr.api = mkApp(ts.reopen()); // a new app instance (and connection) on the same database
        break;
      }
      case 'gc':
        // Tombstone GC past retention (docs/sync-protocol.md 3.10): purge every tombstone now; stale cursors must reset.
        await gcTombstones(ts.store, Date.now() + 1);
        gcRan = true;
        break;
      case 'membership': {
        if (a.add && !member) {
          await tr.api.join(u1, teamId, u2, 'editor');
          member = true;
        } else if (!a.add && member) {
          const r = await tr.api.req('DELETE', `/v1/teams/${teamId}/members/${u2.userId}`, { token: u1.token });
          expect(r.status).toBe(200);
          member = false;
        }
        break;
      }
    }
  }

  // Quiesce: deliver everything in flight, then sync every device with a clean network until stable.
  await tr.flush();
  for (let round = 0; round < 3; round++) for (const c of clients) await syncOnce(c, tr, []);
  const store = ts.store;

  // An id merged into another capture (createCapture or shareCapture answered `merged`) means that capture:
  // deleting it deletes the canonical one (whose alias GC may since have purged).
  const canonical = new Map<string, string>();
  for (const c of clients) for (const [seq, m] of c.written) if (c.acked.get(seq)!.canonicalId) canonical.set((m.args.id ?? m.args.newId) as string, c.acked.get(seq)!.canonicalId!);
  const deleted = new Set<string>();
  for (const c of clients) {
    for (const [seq, m] of c.written) {
      if (m.name !== 'deleteCapture' || c.acked.get(seq)!.status !== 'applied') continue;
      deleted.add(m.args.id as string);
      if (canonical.has(m.args.id as string)) deleted.add(canonical.get(m.args.id as string)!);
    }
  }
  // I2 / I5: every written mutation was acknowledged exactly once, in seq order, nothing left behind.
  for (const c of clients) {
    expect(c.outbox).toEqual([]);
    expect([...c.written.keys()].every((s) => c.acked.has(s))).toBe(true);
    const dev = await store.db.selectFrom('devices').select('last_mutation_seq').where('id', '=', c.d.deviceId).executeTakeFirstOrThrow();
    expect(Number(dev.last_mutation_seq)).toBe(c.d.seq - 1);
    const log = await store.db.selectFrom('mutation_log').select(['seq', 'mutation_id', 'status', 'payload_json']).where('device_id', '=', c.d.deviceId).orderBy('seq').execute();
    expect(log.map((l) => Number(l.seq))).toEqual([...c.written.keys()].sort((x, y) => x - y));
    for (const l of log) {
      expect(l.mutation_id).toBe(c.written.get(Number(l.seq))!.mutationId);
      expect(c.acked.get(Number(l.seq))!.status).toBe(l.status);
      // payloads of everything not applied are kept server-side (DLQ)
      if (['rejected', 'gone', 'not_found'].includes(l.status)) expect(l.payload_json).not.toBeNull();
    }
    // An applied create exists (live or later deleted); a merged one points at a real capture.
    for (const [seq, m] of c.written) {
      const r = c.acked.get(seq)!;
      // (unless an applied delete removed it and GC purged the tombstone)
      if (m.name === 'createCapture' && r.status === 'applied' && !deleted.has(m.args.id as string)) {
        expect(await store.db.selectFrom('captures').select('id').where('id', '=', m.args.id as string).executeTakeFirst()).toBeDefined();
      }
      if (r.code === 'merged' && !deleted.has(r.canonicalId!) && !deleted.has(m.args.id as string)) {
        expect(await store.db.selectFrom('captures').select('id').where('id', '=', r.canonicalId!).executeTakeFirst()).toBeDefined();
      }
    }
  }

  // I3: every capture deleted by an applied deleteCapture stays deleted, and no replica holds it.
  for (const raw of deleted) {
    // a deleted id may have been merged into the canonical capture of the same post
    const alias = await store.db.selectFrom('capture_aliases').select('capture_id').where('id', '=', raw).executeTakeFirst();
    const id = alias?.capture_id ?? raw;
    const row = await store.db.selectFrom('captures').select('deleted_at').where('id', '=', id).executeTakeFirst();
    if (row) expect(row.deleted_at).not.toBeNull(); // else purged by GC: still not live
    for (const c of clients) expect(c.replica.get('capture', id)).toBeUndefined();
  }

  // Comments (issue 11). I2: an applied createComment is stored (unless GC purged its tombstone), once.
  // I3: a comment deleted by an applied deleteComment, or on a deleted capture, is a tombstone and in no replica.
  const deletedComments = new Set<string>();
  for (const c of clients) for (const [seq, m] of c.written) if (m.name === 'deleteComment' && c.acked.get(seq)!.status === 'applied') deletedComments.add(m.args.id as string);
  for (const c of clients) {
    for (const [seq, m] of c.written) {
      if (m.name !== 'createComment' || c.acked.get(seq)!.status !== 'applied') continue;
      const row = await store.db.selectFrom('comments').select(['capture_id', 'deleted_at', 'author_user_id']).where('id', '=', m.args.id as string).executeTakeFirst();
      if (!row) {
        expect(gcRan).toBe(true);
        continue;
      }
      expect(row.author_user_id).toBe(c.d.userId);
      const cap = await store.db.selectFrom('captures').select('deleted_at').where('id', '=', row.capture_id).executeTakeFirst();
      const mustBeGone = deletedComments.has(m.args.id as string) || !cap || cap.deleted_at !== null;
      expect(row.deleted_at !== null).toBe(mustBeGone);
      for (const r of clients) if (mustBeGone) expect(r.replica.get('comment', m.args.id as string)).toBeUndefined();
    }
  }
  // Reactions: only live targets carry present reactions, each the reacting user's own.
  for (const r of await store.db.selectFrom('reactions').selectAll().where('present', '=', 1).execute()) {
    const target = r.target_kind === 'capture'
      ? await store.db.selectFrom('captures').select('deleted_at').where('id', '=', r.target_id).executeTakeFirst()
      : await store.db.selectFrom('comments').select('deleted_at').where('id', '=', r.target_id).executeTakeFirst();
    expect(target?.deleted_at).toBeNull();
    expect([u1.userId, u2.userId]).toContain(r.user_id);
  }

  // I4: one live capture per post per scope (no duplicates), on the server and in every replica.
  for (const c of clients) {
    const keys = c.replica.keys('capture').map((k) => {
      const v = c.replica.rows.get(k)!.value as { scopeId: string; key: string };
      return `${v.scopeId}/${v.key}`;
    });
    expect(new Set(keys).size).toBe(keys.length);
  }

  // I1 + I6: each replica equals a fresh snapshot for its user; devices of one user are equal; scopes only their own.
  for (const c of clients) {
    const fresh = new Replica();
    fresh.apply(await tr.api.pullAll({ ...c.d, cookie: null }));
    expect([...c.replica.rows.entries()].sort()).toEqual([...fresh.rows.entries()].sort());
    const allowed = new Set([personal(c), ...(c.d.userId === u2.userId && !member ? [] : [team])]);
    for (const v of c.replica.rows.values()) expect(allowed.has(v.scopeId)).toBe(true);
  }
  expect([...clients[0]!.replica.rows.entries()].sort()).toEqual([...clients[1]!.replica.rows.entries()].sort());

  // I6 (writes): nothing in U1's personal scope was written by U2's device.
  const u1Rows = await store.db.selectFrom('captures').select(['id', 'owner_user_id']).where('scope_id', '=', personal(clients[0]!)).execute();
  expect(u1Rows.every((r) => r.owner_user_id === u1.userId)).toBe(true);
  const u1Ids = new Set(u1Rows.map((r) => r.id));
  for (const [seq, m] of clients[2]!.written) {
    const ref = (m.args.id ?? m.args.captureId ?? m.args.sourceId ?? m.args.targetId) as string | undefined;
    if (ref && u1Ids.has(ref)) expect(clients[2]!.acked.get(seq)!.status).toBe('not_found');
  }
}

const open: TestStore[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.cleanup().catch(() => undefined);
});

describe.each(STORE_KINDS)('offline editing over a faulty transport on %s', (kind) => {
  it('converges with no lost write, no duplicate, no resurrection and no access outside scopes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 10, maxLength: 40 }), async (actions) => {
        try {
          await runProgram(kind, actions, open);
        } finally {
          while (open.length) await open.pop()!.cleanup().catch(() => undefined);
        }
      }),
      { numRuns: Number(process.env.FC_RUNS ?? (kind === 'sqlite' ? 80 : 25)), seed: Number(process.env.FC_SEED ?? 20261201) },
    );
  }, 240_000); // 80 / 25 runs take ~60-70 s each with the machine's load at 12 (2 cores)
});

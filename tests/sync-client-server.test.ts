// @vitest-environment node
import { describe, it, expect, afterEach } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { draft } from '../server/test/harness';
import { startTestSyncServer, type TestSyncServer } from './helpers/sync-server';
import { apiClient, ApiError } from '../lib/sync/api-client';
import { httpTransport } from '../lib/sync/transport';
import { syncOnce } from '../lib/sync/engine';
import type { OutboxItem, SyncAuth, SyncState, SyncStore } from '../lib/sync/types';
import type { PullResponse, PushResponse, SyncChange } from '../lib/schema/sync';

// The extension's sync client (lib/sync) against the real server app (server/src/app.ts) on SQLite,
// over `app.request()`: the REST client, the transport and the engine agree with the server.

let srv: TestSyncServer | null = null;
afterEach(async () => {
  await srv?.cleanup();
  srv = null;
});

async function server() {
  srv = await startTestSyncServer();
  return { fetch: srv.fetch, url: srv.url };
}

/** A minimal in-memory device: outbox + the rows pulled, keyed by entity and key. */
class MemDevice implements SyncStore {
  state: SyncState = { cookie: null, attempt: 0, nextAt: 0, lastError: null, lastSyncedAt: null, failing: null };
  withdrawn: Array<{ item: OutboxItem; reason: string }> = [];
  outbox: OutboxItem[] = [];
  rows = new Map<string, SyncChange>();
  seq = 0;
  constructor(public auth: SyncAuth) {}
  add(name: string, args: Record<string, unknown>) {
    this.outbox.push({ seq: ++this.seq, mutationId: uuidv7(), name, args, clientTs: Date.now() });
  }
  async readAuth() { return this.auth; }
  async readState() { return { ...this.state }; }
  async writeState(p: Partial<SyncState>) { this.state = { ...this.state, ...p }; }
  async readOutbox(limit: number) { return this.outbox.slice(0, limit); }
  async applyPushResults(res: PushResponse) { this.outbox = this.outbox.filter((m) => m.seq > res.lastMutationSeq); }
  async applyPullPage(p: PullResponse) {
    for (const s of p.revokedScopes) for (const [k, v] of this.rows) if (v.scopeId === s) this.rows.delete(k);
    for (const c of p.changes) {
      if (c.op === 'put') this.rows.set(`${c.entity}:${c.key}`, c);
      else this.rows.delete(`${c.entity}:${c.key}`);
    }
    this.outbox = this.outbox.filter((m) => m.seq > p.lastMutationSeq);
    this.state.cookie = p.cookie;
  }
  async resetDevice() { throw new Error('not in this test'); }
  async withdraw(item: OutboxItem, reason: string) {
    this.withdrawn.push({ item, reason });
    this.outbox = this.outbox.map((m) => (m.seq === item.seq ? { ...m, mutationId: uuidv7(), name: 'withdraw', args: { name: m.name, reason } } : m));
  }
  captures() { return [...this.rows.values()].flatMap((c) => (c.entity === 'capture' && c.op === 'put' ? [c.value] : [])); }
}

describe('lib/sync client against the server', () => {
  it('signs up on one device, signs in on another, and a capture made offline on the first reaches the second', async () => {
    const { fetch, url } = await server();
    const devA = uuidv7();
    const a = await apiClient({ serverUrl: url, fetch }).createAccount({ email: 'Ana@Example.org', password: 'correct horse', displayName: 'Ana', deviceId: devA, deviceName: 'Laptop' });
    const devB = uuidv7();
    const b = await apiClient({ serverUrl: url, fetch }).signIn({ email: 'ana@example.org', password: 'correct horse', deviceId: devB, deviceName: 'Phone' });
    expect(b.userId).toBe(a.userId);

    const A = new MemDevice({ serverUrl: url, token: a.token, deviceId: devA, userId: a.userId });
    const B = new MemDevice({ serverUrl: url, token: b.token, deviceId: devB, userId: b.userId });
    const id = uuidv7();
    A.add('createCapture', { ...draft('1001', { text: 'Pair on the hard bits' }), id, scopeId: `personal:${a.userId}`, capturedAt: Date.now(), note: 'try in standup' });
    A.add('addTag', { captureId: id, tag: 'Teamwork' });

    const transport = httpTransport({ fetch });
    const deps = (store: SyncStore) => ({ store, transport, now: Date.now, random: Math.random });
    expect(await syncOnce(deps(A))).toMatchObject({ status: 'synced', pushed: 2 });
    expect(A.outbox).toEqual([]);
    expect(await syncOnce(deps(B))).toMatchObject({ status: 'synced', pushed: 0 });
    expect(B.captures()).toEqual([expect.objectContaining({ id, text: 'Pair on the hard bits', note: 'try in standup' })]);
    expect([...B.rows.values()].some((c) => c.entity === 'captureTag' && c.op === 'put' && c.value.tag.toLowerCase() === 'teamwork')).toBe(true);

    const me = await apiClient({ serverUrl: url, fetch, token: b.token }).me();
    expect(me.user.displayName).toBe('Ana');
    const devices = await apiClient({ serverUrl: url, fetch, token: b.token }).devices();
    expect(devices.devices.map((d) => [d.name, d.current])).toEqual([['Laptop', false], ['Phone', true]]);
  });

  it('a wrong password is an ApiError 401 with no hint whether the email exists; a revoked device fails sync with an auth error', async () => {
    const { fetch, url } = await server();
    const dev = uuidv7();
    const acc = await apiClient({ serverUrl: url, fetch }).createAccount({ email: 'bo@example.org', password: 'long enough', displayName: 'Bo', deviceId: dev, deviceName: 'Laptop' });
    const wrong = await apiClient({ serverUrl: url, fetch }).signIn({ email: 'bo@example.org', password: 'nope', deviceId: uuidv7(), deviceName: 'x' }).catch((e: unknown) => e);
    const unknown = await apiClient({ serverUrl: url, fetch }).signIn({ email: 'nobody@example.org', password: 'nope', deviceId: uuidv7(), deviceName: 'x' }).catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(ApiError);
    expect((wrong as ApiError).status).toBe(401);
    expect([(unknown as ApiError).status, (unknown as ApiError).code, (unknown as ApiError).message]).toEqual([(wrong as ApiError).status, (wrong as ApiError).code, (wrong as ApiError).message]);

    await apiClient({ serverUrl: url, fetch, token: acc.token }).signOut();
    const D = new MemDevice({ serverUrl: url, token: acc.token, deviceId: dev, userId: acc.userId });
    D.add('createCollection', { id: uuidv7(), scopeId: `personal:${acc.userId}`, name: 'Reading' });
    const out = await syncOnce({ store: D, transport: httpTransport({ fetch }), now: Date.now, random: Math.random });
    expect(out).toMatchObject({ status: 'failed', error: { kind: 'auth' }, nextAt: null });
    expect(D.outbox).toHaveLength(1);
  });
});

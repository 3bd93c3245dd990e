// @vitest-environment node
/**
 * Issue 10 "A hung replica stops every write to a team": every pooled PostgreSQL session has
 * `lock_timeout`, `statement_timeout` and `idle_in_transaction_session_timeout` (docs/sync-protocol.md 4
 * "Time limits"), so a push waiting behind a stuck lock holder answers 503 with its results so far
 * (never a 500, never after the request timeout), and the stuck holder's transaction is ended.
 * (The frozen-process version of this, with real replicas and SIGSTOP, is replica-freeze.test.ts.)
 */
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { createApp, testConfig } from '../src/app';
import { readPgTimeouts, type PgTimeouts } from '../src/config';
import { openStore, type Store } from '../src/db/open-store';
import { Api, draft, PG_URL, setup, type TestStore } from './harness';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!().catch(() => undefined);
});

/** Short limits for the test (ms); the holder's idle limit leaves a wide margin over the push's lock waits. */
const LIMITS: PgTimeouts = { lockMs: 250, statementMs: 3000, idleInTxMs: 6000 };

/** A store with {@link LIMITS} on the schema of a fresh migrated PG test store, and an app on it. */
async function limited(): Promise<{ ts: TestStore; store: Store; api: Api }> {
  const { ts } = await setup('postgres');
  cleanups.push(() => ts.cleanup());
  const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(ts.store.db)).rows[0]!.s;
  const store = openStore(PG_URL, { pgSchema: schema, pgTimeouts: LIMITS, pgPoolSize: 4 });
  cleanups.push(() => store.close());
  return { ts, store, api: new Api(createApp({ store, config: testConfig(), log: () => {} })) };
}

/**
 * Holds `scopeId`'s row lock in an open transaction on a connection of `store`, idle, until `release()`;
 * then tries to roll back. `ended` resolves to what that rollback threw (or undefined).
 */
async function holdScope(store: Store, scopeId: string): Promise<{ pid: number; ended: Promise<unknown>; release: () => void }> {
  let ready!: (pid: number) => void;
  let release!: () => void;
  const locked = new Promise<number>((r) => (ready = r));
  const released = new Promise<void>((r) => (release = r));
  cleanups.push(async () => release());
  const ended = store.db
    .connection()
    .execute(async (conn) => {
      await sql`begin`.execute(conn);
      await sql`select version from scopes where id = ${scopeId} for update`.execute(conn);
      ready((await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(conn)).rows[0]!.pid);
      // idle in transaction from here on, like a process frozen mid-push
      await released;
      await sql`rollback`.execute(conn);
    })
    .catch((e: unknown) => e);
  return { pid: await locked, ended, release };
}

const stateOf = async (ts: TestStore, pid: number) =>
  (await sql<{ state: string }>`select state from pg_stat_activity where pid = ${pid}`.execute(ts.store.db)).rows[0]?.state ?? null;

describe('PostgreSQL session time limits', () => {
  it('every pooled session carries the configured lock, statement and idle-in-transaction limits', async () => {
    const { store } = await limited();
    const r = await sql<{ l: string; s: string; i: string }>`select current_setting('lock_timeout') as l, current_setting('statement_timeout') as s, current_setting('idle_in_transaction_session_timeout') as i`.execute(store.db);
    expect(r.rows[0]).toEqual({ l: '250ms', s: '3s', i: '6s' });
  });

  it('a push behind a held scope lock answers 503 with its results so far while the holder still holds; the idle holder is then ended and the push applies', async () => {
    const { ts, store, api } = await limited();
    const a = await api.signup('a');
    const { scopeId: team } = await api.createTeam(a);
    const personal = `personal:${a.userId}`;
    const holder = await holdScope(store, personal);
    const batch = [
      api.mut(a, 'createCapture', { id: uuidv7(), scopeId: team, capturedAt: 1, ...draft('901') }),
      api.mut(a, 'createCapture', { id: uuidv7(), scopeId: personal, capturedAt: 1, ...draft('902') }),
    ];
    const r = await api.push(a, batch);
    expect(r.status).toBe(503);
    expect(r.body).toEqual({ lastMutationSeq: 1, results: [{ seq: 1, status: 'applied' }] });
    // It gave up on lock_timeout, not because the holder went away.
    expect(await stateOf(ts, holder.pid)).toBe('idle in transaction');

    // The holder, idle past idle_in_transaction_session_timeout, is ended by PostgreSQL.
    const deadline = Date.now() + LIMITS.idleInTxMs + 30_000;
    while ((await stateOf(ts, holder.pid)) !== null && Date.now() < deadline) await new Promise((res) => setTimeout(res, 200));
    expect(await stateOf(ts, holder.pid)).toBeNull();
    holder.release();
    expect(await holder.ended).toBeInstanceOf(Error); // its transaction is gone: it can neither commit nor roll back
    const again = await api.push(a, batch);
    expect(again.status).toBe(200);
    expect(again.body.results).toEqual([{ seq: 1, status: 'applied', duplicate: true }, { seq: 2, status: 'applied' }]);
  }, 90_000);

  it('a team route waiting behind a held scope lock answers 503 unavailable, not 500; it succeeds once the lock is free', async () => {
    const { store, api } = await limited();
    const owner = await api.signup('owner');
    const member = await api.signup('member');
    const { teamId, scopeId } = await api.createTeam(owner);
    const inv = await api.req('POST', `/v1/teams/${teamId}/invites`, { token: owner.token, body: { role: 'editor', expiresInHours: 24 } });
    expect(inv.status).toBe(201);
    const holder = await holdScope(store, scopeId);
    const r = await api.req('POST', `/v1/invites/${inv.body.code}/accept`, { token: member.token });
    expect(r.status).toBe(503);
    expect(r.body).toEqual({ error: { code: 'unavailable', message: 'the service is busy; retry' } });
    holder.release();
    expect(await holder.ended).toBeUndefined(); // the holder was still alive: it rolled back itself
    const ok = await api.req('POST', `/v1/invites/${inv.body.code}/accept`, { token: member.token });
    expect(ok.status).toBe(200);
  }, 60_000);

  it('derives its defaults from REQUEST_TIMEOUT_MS and takes overrides', () => {
    expect(readPgTimeouts({})).toEqual({ lockMs: 2500, statementMs: 7500, idleInTxMs: 5000 });
    expect(readPgTimeouts({ REQUEST_TIMEOUT_MS: '6000' })).toEqual({ lockMs: 1000, statementMs: 3000, idleInTxMs: 2000 });
    expect(readPgTimeouts({ PG_LOCK_TIMEOUT_MS: '100', PG_STATEMENT_TIMEOUT_MS: '0', PG_IDLE_IN_TX_TIMEOUT_MS: '900' })).toEqual({ lockMs: 100, statementMs: 0, idleInTxMs: 900 });
    expect(() => readPgTimeouts({ PG_LOCK_TIMEOUT_MS: '-1' })).toThrow(/PG_LOCK_TIMEOUT_MS/);
  });
});

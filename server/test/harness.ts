/**
 * Test harness: fresh stores (SQLite temp file, PostgreSQL schema per run), an app per store, and
 * a tiny device client over `app.request()` (no port).
 *
 * PostgreSQL: `TEST_DATABASE_URL` (default postgres://postgres@127.0.0.1:5432/test). Each store gets
 * its own freshly created schema (search_path), dropped afterwards. If PG is unreachable the PG
 * tests FAIL with a clear message; they are never skipped.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { uuidv7 } from 'uuidv7';
import type { CaptureDraft, PullResponse, PushResponse, SyncChange } from '../../lib/schema';
import { createApp, testConfig, type CreateAppOptions } from '../src/app';
import type { Config } from '../src/config';
import { openStore, type Store, type StoreKind } from '../src/db/open-store';

export const PG_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

/** A migrated store and how to throw it away. */
export interface TestStore {
  store: Store;
  kind: StoreKind;
  /** opens a second Store on the same database (a "restarted server" or another replica) */
  reopen(): Store;
  cleanup(): Promise<void>;
}

/** Ensures the PG test database exists and answers; throws a clear error otherwise. */
async function pgAdmin(): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
  } catch (e) {
    // Maybe only the database is missing: create it through the maintenance db.
    const u = new URL(PG_URL);
    const dbName = u.pathname.slice(1);
    u.pathname = '/postgres';
    const admin = new pg.Client({ connectionString: u.toString(), connectionTimeoutMillis: 3000 });
    try {
      await admin.connect();
    } catch {
      throw new Error(`PostgreSQL unreachable at ${PG_URL} (${(e as Error).message}). Start it (pg_ctlcluster 15 main start) or set TEST_DATABASE_URL.`);
    }
    await admin.query(`create database "${dbName.replace(/"/g, '')}"`).catch(() => undefined);
    await admin.end();
    const c2 = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
    await c2.connect();
    return c2;
  }
  return c;
}

let swept = false;
/** Age after which a dead run's schema is swept, ms (see {@link sweepStaleSchemas}). */
const STALE_SCHEMA_MS = 6 * 3_600_000;

/** Drops test schemas left by test processes that died mid-run (name ends with their pid; same host). */
async function sweepStaleSchemas(admin: pg.Client): Promise<void> {
  if (swept) return;
  swept = true;
  const { rows } = await admin.query<{ nspname: string }>(`select nspname from pg_namespace where nspname ~ '^t_[0-9a-f]{16}_[0-9]+$'`);
  for (const { nspname } of rows) {
    const [, hex, pidText] = nspname.split('_');
    const pid = Number(pidText);
    // The first 12 hex digits are the schema's creation time (uuidv7 ms). A pid that looks dead may
    // belong to another PID namespace on the same PostgreSQL (parallel runs in sandboxes), so only
    // schemas older than STALE_SCHEMA_MS are swept, never a live run's.
    if (Date.now() - parseInt(hex!.slice(0, 12), 16) < STALE_SCHEMA_MS) continue;
    let alive = true;
    try {
      process.kill(pid, 0);
    } catch {
      alive = false;
    }
    if (!alive) await admin.query(`drop schema if exists ${nspname} cascade`).catch(() => undefined);
  }
}

/** Opens a fresh migrated store of `kind`. */
export async function freshStore(kind: StoreKind, opts: { pgPoolSize?: number } = {}): Promise<TestStore> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'satchel-server-'));
    const url = `sqlite:${join(dir, 'test.sqlite')}`;
    const store = openStore(url);
    await store.migrate();
    const extra: Store[] = [];
    return {
      store,
      kind,
      reopen: () => {
        const s = openStore(url);
        extra.push(s);
        return s;
      },
      cleanup: async () => {
        for (const s of extra) await s.close().catch(() => undefined);
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const admin = await pgAdmin();
  await sweepStaleSchemas(admin);
  const id = uuidv7().replace(/-/g, '');
  const schema = `t_${id.slice(0, 12)}${id.slice(-4)}_${process.pid}`; // creation ms + 4 random hex
  await admin.query(`create schema ${schema}`);
  const store = openStore(PG_URL, { pgSchema: schema, pgPoolSize: opts.pgPoolSize ?? 6 });
  try {
    await store.migrate();
  } catch (e) {
    await store.close().catch(() => undefined);
    await admin.query(`drop schema ${schema} cascade`).catch(() => undefined);
    await admin.end();
    throw e;
  }
  const extra: Store[] = [];
  return {
    store,
    kind,
    reopen: () => {
      const s = openStore(PG_URL, { pgSchema: schema, pgPoolSize: opts.pgPoolSize ?? 6 });
      extra.push(s);
      return s;
    },
    cleanup: async () => {
      for (const s of extra) await s.close().catch(() => undefined);
      await store.close();
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    },
  };
}

/** The store kinds every conformance test runs against. */
export const STORE_KINDS: StoreKind[] = ['sqlite', 'postgres'];

type App = ReturnType<typeof createApp>;

/** A signed-in device with its own seq counter and pull cookie. */
export interface Device {
  userId: string;
  deviceId: string;
  token: string;
  /** next seq to use */
  seq: number;
  cookie: string | null;
  email: string;
  password: string;
}

/** A mutation as sent on the wire. */
export interface Mut {
  seq: number;
  mutationId: string;
  name: string;
  args: Record<string, unknown>;
  clientTs: number;
}

/** Makes a valid X CaptureDraft for `postId`, with overrides. */
export function draft(postId: string, over: Partial<CaptureDraft> = {}): CaptureDraft {
  return {
    platform: 'x', postId, permalink: `https://x.com/someone/status/${postId}`, permalinkMissing: false,
    author: { name: 'Some One', handle: 'someone', profileUrl: 'https://x.com/someone', avatarUrl: null },
    text: `post ${postId}`, lang: 'en', postedAt: '2026-11-30T10:00:00.000Z', media: [], links: [], hashtags: [], mentions: [], poll: null,
    truncated: false, mediaMissing: false, title: null, quoted: null, quoteMissing: false, repostedBy: null, inReplyTo: null, thread: [], threadPartial: false,
    ...over,
  };
}

let emailCounter = 0;

/** Client for one app instance. */
export class Api {
  constructor(public app: App) {}

  /** Raw JSON request; returns status, parsed body and headers. */
  async req(method: string, path: string, opts: { token?: string; body?: unknown; headers?: Record<string, string>; raw?: string } = {}): Promise<{ status: number; body: any; headers: Headers }> {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.body !== undefined || opts.raw !== undefined) headers['content-type'] = 'application/json';
    const res = await this.app.request(path, { method, headers, body: opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)) });
    const text = await res.text();
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = text;
    }
    return { status: res.status, body, headers: res.headers };
  }

  /** Creates an account (and its first device). */
  async signup(name = 'user'): Promise<Device> {
    const email = `${name}-${++emailCounter}-${process.pid}@example.com`;
    const deviceId = uuidv7();
    const r = await this.req('POST', '/v1/accounts', { body: { email, password: 'correct horse', displayName: name, deviceId, deviceName: 'test' } });
    if (r.status !== 201) throw new Error(`signup ${r.status} ${JSON.stringify(r.body)}`);
    return { userId: r.body.userId, deviceId, token: r.body.token, seq: 1, cookie: null, email, password: 'correct horse' };
  }

  /** Signs the same user in on a new device. */
  async newDevice(d: Device): Promise<Device> {
    const deviceId = uuidv7();
    const r = await this.req('POST', '/v1/sessions', { body: { email: d.email, password: d.password, deviceId, deviceName: 'second' } });
    if (r.status !== 201) throw new Error(`session ${r.status}`);
    return { ...d, deviceId, token: r.body.token, seq: 1, cookie: null };
  }

  /** Builds the next mutation of device `d` (advances its seq). */
  mut(d: Device, name: string, args: Record<string, unknown>): Mut {
    return { seq: d.seq++, mutationId: uuidv7(), name, args, clientTs: Date.now() };
  }

  /** Pushes raw mutations; returns status and body. */
  push(d: Device, mutations: Mut[]): Promise<{ status: number; body: PushResponse & { error?: any }; headers: Headers }> {
    return this.req('POST', '/v1/sync/push', { token: d.token, body: { protocolVersion: 1, schemaVersion: 1, deviceId: d.deviceId, mutations } });
  }

  /** Pushes and asserts 200; returns the results. */
  async pushOk(d: Device, mutations: Mut[]): Promise<PushResponse> {
    const r = await this.push(d, mutations);
    if (r.status !== 200) throw new Error(`push ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }

  /** One pull page from the device's cookie (not stored). */
  pull(d: Device, cookie: string | null = d.cookie, limit?: number): Promise<{ status: number; body: PullResponse & { error?: any } }> {
    return this.req('POST', '/v1/sync/pull', { token: d.token, body: { protocolVersion: 1, schemaVersion: 1, deviceId: d.deviceId, cookie, ...(limit ? { limit } : {}) } });
  }

  /** Pulls until hasMore=false, storing the cookie; returns all pages. */
  async pullAll(d: Device, limit?: number): Promise<PullResponse[]> {
    const pages: PullResponse[] = [];
    for (let i = 0; i < 1000; i++) {
      const r = await this.pull(d, d.cookie, limit);
      if (r.status !== 200) throw new Error(`pull ${r.status} ${JSON.stringify(r.body)}`);
      pages.push(r.body);
      d.cookie = r.body.cookie;
      if (!r.body.hasMore) return pages;
    }
    throw new Error('pull never finished');
  }

  async createCapture(d: Device, postId: string, extra: Record<string, unknown> = {}, scopeId = `personal:${d.userId}`): Promise<string> {
    const id = uuidv7();
    const res = await this.pushOk(d, [this.mut(d, 'createCapture', { id, scopeId, capturedAt: Date.now(), ...draft(postId), ...extra })]);
    if (res.results[0]!.status !== 'applied') throw new Error(`createCapture ${JSON.stringify(res.results[0])}`);
    return id;
  }

  async createTeam(owner: Device, name = 'Cohort A'): Promise<{ teamId: string; scopeId: string }> {
    const r = await this.req('POST', '/v1/teams', { token: owner.token, body: { name } });
    if (r.status !== 201) throw new Error(`team ${r.status}`);
    return r.body;
  }

  async join(owner: Device, teamId: string, member: Device, role: 'editor' | 'viewer'): Promise<void> {
    const inv = await this.req('POST', `/v1/teams/${teamId}/invites`, { token: owner.token, body: { role, expiresInHours: 24 } });
    if (inv.status !== 201) throw new Error(`invite ${inv.status}`);
    const acc = await this.req('POST', `/v1/invites/${inv.body.code}/accept`, { token: member.token });
    if (acc.status !== 200) throw new Error(`accept ${acc.status}`);
  }
}

/** The local replica a device holds after applying pulls: key → value per entity. */
export class Replica {
  rows = new Map<string, { scopeId: string; value: unknown }>();
  apply(pages: PullResponse[]): void {
    for (const p of pages) {
      for (const s of [...p.revokedScopes, ...p.resetScopes]) for (const [k, v] of this.rows) if (v.scopeId === s) this.rows.delete(k);
      for (const c of p.changes) this.applyChange(c);
    }
  }
  private applyChange(c: SyncChange): void {
    const k = `${c.entity}:${c.key}`;
    if (c.op === 'del') this.rows.delete(k);
    else this.rows.set(k, { scopeId: c.scopeId, value: c.value });
  }
  keys(entity?: string): string[] {
    return [...this.rows.keys()].filter((k) => !entity || k.startsWith(`${entity}:`)).sort();
  }
  get(entity: string, key: string): any {
    return this.rows.get(`${entity}:${key}`)?.value;
  }
}

/** App + store for one test; `restart()` = a new app instance on the same DB. */
export async function setup(kind: StoreKind, over: Partial<Omit<CreateAppOptions, 'store' | 'config'>> & { config?: Partial<Config> } = {}) {
  const ts = await freshStore(kind);
  const config = testConfig(over.config);
  const { config: _c, ...rest } = over;
  const app = createApp({ store: ts.store, config, log: () => {}, ...rest });
  return { ts, api: new Api(app), store: ts.store, config };
}

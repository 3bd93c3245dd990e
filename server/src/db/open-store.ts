/**
 * Opens the store named by `DATABASE_URL`: `sqlite:<path>` (or `:memory:`) with better-sqlite3 in
 * WAL mode, or `postgres://…` with a pg pool. Both sit behind one Kysely query layer and one
 * transaction interface (docs/sync-protocol.md 5).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { DB } from './schema';
import { readPgTimeouts, type PgTimeouts } from '../config';
import { applyMigrations, migratePostgres } from './migrate';
import { sqliteSynchronous } from './sqlite-durability';

/** Which engine a store runs on. */
export type StoreKind = 'sqlite' | 'postgres';

/** A transaction handle: a Kysely bound to one connection inside BEGIN…COMMIT. */
export type Tx = Kysely<DB>;

/**
 * The store: one Kysely plus the two transaction shapes the protocol needs.
 * - `write(fn)`: SQLite `BEGIN IMMEDIATE` (the write lock up front); PG `READ COMMITTED` (rows are
 *   locked explicitly with `SELECT … FOR UPDATE`, see {@link Store.forUpdate}).
 * - `read(fn)`: one consistent snapshot: SQLite read transaction (WAL); PG `REPEATABLE READ READ ONLY`.
 * Both roll back and rethrow on any error from `fn`.
 */
export interface Store {
  kind: StoreKind;
  db: Kysely<DB>;
  write<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  read<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** True on PG: append `FOR UPDATE` to row-lock reads (SQLite's write lock already serialises writers). */
  forUpdate: boolean;
  /** Applies pending migrations; resolves to their names. @throws when one fails. */
  migrate(): Promise<string[]>;
  close(): Promise<void>;
}

/** Options of {@link openStore}. */
export interface OpenStoreOptions {
  /** PG only: schema to put first in `search_path` (tests isolate each run in its own schema). */
  pgSchema?: string;
  /** PG pool size; default `PG_POOL_SIZE` or 10. */
  pgPoolSize?: number;
  /** PG session time limits of every pooled connection; default from the environment (`readPgTimeouts`). */
  pgTimeouts?: PgTimeouts;
}

/** pg's connection settings for {@link PgTimeouts} (pg leaves out a 0, which keeps PostgreSQL's default: off). */
const pgSessionLimits = (t: PgTimeouts) => ({
  lock_timeout: t.lockMs,
  statement_timeout: t.statementMs,
  idle_in_transaction_session_timeout: t.idleInTxMs,
});

const INT8_OID = 20;
const NUMERIC_OID = 1700;

function wrap(db: Kysely<DB>, kind: StoreKind): Pick<Store, 'write' | 'read'> {
  const run = async <T>(begin: string, fn: (tx: Tx) => Promise<T>): Promise<T> =>
    db.connection().execute(async (conn) => {
      await sql.raw(begin).execute(conn);
      try {
        const out = await fn(conn);
        await sql.raw('commit').execute(conn);
        return out;
      } catch (e) {
        try {
          await sql.raw('rollback').execute(conn);
        } catch {
          // connection already broken; the original error is what matters
        }
        throw e;
      }
    });
  return kind === 'sqlite'
    ? { write: (fn) => run('begin immediate', fn), read: (fn) => run('begin', fn) }
    : { write: (fn) => run('begin isolation level read committed', fn), read: (fn) => run('begin isolation level repeatable read read only', fn) };
}

/**
 * Opens (and creates, for a SQLite file) the store for `url`. Does not migrate: call `migrate()`.
 * @param url `sqlite:<path>`, `sqlite::memory:`, or `postgres://…` / `postgresql://…`.
 * @throws Error for any other scheme.
 */
export function openStore(url: string, opts: OpenStoreOptions = {}): Store {
  let db: Kysely<DB>;
  let kind: StoreKind;
  let closeExtra: () => Promise<void> = async () => {};
  if (url.startsWith('sqlite:')) {
    kind = 'sqlite';
    const path = url.slice('sqlite:'.length) || './data/satchel.sqlite';
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const sqlite = new Database(path);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma(`synchronous = ${sqliteSynchronous()}`); // docs/decisions/0009-sqlite-durability.md
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('foreign_keys = ON');
    // Kysely prepares every query afresh; cache prepared statements by SQL text (one connection,
    // used under Kysely's connection mutex, so a statement is never run by two callers at once).
    const cache = new Map<string, Database.Statement>();
    const database = {
      close: () => sqlite.close(),
      prepare: (text: string) => {
        let st = cache.get(text);
        if (!st) {
          if (cache.size >= 1000) cache.clear();
          st = sqlite.prepare(text);
          cache.set(text, st);
        }
        return st;
      },
    };
    db = new Kysely<DB>({ dialect: new SqliteDialect({ database }) });
  } else if (/^postgres(ql)?:\/\//.test(url)) {
    kind = 'postgres';
    const pool = new pg.Pool({
      connectionString: url,
      max: opts.pgPoolSize ?? (Number(process.env.PG_POOL_SIZE) || 10),
      // search_path per connection: the schema (if any) first.
      options: opts.pgSchema ? `-c search_path=${opts.pgSchema}` : undefined,
      // docs/sync-protocol.md 4 "Time limits": startup parameters, so every session has them (0 = off).
      ...pgSessionLimits(opts.pgTimeouts ?? readPgTimeouts()),
      // BIGINT counters and epoch ms fit in 2^53: read them as numbers, on this pool only.
      types: {
        getTypeParser: ((oid: number, format?: string) =>
          oid === INT8_OID || oid === NUMERIC_OID ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
      },
    });
    // A session PostgreSQL ends (idle_in_transaction_session_timeout after this process froze,
    // pg_terminate_backend, a restart) emits 'error' on its client; unheard, that kills the process.
    // The query in flight still fails, and the pool drops the broken client when it is released.
    pool.on('error', () => undefined);
    pool.on('connect', (client) => client.on('error', () => undefined));
    db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  } else {
    throw new Error('DATABASE_URL must start with sqlite: or postgres://');
  }
  return {
    kind,
    db,
    forUpdate: kind === 'postgres',
    ...wrap(db, kind),
    async migrate() {
      // With a schema on search_path, keep Kysely's bookkeeping tables in it too (its existence
      // check reads information_schema across schemas). PG: one replica at a time (db/migrate.ts).
      return kind === 'postgres' ? migratePostgres(url, opts.pgSchema) : applyMigrations(db);
    },
    async close() {
      await db.destroy();
      await closeExtra();
    },
  };
}

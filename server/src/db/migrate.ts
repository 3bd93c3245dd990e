/**
 * Migrations at start-up, safe with several replicas starting together (server/README.md
 * "Deployment"): on PostgreSQL the whole migrator (Kysely's bookkeeping tables included) runs
 * under one session-level advisory lock per schema, held on a dedicated connection, so one
 * replica migrates while the others wait and then find nothing pending. Each migration is applied
 * exactly once and in one transaction (PostgreSQL has transactional DDL).
 */
import { Kysely, Migrator, PostgresDialect } from 'kysely';
import pg from 'pg';
import { migrationProvider } from './migrations';
import type { DB } from './schema';

/** How long a replica waits for another replica's migrations before giving up (ms). */
export const MIGRATE_LOCK_WAIT_MS = 600_000;

/**
 * Applies pending migrations on `db` (no lock of its own: SQLite's write lock and a single process,
 * or the caller's advisory lock on PostgreSQL).
 * @param migrationTableSchema PG schema for Kysely's bookkeeping tables (when not the default)
 * @returns names of the migrations this call applied, in order
 * @throws the first migration error
 */
export async function applyMigrations(db: Kysely<DB>, migrationTableSchema?: string): Promise<string[]> {
  const { error, results } = await new Migrator({ db, provider: migrationProvider, ...(migrationTableSchema ? { migrationTableSchema } : {}) }).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * PostgreSQL: takes `pg_advisory_lock(hashtext('satchel.migrate:' || current_schema()))` on its
 * own connection, then migrates through a one-connection pool whose session has no
 * `statement_timeout` (a migration may take longer than a request may) and a bounded
 * `lock_timeout`; the lock is released when the lock connection closes (also if the process dies).
 * @param url `postgres://…` of the store
 * @param schema schema first on `search_path` (tests), or undefined for the server default
 * @returns names of the migrations this replica applied (empty when another replica did them)
 * @throws when the lock is not granted within {@link MIGRATE_LOCK_WAIT_MS} or a migration fails
 */
export async function migratePostgres(url: string, schema?: string): Promise<string[]> {
  const searchPath = schema ? ` -c search_path=${schema}` : '';
  const lock = new pg.Client({ connectionString: url, options: `-c lock_timeout=${MIGRATE_LOCK_WAIT_MS}${searchPath}` });
  await lock.connect();
  try {
    await lock.query(`select pg_advisory_lock(hashtext('satchel.migrate:' || current_schema()))`);
    const pool = new pg.Pool({ connectionString: url, max: 1, options: `-c statement_timeout=0 -c lock_timeout=60000${searchPath}` });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    try {
      return await applyMigrations(db, schema);
    } finally {
      await db.destroy();
    }
  } finally {
    await lock.end();
  }
}

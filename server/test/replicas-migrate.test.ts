/**
 * Several replicas starting on a fresh database (issue 10): three real `server/src/main.ts`
 * processes start together on one empty PostgreSQL database with every migration pending; all
 * come up, and each migration is applied exactly once (server/README.md "Deployment",
 * server/src/db/migrate.ts).
 */
import pg from 'pg';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../src/db/migrations';
import { freshPgDatabase, startReplicas, type PgDatabase, type ReplicaSet } from './replicas';

const NAMES = Object.keys(MIGRATIONS);

/** Signs up a new account through replica `url`; true on a 2xx (201 today, 202 if sign-up stops telling). */
async function signupAt(url: string, i: number): Promise<boolean> {
  const r = await fetch(`${url}/v1/accounts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `rep${i}-${process.pid}@example.com`, password: 'correct horse', displayName: `r${i}`, deviceId: uuidv7(), deviceName: 'test' }),
  });
  await r.text();
  return r.status >= 200 && r.status < 300;
}

describe('replicas starting together on PostgreSQL', () => {
  let db: PgDatabase;
  let set: ReplicaSet | undefined;
  beforeAll(async () => {
    db = await freshPgDatabase();
  }, 60_000);
  afterAll(async () => {
    await set?.stop();
    await db?.drop();
  }, 60_000);

  it('three replicas on a fresh database all come up and apply each pending migration exactly once', async () => {
    // The point of the test is several pending migrations racing; a fresh database has them all.
    expect(NAMES.length).toBeGreaterThanOrEqual(2);
    set = await startReplicas(3, { databaseUrl: db.url, readyTimeoutMs: 150_000 });
    const applied = set.replicas.map((r) => r.ready.migrations);
    // Exactly one replica applied them all, in order; the others waited and found nothing pending.
    expect(applied.flat().sort()).toEqual([...NAMES].sort());
    expect(applied.filter((a) => a.length > 0)).toEqual([NAMES]);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string }>('select name from kysely_migration order by name');
      expect(rows.map((r) => r.name)).toEqual([...NAMES].sort());
    } finally {
      await client.end();
    }
    // Every replica serves requests that write to the database.
    expect(await Promise.all(set.replicas.map((r, i) => signupAt(r.url, i)))).toEqual([true, true, true]);
    await set.stop();
    // Restarting all three on the migrated database applies nothing.
    set = await startReplicas(3, { databaseUrl: db.url, readyTimeoutMs: 150_000 });
    expect(set.replicas.map((r) => r.ready.migrations)).toEqual([[], [], []]);
  }, 400_000);
});

/**
 * SQLITE_SYNCHRONOUS (docs/decisions/0009-sqlite-durability.md): the store opens with the chosen
 * `synchronous` level, FULL by default, and refuses any other value.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../src/db/open-store';
import { sqliteSynchronous } from '../src/db/sqlite-durability';

const saved = process.env.SQLITE_SYNCHRONOUS;
afterEach(() => {
  if (saved === undefined) delete process.env.SQLITE_SYNCHRONOUS;
  else process.env.SQLITE_SYNCHRONOUS = saved;
});

/** `PRAGMA synchronous` of a fresh file store opened with `SQLITE_SYNCHRONOUS=env` (1 NORMAL, 2 FULL). */
async function levelWith(env: string | undefined): Promise<number> {
  if (env === undefined) delete process.env.SQLITE_SYNCHRONOUS;
  else process.env.SQLITE_SYNCHRONOUS = env;
  const dir = mkdtempSync(join(tmpdir(), 'satchel-sync-level-'));
  const store = openStore(`sqlite:${join(dir, 'db.sqlite')}`);
  try {
    const { rows } = await sql<{ synchronous: number }>`pragma synchronous`.execute(store.db);
    return rows[0]!.synchronous;
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('SQLite synchronous level', () => {
  it('is FULL by default and follows SQLITE_SYNCHRONOUS', async () => {
    expect(await levelWith(undefined)).toBe(2);
    expect(await levelWith('full')).toBe(2);
    expect(await levelWith('NORMAL')).toBe(1);
  });

  it('refuses any other value with a message naming the variable', () => {
    expect(() => sqliteSynchronous('off')).toThrow(/SQLITE_SYNCHRONOUS/);
    expect(() => sqliteSynchronous('extra')).toThrow(/SQLITE_SYNCHRONOUS/);
  });
});

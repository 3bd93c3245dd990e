/**
 * SQLite durability setting (docs/decisions/0009-sqlite-durability.md). In WAL mode,
 * `synchronous=FULL` syncs the WAL on every commit, so an acknowledged push survives power loss;
 * `NORMAL` syncs only at checkpoints, so the last commits before a power loss (not a process crash)
 * can be lost although the device was told they were applied.
 */

/** The values `SQLITE_SYNCHRONOUS` accepts. */
export type SqliteSynchronous = 'full' | 'normal';

/** Default when `SQLITE_SYNCHRONOUS` is unset (see the decision record). */
export const DEFAULT_SQLITE_SYNCHRONOUS: SqliteSynchronous = 'full';

/**
 * Reads `SQLITE_SYNCHRONOUS` (`full` | `normal`, any case; empty = the default).
 * @throws Error naming the variable for any other value
 */
export function sqliteSynchronous(raw: string | undefined = process.env.SQLITE_SYNCHRONOUS): SqliteSynchronous {
  const v = (raw ?? '').trim().toLowerCase();
  if (v === '') return DEFAULT_SQLITE_SYNCHRONOUS;
  if (v === 'full' || v === 'normal') return v;
  throw new Error('SQLITE_SYNCHRONOUS must be full or normal');
}

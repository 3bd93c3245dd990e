import { Dexie, type Table } from 'dexie';
import type { Capture } from '../schema';

/** Name of the extension's one IndexedDB database. Only composition roots open it. */
export const DB_NAME = 'satchel';

/** Scope of captures made before any sign-in (SYNC.md 3.1). Sync (issue 4) re-homes them later. */
export const LOCAL_SCOPE = 'personal:local';

/** A stored capture row: exactly the `lib/schema` {@link Capture}. Primary key `id` (UUIDv7). */
export type CaptureRow = Capture;

/** A collection a learner files captures into (SYNC.md 3.2 `Collection`, client fields only). */
export interface CollectionRow {
  /** UUIDv7, client-generated. */
  id: string;
  /** `personal:local` until sync exists. */
  scopeId: string;
  /** Display name, trimmed, 1–200 characters. */
  name: string;
  /** epoch ms, client clock */
  createdAt: number;
  /** epoch ms, client clock */
  updatedAt: number;
}

/**
 * Outbox mutation names. The first ones are SYNC.md 3.3's table; `completeCapture` is our addition
 * for the "repair on revisit" flow (content fields of an existing capture got fuller), which the
 * sync server (issue 4) must accept with per-field "fuller wins" semantics.
 */
export type MutationName =
  | 'createCapture'
  | 'completeCapture'
  | 'updateCapture'
  | 'addTag'
  | 'removeTag'
  | 'createCollection'
  | 'addToCollection'
  | 'removeFromCollection';

/**
 * One pending change for the server (SYNC.md 3.3). Written in the same rw transaction as the row
 * change it describes (see lib/db/mutations.ts), deleted by sync once the server acknowledges it.
 */
export interface OutboxRow {
  /** Per-device, monotonic, from the IndexedDB key generator (`++seq`); absent before insert. */
  seq?: number;
  /** UUIDv7, globally unique (`&mutationId`), lets the server detect seq reuse after a restore. */
  mutationId: string;
  name: MutationName;
  /** Mutation arguments as SYNC.md 3.3 lists them for `name`; plain JSON. */
  args: Record<string, unknown>;
  /** epoch ms, client clock; diagnostics only. */
  clientTs: number;
}

/** Small device-local settings and sync state (deviceId, cookie, backoff, lastError...). */
export interface KvRow {
  key: string;
  value: unknown;
}

/**
 * The Satchel database (Dexie 4). The name is a constructor parameter so tests open fresh
 * databases; the app singleton (`new SatchelDb(DB_NAME)`) is created only in entrypoints.
 *
 * Tables:
 * - `captures`: primary key `id` (UUIDv7, never `++id`); `&[scopeId+key]` makes a post unique
 *   per scope (`key` = `<platform>:<postId>`); `[scopeId+capturedAt]` serves newest-first listing.
 * - `collections`: primary key `id` (UUIDv7), by `scopeId`.
 * - `outbox`: `++seq` (monotonic, never reused) and unique `mutationId` (SYNC.md 3.2).
 * - `kv`: key/value state.
 *
 * Version 1 follows SYNC.md 3.2 so sync (issue 4) adds tables (`captureTags`, `rejected`,
 * `shadow`, ...) with `version(2)` instead of rewriting these.
 */
export class SatchelDb extends Dexie {
  captures!: Table<CaptureRow, string>;
  collections!: Table<CollectionRow, string>;
  outbox!: Table<OutboxRow, number>;
  kv!: Table<KvRow, string>;

  constructor(name: string) {
    super(name);
    this.version(1).stores({
      captures: 'id, &[scopeId+key], [scopeId+capturedAt], scopeId, key, updatedAt',
      collections: 'id, scopeId, [scopeId+name]',
      outbox: '++seq, &mutationId',
      kv: 'key',
    });
  }
}

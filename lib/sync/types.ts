import type { PullResponse, PushResponse } from '../schema/sync';

/** One pending mutation as the outbox holds it (docs/sync-protocol.md 3.3); `seq` is per device and contiguous. */
export interface OutboxItem {
  seq: number;
  mutationId: string;
  name: string;
  args: Record<string, unknown>;
  /** epoch ms, client clock; diagnostics only */
  clientTs: number;
}

/** Who this device is on which server (stored by sign-in; absent before it). */
export interface SyncAuth {
  /** Server origin, e.g. `https://satchel.example.org` (no trailing slash). */
  serverUrl: string;
  /** Bearer token of this device. */
  token: string;
  /** This device's id (UUIDv7), the one the token belongs to. */
  deviceId: string;
  userId: string;
}

/** Why the last sync failed, in words a person can act on (shown in the popup). */
export interface SyncError {
  /**
   * offline: no answer; auth: sign in again; rate-limited: wait; server: the server failed;
   * client: the server refused our request (a bug: the outbox is kept); device: this device was
   * reset and re-registered.
   */
  kind: 'offline' | 'auth' | 'rate-limited' | 'server' | 'client' | 'device';
  message: string;
  /** epoch ms */
  at: number;
}

/** Sync state kept in the database (never in service-worker memory; docs/sync-protocol.md 3.9). */
export interface SyncState {
  /** Opaque pull cookie from the server; null before the first pull. */
  cookie: string | null;
  /** Failed runs in a row (backoff exponent). */
  attempt: number;
  /** epoch ms before which no automatic run starts (backoff or Retry-After); 0 = now. */
  nextAt: number;
  lastError: SyncError | null;
  /** epoch ms of the last complete run. */
  lastSyncedAt: number | null;
  /**
   * The one mutation the server last answered `500` when pushed alone, and how many runs in a row
   * it did so (docs/sync-protocol.md 3.9 "Poison the client isolates"); null when none. At
   * {@link POISON_FAILURES} the engine withdraws it.
   */
  failing: { mutationId: string; count: number } | null;
}

/** Runs in which one mutation pushed alone got `500` before the client withdraws it (docs/sync-protocol.md 3.9). */
export const POISON_FAILURES = 3;

/**
 * What the engine needs from the local database. Each method is one transaction; an
 * implementation must keep docs/sync-protocol.md 3.9's guarantees (a stopped service worker can only repeat a
 * step, never half-apply it).
 */
export interface SyncStore {
  readAuth(): Promise<SyncAuth | null>;
  readState(): Promise<SyncState>;
  writeState(patch: Partial<SyncState>): Promise<void>;
  /** The oldest pending mutations, ascending `seq`, at most `limit`. */
  readOutbox(limit: number): Promise<OutboxItem[]>;
  /**
   * After a push answer: drop outbox rows with `seq ≤ lastMutationSeq`; keep refused ones
   * (`gone`, `not_found`, `rejected`) with their payloads in a `rejected` table and undo their
   * optimistic effect. `sent` is what was pushed.
   */
  applyPushResults(res: PushResponse, sent: readonly OutboxItem[]): Promise<void>;
  /**
   * One pull page: purge `revokedScopes`, wipe `resetScopes` (never the outbox), apply `changes`,
   * re-apply pending mutations on the keys it touched, drop outbox rows with
   * `seq ≤ lastMutationSeq`, store `cookie`.
   */
  applyPullPage(page: PullResponse): Promise<void>;
  /** After `409 device_state_mismatch`: register as a new device and renumber the outbox. */
  resetDevice(): Promise<void>;
  /**
   * Gives up on the pending mutation `item` (the server failed on it alone {@link POISON_FAILURES}
   * times), in one transaction: it goes to the refused list with `reason` (code `withdrawn`), its
   * local effect is undone exactly as for a `rejected` push result, and its outbox row is replaced,
   * at the SAME seq, by `withdraw {name, reason}` under a new mutationId, so the seq space stays
   * contiguous and the queue moves on. Does nothing when `item` is no longer pending.
   */
  withdraw(item: OutboxItem, reason: string): Promise<void>;
}

/** An HTTP outcome: the parsed body of a 2xx, or the error with what the client needs to react. */
export type HttpResult<T> =
  | { ok: true; status: number; body: T }
  | { ok: false; status: number; code: string | null; message: string; retryAfterMs: number | null; body?: unknown };

/** The server calls the engine makes (fetch is injected behind it). */
export interface SyncTransport {
  push(auth: SyncAuth, mutations: readonly OutboxItem[]): Promise<HttpResult<PushResponse>>;
  pull(auth: SyncAuth, cookie: string | null): Promise<HttpResult<PullResponse>>;
}

/** What one run did. */
export type SyncOutcome =
  | { status: 'signed-out' }
  | { status: 'waiting'; nextAt: number }
  | { status: 'synced'; pushed: number; pulledPages: number }
  | { status: 'failed'; error: SyncError; nextAt: number | null };

/**
 * Sync identity and state kept in the `kv` table (docs/sync-protocol.md 3.2 `kv`, 3.9 "state lives in the
 * database"): the server URL, this device's id and name, the signed-in device's {@link StoredSyncAuth} and
 * the {@link StoredSyncState} of the sync loop. One kv key each ({@link SYNC_KV_KEYS}).
 *
 * Every read is validated with zod: a malformed value (hand-edited, older build) reads as absent
 * or as the default state, never as a half-valid object. Every write validates first and throws
 * a `SyncStateError` for bad input, so nothing invalid is stored.
 *
 * The shapes equal `SyncAuth`/`SyncState` of lib/sync/types.ts (lib/db may not import lib/sync,
 * docs/architecture.md 6.2); sync-state.test.ts checks that the two stay assignable both ways.
 */
import { z } from 'zod';
import { Uuid7 } from '../schema/sync';
import { newId } from '../util/uuid';
import type { SatchelDb } from './database';

/** kv keys used by this module (one key per value). */
export const SYNC_KV_KEYS = {
  serverUrl: 'syncServerUrl',
  deviceId: 'deviceId',
  auth: 'syncAuth',
  state: 'syncState',
  deviceName: 'deviceName',
} as const;

/** Prefix of the delete-undo records in kv (lib/db/delete.ts); cleared with the library. */
const UNDO_PREFIX = 'undo:';

/** Bad input for a sync-state write (e.g. a server URL that is not an allowed origin). */
export class SyncStateError extends Error {
  override name = 'SyncStateError';
  constructor(
    /** machine reason: `url_invalid`, `url_not_origin`, `url_insecure`, `url_scheme`, `auth_invalid`, `state_invalid`, `device_name_invalid` */
    readonly code: string,
    message: string,
    /** what the words may name, e.g. the refused scheme (`ftp://`) for `url_scheme` */
    readonly detail?: string,
  ) {
    super(message);
  }
}

/** Hosts where plain `http:` is allowed (a server on this machine; docs/sync-protocol.md 4: HTTPS only otherwise). */
export const LOCAL_HOSTS: readonly string[] = ['localhost', '127.0.0.1'];

/**
 * Normalises what the learner typed as the server address to an origin without a trailing slash
 * (`https://satchel.example.org`, `http://127.0.0.1:8787`). Accepts a trailing `/` and surrounding
 * blanks; a scheme-less `host[:port]` is read as `https://`, or as `http://` for localhost and
 * 127.0.0.1 (a server on this machine is usually plain http; issue 12).
 * @throws SyncStateError `url_invalid` (not a URL, blanks inside, or a host name with other characters), `url_not_origin` (has a path other than `/`,
 *   a query, a fragment or credentials), `url_insecure` (`http:` on a host other than localhost /
 *   127.0.0.1), `url_scheme` (a scheme other than http(s); `detail` is it, e.g. `ftp://`).
 */
export function normalizeServerUrl(input: string): string {
  const raw = input.trim();
  const local = LOCAL_HOSTS.includes(raw.split(/[:/]/, 1)[0]!.toLowerCase());
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `${local ? 'http' : 'https'}://${raw}`;
  let u: URL;
  try {
    u = new URL(withScheme);
  } catch {
    throw new SyncStateError('url_invalid', `"${input}" is not a web address. Example: https://satchel.example.org`);
  }
  // Read the text itself too: Chromium's URL parser percent-encodes what WHATWG URL refuses, so
  // "not a url" parses there as the host `not%20a%20url` (issue 12). A host name is letters, digits,
  // dots and hyphens (IDN comes back as punycode), or a bracketed IPv6 address.
  if (!raw || !u.hostname || /\s/.test(raw) || !/^([a-z0-9-]+\.)*[a-z0-9-]+\.?$|^\[[0-9a-f:.]+\]$/i.test(u.hostname)) {
    throw new SyncStateError('url_invalid', `"${input}" is not a web address. Example: https://satchel.example.org`);
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') {
    throw new SyncStateError('url_scheme', `Satchel servers are reached over https:// (${u.protocol}// is not supported).`, `${u.protocol}//`);
  }
  if (u.protocol === 'http:' && !LOCAL_HOSTS.includes(u.hostname)) {
    throw new SyncStateError('url_insecure', 'Use https://. Plain http:// is only allowed for localhost and 127.0.0.1.');
  }
  if ((u.pathname !== '/' && u.pathname !== '') || u.search || u.hash || u.username || u.password) {
    throw new SyncStateError('url_not_origin', 'Give only the server address (scheme, host and port), without a path.');
  }
  return u.origin;
}

/** Who this device is on which server (equals lib/sync `SyncAuth`). */
export const StoredSyncAuth = z.strictObject({
  /** server origin, no trailing slash */
  serverUrl: z.string().min(1),
  /** bearer token of this device (`cap_<tokenId>_<secret>`) */
  token: z.string().min(1),
  /** this device's id (UUIDv7) */
  deviceId: Uuid7,
  userId: z.string().min(1),
});
/** {@link StoredSyncAuth} as a type. */
export type StoredSyncAuth = z.infer<typeof StoredSyncAuth>;

/** Why the last sync failed (equals lib/sync `SyncError`); `at` is epoch ms. */
export const StoredSyncError = z.strictObject({
  kind: z.enum(['offline', 'auth', 'rate-limited', 'server', 'client', 'device']),
  message: z.string(),
  at: z.number(),
});

/** Sync loop state (equals lib/sync `SyncState`); times are epoch ms. */
export const StoredSyncState = z.strictObject({
  cookie: z.string().nullable(),
  attempt: z.number().int().min(0),
  nextAt: z.number().min(0),
  lastError: StoredSyncError.nullable(),
  lastSyncedAt: z.number().nullable(),
  /** the mutation last failed alone with `500` and in how many runs (docs/sync-protocol.md 3.9 "Poison"); absent in older states */
  failing: z.strictObject({ mutationId: z.string().min(1), count: z.number().int().min(1) }).nullable().default(null),
});
/** {@link StoredSyncState} as a type. */
export type StoredSyncState = z.infer<typeof StoredSyncState>;

/** The state before any sync: no cookie, no backoff, no error. */
export const INITIAL_SYNC_STATE: StoredSyncState = Object.freeze({ cookie: null, attempt: 0, nextAt: 0, lastError: null, lastSyncedAt: null, failing: null });

async function readKv(db: SatchelDb, key: string): Promise<unknown> {
  return (await db.kv.get(key))?.value;
}

/** The saved server URL (normalised origin), or null when none was saved or the value is malformed. */
export async function readServerUrl(db: SatchelDb): Promise<string | null> {
  const v = await readKv(db, SYNC_KV_KEYS.serverUrl);
  if (typeof v !== 'string') return null;
  try {
    return normalizeServerUrl(v);
  } catch {
    return null;
  }
}

/**
 * Saves the server URL (normalised by {@link normalizeServerUrl}) and returns what was stored.
 * @throws SyncStateError for an address that is not an allowed origin (nothing is written).
 */
export async function writeServerUrl(db: SatchelDb, input: string): Promise<string> {
  const url = normalizeServerUrl(input);
  await db.kv.put({ key: SYNC_KV_KEYS.serverUrl, value: url });
  return url;
}

/**
 * This device's id (UUIDv7): created on first call and kept for the life of the database, so a
 * sign-in after a sign-out continues the same device (and its mutation seq, docs/sync-protocol.md 3.1). Created
 * inside one rw transaction, so two concurrent first calls agree on one id.
 */
export async function ensureDeviceId(db: SatchelDb): Promise<string> {
  return db.transaction('rw', db.kv, async () => {
    const v = await readKv(db, SYNC_KV_KEYS.deviceId);
    if (Uuid7.safeParse(v).success) return v as string;
    const id = newId();
    await db.kv.put({ key: SYNC_KV_KEYS.deviceId, value: id });
    return id;
  });
}

/** The device name last used to sign in on this browser (1–100 chars), or null. */
export async function readDeviceName(db: SatchelDb): Promise<string | null> {
  const v = await readKv(db, SYNC_KV_KEYS.deviceName);
  return typeof v === 'string' && v.trim() && v.length <= 100 ? v : null;
}

/**
 * Remembers the device name used to sign in (trimmed), so a later sign-in offers it again.
 * @throws SyncStateError `device_name_invalid` for an empty or longer than 100 characters name.
 */
export async function writeDeviceName(db: SatchelDb, name: string): Promise<void> {
  const v = name.trim();
  if (!v || v.length > 100) throw new SyncStateError('device_name_invalid', 'a device name has 1 to 100 characters');
  await db.kv.put({ key: SYNC_KV_KEYS.deviceName, value: v });
}

/** The signed-in device's auth, or null when signed out (or the stored value is malformed). */
export async function readSyncAuth(db: SatchelDb): Promise<StoredSyncAuth | null> {
  const parsed = StoredSyncAuth.safeParse(await readKv(db, SYNC_KV_KEYS.auth));
  return parsed.success ? parsed.data : null;
}

/**
 * Stores the auth of a successful sign-in or account creation. Also keeps `serverUrl` and the
 * device id in step with it, in the same transaction.
 * @throws SyncStateError `auth_invalid` when a field is missing or malformed (nothing is written).
 */
export async function writeSyncAuth(db: SatchelDb, auth: StoredSyncAuth): Promise<void> {
  const parsed = StoredSyncAuth.safeParse(auth);
  if (!parsed.success) throw new SyncStateError('auth_invalid', `sign-in data is incomplete: ${parsed.error.issues.map((i) => i.path.join('.') || i.message).join(', ')}`);
  const serverUrl = normalizeServerUrl(parsed.data.serverUrl);
  await db.transaction('rw', db.kv, async () => {
    await db.kv.put({ key: SYNC_KV_KEYS.auth, value: { ...parsed.data, serverUrl } });
    await db.kv.put({ key: SYNC_KV_KEYS.serverUrl, value: serverUrl });
    await db.kv.put({ key: SYNC_KV_KEYS.deviceId, value: parsed.data.deviceId });
  });
}

/**
 * Forgets the sign-in (the token) and clears the backoff and last error. The device id, the
 * server URL, the pull cookie and the outbox stay, so changes made while signed out are sent after
 * the next sign-in.
 */
export async function clearSyncAuth(db: SatchelDb): Promise<void> {
  await db.transaction('rw', db.kv, async () => {
    await db.kv.delete(SYNC_KV_KEYS.auth);
    await db.kv.put({ key: SYNC_KV_KEYS.state, value: { ...(await readSyncState(db)), attempt: 0, nextAt: 0, lastError: null } });
  });
}

/** The sync loop state; {@link INITIAL_SYNC_STATE} when none is stored or the value is malformed. */
export async function readSyncState(db: SatchelDb): Promise<StoredSyncState> {
  const parsed = StoredSyncState.safeParse(await readKv(db, SYNC_KV_KEYS.state));
  return parsed.success ? parsed.data : { ...INITIAL_SYNC_STATE };
}

/**
 * Merges `patch` into the stored sync state (read-modify-write in one transaction) and returns
 * the new state.
 * @throws SyncStateError `state_invalid` when the result does not match {@link StoredSyncState}.
 */
export async function writeSyncState(db: SatchelDb, patch: Partial<StoredSyncState>): Promise<StoredSyncState> {
  return db.transaction('rw', db.kv, async () => {
    const next = StoredSyncState.safeParse({ ...(await readSyncState(db)), ...patch });
    if (!next.success) throw new SyncStateError('state_invalid', `sync state is malformed: ${next.error.issues.map((i) => i.path.join('.')).join(', ')}`);
    await db.kv.put({ key: SYNC_KV_KEYS.state, value: next.data });
    return next.data;
  });
}

/** Number of changes waiting in the outbox (not yet acknowledged by the server). */
export async function countPending(db: SatchelDb): Promise<number> {
  return db.outbox.count();
}

/** Live (not deleted) captures in every scope of this browser (a scan; for the sign-out dialog). */
export async function countLocalCaptures(db: SatchelDb): Promise<number> {
  return db.captures.filter((c) => c.deletedAt === null || c.deletedAt === undefined).count();
}

/**
 * Removes the local library: every table but `kv` (captures, collections, tag spellings, the
 * outbox, and whatever synced tables later versions add), the delete-undo records in kv, and the
 * pull cookie (so a later sign-in pulls everything again), in ONE rw transaction: either all of it
 * goes or nothing does. Pending outbox changes are lost with it; callers must warn first
 * ({@link countPending}). The device id, device name, server URL, sign-in and kv settings stay.
 * The outbox key generator is not reset by `clear()` (docs/sync-protocol.md 3.2), so seq never goes back.
 * Returns how many capture rows (tombstones included) and pending changes were removed.
 */
export async function clearLocalLibrary(db: SatchelDb): Promise<{ captures: number; pending: number }> {
  const library = db.tables.filter((t) => t.name !== 'kv');
  return db.transaction('rw', [...library, db.kv], async () => {
    const captures = await db.captures.count();
    const pending = await db.outbox.count();
    for (const table of library) await table.clear();
    await db.kv.where('key').startsWith(UNDO_PREFIX).delete();
    const state = await readSyncState(db);
    await db.kv.put({ key: SYNC_KV_KEYS.state, value: { ...state, cookie: null } });
    return { captures, pending };
  });
}

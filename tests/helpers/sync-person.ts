/**
 * A signed-in person on the in-process test server (tests/helpers/sync-server.ts): a fresh Satchel
 * database with a new account and this device registered, an API client with its token, and one
 * forced sync run. For tests that sync real devices through the real server.
 */
import { SatchelDb } from '../../lib/db';
import { dexieSyncStore } from '../../lib/db/sync-store';
import { ensureDeviceId, writeSyncAuth } from '../../lib/db/sync-state';
import { apiClient } from '../../lib/sync/api-client';
import { syncOnce } from '../../lib/sync/engine';
import { httpTransport } from '../../lib/sync/transport';
import type { TestSyncServer } from './sync-server';

/** Creates the account `email` / `name` on `srv` in a new database named after `prefix` (close it after). */
export async function signedInPerson(srv: TestSyncServer, prefix: string, email: string, name: string) {
  const { fetch, url } = srv;
  const db = new SatchelDb(`${prefix}-${name}-${Math.random()}`);
  const deviceId = await ensureDeviceId(db);
  const r = await apiClient({ serverUrl: url, fetch }).createAccount({ email, password: 'correct horse', displayName: name, deviceId, deviceName: 'Laptop' });
  await writeSyncAuth(db, { serverUrl: url, token: r.token, deviceId, userId: r.userId });
  const api = apiClient({ serverUrl: url, fetch, token: r.token });
  const sync = () => syncOnce({ store: dexieSyncStore(db), transport: httpTransport({ fetch }), now: Date.now, random: Math.random }, { force: true });
  return { db, api, sync, userId: r.userId, fetch };
}

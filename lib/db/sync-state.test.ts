import { describe, it, expect, expectTypeOf } from 'vitest';
import { SatchelDb } from './database';
import { makeCapture } from './testing';
import type { SyncAuth, SyncState } from '../sync/types';
import {
  SYNC_KV_KEYS, INITIAL_SYNC_STATE, SyncStateError, type StoredSyncAuth, type StoredSyncState,
  normalizeServerUrl, readServerUrl, writeServerUrl, ensureDeviceId, readSyncAuth, writeSyncAuth, clearSyncAuth,
  readSyncState, writeSyncState, readDeviceName, writeDeviceName, countPending, countLocalCaptures, clearLocalLibrary,
} from './sync-state';

const fresh = () => new SatchelDb(`sync-state-${Math.random()}`);
const DEVICE = '01900000-0000-7000-8000-00000000d001';
const auth: StoredSyncAuth = { serverUrl: 'https://satchel.example.org', token: 'cap_abc_secret', deviceId: DEVICE, userId: 'u1' };

describe('normalizeServerUrl', () => {
  it.each([
    ['https://satchel.example.org', 'https://satchel.example.org'],
    ['  https://Satchel.Example.org/ ', 'https://satchel.example.org'],
    ['satchel.example.org:8443', 'https://satchel.example.org:8443'],
    ['http://localhost:8787', 'http://localhost:8787'],
    ['http://127.0.0.1:8787/', 'http://127.0.0.1:8787'],
    ['https://10.0.0.5', 'https://10.0.0.5'],
    ['https://bücher.example', 'https://xn--bcher-kva.example'],
    ['https://[2001:db8::1]:8443', 'https://[2001:db8::1]:8443'],
    // issue 12 (red team): a local server without a scheme is usually plain http
    ['localhost:8787', 'http://localhost:8787'],
    ['127.0.0.1:8787/', 'http://127.0.0.1:8787'],
    ['LOCALHOST', 'http://localhost'],
  ])('accepts %j as %j', (input, out) => {
    expect(normalizeServerUrl(input)).toBe(out);
  });

  it.each([
    ['', 'url_invalid'],
    ['http://', 'url_invalid'],
    ['not a url', 'url_invalid'],
    ['https://satchel example.org', 'url_invalid'],
    ['https://sat_chel.example.org', 'url_invalid'],
    ['http://satchel.example.org', 'url_insecure'],
    ['http://192.168.1.2:8787', 'url_insecure'],
    ['ftp://satchel.example.org', 'url_scheme'],
    ['https://satchel.example.org/api', 'url_not_origin'],
    ['https://satchel.example.org/?x=1', 'url_not_origin'],
    ['https://user:pw@satchel.example.org', 'url_not_origin'],
  ])('refuses %j with %s', (input, code) => {
    expect(() => normalizeServerUrl(input)).toThrowError(SyncStateError);
    try {
      normalizeServerUrl(input);
    } catch (e) {
      expect((e as SyncStateError).code).toBe(code);
      expect((e as SyncStateError).message.length).toBeGreaterThan(10);
    }
  });

  it('names the scheme it does not support (issue 12: ftp:// was told to use https:// as if it were http://)', () => {
    expect(() => normalizeServerUrl('ftp://example.com')).toThrowError(expect.objectContaining({ code: 'url_scheme', detail: 'ftp://' }));
    expect(() => normalizeServerUrl('ws://localhost:8787')).toThrowError(expect.objectContaining({ code: 'url_scheme', detail: 'ws://' }));
  });
});

describe('server URL, device id and auth in kv', () => {
  it('stores the normalised server URL under one key and reads it back; refuses a bad one without writing', async () => {
    const db = fresh();
    expect(await readServerUrl(db)).toBeNull();
    expect(await writeServerUrl(db, 'https://satchel.example.org/')).toBe('https://satchel.example.org');
    expect(await db.kv.get(SYNC_KV_KEYS.serverUrl)).toEqual({ key: SYNC_KV_KEYS.serverUrl, value: 'https://satchel.example.org' });
    await expect(writeServerUrl(db, 'http://evil.example.org')).rejects.toThrow(SyncStateError);
    expect(await readServerUrl(db)).toBe('https://satchel.example.org');
    await db.kv.put({ key: SYNC_KV_KEYS.serverUrl, value: 42 });
    expect(await readServerUrl(db)).toBeNull();
  });

  it('creates the device id once (UUIDv7) and keeps it, even for concurrent first calls', async () => {
    const db = fresh();
    const [a, b] = await Promise.all([ensureDeviceId(db), ensureDeviceId(db)]);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(b).toBe(a);
    expect(await ensureDeviceId(db)).toBe(a);
    expect((await db.kv.get(SYNC_KV_KEYS.deviceId))?.value).toBe(a);
  });

  it('writes and reads SyncAuth; sign-out forgets the token but keeps device id, server URL and outbox', async () => {
    const db = fresh();
    expect(await readSyncAuth(db)).toBeNull();
    await writeSyncAuth(db, { ...auth, serverUrl: 'https://satchel.example.org/' });
    expect(await readSyncAuth(db)).toEqual(auth);
    expect(await readServerUrl(db)).toBe(auth.serverUrl);
    expect(await ensureDeviceId(db)).toBe(DEVICE);
    await db.outbox.add({ mutationId: '01900000-0000-7000-8000-0000000000a1', name: 'createCapture', args: {}, clientTs: 1 });
    await writeSyncState(db, { attempt: 3, nextAt: 99, cookie: 'c1' });
    await clearSyncAuth(db);
    expect(await readSyncAuth(db)).toBeNull();
    expect(await ensureDeviceId(db)).toBe(DEVICE);
    expect(await readServerUrl(db)).toBe(auth.serverUrl);
    expect(await countPending(db)).toBe(1);
    expect(await readSyncState(db)).toMatchObject({ attempt: 0, nextAt: 0, cookie: 'c1' });
  });

  it('remembers the device name used to sign in; refuses an empty or too long one', async () => {
    const db = fresh();
    expect(await readDeviceName(db)).toBeNull();
    await writeDeviceName(db, '  Work laptop ');
    expect(await readDeviceName(db)).toBe('Work laptop');
    await expect(writeDeviceName(db, '   ')).rejects.toMatchObject({ code: 'device_name_invalid' });
    await expect(writeDeviceName(db, 'x'.repeat(101))).rejects.toMatchObject({ code: 'device_name_invalid' });
    expect(await readDeviceName(db)).toBe('Work laptop');
  });

  it('refuses incomplete auth and writes nothing', async () => {
    const db = fresh();
    await expect(writeSyncAuth(db, { ...auth, token: '' })).rejects.toMatchObject({ code: 'auth_invalid' });
    await expect(writeSyncAuth(db, { ...auth, deviceId: 'not-a-uuid' })).rejects.toMatchObject({ code: 'auth_invalid' });
    await expect(writeSyncAuth(db, { ...auth, serverUrl: 'http://example.org' })).rejects.toMatchObject({ code: 'url_insecure' });
    expect(await db.kv.count()).toBe(0);
  });

  it('a malformed stored auth reads as signed out', async () => {
    const db = fresh();
    await db.kv.put({ key: SYNC_KV_KEYS.auth, value: { serverUrl: 'https://x.org', token: 't' } });
    expect(await readSyncAuth(db)).toBeNull();
  });
});

describe('sync state', () => {
  it('starts at the initial state, merges patches, and refuses a malformed result', async () => {
    const db = fresh();
    expect(await readSyncState(db)).toEqual(INITIAL_SYNC_STATE);
    const err = { kind: 'offline' as const, message: 'no answer', at: 5 };
    expect(await writeSyncState(db, { attempt: 2, lastError: err })).toEqual({ ...INITIAL_SYNC_STATE, attempt: 2, lastError: err });
    expect(await writeSyncState(db, { lastSyncedAt: 10 })).toEqual({ ...INITIAL_SYNC_STATE, attempt: 2, lastError: err, lastSyncedAt: 10 });
    await expect(writeSyncState(db, { attempt: -1 })).rejects.toMatchObject({ code: 'state_invalid' });
    expect((await readSyncState(db)).attempt).toBe(2);
  });

  it('a state stored before the poison count existed still reads (cookie and backoff kept), and the count round-trips', async () => {
    const db = fresh();
    const old = { cookie: 'c7', attempt: 3, nextAt: 99, lastError: null, lastSyncedAt: 4 };
    await db.kv.put({ key: SYNC_KV_KEYS.state, value: old });
    expect(await readSyncState(db)).toEqual({ ...old, failing: null });
    expect(await writeSyncState(db, { failing: { mutationId: 'm1', count: 2 } })).toEqual({ ...old, failing: { mutationId: 'm1', count: 2 } });
    await expect(writeSyncState(db, { failing: { mutationId: 'm1', count: 0 } })).rejects.toMatchObject({ code: 'state_invalid' });
  });

  it('has the same shapes as lib/sync SyncAuth and SyncState', () => {
    expectTypeOf<StoredSyncAuth>().toEqualTypeOf<SyncAuth>();
    expectTypeOf<StoredSyncState>().toEqualTypeOf<SyncState>();
  });
});

describe('clearLocalLibrary', () => {
  it('removes every table but kv (captures, collections, tags, outbox) and undo records in one go; keeps device, server, settings', async () => {
    const db = fresh();
    await writeSyncAuth(db, auth);
    await db.captures.add(makeCapture());
    await db.captures.add(makeCapture({ id: '01900000-0000-7000-8000-000000000002', postId: '1800000000000000002' }));
    await db.collections.add({ id: '01900000-0000-7000-8000-0000000000c1', scopeId: 'personal:local', name: 'Old', createdAt: 1, updatedAt: 1, inbox: false, deletedAt: null });
    await db.tags.add({ scopeId: 'personal:local', key: 'ml', label: 'ML', createdAt: 1 });
    await db.outbox.add({ mutationId: '01900000-0000-7000-8000-0000000000a1', name: 'createCapture', args: {}, clientTs: 1 });
    await db.outbox.add({ mutationId: '01900000-0000-7000-8000-0000000000a2', name: 'createCapture', args: {}, clientTs: 1 });
    await db.kv.put({ key: 'undo:t1', value: { expiresAt: 9, captures: [] } });
    await db.kv.put({ key: 'followUpDelayMs', value: 1000 });
    await writeSyncState(db, { cookie: 'c9', lastSyncedAt: 4 });

    expect(await countPending(db)).toBe(2);
    await db.captures.add(makeCapture({ id: '01900000-0000-7000-8000-000000000003', postId: '1800000000000000003', deletedAt: 5 }));
    expect(await countLocalCaptures(db)).toBe(2);
    expect(await clearLocalLibrary(db)).toEqual({ captures: 3, pending: 2 });
    expect(await db.captures.count()).toBe(0);
    expect(await db.collections.count()).toBe(0);
    expect(await db.tags.count()).toBe(0);
    expect(await countPending(db)).toBe(0);
    for (const table of db.tables) if (table.name !== 'kv') expect(await table.count(), table.name).toBe(0);
    expect(await db.kv.get('undo:t1')).toBeUndefined();
    expect((await db.kv.get('followUpDelayMs'))?.value).toBe(1000);
    expect(await ensureDeviceId(db)).toBe(DEVICE);
    expect(await readSyncAuth(db)).toEqual(auth); // signing out is a separate step
    expect(await readSyncState(db)).toMatchObject({ cookie: null, lastSyncedAt: 4 });
    // The outbox key generator goes on: the next mutation does not reuse a seq.
    const seq = await db.outbox.add({ mutationId: '01900000-0000-7000-8000-0000000000a3', name: 'createCapture', args: {}, clientTs: 1 });
    expect(seq).toBe(3);
  });

  it('is all or nothing: a failure inside the transaction leaves the library as it was', async () => {
    const db = fresh();
    await db.captures.add(makeCapture());
    await db.outbox.add({ mutationId: '01900000-0000-7000-8000-0000000000a1', name: 'createCapture', args: {}, clientTs: 1 });
    // Make the last step (the sync-state write) fail, after the tables were cleared.
    const put = db.kv.put.bind(db.kv);
    db.kv.put = (() => Promise.reject(new Error('disk full'))) as unknown as typeof db.kv.put;
    await expect(clearLocalLibrary(db)).rejects.toThrow('disk full');
    db.kv.put = put;
    expect(await db.captures.count()).toBe(1);
    expect(await countPending(db)).toBe(1);
  });
});

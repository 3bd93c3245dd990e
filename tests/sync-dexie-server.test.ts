// @vitest-environment node
import 'fake-indexeddb/auto';
import { describe, it, expect, afterEach } from 'vitest';
import { startTestSyncServer, type TestSyncServer } from './helpers/sync-server';
import { apiClient } from '../lib/sync/api-client';
import { httpTransport } from '../lib/sync/transport';
import { syncOnce } from '../lib/sync/engine';
import type { SyncStore } from '../lib/sync/types';
import { SatchelDb, LOCAL_SCOPE, saveCapture, updateCapture, createCollection, addToCollection, deleteCaptures, listRecent, renameCollection, renameTag, answerFollowUp, shareCapture, listRefused } from '../lib/db';
import type { Fetch } from '../lib/sync/transport';
import { isStorable, toStorable } from '../lib/schema/storable';
import { dexieSyncStore } from '../lib/db/sync-store';
import { ensureDeviceId, writeSyncAuth } from '../lib/db/sync-state';
import { makeDraft } from '../lib/db/testing';

// Two real extension databases (Dexie over fake-indexeddb) syncing through the real server app
// (SQLite) with lib/sync: what one device saves, tags, files and deletes reaches the other.

let srv: TestSyncServer | null = null;
const dbs: SatchelDb[] = [];
afterEach(async () => {
  for (const d of dbs.splice(0)) d.close();
  await srv?.cleanup();
  srv = null;
});

async function setup() {
  srv = await startTestSyncServer();
  const { url } = srv;
  let first = true;
  /** `fetch` of a device: the server's, or a fault-injecting wrapper around it. */
  const device = async (name: string, wrap: (f: Fetch) => Fetch = (f) => f) => {
    const fetch = wrap(srv!.fetch);
    const db = new SatchelDb(`sync-${name}-${Math.random()}`);
    dbs.push(db);
    const deviceId = await ensureDeviceId(db);
    const api = apiClient({ serverUrl: url, fetch });
    const creds = { email: 'ana@example.org', password: 'correct horse', deviceId, deviceName: name };
    const r = first ? await api.createAccount({ ...creds, displayName: 'Ana' }) : await api.signIn(creds);
    first = false;
    await writeSyncAuth(db, { serverUrl: url, token: r.token, deviceId, userId: r.userId });
    const store: SyncStore = dexieSyncStore(db);
    // The engine's clock: an hour passes at every reading, so every run comes after the backoff (≤ 15 min).
    let at = Date.now();
    const sync = () => syncOnce({ store, transport: httpTransport({ fetch }), now: () => (at += 3_600_000), random: Math.random }, { force: true });
    return { db, sync, token: r.token, userId: r.userId };
  };
  return { device, url };
}

describe('Dexie sync store with the real server', () => {
  it('a capture saved before sign-in, with tags, note, collection, reaches the other device under personal:local', async () => {
    const { device } = await setup();
    const A = await device('Laptop');
    const saved = await saveCapture(A.db, makeDraft({ postId: '1800000000000000011', text: 'Ask one question per retro' }));
    const col = await createCollection(A.db, 'Retros');
    await addToCollection(A.db, col.id, [saved.capture.id]);
    await updateCapture(A.db, saved.capture.id, { note: 'try Friday', tags: ['Agile', 'Team Rituals'] });
    expect(await A.sync()).toMatchObject({ status: 'synced' });
    expect(await A.db.outbox.count()).toBe(0);

    const B = await device('Phone');
    expect(await B.sync()).toMatchObject({ status: 'synced' });
    const [c] = await listRecent(B.db);
    expect(c).toMatchObject({ id: saved.capture.id, scopeId: LOCAL_SCOPE, text: 'Ask one question per retro', note: 'try Friday' });
    expect(c!.tags.map((t) => t.toLowerCase()).sort()).toEqual(['agile', 'team rituals']);
    const names = (await B.db.collections.toArray()).filter((x) => c!.collectionIds.includes(x.id)).map((x) => x.name).sort();
    expect(names).toContain('Retros');
  });

  it('an edit and a delete on one device reach the other; a second sync changes nothing', async () => {
    const { device } = await setup();
    const A = await device('Laptop');
    const B = await device('Phone');
    const s1 = await saveCapture(A.db, makeDraft({ postId: '1800000000000000021', text: 'one' }));
    const s2 = await saveCapture(A.db, makeDraft({ postId: '1800000000000000022', text: 'two' }));
    await A.sync();
    await B.sync();
    expect((await listRecent(B.db)).map((c) => c.text).sort()).toEqual(['one', 'two']);

    await updateCapture(B.db, s1.capture.id, { note: 'from the phone' });
    await B.sync();
    await deleteCaptures(A.db, [s2.capture.id]);
    await A.sync();
    await B.sync();
    await A.sync();
    const onB = await listRecent(B.db);
    expect(onB.map((c) => c.text)).toEqual(['one']);
    expect(onB[0]!.note).toBe('from the phone');
    expect((await listRecent(A.db)).find((c) => c.id === s1.capture.id)?.note).toBe('from the phone');
    const before = await B.db.captures.toArray();
    await B.sync();
    expect(await B.db.captures.toArray()).toEqual(before);
  });

  it('wire seqs stay contiguous when the outbox counter is already far ahead (sign-in after local work)', async () => {
    const { device } = await setup();
    const A = await device('Laptop');
    // Local work whose outbox rows were acknowledged and removed, then more: the counter is ahead.
    for (let i = 0; i < 5; i++) await saveCapture(A.db, makeDraft({ postId: `18000000000000001${i}0` }));
    expect(await A.sync()).toMatchObject({ status: 'synced' });
    for (let i = 0; i < 3; i++) await saveCapture(A.db, makeDraft({ postId: `18000000000000002${i}0` }));
    expect(await A.sync()).toMatchObject({ status: 'synced' });
    expect(await A.db.outbox.count()).toBe(0);
    expect(await A.db.rejected.count()).toBe(0);
  });

  it('the second device adopts the first device\'s Inbox, so fresh saves on both land in one Inbox', async () => {
    const { device } = await setup();
    const A = await device('Laptop');
    await saveCapture(A.db, makeDraft({ postId: '1800000000000000031' }));
    await A.sync();
    const B = await device('Phone');
    await B.sync();
    const saved = await saveCapture(B.db, makeDraft({ postId: '1800000000000000032' }));
    await B.sync();
    await A.sync();
    const inboxes = (await A.db.collections.toArray()).filter((c) => c.name === 'Inbox');
    expect(inboxes).toHaveLength(1);
    expect((await A.db.captures.get(saved.capture.id))?.collectionIds).toEqual([inboxes[0]!.id]);
  });

  it('concurrent note edits: the later one wins, the overwritten note is kept as a conflict; a plain edit makes none', async () => {
    const { device } = await setup();
    const A = await device('Laptop');
    const B = await device('Phone');
    const s1 = await saveCapture(A.db, makeDraft({ postId: '1800000000000000061' }));
    await A.sync();
    await B.sync();
    await updateCapture(A.db, s1.capture.id, { note: 'first thoughts' });
    await A.sync();
    await B.sync();
    expect(await B.db.noteConflicts.count(), 'an edit on top of what the device saw is no conflict').toBe(0);
    // Both edit the note from the same base, offline; A pushes first, then B.
    await updateCapture(A.db, s1.capture.id, { note: 'from the laptop' });
    await updateCapture(B.db, s1.capture.id, { note: 'from the phone' });
    await A.sync();
    await B.sync();
    await A.sync();
    for (const d of [A, B]) {
      expect((await d.db.captures.get(s1.capture.id))?.note).toBe('from the phone');
      expect((await d.db.noteConflicts.toArray()).map((c) => c.overwrittenNote)).toEqual(['from the laptop']);
    }
  });

  it('two browsers that each made an Inbox before their first sync end with one Inbox holding both captures', async () => {
    const { device } = await setup();
    const A = await device('Laptop');
    const B = await device('Phone');
    const a = await saveCapture(A.db, makeDraft({ postId: '1800000000000000071' }));
    const b = await saveCapture(B.db, makeDraft({ postId: '1800000000000000072' }));
    for (let i = 0; i < 3; i++) {
      await A.sync();
      await B.sync();
    }
    for (const d of [A, B]) {
      const inboxes = (await d.db.collections.toArray()).filter((c) => c.name === 'Inbox' && c.deletedAt === null);
      expect(inboxes, 'one Inbox').toHaveLength(1);
      expect(inboxes[0]!.inbox).toBe(true);
      for (const id of [a.capture.id, b.capture.id]) expect((await d.db.captures.get(id))?.collectionIds).toEqual([inboxes[0]!.id]);
      expect(await d.db.outbox.count()).toBe(0);
    }
  });

  it('text with U+0000 and lone surrogates is identical on device and server after a sync: every lib/db writer cleans before it writes and queues', async () => {
    const { device, url } = await setup();
    const A = await device('Laptop');
    const dirty = (s: string) => `${s}\u0000x\uD800y\uDC00`;
    const team = await apiClient({ serverUrl: url, fetch: srv!.fetch, token: A.token }).createTeam('Cohort');
    await A.sync(); // learns the team scope
    const saved = await saveCapture(A.db, makeDraft({ postId: '1800000000000000081', text: dirty('text'), title: dirty('title'), author: { name: dirty('name'), handle: 'h', profileUrl: null, avatarUrl: null } }));
    const id = saved.capture.id;
    await updateCapture(A.db, id, { note: dirty('note'), tags: [dirty('tag'), 'plain'], reflection: dirty('reflect'), intent: 'tip' });
    await answerFollowUp(A.db, id, dirty('answer'));
    await renameTag(A.db, 'plain', dirty('Plain'));
    const col = await createCollection(A.db, dirty('col'));
    await renameCollection(A.db, col.id, dirty('renamed'));
    await addToCollection(A.db, col.id, [id]);
    const shared = await shareCapture(A.db, id, team.scopeId, { note: dirty('shared') });

    // Nothing the writers stored locally or queued holds a character the stores cannot hold.
    const strings = (v: unknown): string[] => (typeof v === 'string' ? [v] : v && typeof v === 'object' ? Object.entries(v).flatMap(([k, x]) => [k, ...strings(x)]) : []);
    for (const t of [A.db.captures, A.db.collections, A.db.tags, A.db.outbox]) expect(strings(await t.toArray()).filter((x) => !isStorable(x)), t.name).toEqual([]);
    const local = await A.db.captures.get(id);
    expect(local).toMatchObject({ text: toStorable(dirty('text')), note: toStorable(dirty('note')), reflection: toStorable(dirty('reflect')) });

    expect(await A.sync()).toMatchObject({ status: 'synced' });
    expect(await A.db.rejected.count()).toBe(0);
    const B = await device('Phone');
    expect(await B.sync()).toMatchObject({ status: 'synced' });
    const view = async (db: SatchelDb, capId: string) => {
      const c = (await db.captures.get(capId))!;
      const cols = (await db.collections.toArray()).filter((x) => c.collectionIds.includes(x.id)).map((x) => x.name).sort();
      return { text: c.text, title: c.title, author: c.author?.name, note: c.note, reflection: c.reflection, answer: c.followUp?.answer, tags: c.tags.map((t) => t.toLowerCase()).sort(), cols };
    };
    const before = await view(A.db, id);
    expect(before.answer).toBe(toStorable(dirty('answer')));
    expect(await view(B.db, id), 'the server holds what the device wrote').toEqual(before);
    expect(await view(B.db, shared.id)).toMatchObject({ note: toStorable(dirty('shared')), text: before.text });
  });

  it('a mutation the server fails on (500) is withdrawn after 3 runs: refused with its reason, its local effect undone, the queue moves on', async () => {
    const { device } = await setup();
    let poison: string | null = null;
    let fails = 0;
    const faulty = (f: Fetch): Fetch => async (u, init) => {
      if (poison && u.endsWith('/v1/sync/push') && init.body?.includes(poison)) {
        fails++;
        return { status: 500, headers: new Headers(), text: async () => JSON.stringify({ error: { code: 'internal', message: 'internal error' } }) };
      }
      return f(u, init);
    };
    const A = await device('Laptop', faulty);
    const s1 = await saveCapture(A.db, makeDraft({ postId: '1800000000000000091' }));
    await updateCapture(A.db, s1.capture.id, { note: 'kept' });
    expect(await A.sync()).toMatchObject({ status: 'synced' });
    await updateCapture(A.db, s1.capture.id, { note: 'the server chokes on this' });
    poison = (await A.db.outbox.orderBy('seq').last())!.mutationId;
    await updateCapture(A.db, s1.capture.id, { tags: ['after'] });
    const outcomes = [];
    for (let run = 0; run < 3; run++) outcomes.push((await A.sync()).status);
    expect(outcomes).toEqual(['failed', 'failed', 'synced']);
    expect(fails).toBeGreaterThanOrEqual(3);
    const refused = await listRefused(A.db);
    expect(refused.map((r) => ({ mutationId: r.mutationId, name: r.name, code: r.code, reason: r.reason }))).toEqual([
      { mutationId: poison, name: 'updateCapture', code: 'withdrawn', reason: 'the server failed on this change 3 times: 500 internal' },
    ]);
    expect(await A.db.outbox.count()).toBe(0);
    expect((await A.db.captures.get(s1.capture.id))?.note, 'undone like a rejected change').toBe('kept');
    const B = await device('Phone');
    await B.sync();
    const onB = await B.db.captures.get(s1.capture.id);
    expect(onB?.note).toBe('kept');
    expect(onB?.tags, 'the change after the poison arrived').toEqual(['after']);
  });
});

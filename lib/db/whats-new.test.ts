import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SatchelDb, type CommentRow } from './database';
import { SYNC_SCOPES_KEY } from './share';
import { writeSyncAuth } from './sync-state';
import { makeCapture } from './testing';
import { uuidTime } from '../util/uuid';
import { listWhatsNew, markAllRead, markCaptureRead, markRead, setTeamMuted, startWhatsNew, unreadCount, WINDOW_MS, WHATS_NEW_KEY } from './whats-new';

const ME = 'user-me';
const ANA = 'user-ana';
const BO = 'user-bo';
const TEAM = 'team:cohort';
const TEAM2 = 'team:readers';
const T0 = Date.UTC(2026, 11, 1, 9, 0, 0);

/** A UUIDv7 with time stamp `ms` and a distinguishing tail `n`. */
function v7(ms: number, n: number): string {
  const h = ms.toString(16).padStart(12, '0');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-7000-8000-${n.toString(16).padStart(12, '0')}`;
}

let db: SatchelDb;
let seq = 0;
beforeEach(async () => {
  db = new SatchelDb(`whats-new-${++seq}`);
  await writeSyncAuth(db, { serverUrl: 'https://satchel.example.org', token: 'cap_0123_secret', deviceId: '01900000-0000-7000-8000-0000000000d1', userId: ME });
  await db.kv.put({ key: SYNC_SCOPES_KEY, value: [{ id: 'personal:local', role: 'owner' }, { id: TEAM, role: 'editor', name: 'Cohort' }, { id: TEAM2, role: 'viewer', name: 'Readers' }] });
});
afterEach(async () => {
  db.close();
  await db.delete();
});

/** A pulled team capture shared by `owner` at `at` (its id carries the time). */
async function shared(at: number, owner: string, n: number, extra: Partial<Parameters<typeof makeCapture>[0]> = {}, scopeId = TEAM) {
  const c = makeCapture({ id: v7(at, n), postId: `18000000000000${n}`, scopeId, capturedAt: at - 86_400_000, updatedAt: at, ...extra });
  await db.captures.add(c);
  await db.syncMeta.put({ id: c.id, scopeId, version: 1, noteVersion: 0, ownerUserId: owner, sourceCaptureId: null });
  return c;
}

async function comment(at: number, author: string, captureId: string, n: number, extra: Partial<CommentRow> = {}): Promise<CommentRow> {
  const r: CommentRow = { id: v7(at, 1000 + n), scopeId: TEAM, captureId, parentId: null, authorUserId: author, body: 'hi', mentions: [], createdAt: at, editedAt: null, ...extra };
  await db.comments.add(r);
  return r;
}

describe('whats-new', () => {
  it('uuidTime reads the time of a UUIDv7 and refuses other ids', () => {
    expect(uuidTime(v7(T0, 5))).toBe(T0);
    expect(uuidTime('0c1e7a2e-1b2c-4d3e-8f40-000000000000')).toBeNull();
  });

  it('is empty and counts 0 before sign-in, and before a team has a watermark', async () => {
    await shared(T0 + 1000, ANA, 1);
    expect(await unreadCount(db, T0 + 5000)).toBe(0); // no watermark yet: history is not news
    await db.kv.delete('syncAuth');
    expect((await listWhatsNew(db, T0 + 5000)).items).toEqual([]);
  });

  it('lists each kind once, newest first, classifies comments, and skips my own activity', async () => {
    await startWhatsNew(db, T0);
    const mine = await shared(T0 - 10_000, ME, 1); // shared by me before the watermark
    const anas = await shared(T0 + 1_000, ANA, 2);
    await shared(T0 + 1_500, ME, 3); // my own share: not news
    const myComment = await comment(T0 - 5_000, ME, anas.id, 1);
    const reply = await comment(T0 + 2_000, BO, anas.id, 2, { parentId: myComment.id });
    const onMine = await comment(T0 + 3_000, ANA, mine.id, 3);
    const mention = await comment(T0 + 4_000, BO, anas.id, 4, { mentions: [ME], parentId: myComment.id });
    await comment(T0 + 4_500, BO, anas.id, 5); // someone else's talk on someone else's capture: not news
    await comment(T0 + 4_600, ME, mine.id, 6); // mine
    const q = await shared(T0 - 20_000, ANA, 7, { intent: 'question' });
    await db.captures.update(q.id, { answerCommentId: reply.id, updatedAt: T0 + 5_000 });

    const list = await listWhatsNew(db, T0 + 10_000);
    expect(list.items.map((i) => [i.kind, i.id, i.actorUserId, i.unread])).toEqual([
      ['answered', `answered:${q.id}:${reply.id}`, BO, true],
      ['mention', `comment:${mention.id}`, BO, true],
      ['comment', `comment:${onMine.id}`, ANA, true],
      ['reply', `comment:${reply.id}`, BO, true],
      ['capture', `capture:${anas.id}`, ANA, true],
      ['capture', `capture:${q.id}`, ANA, false], // shared before the watermark: listed as read
    ]);
    expect(list.unread).toBe(5);
    expect(await unreadCount(db, T0 + 10_000)).toBe(5);
  });

  it('does not count a question I shared as answered news', async () => {
    await startWhatsNew(db, T0);
    const q = await shared(T0 - 20_000, ME, 1, { intent: 'question' });
    const c = await comment(T0 + 1_000, ANA, q.id, 1);
    await db.captures.update(q.id, { answerCommentId: c.id, updatedAt: T0 + 2_000 });
    expect((await listWhatsNew(db, T0 + 10_000)).items.map((i) => i.kind)).toEqual(['comment']);
  });

  it('opening marks read; Mark all read clears the count and keeps items read when their time moves', async () => {
    await startWhatsNew(db, T0);
    const a = await shared(T0 + 1_000, ANA, 1, { intent: 'question' });
    const b = await shared(T0 + 2_000, BO, 2);
    const c = await comment(T0 + 3_000, BO, a.id, 1, { mentions: [ME] });
    expect(await unreadCount(db, T0 + 10_000)).toBe(3);
    await markCaptureRead(db, a.id, T0 + 10_000);
    expect(await unreadCount(db, T0 + 10_000)).toBe(1);
    expect((await listWhatsNew(db, T0 + 10_000)).items.filter((i) => i.unread).map((i) => i.captureId)).toEqual([b.id]);
    await markRead(db, [`capture:${b.id}`, `capture:${b.id}`]);
    expect(await unreadCount(db, T0 + 10_000)).toBe(0);

    await db.captures.update(a.id, { answerCommentId: c.id, updatedAt: T0 + 20_000 });
    expect(await unreadCount(db, T0 + 30_000)).toBe(1);
    await markAllRead(db, T0 + 30_000);
    expect(await unreadCount(db, T0 + 30_000)).toBe(0);
    await db.captures.update(a.id, { updatedAt: T0 + 40_000 }); // an edit later: the same answer stays read
    expect(await unreadCount(db, T0 + 50_000)).toBe(0);
    await comment(T0 + 45_000, ANA, a.id, 2, { mentions: [ME] });
    expect(await unreadCount(db, T0 + 50_000)).toBe(1);
  });

  it('a share stamped in the future is dated by the server and cannot silence the team after Mark all read (red team)', async () => {
    await startWhatsNew(db, T0);
    const YEAR_2100 = Date.UTC(2100, 0, 1);
    const c = makeCapture({ id: v7(YEAR_2100, 77), postId: '1800000000000077', scopeId: TEAM, capturedAt: T0, updatedAt: T0 + 1000 });
    await db.captures.add(c);
    await db.syncMeta.put({ id: c.id, scopeId: TEAM, version: 1, noteVersion: 0, ownerUserId: BO, sourceCaptureId: null });
    const { items } = await listWhatsNew(db, T0 + 2000);
    expect(items.map((i) => [i.kind, i.at])).toEqual([['capture', T0 + 1000]]); // the server's time, not 2100
    await markAllRead(db, T0 + 2000);
    expect(await unreadCount(db, T0 + 2000)).toBe(0);
    const mine = await shared(T0 + 3000, ANA, 8);
    await comment(T0 + 4000, BO, mine.id, 9, { mentions: [ME] });
    expect(await unreadCount(db, T0 + 5000)).toBe(2); // Ana's share and Bo's mention are news
  });

  it('a team first seen later starts read; muted teams are listed but not counted', async () => {
    await db.kv.put({ key: SYNC_SCOPES_KEY, value: [{ id: TEAM, role: 'editor', name: 'Cohort' }] });
    await startWhatsNew(db, T0);
    await shared(T0 + 1_000, ANA, 1, {}, TEAM2); // TEAM2 history before joining
    await db.kv.put({ key: SYNC_SCOPES_KEY, value: [{ id: TEAM, role: 'editor', name: 'Cohort' }, { id: TEAM2, role: 'viewer', name: 'Readers' }] });
    await startWhatsNew(db, T0 + 5_000);
    expect(await unreadCount(db, T0 + 6_000)).toBe(0);
    await shared(T0 + 7_000, ANA, 2, {}, TEAM2);
    await shared(T0 + 8_000, BO, 3);
    expect(await unreadCount(db, T0 + 9_000)).toBe(2);
    await setTeamMuted(db, TEAM2, true);
    expect(await unreadCount(db, T0 + 9_000)).toBe(1);
    const list = await listWhatsNew(db, T0 + 9_000);
    expect([list.unread, list.mutedUnread]).toEqual([1, 1]);
    expect(list.items.find((i) => i.scopeId === TEAM2 && i.unread)?.muted).toBe(true);
    await setTeamMuted(db, TEAM2, false);
    expect(await unreadCount(db, T0 + 9_000)).toBe(2);
    // Mark all read for one team only.
    await markAllRead(db, T0 + 9_000, TEAM);
    expect(await unreadCount(db, T0 + 9_000)).toBe(1);
  });

  it('forgets the watermark of a team left; items older than the window are not news', async () => {
    await startWhatsNew(db, T0);
    await shared(T0 + 1_000, ANA, 1);
    expect(await unreadCount(db, T0 + WINDOW_MS + 2_000)).toBe(0);
    await db.kv.put({ key: SYNC_SCOPES_KEY, value: [{ id: TEAM2, role: 'viewer', name: 'Readers' }] });
    await startWhatsNew(db, T0 + 5);
    expect(Object.keys(((await db.kv.get(WHATS_NEW_KEY))?.value as { since: object }).since)).toEqual([TEAM2]);
  });
});

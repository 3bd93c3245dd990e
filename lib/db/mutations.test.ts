import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { SatchelDb } from './database';
import { saveCapture, completeCapture, updateCapture } from './mutations';
import { createCollection } from './collections';
import { makeDraft } from './testing';
import { steppingClock } from '../util/clock';

let name: string;
let db: SatchelDb;
const clock = steppingClock(1_790_000_000_000, 1000);

beforeEach(() => {
  name = `t-${Math.random()}`;
  db = new SatchelDb(name);
});
afterEach(() => db.close());

describe('saveCapture', () => {
  it('creates a capture with a UUIDv7 id, scope personal:local, key platform:postId, and one outbox row', async () => {
    const r = await saveCapture(db, makeDraft(), { clock, inbox: false });
    expect(r.created).toBe(true);
    expect(r.capture.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(r.capture.scopeId).toBe('personal:local');
    expect(r.capture.key).toBe('x:1800000000000000001');
    expect(await db.captures.count()).toBe(1);
    const out = await db.outbox.toArray();
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ seq: 1, name: 'createCapture', args: { id: r.capture.id, scopeId: 'personal:local', platform: 'x' } });
  });

  it('a web page saved before its key dropped tracking parameters is the same capture when saved again (issue 12)', async () => {
    const old = 'https://blog.example.org/post?id=7&utm_source=linkedin&utm_medium=social';
    const a = await saveCapture(db, makeDraft({ platform: 'web', postId: old, permalink: old }), { clock, inbox: false });
    expect(a.capture.key, 'the key such a page had before').toBe(`web:${old}`);
    const clean = 'https://blog.example.org/post?id=7';
    const b = await saveCapture(db, makeDraft({ platform: 'web', postId: clean, permalink: clean }), { clock, inbox: false });
    expect(b.created).toBe(false);
    expect(b.capture.id).toBe(a.capture.id);
    expect(await db.captures.count()).toBe(1);
    // Another page of the same site is another capture.
    const other = 'https://blog.example.org/post?id=8';
    expect((await saveCapture(db, makeDraft({ platform: 'web', postId: other, permalink: other }), { clock, inbox: false })).created).toBe(true);
  });

  it('saving the same post twice gives one capture', async () => {
    const a = await saveCapture(db, makeDraft(), { clock, inbox: false });
    const b = await saveCapture(db, makeDraft(), { clock, inbox: false });
    expect(b.created).toBe(false);
    expect(b.changed).toBe(false);
    expect(b.capture.id).toBe(a.capture.id);
    expect(await db.captures.count()).toBe(1);
    expect(await db.outbox.count()).toBe(1); // nothing changed, nothing to sync
  });

  it('saving two different posts never overwrites one with the other', async () => {
    const a = await saveCapture(db, makeDraft({ postId: '1', text: 'first' }), { clock });
    const b = await saveCapture(db, makeDraft({ postId: '2', text: 'second' }), { clock });
    expect(a.capture.id).not.toBe(b.capture.id);
    const rows = await db.captures.toArray();
    expect(rows.map((r) => r.text).sort()).toEqual(['first', 'second']);
  });

  it('same post id on two platforms is two captures', async () => {
    await saveCapture(db, makeDraft({ postId: '7' }), { clock });
    await saveCapture(db, makeDraft({ postId: '7', platform: 'linkedin', permalink: 'https://www.linkedin.com/feed/update/urn:li:activity:7/' }), { clock });
    expect(await db.captures.count()).toBe(2);
  });

  it('concurrent saves of the same post give one row', async () => {
    const rs = await Promise.all(Array.from({ length: 8 }, () => saveCapture(db, makeDraft())));
    expect(new Set(rs.map((r) => r.capture.id)).size).toBe(1);
    expect(rs.filter((r) => r.created)).toHaveLength(1);
    expect(await db.captures.count()).toBe(1);
  });

  it('concurrent saves through two database connections give one row', async () => {
    const other = new SatchelDb(name);
    const rs = await Promise.all([saveCapture(db, makeDraft()), saveCapture(other, makeDraft()), saveCapture(db, makeDraft()), saveCapture(other, makeDraft())]);
    expect(new Set(rs.map((r) => r.capture.id)).size).toBe(1);
    expect(await db.captures.count()).toBe(1);
    other.close();
  });

  it('nothing is lost when the database is re-opened (service worker stopped) between two saves', async () => {
    const a = await saveCapture(db, makeDraft({ postId: '1', truncated: true, text: 'Hello wor' }), { clock });
    db.close();
    db = new SatchelDb(name);
    const b = await saveCapture(db, makeDraft({ postId: '1', text: 'Hello world, in full' }), { clock });
    const c = await saveCapture(db, makeDraft({ postId: '2' }), { clock });
    expect(b.capture.id).toBe(a.capture.id);
    expect(b.capture.truncated).toBe(false);
    expect(c.created).toBe(true);
    expect(await db.captures.count()).toBe(2);
    expect((await db.outbox.toArray()).map((o) => o.seq)).toEqual([1, 2, 3, 4]); // createCollection (Inbox), createCapture, completeCapture, createCapture
  });

  it('a re-save with a fuller draft merges and clears the flag, keeping library fields', async () => {
    const a = await saveCapture(db, makeDraft({ text: 'Start of a long…', truncated: true }), { clock });
    await updateCapture(db, a.capture.id, { note: 'mine', tags: ['Tip'] }, { clock });
    const b = await saveCapture(db, makeDraft({ text: 'Start of a long post, now in full.', truncated: false, hashtags: ['learning'] }), { clock });
    expect(b.changed).toBe(true);
    expect(b.capture).toMatchObject({ text: 'Start of a long post, now in full.', truncated: false, note: 'mine', tags: ['Tip'], hashtags: ['learning'] });
    expect(b.capture.completedAt).toBe(b.capture.updatedAt);
    expect(b.capture.capturedAt).toBe(a.capture.capturedAt);
    const last = (await db.outbox.toArray()).at(-1)!;
    expect(last.name).toBe('completeCapture');
  });

  it('never replaces fuller text with a truncated one', async () => {
    await saveCapture(db, makeDraft({ text: 'The whole text of the post.', truncated: false }), { clock });
    const b = await saveCapture(db, makeDraft({ text: 'The whole…', truncated: true }), { clock });
    expect(b.changed).toBe(false);
    expect(b.capture).toMatchObject({ text: 'The whole text of the post.', truncated: false });
  });
});

describe('completeCapture', () => {
  const media = [{ kind: 'image' as const, url: 'https://pbs.twimg.com/media/a.jpg', alt: null }];

  it('completes a flagged capture quietly and sets completedAt', async () => {
    const a = await saveCapture(db, makeDraft({ mediaMissing: true, quoteMissing: true }), { clock });
    const { title: _t, quoted: _q, quoteMissing: _m, repostedBy: _r, inReplyTo: _i, thread: _th, threadPartial: _tp, ...q } = makeDraft({ postId: '9' });
    const r = await completeCapture(db, makeDraft({ media, quoted: { ...q, unavailable: false } }), { clock });
    expect(r?.capture.id).toBe(a.capture.id);
    expect(r?.capture).toMatchObject({ mediaMissing: false, quoteMissing: false, media });
    expect(r?.capture.completedAt).toEqual(expect.any(Number));
  });

  it('a less complete draft never overwrites a fuller one', async () => {
    await saveCapture(db, makeDraft({ media, text: 'Full text here' }), { clock });
    const r = await completeCapture(db, makeDraft({ media: [], mediaMissing: true, text: 'Full…', truncated: true }), { clock });
    expect(r?.changed).toBe(false);
    expect(r?.capture).toMatchObject({ media, mediaMissing: false, text: 'Full text here', truncated: false, completedAt: null });
  });

  it('does not create a capture that was never saved', async () => {
    expect(await completeCapture(db, makeDraft(), { clock })).toBeNull();
    expect(await db.captures.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('updateCapture', () => {
  it('writes intent/note, normalised tags and collections with one outbox row per change', async () => {
    const a = await saveCapture(db, makeDraft(), { clock, inbox: false });
    const col = await createCollection(db, '  Onboarding ', { clock });
    const u = await updateCapture(db, a.capture.id, { intent: 'tip', note: 'try this', tags: ['  Feedback ', 'feedback', 'Coaching'], collectionIds: [col.id] }, { clock });
    expect(u).toMatchObject({ intent: 'tip', note: 'try this', tags: ['Feedback', 'Coaching'], collectionIds: [col.id] });
    expect(col.name).toBe('Onboarding');
    const names = (await db.outbox.toArray()).map((o) => o.name);
    expect(names).toEqual(['createCapture', 'createCollection', 'updateCapture', 'addTag', 'addTag', 'addToCollection']);
    await updateCapture(db, a.capture.id, { tags: ['coaching'] }, { clock }); // same tag as 'Coaching'
    expect((await db.outbox.toArray()).at(-1)).toMatchObject({ name: 'removeTag', args: { captureId: a.capture.id, tag: 'feedback' } });
  });

  it('returns null for an unknown id and writes nothing', async () => {
    expect(await updateCapture(db, '01900000-0000-7000-8000-000000000009', { note: 'x' })).toBeNull();
    expect(await db.outbox.count()).toBe(0);
  });

  it('a failed transaction writes neither the row nor the outbox entry', async () => {
    const a = await saveCapture(db, makeDraft(), { clock });
    const before = await db.outbox.count();
    // A clock that throws mid-transaction makes the transaction abort.
    await expect(updateCapture(db, a.capture.id, { note: 'x' }, { clock: () => { throw new Error('boom'); } })).rejects.toThrow('boom');
    expect(await db.outbox.count()).toBe(before);
    expect((await db.captures.get(a.capture.id))?.note).toBeNull();
  });
});

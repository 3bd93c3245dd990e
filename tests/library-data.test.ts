import { describe, it, expect } from 'vitest';
import { SatchelDb, saveCapture } from '../lib/db';
import { makeCapture, makeDraft } from '../lib/db/testing';
import * as data from '../entrypoints/library/data';
import { readSnapshot, writeSnapshot, SNAPSHOT_KEY } from '../entrypoints/popup/snapshot';
import { NO_FILTERS } from '../components/filters';
import type { Capture } from '../lib/schema';

// The library and popup containers' data adapter (entrypoints/library/data.ts) and the popup's
// first-paint snapshot, against the real lib/db (fake-indexeddb) and lib/search.

const id = (n: number) => `01900000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
const cap = (n: number, o: Partial<Capture> = {}) => makeCapture({ id: id(n), postId: String(1000 + n), capturedAt: 1_780_000_000_000 + n * 60_000, ...o });
let dbN = 0;
const freshDb = () => new SatchelDb(`library-data-${++dbN}`);

describe('library query (lib/search through the adapter)', () => {
  const rows = [
    cap(1, { text: 'Retro checklist for the team', tags: ['AI'], platform: 'x' }),
    cap(2, { text: 'Café culture and naïve questions', platform: 'linkedin', permalink: 'https://www.linkedin.com/feed/update/urn:li:activity:2/', note: 'mine', reviewedAt: 5 }),
    cap(3, { text: 'Coaching habits', archivedAt: 9, tags: ['ai'] }),
  ];
  const search = data.createSearch(rows);
  const q = (o: Partial<data.LibraryQuery>) => search.query({ text: '', filters: NO_FILTERS, collectionId: null, sort: 'saved', ...o });

  it('lists newest saved first, without archived ones, with facet counts', () => {
    const r = q({});
    expect(r.ids).toEqual([id(2), id(1)]);
    expect(r.facets.review).toEqual({ any: 2, unreviewed: 1, reviewed: 1, archived: 1 });
    expect(r.facets.platform.map((f) => [f.value, f.count]).sort()).toEqual([['linkedin', 1], ['x', 1]]);
    expect(r.facets.hasNote).toBe(1);
  });

  it('searches diacritics- and case-insensitively, with terms to highlight', () => {
    const r = q({ text: 'CAFE' });
    expect(r.ids).toEqual([id(2)]);
    const segs = search.segments('Café culture', r.terms);
    expect(segs.find((s) => s.match)?.text).toBe('Café');
  });

  it('filters by platform, tag key, note, review state and archived', () => {
    expect(q({ filters: { ...NO_FILTERS, platforms: ['linkedin'] } }).ids).toEqual([id(2)]);
    expect(q({ filters: { ...NO_FILTERS, tags: ['ai'] } }).ids).toEqual([id(1)]);
    expect(q({ filters: { ...NO_FILTERS, hasNote: true } }).ids).toEqual([id(2)]);
    expect(q({ filters: { ...NO_FILTERS, review: 'unreviewed' } }).ids).toEqual([id(1)]);
    expect(q({ filters: { ...NO_FILTERS, review: 'archived' } }).ids).toEqual([id(3)]);
  });

  it('maps local date ranges to saved-time bounds (the "to" day included)', () => {
    const f = data.toSearchQuery({ text: '', collectionId: 'c', sort: 'posted', filters: { ...NO_FILTERS, from: '2026-03-01', to: '2026-03-01' } }).filters!;
    expect(f.savedFrom).toBe(new Date(2026, 2, 1).getTime());
    expect(f.savedTo).toBe(new Date(2026, 2, 2).getTime());
    expect(f.collections).toEqual(['c']);
  });

  it('follows upserts and removals', () => {
    search.upsert([cap(4, { text: 'Brand new retro idea' })]);
    expect(q({ text: 'retro' }).ids.sort()).toEqual([id(1), id(4)].sort());
    search.remove([id(4)]);
    expect(q({ text: 'retro' }).ids).toEqual([id(1)]);
  });
});

describe('pure helpers', () => {
  it('counts collections, Inbox first; lists known tags by use; queues reviews oldest first; finds due tips', () => {
    const cols = [
      { id: 'b', scopeId: 'personal:local', name: 'beta', inbox: false, createdAt: 1, updatedAt: 1, deletedAt: null },
      { id: 'i', scopeId: 'personal:local', name: 'Inbox', inbox: true, createdAt: 1, updatedAt: 1, deletedAt: null },
      { id: 'a', scopeId: 'personal:local', name: 'Alpha', inbox: false, createdAt: 1, updatedAt: 1, deletedAt: null },
    ];
    const caps = [cap(1, { collectionIds: ['a', 'i'], tags: ['x', 'y'] }), cap(2, { collectionIds: ['a'], tags: ['y'], reviewedAt: 1 }), cap(3, { intent: 'tip', followUp: { dueAt: 10, answer: null, answeredAt: null } })];
    expect(data.collectionViews(cols, caps).map((c) => [c.name, c.count])).toEqual([['Inbox', 1], ['Alpha', 2], ['beta', 0]]);
    expect(data.knownTags(caps)).toEqual(['y', 'x']);
    expect(data.reviewQueue(caps)).toEqual([id(1), id(3)]);
    expect(data.dueFollowUps(caps, 9)).toEqual([]);
    expect(data.dueFollowUps(caps, 10).map((c) => c.id)).toEqual([id(3)]);
  });
});

describe('writes through lib/db', () => {
  it('edits, bulk-tags, collects, and deletes with undo', async () => {
    const db = freshDb();
    const a = (await saveCapture(db, makeDraft({ postId: '1' }))).capture;
    const b = (await saveCapture(db, makeDraft({ postId: '2' }))).capture;
    const edited = await data.editCapture(db, a.id, { note: 'line 1\nline 2', reflection: 'try it', reviewedAt: 7 });
    expect(edited).toMatchObject({ note: 'line 1\nline 2', reflection: 'try it', reviewedAt: 7 });
    expect((await data.addTagTo(db, [a.id, b.id], 'AI')).map((c) => c.tags)).toEqual([['AI'], ['AI']]);
    const col = await data.createCollection(db, 'Retros');
    expect((await data.addToCollection(db, col.id, [b.id]))[0]!.collectionIds).toContain(col.id);
    const undo = await data.deleteCaptures(db, [a.id]);
    expect((await data.loadCaptures(db)).map((c) => c.id)).toEqual([b.id]);
    const back = await undo();
    expect(back).toHaveLength(1);
    expect(back[0]).toMatchObject({ key: a.key, note: 'line 1\nline 2', tags: ['AI'] });
    expect((await data.loadCaptures(db)).length).toBe(2);
    const touched = await data.deleteCollection(db, col.id);
    expect(touched.map((c) => c.collectionIds.includes(col.id))).toEqual([false]);
    db.close();
  });

  it('exports JSON that a dry run on another database reports as new, and imports it', async () => {
    const src = freshDb();
    await saveCapture(src, makeDraft({ postId: '11', text: 'one' }));
    await saveCapture(src, makeDraft({ postId: '12', text: 'two' }));
    const caps = await data.loadCaptures(src);
    const progress: number[] = [];
    const files = await data.exportCaptures(caps, 'json', await data.loadCollectionRows(src), (done) => progress.push(done));
    expect(files).toHaveLength(1);
    const text = await files[0]!.blob.text();
    const dst = freshDb();
    const report = await data.importDryRun(dst, text, 'a.json');
    expect(report).toMatchObject({ added: 2, updated: 0, skipped: 0, problems: [] });
    expect(await data.importRun(dst, text, () => {})).toEqual({ added: 2, updated: 0 });
    expect((await data.importDryRun(dst, text, 'a.json')).skipped).toBe(2);
    const bad = await data.importDryRun(dst, text.replace('"text": "one"', '"text": 1').replace('"text":"one"', '"text":1'), 'bad.json');
    expect(bad.problems[0]).toMatchObject({ field: expect.stringContaining('text') });
    expect(bad.problems[0]!.line).toBeGreaterThan(0);
    src.close();
    dst.close();
  });
});

describe('popup snapshot', () => {
  class MemStorage {
    m = new Map<string, string>();
    getItem(k: string) { return this.m.get(k) ?? null; }
    setItem(k: string, v: string) { this.m.set(k, v); }
  }
  it('keeps the newest 20 trimmed captures and refuses anything malformed', () => {
    const s = new MemStorage() as unknown as Storage;
    expect(readSnapshot(s)).toBeNull();
    writeSnapshot(Array.from({ length: 25 }, (_, i) => cap(i, { text: 'x'.repeat(2000), note: 'n'.repeat(1000), links: [{ url: 'https://a.example/', title: 'a' }] })), s);
    const snap = readSnapshot(s)!;
    expect(snap).toHaveLength(20);
    expect(snap[0]!.text.length).toBe(500);
    // What a popup item shows is kept (issue 12), cut to what it shows: the note's start; no links.
    expect(snap[0]!.note).toBe('n'.repeat(200));
    expect(snap[0]!.links).toEqual([]);
    writeSnapshot([cap(1, { platform: 'linkedin', postId: 'content:0123456789abcdef0123456789abcdef', permalink: null, permalinkMissing: true })], s);
    expect(readSnapshot(s), 'a capture saved without its post id (issue 9) is a valid row').toHaveLength(1);
    s.setItem(SNAPSHOT_KEY, '[{"id":1}]');
    expect(readSnapshot(s)).toBeNull();
    s.setItem(SNAPSHOT_KEY, '{not json');
    expect(readSnapshot(s)).toBeNull();
  });
});

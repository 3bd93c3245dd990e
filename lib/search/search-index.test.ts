import { describe, it, expect } from 'vitest';
import { SearchIndex } from './search-index';
import { makeCapture } from '../db/testing';
import type { Capture } from '../schema';

let n = 0;
function cap(over: Partial<Capture>): Capture {
  n++;
  const id = `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`;
  return makeCapture({ id, postId: String(n), capturedAt: 1_000_000 + n * 1000, text: '', ...over });
}

const a = cap({ text: 'Café culture: how teams give feedback', tags: ['Feedback', '🚀 Launch'], platform: 'x', intent: 'tip', note: 'Try in retro', postedAt: '2026-01-05T00:00:00.000Z' });
const b = cap({ text: 'Naïve questions are welcome', platform: 'linkedin', author: { name: 'Zoë Ávila', handle: null, profileUrl: null, avatarUrl: null }, postedAt: '2026-03-01T00:00:00.000Z', truncated: true });
const c = cap({ text: 'Standup tips', links: [{ url: 'https://ex.org/a', title: 'The feedback handbook' }], tags: ['学习'], platform: 'yammer', reviewedAt: 5, collectionIds: ['01900000-0000-7000-8000-0000000000c1'] });
const d = cap({ text: 'Nothing about that', reflection: 'apply the feedback loop', archivedAt: 7, quoted: null, platform: 'x', postedAt: null });
const all = [a, b, c, d];

function index() {
  const idx = new SearchIndex();
  idx.addAll(all);
  return idx;
}
const ids = (r: { hits: { id: string }[] }) => r.hits.map((h) => h.id);

describe('SearchIndex', () => {
  it('finds by text, author, note, reflection, tags and link titles; ranked; diacritics- and case-insensitive', () => {
    const idx = index();
    expect(ids(idx.search({ text: 'CAFE' }))).toEqual([a.id]);
    expect(ids(idx.search({ text: 'naive' }))).toEqual([b.id]);
    expect(ids(idx.search({ text: 'zoe avila' }))).toEqual([b.id]);
    expect(ids(idx.search({ text: 'retro' }))).toEqual([a.id]);
    expect(ids(idx.search({ text: 'loop' }))).toEqual([d.id]);
    expect(ids(idx.search({ text: 'handbook' }))).toEqual([c.id]);
    const fb = idx.search({ text: 'feedback' });
    expect(fb.total).toBe(3);
    expect(fb.hits[0]!.id).toBe(a.id); // in text AND a tag: ranked first
    expect(fb.terms).toContain('feedback');
  });

  it('tags in any script or emoji are searchable; prefix on the last term; one typo tolerated on long words', () => {
    const idx = index();
    expect(ids(idx.search({ text: '🚀' }))).toEqual([a.id]);
    expect(ids(idx.search({ text: '学习' }))).toEqual([c.id]);
    expect(ids(idx.search({ text: 'stand' }))).toEqual([c.id]);
    expect(ids(idx.search({ text: 'fedback' })).length).toBeGreaterThan(0);
    expect(idx.search({ text: 'zzzz' }).total).toBe(0);
  });

  it('filters combine (AND across, OR within) and facet counts ignore their own dimension', () => {
    const idx = index();
    const r = idx.search({ filters: { platforms: ['x'] } });
    expect(ids(r).sort()).toEqual([a.id, d.id].sort());
    expect(r.facets.platform).toEqual([
      { value: 'x', label: 'x', count: 2 },
      { value: 'linkedin', label: 'linkedin', count: 1 },
      { value: 'yammer', label: 'yammer', count: 1 },
    ]);
    expect(r.facets.intent).toEqual([{ value: 'none', label: 'none', count: 1 }, { value: 'tip', label: 'tip', count: 1 }]);
    expect(ids(idx.search({ filters: { platforms: ['x', 'linkedin'], intents: ['none'] } })).sort()).toEqual([b.id, d.id].sort());
    expect(ids(idx.search({ filters: { tags: ['feedback'] } }))).toEqual([a.id]);
    expect(ids(idx.search({ filters: { tags: ['🚀 LAUNCH'] } }))).toEqual([a.id]);
    expect(ids(idx.search({ filters: { collections: ['01900000-0000-7000-8000-0000000000c1'] } }))).toEqual([c.id]);
    expect(ids(idx.search({ filters: { hasNote: true } }))).toEqual([a.id]);
    expect(ids(idx.search({ filters: { incomplete: true } }))).toEqual([b.id]);
    expect(ids(idx.search({ filters: { reviewed: true } }))).toEqual([c.id]);
    expect(ids(idx.search({ filters: { archived: false, reviewed: false } })).sort()).toEqual([a.id, b.id].sort());
    expect(ids(idx.search({ filters: { savedFrom: b.capturedAt, savedTo: d.capturedAt } }))).toEqual([c.id, b.id]);
    const authors = idx.search({}).facets.author;
    expect(authors.find((x) => x.label === 'Zoë Ávila')).toEqual({ value: 'linkedin:zoë ávila', label: 'Zoë Ávila', count: 1 });
    expect(ids(idx.search({ filters: { authors: ['linkedin:zoë ávila'] } }))).toEqual([b.id]);
    expect(idx.search({ text: 'feedback', filters: { platforms: ['x'] } }).facets.platform).toEqual([
      { value: 'x', label: 'x', count: 2 },
      { value: 'yammer', label: 'yammer', count: 1 },
    ]);
  });

  it('a capture saved without its post id (permalinkMissing) is "incomplete" for the filter, as its badge says (fresh-eyes trial, issue 9)', () => {
    const idx = new SearchIndex();
    const e = cap({ text: 'No link yet', platform: 'linkedin', postId: 'content:0123456789abcdef0123456789abcdef', permalink: null, permalinkMissing: true });
    idx.addAll([a, e]);
    expect(ids(idx.search({ filters: { incomplete: true } }))).toEqual([e.id]);
  });

  it('facets: false answers the same hits without counting facets', () => {
    const idx = index();
    const fast = idx.search({ text: 'feedback', filters: { platforms: ['x'] }, facets: false });
    const full = idx.search({ text: 'feedback', filters: { platforms: ['x'] } });
    expect(fast.hits).toEqual(full.hits);
    expect(fast.total).toBe(full.total);
    expect(fast.facets.platform).toEqual([]);
    expect(full.facets.platform.length).toBeGreaterThan(0);
  });

  it('sorts by saved time, posted time or relevance; pages', () => {
    const idx = index();
    expect(ids(idx.search({}))).toEqual([d.id, c.id, b.id, a.id]);
    expect(ids(idx.search({ sort: 'posted' }))).toEqual([c.id, b.id, a.id, d.id]); // c keeps the factory's 2026-11-30; d has none: last
    expect(ids(idx.search({ text: 'feedback', sort: 'saved' }))).toEqual([d.id, c.id, a.id]);
    expect(ids(idx.search({ limit: 2, offset: 1 }))).toEqual([c.id, b.id]);
    expect(idx.search({ limit: 2 }).total).toBe(4);
  });

  it('updates incrementally: upsert replaces, tombstones and remove drop', () => {
    const idx = index();
    idx.upsert({ ...a, text: 'now about gardening', tags: [] });
    expect(idx.search({ text: 'cafe' }).total).toBe(0);
    expect(ids(idx.search({ text: 'gardening' }))).toEqual([a.id]);
    idx.applyChanges([{ ...b, deletedAt: 9 }]);
    expect(idx.has(b.id)).toBe(false);
    expect(idx.search({ text: 'naive' }).total).toBe(0);
    idx.remove(c.id);
    expect(idx.size).toBe(2);
    expect(idx.search({}).total).toBe(2);
  });

  it('the cached default view follows every change; sorting by posted time leaves it intact', () => {
    const idx = index();
    expect(idx.search({}).total).toBe(4);
    expect(ids(idx.search({ sort: 'posted' }))).toEqual([c.id, b.id, a.id, d.id]);
    expect(ids(idx.search({}))).toEqual([d.id, c.id, b.id, a.id]);
    const e = cap({ text: 'new one', platform: 'web' });
    idx.upsert(e);
    const r = idx.search({});
    expect(r.total).toBe(5);
    expect(r.hits[0]!.id).toBe(e.id);
    expect(r.facets.platform.find((f) => f.value === 'web')?.count).toBe(1);
    idx.remove(e.id);
    expect(idx.search({}).facets.platform.find((f) => f.value === 'web')).toBeUndefined();
  });

  it('answers from the first letter (prefix on the last term), ranks tag > author > own words > body, and lists every id in order', () => {
    const idx = new SearchIndex();
    const body = cap({ text: 'mentoring notes' });
    const mine = cap({ text: 'other', note: 'mentoring plan' });
    const tag = cap({ text: 'other', tags: ['Mentoring'] });
    const person = cap({ text: 'other', author: { name: 'Mentor Mia', handle: null, profileUrl: null, avatarUrl: null } });
    const none = cap({ text: 'nothing here' });
    idx.addAll([body, mine, tag, person, none]);
    const r = idx.search({ text: 'm' });
    expect(r.total).toBe(4);
    expect(ids(r)).toEqual([tag.id, person.id, mine.id, body.id]);
    expect(r.ids).toEqual(ids(r));
    expect(r.terms).toEqual(['m']);
    const page = idx.search({ text: 'ment', limit: 2, offset: 1 });
    expect(page.total).toBe(4);
    expect(ids(page)).toEqual([person.id, mine.id]);
    expect(page.ids).toEqual([tag.id, person.id, mine.id, body.id]);
    expect(idx.search({ text: 'ment', sort: 'saved' }).ids).toEqual([person.id, tag.id, mine.id, body.id]);
    // an earlier term must match a whole word; the last one is a prefix
    expect(idx.search({ text: 'ment notes' }).total).toBe(0);
    expect(ids(idx.search({ text: 'mentoring no' }))).toEqual([body.id]);
  });

  it('exact beats prefix beats typo; the typo-matched word is a highlight term', () => {
    const idx = new SearchIndex();
    const exact = cap({ text: 'practice daily' });
    const longer = cap({ text: 'practices daily' });
    idx.addAll([longer, exact]);
    expect(ids(idx.search({ text: 'practice' }))).toEqual([exact.id, longer.id]);
    const typo = idx.search({ text: 'practise' });
    expect(ids(typo)).toEqual([exact.id]);
    expect(typo.terms).toEqual(['practice']);
    expect(typo.hits[0]!.terms).toEqual(['practice']);
  });

  it('counts and filters many tags and collections per capture', () => {
    const idx = new SearchIndex();
    const many = cap({ text: 'x', tags: ['t1', 't2', 't3', 't4', 't5', 't6'], collectionIds: ['c1', 'c2', 'c3', 'c4', 'c5'] });
    const few = cap({ text: 'x', tags: ['t6'], collectionIds: ['c5'] });
    idx.addAll([many, few]);
    const r = idx.search({ text: 'x' });
    expect(r.facets.tag.find((f) => f.value === 't6')?.count).toBe(2);
    expect(r.facets.tag.find((f) => f.value === 't1')?.count).toBe(1);
    expect(r.facets.collection.find((f) => f.value === 'c5')?.count).toBe(2);
    expect(ids(idx.search({ filters: { tags: ['T5'] } }))).toEqual([many.id]);
    expect(ids(idx.search({ filters: { collections: ['c5'] } }))).toEqual([few.id, many.id]);
    idx.upsert({ ...many, tags: ['t1'], collectionIds: [] });
    expect(idx.search({ filters: { tags: ['t5'] } }).total).toBe(0);
    expect(idx.search({ filters: { collections: ['c5'] } }).ids).toEqual([few.id]);
  });

  it('an edit keeps the capture\'s place in saved and posted order; a new capture goes first', () => {
    const idx = index();
    expect(ids(idx.search({}))).toEqual([d.id, c.id, b.id, a.id]);
    expect(ids(idx.search({ sort: 'posted' }))).toEqual([c.id, b.id, a.id, d.id]);
    idx.upsert({ ...b, note: 'edited' });
    expect(ids(idx.search({}))).toEqual([d.id, c.id, b.id, a.id]);
    expect(ids(idx.search({ sort: 'posted' }))).toEqual([c.id, b.id, a.id, d.id]);
    expect(ids(idx.search({ text: 'edited' }))).toEqual([b.id]);
    idx.upsert({ ...a, postedAt: '2026-12-31T00:00:00.000Z' });
    expect(ids(idx.search({ sort: 'posted' }))).toEqual([a.id, c.id, b.id, d.id]);
    idx.upsert({ ...c, deletedAt: 1 });
    expect(ids(idx.search({}))).toEqual([d.id, b.id, a.id]);
    expect(ids(idx.search({ sort: 'posted' }))).toEqual([a.id, b.id, d.id]);
  });

  it('round-trips through toJSON/fromJSON', () => {
    const idx = index();
    const back = SearchIndex.fromJSON(JSON.parse(JSON.stringify(idx.toJSON())));
    expect(back.size).toBe(4);
    expect(back.search({ text: 'naive', filters: { platforms: ['linkedin'] } })).toEqual(idx.search({ text: 'naive', filters: { platforms: ['linkedin'] } }));
    expect(() => SearchIndex.fromJSON({} as never)).toThrow(/not a serialised/);
    expect(() => SearchIndex.fromJSON({ version: 1, index: {}, metas: [] } as never)).toThrow(/version 2/);
  });
});

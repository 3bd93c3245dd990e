/**
 * fast-check arbitraries for captures and collections (imported only by *.test.ts files):
 * any Unicode in the free-text fields, including markup and formula-looking strings.
 */
import fc from 'fast-check';
import type { Capture, Collection } from '../schema';
import { captureKey, normalizeTags } from '../schema';

const text = (max: number) => fc.string({ unit: 'grapheme', maxLength: max });
const ms = fc.integer({ min: 1_500_000_000_000, max: 2_000_000_000_000 });
const nullable = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
const httpUrl = fc.webUrl({ validSchemes: ['https', 'http'] }).filter((u) => u.length <= 2048);

/** A valid stored capture with random content and library fields; ids unique per `n`. */
export function captureArb(n: number, collectionIds: string[] = []): fc.Arbitrary<Capture> {
  return fc
    .record({
      platform: fc.constantFrom('x', 'linkedin', 'yammer', 'web' as const),
      text: text(300),
      author: nullable(fc.record({ name: text(40), handle: nullable(fc.stringMatching(/^[a-z0-9_]{1,15}$/)), profileUrl: nullable(httpUrl), avatarUrl: fc.constant(null) })),
      links: fc.array(fc.record({ url: httpUrl, title: nullable(text(60)) }), { maxLength: 2 }),
      intent: nullable(fc.constantFrom('tip', 'job-aid', 'question', 'share' as const)),
      note: nullable(text(200)),
      reflection: nullable(text(100)),
      tags: fc.array(text(20), { maxLength: 4 }).map(normalizeTags),
      capturedAt: ms,
      updatedAt: ms,
      reviewedAt: nullable(ms),
      archivedAt: nullable(ms),
      followUp: nullable(fc.record({ dueAt: ms, answer: nullable(text(100)), answeredAt: nullable(ms) })),
      postedAt: nullable(ms.map((t) => new Date(t).toISOString())),
      truncated: fc.boolean(),
      inCollections: fc.subarray(collectionIds),
    })
    .map(({ inCollections, ...r }) => {
      const postId = `p${n}`;
      const c: Capture = {
        platform: r.platform, postId, permalink: `https://example.com/post/${n}`, permalinkMissing: false, author: r.author, text: r.text, lang: null, postedAt: r.postedAt,
        media: [], links: r.links, hashtags: [], mentions: [], poll: null, truncated: r.truncated, mediaMissing: false, title: null, quoted: null,
        quoteMissing: false, repostedBy: null, inReplyTo: null, thread: [], threadPartial: false,
        id: `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`, key: '', scopeId: 'personal:local', intent: r.intent, note: r.note,
        tags: r.tags, collectionIds: inCollections, capturedAt: r.capturedAt, updatedAt: r.updatedAt, completedAt: null, deletedAt: null,
        reviewedAt: r.reviewedAt, archivedAt: r.archivedAt, reflection: r.reflection, followUp: r.followUp,
      };
      c.key = captureKey(c);
      return c;
    });
}

/** `count` collections with fixed ids and random names. */
export function collectionsArb(count: number): fc.Arbitrary<Collection[]> {
  return fc.tuple(...Array.from({ length: count }, () => fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).filter((s) => s.trim().length > 0))).map((names) =>
    names.map((name, i) => ({ id: `01900000-0000-7000-8000-c0000000000${i}`, scopeId: 'personal:local', name: name.trim(), inbox: i === 0, createdAt: 1, updatedAt: 1, deletedAt: null })),
  );
}

/** A library: collections, and 0–`max` captures that may sit in them. */
export function libraryArb(max = 8): fc.Arbitrary<{ captures: Capture[]; collections: Collection[] }> {
  return collectionsArb(3).chain((collections) =>
    fc.integer({ min: 0, max }).chain((k) =>
      fc.tuple(...Array.from({ length: k }, (_, i) => captureArb(i + 1, collections.map((c) => c.id)))).map((captures) => ({ captures, collections })),
    ),
  );
}

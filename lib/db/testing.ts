/**
 * Test factories (imported only by *.test.ts files): valid drafts and captures with overrides,
 * in the style `makeDraft({ truncated: true })` (docs/architecture.md 6.5).
 */
import type { Capture, CaptureDraft } from '../schema';
import { captureKey } from '../schema';

/** A valid X draft for post `postId`; override any field. */
export function makeDraft(overrides: Partial<CaptureDraft> = {}): CaptureDraft {
  const postId = overrides.postId ?? '1800000000000000001';
  return {
    platform: 'x',
    postId,
    permalink: `https://x.com/someone/status/${postId}`,
    permalinkMissing: false,
    author: { name: 'Some One', handle: 'someone', profileUrl: 'https://x.com/someone', avatarUrl: null },
    text: 'A post about learning.\nSecond line.',
    lang: 'en',
    postedAt: '2026-11-30T10:00:00.000Z',
    media: [],
    links: [],
    hashtags: [],
    mentions: [],
    poll: null,
    truncated: false,
    mediaMissing: false,
    title: null,
    quoted: null,
    quoteMissing: false,
    repostedBy: null,
    inReplyTo: null,
    thread: [],
    threadPartial: false,
    ...overrides,
  };
}

/** A valid stored capture built from {@link makeDraft}; override any field. */
export function makeCapture(overrides: Partial<Capture> = {}): Capture {
  const draft = makeDraft(overrides);
  const n = 1_780_000_000_000;
  return {
    ...draft,
    id: '01900000-0000-7000-8000-000000000001',
    key: captureKey(draft),
    scopeId: 'personal:local',
    intent: null,
    note: null,
    tags: [],
    collectionIds: [],
    capturedAt: n,
    updatedAt: n,
    completedAt: null,
    deletedAt: null,
    reviewedAt: null,
    archivedAt: null,
    reflection: null,
    followUp: null,
    ...overrides,
  };
}

/**
 * Factories for digest tests (lib/digest/*.test.ts, tests/digest-xss.test.ts, server/test/digest.test.ts):
 * rows with overrides (the English words are in tests/helpers/digest-words.ts).
 */
import type { Member } from '../schema/api';
import type { DigestCaptureRow, DigestCommentRow, DigestInput, DigestReactionRow } from './build';

/** Monday 2026-11-30 00:00 UTC, epoch ms: the start of the test week. */
export const WEEK_START = Date.UTC(2026, 10, 30);
/** One day, ms. */
export const DAY = 24 * 3600 * 1000;

let n = 0;
/** A UUIDv7-shaped id, increasing with each call (so "ties by id" follow creation order). */
export function testId(): string {
  n++;
  const hex = n.toString(16).padStart(12, '0');
  return `0192a000-0000-7000-8000-${hex}`;
}

/** A team member (spotlight on, joined long before the test week). */
export const makeMember = (over: Partial<Member> = {}): Member => ({ userId: 'u-ana', displayName: 'Ana', role: 'editor', joinedAt: WEEK_START - 90 * DAY, spotlight: true, ...over });

/** A live team capture shared on day 1 of the test week. */
export const makeCaptureRow = (over: Partial<DigestCaptureRow> = {}): DigestCaptureRow => ({
  id: testId(),
  ownerUserId: 'u-ana',
  createdAt: WEEK_START + DAY,
  intent: 'tip',
  note: 'Worth a read',
  answerCommentId: null,
  platform: 'linkedin',
  postAuthor: 'Post Author',
  title: null,
  text: 'A post about learning in public',
  permalink: 'https://www.linkedin.com/feed/update/urn:li:activity:1/',
  deletedAt: null,
  ...over,
});

/** A live comment on day 2 of the test week. */
export const makeCommentRow = (captureId: string, over: Partial<DigestCommentRow> = {}): DigestCommentRow => ({
  id: testId(),
  captureId,
  parentId: null,
  authorUserId: 'u-ben',
  body: 'Tried it, works',
  createdAt: WEEK_START + 2 * DAY,
  deleted: false,
  ...over,
});

/** A reaction on a capture, day 2 of the test week. */
export const makeReactionRow = (captureId: string, over: Partial<DigestReactionRow> = {}): DigestReactionRow => ({
  targetKind: 'capture',
  targetId: captureId,
  captureId,
  userId: 'u-cleo',
  kind: 'useful',
  createdAt: WEEK_START + 2 * DAY,
  ...over,
});

/** An input for the test week with the given rows. */
export const makeInput = (over: Partial<DigestInput> = {}): DigestInput => ({
  team: { id: 'team-1', name: 'Learning Guild' },
  range: { from: WEEK_START, to: WEEK_START + 7 * DAY },
  members: [makeMember(), makeMember({ userId: 'u-ben', displayName: 'Ben' }), makeMember({ userId: 'u-cleo', displayName: 'Cleo' })],
  captures: [],
  comments: [],
  reactions: [],
  ...over,
});

/**
 * The team digest (issue 11, docs/discussion.md "Digest"): what a team captured and talked about in a
 * date range, with credit to every contributor. Built by one pure function (lib/digest/build.ts)
 * from the server's rows (`GET /v1/teams/:teamId/digest`) or, offline, from the device's synced rows;
 * rendered as a library view, Markdown, HTML and paste-ready posts (lib/digest/render-*.ts).
 */
import { z } from 'zod';
import { storable } from './storable';
import { Platform, Intent } from './capture';
import { Uuid7 } from './ids';

/** Longest range a digest covers, ms (one year). */
export const MAX_DIGEST_RANGE_MS = 366 * 24 * 3600 * 1000;
/** Most items in each list of a digest. */
export const MAX_DIGEST_ITEMS = 10;

/** `GET /v1/teams/:teamId/digest?from=&to=` query: epoch ms, `from` inclusive, `to` exclusive. */
export const DigestQuery = z
  .strictObject({ from: z.coerce.number().int().nonnegative(), to: z.coerce.number().int().positive() })
  .refine((q) => q.to > q.from && q.to - q.from <= MAX_DIGEST_RANGE_MS, { message: 'to must be after from, at most a year later' });
export type DigestQuery = z.infer<typeof DigestQuery>;

/** A person credited in a digest; `name` null when they opted out of spotlights ("a team member"). */
export const DigestPerson = z.strictObject({ userId: storable(), name: storable().nullable() });
export type DigestPerson = z.infer<typeof DigestPerson>;

/** One team capture in a digest. Texts are plain (renderers escape); `permalink` only http(s) or null. */
export const DigestItem = z.strictObject({
  captureId: Uuid7,
  platform: Platform,
  /** the post's author as the site showed them */
  postAuthor: storable().nullable(),
  /** title or the first ~200 characters of the post text */
  excerpt: storable(),
  permalink: storable().nullable(),
  intent: Intent.nullable(),
  sharedBy: DigestPerson,
  /** the sharer's "why this is worth reading" (for a question: the question) */
  note: storable().nullable(),
  /** epoch ms, server clock */
  sharedAt: z.number().int(),
  /** reactions and comments inside the range */
  reactions: z.number().int().nonnegative(),
  comments: z.number().int().nonnegative(),
  /** for an answered question: who answered and an excerpt of the pinned reply */
  answer: z.strictObject({ by: DigestPerson, excerpt: storable() }).nullable(),
});
export type DigestItem = z.infer<typeof DigestItem>;

/** A contributor and what they did in the range. */
export const DigestContributor = DigestPerson.extend({
  shares: z.number().int().nonnegative(),
  comments: z.number().int().nonnegative(),
  answers: z.number().int().nonnegative(),
});
export type DigestContributor = z.infer<typeof DigestContributor>;

/** The digest of one team for `[from, to)`. */
export const Digest = z.strictObject({
  teamId: storable(),
  teamName: storable(),
  from: z.number().int(),
  to: z.number().int(),
  /** the most reacted-to and discussed captures (score = reactions + 2 × comments in range), best first */
  top: z.array(DigestItem),
  /** "question to discuss" captures with no pinned answer (shared in range, or discussed in range) */
  openQuestions: z.array(DigestItem),
  /** questions whose answer was pinned, discussed or shared in range */
  answeredQuestions: z.array(DigestItem),
  /** the first share of each member who joined in the range */
  firstShares: z.array(DigestItem),
  /** "curated by": everyone who shared, commented or answered in the range (opted-out members unnamed) */
  contributors: z.array(DigestContributor),
  totals: z.strictObject({ captures: z.number().int(), comments: z.number().int(), reactions: z.number().int() }),
});
export type Digest = z.infer<typeof Digest>;

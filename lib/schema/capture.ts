import { z } from 'zod';
import { storable } from './storable';

/**
 * Platforms Satchel captures from. `web` is any other page (context menu capture).
 * The value is also the site adapter id and the fixture folder name (docs/architecture.md 6.3).
 * Wire format: adding a value here is a protocol change (docs/sync-protocol.md 3.2).
 */
export const Platform = z.enum(['linkedin', 'x', 'yammer', 'web']);
export type Platform = z.infer<typeof Platform>;

/** Absolute http(s) URL, at most 2048 characters. Anything else (javascript:, data:) is refused. */
export const HttpUrl = storable()
  .max(2048)
  .refine((s) => /^https?:\/\//i.test(s), { message: 'must be an absolute http(s) URL' });

/** Author of a post as the page shows it. `handle` has no leading `@`; fields the site lacks are null. */
export const Author = z.strictObject({
  name: storable().max(256),
  handle: storable().max(256).nullable(),
  profileUrl: HttpUrl.nullable(),
  avatarUrl: HttpUrl.nullable(),
});
export type Author = z.infer<typeof Author>;

/** One image, video (poster URL, never `blob:`) or GIF attached to a post. */
export const Media = z.strictObject({
  kind: z.enum(['image', 'video', 'gif']),
  url: HttpUrl,
  alt: storable().max(4000).nullable(),
});
export type Media = z.infer<typeof Media>;

/** A link in the post or its link card. `url` is the expanded target where the page shows it. */
export const Link = z.strictObject({
  url: HttpUrl,
  title: storable().max(1000).nullable(),
});
export type Link = z.infer<typeof Link>;

/** A poll: options in display order with their vote counts (null when the page hides them). */
export const Poll = z.strictObject({
  options: z.array(z.strictObject({ label: storable().max(500), votes: z.number().int().nonnegative().nullable() })).max(10),
  totalVotes: z.number().int().nonnegative().nullable(),
  closed: z.boolean(),
});
export type Poll = z.infer<typeof Poll>;

/** Who reposted the post into the feed. The reposter is never the author. */
export const RepostedBy = z.strictObject({
  name: storable().max(256),
  profileUrl: HttpUrl.nullable(),
});

/** The post this one replies to, as far as the page shows it. */
export const InReplyTo = z.strictObject({
  postId: storable().max(256).nullable(),
  handle: storable().max(256).nullable(),
  permalink: HttpUrl.nullable(),
});

/**
 * Longest post text a capture holds, in UTF-16 code units (64 KiB); an adapter cuts there and sets
 * `truncated`. Adapters keep their own copy of the number: importing a value from this module would
 * put zod into the content-script bundle (docs/decisions/0005).
 */
const MAX_TEXT = 64 * 1024;

/** Fields shared by a top-level draft and a quoted (nested) draft. */
const postFields = {
  platform: Platform,
  /** Platform post id: X status id; LinkedIn `urn:li:activity:<n>` (or share/ugcPost URN); Viva Engage message id; for `web`, the URL. Null only inside `quoted` when the page does not show it. */
  postId: storable().min(1).max(512).nullable(),
  /** Absolute URL of the post itself; null only for a quoted post whose link the page hides. */
  permalink: HttpUrl.nullable(),
  author: Author.nullable(),
  /** Full plain text: `\n` line breaks, emoji as characters, links expanded. At most 64 KiB. */
  text: storable().max(MAX_TEXT),
  /** BCP 47 language tag from the page, or null. X pseudo-codes (`und`, `zxx`, `qme`...) are dropped. */
  lang: storable().max(35).nullable(),
  /** ISO 8601 UTC time the post was published, from `time[datetime]` or decoded from the id. */
  postedAt: z.iso.datetime().nullable(),
  media: z.array(Media).max(100),
  links: z.array(Link).max(200),
  hashtags: z.array(storable().max(200)).max(200),
  mentions: z.array(storable().max(200)).max(200),
  poll: Poll.nullable(),
  /** The page shows only part of the text (X "Show more" in a timeline, Viva Engage "See more"). */
  truncated: z.boolean(),
  /** Some media could not be read (lazy placeholder, blob-only video without poster). */
  mediaMissing: z.boolean(),
};

/** A quoted or reshared post, captured as its own nested draft. `unavailable` when the site says it is gone. */
export const QuotedDraft = z.strictObject({
  ...postFields,
  unavailable: z.boolean(),
});
export type QuotedDraft = z.infer<typeof QuotedDraft>;

/** One part of a saved thread (a self-thread on X, a reply in a Viva Engage conversation). */
export const ThreadPart = z.strictObject({
  postId: storable().min(1).max(512),
  permalink: HttpUrl.nullable(),
  author: Author.nullable(),
  text: storable().max(MAX_TEXT),
  postedAt: z.iso.datetime().nullable(),
  media: z.array(Media).max(100),
  links: z.array(Link).max(200),
  truncated: z.boolean(),
});
export type ThreadPart = z.infer<typeof ThreadPart>;

/**
 * What a site adapter reads out of one post element: everything the page shows about the post,
 * with completeness flags for what it lacks. Produced in the content script, validated by the
 * background before storing (docs/architecture.md 6.9 rule 1).
 */
export const CaptureDraft = z.strictObject({
  ...postFields,
  /**
   * The platform id, or — when the page shows no id at all (`permalinkMissing`) — the content key
   * `content:<hash>` of {@link contentKeyOf} (lib/schema/content-key.ts).
   */
  postId: storable().min(1).max(512),
  /** Absolute URL of the post; null only with `permalinkMissing` (the page gave no id to build it from). */
  permalink: HttpUrl.nullable(),
  /**
   * The page showed no post id, so the capture is keyed by its content (`postId` = `content:<hash>`)
   * and has no permalink. A later visit that sees the id fills both in and clears the flag
   * (mergeDraftContent, docs/sites/linkedin.md "Posts without an id"). Default false.
   */
  permalinkMissing: z.boolean().default(false),
  /** Title of the page (web captures, link-only posts) or of an X Article; null on other social posts. */
  title: storable().max(512).nullable(),
  quoted: QuotedDraft.nullable(),
  /** The quoted/reshared post is present but could not be read (e.g. hidden id, markup change). */
  quoteMissing: z.boolean(),
  repostedBy: RepostedBy.nullable(),
  inReplyTo: InReplyTo.nullable(),
  /** Parts of a saved thread in order, the first being this post; empty when not a thread capture. */
  thread: z.array(ThreadPart).max(500),
  /** A thread capture whose page did not show every part. */
  threadPartial: z.boolean(),
});
export type CaptureDraft = z.infer<typeof CaptureDraft>;

/** Learning intents a learner can pick after saving. */
export const Intent = z.enum(['tip', 'job-aid', 'question', 'share']);
export type Intent = z.infer<typeof Intent>;

/** Scope id: `personal:<userId|local>` or `team:<teamId>` (docs/sync-protocol.md 3.1). */
export const ScopeId = storable().regex(/^(personal|team):[A-Za-z0-9_-]{1,64}$/);

/**
 * The "did you try it?" follow-up of a capture saved as a tip to try (issue 3: learners who note what they will try and are asked later whether they did).
 * `dueAt` is when it comes back (saved time + the follow-up delay setting); `answer` is what the
 * learner says happened (plain text), kept as evidence of applying it.
 */
export const FollowUp = z.strictObject({
  /** epoch ms, client clock */
  dueAt: z.number().int(),
  /** Plain text, line breaks kept; null until answered. */
  answer: storable().max(20_000).nullable(),
  /** epoch ms, client clock; null until answered. */
  answeredAt: z.number().int().nullable(),
});
export type FollowUp = z.infer<typeof FollowUp>;

/**
 * A stored capture: the draft plus library fields. `key` (`<platform>:<postId>`) is unique per
 * scope, so saving the same post twice gives one capture.
 */
export const Capture = CaptureDraft.extend({
  id: z.uuid(),
  key: storable().max(600),
  scopeId: ScopeId,
  intent: Intent.nullable(),
  note: storable().max(20_000).nullable(),
  /** Tag labels (lib/schema/tag.ts `normalizeTags`): one per tag key, the scope's first spelling. */
  tags: z.array(storable().max(64)).max(100),
  collectionIds: z.array(z.uuid()).max(100),
  /** epoch ms, client clock */
  capturedAt: z.number().int(),
  /** epoch ms, client clock */
  updatedAt: z.number().int(),
  /** epoch ms; set when a later visit completed a flagged capture */
  completedAt: z.number().int().nullable(),
  /** epoch ms; tombstone (soft delete). A deleted capture is hidden from every query. */
  deletedAt: z.number().int().nullable(),
  /** epoch ms; when the learner marked it reviewed (the Review view), else null. */
  reviewedAt: z.number().int().nullable(),
  /** epoch ms; when the learner archived it (out of the review queue), else null. */
  archivedAt: z.number().int().nullable(),
  /** "What I will apply": plain text written while reviewing, line breaks kept. */
  reflection: storable().max(20_000).nullable(),
  /** Set for intent `tip`: the later "Did you try it?" question and its answer. */
  followUp: FollowUp.nullable(),
  /** epoch ms: when the learner last copied a "Start a conversation" prompt (issue 11); absent on older rows. */
  conversationStartedAt: z.number().int().nullable().optional(),
  /** Team captures: the comment pinned as the answer of a "question to discuss" (issue 11); absent = none. */
  answerCommentId: z.uuid().nullable().optional(),
});
export type Capture = z.infer<typeof Capture>;

/** The dedup key of a post: `<platform>:<postId>`. */
export function captureKey(d: Pick<CaptureDraft, 'platform' | 'postId'>): string {
  return `${d.platform}:${d.postId}`;
}

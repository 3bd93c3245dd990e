/**
 * The team digest (issue 11, docs/discussion.md "Digest"): ONE pure function from plain rows to the
 * `Digest` of lib/schema/digest.ts. The server (`GET /v1/teams/:teamId/digest`, server/src/digest/rows.ts)
 * and the library offline (lib/db/digest-rows.ts, from the device's synced rows) both call it, so a
 * digest reads the same wherever it is built.
 *
 * Imports are relative and DOM-free: the server compiles this file (docs/architecture.md 6.2 rule 2).
 */
import { MAX_DIGEST_ITEMS, type Digest, type DigestContributor, type DigestItem, type DigestPerson } from '../schema/digest';
import type { Intent, Platform } from '../schema/capture';
import type { Member } from '../schema/api';
import type { ReactionKind, ReactionTarget } from '../schema/discussion';
import { safeHttpUrl } from '../util/url';
import { excerptOf } from './excerpt';

/** A team capture as the digest needs it. Times are epoch ms (server clock). */
export interface DigestCaptureRow {
  id: string;
  /** who shared it into the team (the server's `owner_user_id`) */
  ownerUserId: string;
  /** when it was shared */
  createdAt: number;
  intent: Intent | null;
  /** the sharer's "why this is worth reading" (for a question: the question) */
  note: string | null;
  /** the comment pinned as the answer (`markAnswered`), or null */
  answerCommentId: string | null;
  platform: Platform;
  /** the post's author name as the site showed it */
  postAuthor: string | null;
  title: string | null;
  text: string;
  /** any string; only an http(s) URL reaches the digest */
  permalink: string | null;
  /** set on a deleted capture (its tombstone); such a capture is left out */
  deletedAt: number | null;
}

/** A comment as the digest needs it (a comment made before the range may be left out, unless it is a pinned answer). */
export interface DigestCommentRow {
  id: string;
  captureId: string;
  parentId: string | null;
  authorUserId: string;
  body: string;
  createdAt: number;
  /** a tombstone: never counted, never shown */
  deleted: boolean;
}

/** A present reaction (a cleared one is simply not passed). */
export interface DigestReactionRow {
  targetKind: ReactionTarget;
  targetId: string;
  /** the capture the target belongs to */
  captureId: string;
  userId: string;
  kind: ReactionKind;
  createdAt: number;
}

/**
 * What {@link buildDigest} reads. `range` is `[from, to)` in epoch ms. The rows may hold more than
 * the range (they are filtered here); they must hold at least: every capture shared in the range or
 * commented/reacted on in it, every comment and reaction made in it, and the pinned answer comment of
 * every "question to discuss" among the captures.
 */
export interface DigestInput {
  team: { id: string; name: string };
  range: { from: number; to: number };
  members: readonly Member[];
  captures: readonly DigestCaptureRow[];
  comments: readonly DigestCommentRow[];
  reactions: readonly DigestReactionRow[];
}

/** Per capture: activity inside the range. */
interface Activity {
  comments: number;
  reactions: number;
}

const byScoreThenId = (score: (id: string) => number) => (a: DigestCaptureRow, b: DigestCaptureRow) =>
  score(b.id) - score(a.id) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const byTimeThenId = (a: DigestCaptureRow, b: DigestCaptureRow) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Builds the digest of one team for `input.range` (docs/discussion.md "Digest"):
 * - `top`: captures (not questions nor first shares: they have their own lists) shared, commented on
 *   or reacted to in the range, by score (reactions + 2 × comments in range; reactions on a capture's comments count
 *   for the capture), best first;
 * - `openQuestions` / `answeredQuestions`: "question to discuss" captures shared or discussed in the
 *   range without / with a live pinned answer (an answer pinned in the range counts too);
 * - `firstShares`: the first share (not a question) of each member who joined in the range (not the
 *   team's founder), oldest first. Every capture appears in one list only;
 * - `contributors`: everyone who shared, commented or wrote a pinned answer in the range, most
 *   active first; a member who opted out of spotlights, or who is no longer a member, has `name` null;
 * - `totals`: captures shared, comments and reactions made in the range.
 * Deleted captures and comments never count. Every list holds at most MAX_DIGEST_ITEMS items; ties
 * are broken by id, so the same rows always give the same digest. Pure; throws nothing.
 */
export function buildDigest(input: DigestInput): Digest {
  const { from, to } = input.range;
  const inRange = (t: number) => t >= from && t < to;
  const captures = new Map<string, DigestCaptureRow>();
  for (const c of input.captures) if (c.deletedAt === null) captures.set(c.id, c);
  const commentById = new Map<string, DigestCommentRow>();
  const deletedComments = new Set<string>();
  for (const c of input.comments) {
    if (c.deleted) deletedComments.add(c.id);
    else if (captures.has(c.captureId)) commentById.set(c.id, c);
  }

  const activity = new Map<string, Activity>();
  const act = (id: string) => activity.get(id) ?? activity.set(id, { comments: 0, reactions: 0 }).get(id)!;
  const totals = { captures: 0, comments: 0, reactions: 0 };
  for (const c of commentById.values()) {
    if (!inRange(c.createdAt)) continue;
    act(c.captureId).comments++;
    totals.comments++;
  }
  for (const r of input.reactions) {
    if (!inRange(r.createdAt) || !captures.has(r.captureId)) continue;
    if (r.targetKind === 'comment' && deletedComments.has(r.targetId)) continue; // its comment is gone
    act(r.captureId).reactions++;
    totals.reactions++;
  }
  const score = (id: string) => {
    const a = activity.get(id);
    return a ? a.reactions + 2 * a.comments : 0;
  };
  /** The live pinned answer of a question capture, or null. */
  const answerOf = (c: DigestCaptureRow) => {
    const a = c.intent === 'question' && c.answerCommentId ? commentById.get(c.answerCommentId) : undefined;
    return a && a.captureId === c.id ? a : null;
  };

  const people = personLookup(input.members);
  const contributors = new Map<string, DigestContributor>();
  const credit = (userId: string, what: 'shares' | 'comments' | 'answers') => {
    const c = contributors.get(userId) ?? contributors.set(userId, { ...people(userId), shares: 0, comments: 0, answers: 0 }).get(userId)!;
    c[what]++;
  };

  const relevant: DigestCaptureRow[] = [];
  for (const c of captures.values()) {
    const shared = inRange(c.createdAt);
    if (shared) {
      totals.captures++;
      credit(c.ownerUserId, 'shares');
    }
    const answer = answerOf(c);
    if (answer && inRange(answer.createdAt)) credit(answer.authorUserId, 'answers');
    if (shared || activity.has(c.id) || (answer && inRange(answer.createdAt))) relevant.push(c);
  }
  for (const c of commentById.values()) if (inRange(c.createdAt)) credit(c.authorUserId, 'comments');

  const item = (c: DigestCaptureRow): DigestItem => {
    const a = activity.get(c.id);
    const answer = answerOf(c);
    return {
      captureId: c.id,
      platform: c.platform,
      postAuthor: c.postAuthor,
      excerpt: c.title?.trim() ? excerptOf(c.title) : excerptOf(c.text),
      permalink: safeHttpUrl(c.permalink),
      intent: c.intent,
      sharedBy: people(c.ownerUserId),
      note: c.note,
      sharedAt: c.createdAt,
      reactions: a?.reactions ?? 0,
      comments: a?.comments ?? 0,
      answer: answer ? { by: people(answer.authorUserId), excerpt: excerptOf(answer.body) } : null,
    };
  };
  const ranked = relevant.sort(byScoreThenId(score));
  const list = (rows: DigestCaptureRow[]) => rows.slice(0, MAX_DIGEST_ITEMS).map(item);
  // Each capture is listed once: questions in their own two lists, new members' first shares in
  // theirs (their welcome), and the top of the rest.
  const questions = ranked.filter((c) => c.intent === 'question');
  const firstShares = firstSharesOf(input.members, captures.values(), inRange).filter((c) => c.intent !== 'question');
  const welcomed = new Set(firstShares.map((c) => c.id));
  const top = ranked.filter((c) => c.intent !== 'question' && !welcomed.has(c.id));

  return {
    teamId: input.team.id,
    teamName: input.team.name,
    from,
    to,
    top: list(top),
    openQuestions: list(questions.filter((c) => !answerOf(c))),
    answeredQuestions: list(questions.filter((c) => answerOf(c))),
    firstShares: list(firstShares),
    contributors: [...contributors.values()].sort(
      (a, b) => b.shares + b.comments + b.answers - (a.shares + a.comments + a.answers) || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0),
    ),
    totals,
  };
}

/** userId → the person as a digest credits them: named only when a member who allows spotlights. */
function personLookup(members: readonly Member[]): (userId: string) => DigestPerson {
  const byId = new Map(members.map((m) => [m.userId, m]));
  return (userId) => {
    const m = byId.get(userId);
    return { userId, name: m && m.spotlight ? m.displayName : null };
  };
}

/**
 * The earliest capture shared in the range by each member who joined in it (at or after joining),
 * oldest first. The team's first member (who made it) is not a new member: a digest of the team's
 * first week would otherwise welcome its founder.
 */
function firstSharesOf(members: readonly Member[], captures: Iterable<DigestCaptureRow>, inRange: (t: number) => boolean): DigestCaptureRow[] {
  const founded = Math.min(...members.map((m) => m.joinedAt));
  const joined = new Map(members.filter((m) => inRange(m.joinedAt) && m.joinedAt > founded).map((m) => [m.userId, m.joinedAt]));
  const first = new Map<string, DigestCaptureRow>();
  for (const c of captures) {
    const at = joined.get(c.ownerUserId);
    if (at === undefined || !inRange(c.createdAt) || c.createdAt < at) continue;
    const cur = first.get(c.ownerUserId);
    if (!cur || byTimeThenId(c, cur) < 0) first.set(c.ownerUserId, c);
  }
  return [...first.values()].sort(byTimeThenId);
}

/**
 * The team digest offline (issue 11, docs/discussion.md "Digest"): the rows `buildDigest`
 * (lib/digest/build.ts) reads, taken from this device's synced copy of a team when the server cannot
 * be reached. The library says "Built from this device's copy" next to such a digest.
 *
 * Differences from the server's rows: a capture's share time is the time stamped in its UUIDv7 id (the
 * sharing device's clock; the server's `created_at` is not kept locally); deleted comments are simply
 * absent (their tombstones removed them); comments still in the outbox count with their local time.
 * lib/db may not import lib/digest (docs/architecture.md 6.2), so the shape is spelled out here and
 * matches `DigestInput` structurally (the library checks it where it calls `buildDigest`).
 */
import type { Intent, Member, Platform, ReactionKind, ReactionTarget } from '../schema';
import { uuidTime } from '../util/uuid';
import type { SatchelDb } from './database';
import { readMembers } from './members';

/** The rows of a team digest as this device holds them (= lib/digest `DigestInput`). */
export interface LocalDigestRows {
  team: { id: string; name: string };
  range: { from: number; to: number };
  members: Member[];
  captures: Array<{
    id: string; ownerUserId: string; createdAt: number; intent: Intent | null; note: string | null; answerCommentId: string | null;
    platform: Platform; postAuthor: string | null; title: string | null; text: string; permalink: string | null; deletedAt: number | null;
  }>;
  comments: Array<{ id: string; captureId: string; parentId: string | null; authorUserId: string; body: string; createdAt: number; deleted: boolean }>;
  reactions: Array<{ targetKind: ReactionTarget; targetId: string; captureId: string; userId: string; kind: ReactionKind; createdAt: number }>;
}

/**
 * Reads team scope `scopeId` (`team:<teamId>`, named `teamName`) for `[from, to)` (epoch ms): its cached
 * members, the comments and reactions made in the range, the captures shared in it or discussed in it,
 * and the pinned answers of its questions. Read-only.
 */
export async function readLocalDigestRows(db: SatchelDb, scopeId: string, teamName: string, from: number, to: number): Promise<LocalDigestRows> {
  const inRange = (t: number) => t >= from && t < to;
  const comments = await db.comments.where('[scopeId+createdAt]').between([scopeId, from], [scopeId, to], true, false).toArray();
  const reactions = (await db.reactions.where('scopeId').equals(scopeId).toArray()).filter((r) => inRange(r.createdAt));
  const discussed = new Set([...comments.map((c) => c.captureId), ...reactions.map((r) => r.captureId)]);
  const captures = await db.captures
    .where('scopeId')
    .equals(scopeId)
    .filter((c) => c.deletedAt === null && (discussed.has(c.id) || inRange(uuidTime(c.id) ?? c.capturedAt)))
    .toArray();
  const metas = await db.syncMeta.bulkGet(captures.map((c) => c.id));
  const have = new Set(comments.map((c) => c.id));
  const answerIds = captures.map((c) => c.answerCommentId).filter((id): id is string => !!id && !have.has(id));
  const answers = (await db.comments.bulkGet(answerIds)).filter((c) => c !== undefined);
  return {
    team: { id: scopeId.slice('team:'.length), name: teamName },
    range: { from, to },
    members: (await readMembers(db, scopeId)).members,
    captures: captures.map((c, i) => ({
      id: c.id,
      ownerUserId: metas[i]?.ownerUserId ?? '',
      createdAt: uuidTime(c.id) ?? c.capturedAt,
      intent: c.intent,
      note: c.note,
      answerCommentId: c.answerCommentId ?? null,
      platform: c.platform,
      postAuthor: c.author?.name ?? null,
      title: c.title,
      text: c.text,
      permalink: c.permalink,
      deletedAt: c.deletedAt,
    })),
    comments: [...comments, ...answers].map((c) => ({ id: c.id, captureId: c.captureId, parentId: c.parentId, authorUserId: c.authorUserId, body: c.body, createdAt: c.createdAt, deleted: false })),
    reactions: reactions.map((r) => ({ targetKind: r.targetKind, targetId: r.targetId, captureId: r.captureId, userId: r.userId, kind: r.kind, createdAt: r.createdAt })),
  };
}

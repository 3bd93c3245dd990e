/**
 * The rows of a team digest (issue 11, docs/discussion.md "Digest"), read with SQL bounded by the
 * range through the `(scope_id, created_at)` indexes of migration 004, then handed to the same pure
 * `buildDigest` the extension uses offline (lib/digest/build.ts).
 *
 * Reads, in order: the team and its members; the comments and present reactions made in the range;
 * the live captures shared in the range, plus those the range's comments and reactions are on; the
 * pinned answers of the question captures among them that the range does not hold. Five to seven
 * indexed queries, whatever the team's size.
 */
import type { Kysely } from 'kysely';
import type { Member } from '../../../lib/schema';
import type { Intent, Platform } from '../../../lib/schema/capture';
import type { ReactionKind } from '../../../lib/schema/discussion';
import type { Digest } from '../../../lib/schema/digest';
import { buildDigest, type DigestCaptureRow, type DigestCommentRow, type DigestInput, type DigestReactionRow } from '../../../lib/digest/build';
import type { DB } from '../db/schema';

/** Ids per `IN (…)` list, well under SQLite's and PostgreSQL's bound-parameter limits. */
const IN_CHUNK = 500;

async function inChunks<T>(ids: readonly string[], read: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += IN_CHUNK) out.push(...(await read(ids.slice(i, i + IN_CHUNK))));
  return out;
}

const captureColumns = ['id', 'owner_user_id', 'created_at', 'intent', 'note', 'answer_comment_id', 'platform', 'content_json', 'deleted_at'] as const;
const commentColumns = ['id', 'capture_id', 'parent_id', 'author_user_id', 'body', 'created_at', 'deleted_at'] as const;

/**
 * A stored capture as the digest reads it: the post's author, title, text and link come from the
 * draft JSON, parsed only when read (buildDigest reads them for the few captures it lists, so a
 * year's digest does not parse thousands of drafts).
 */
function captureRow(r: { id: string; owner_user_id: string; created_at: number; intent: string | null; note: string | null; answer_comment_id: string | null; platform: string; content_json: string; deleted_at: number | null }): DigestCaptureRow {
  type Draft = { author?: { name?: string } | null; title?: string | null; text?: string; permalink?: string | null };
  let parsed: Draft | undefined;
  const draft = () => (parsed ??= JSON.parse(r.content_json) as Draft);
  return {
    id: r.id,
    ownerUserId: r.owner_user_id,
    createdAt: Number(r.created_at),
    intent: r.intent as Intent | null,
    note: r.note,
    answerCommentId: r.answer_comment_id,
    platform: r.platform as Platform,
    get postAuthor() {
      return draft().author?.name ?? null;
    },
    get title() {
      return draft().title ?? null;
    },
    get text() {
      return draft().text ?? '';
    },
    get permalink() {
      return draft().permalink ?? null;
    },
    deletedAt: r.deleted_at === null ? null : Number(r.deleted_at),
  };
}

function commentRow(r: { id: string; capture_id: string; parent_id: string | null; author_user_id: string; body: string; created_at: number; deleted_at: number | null }): DigestCommentRow {
  return { id: r.id, captureId: r.capture_id, parentId: r.parent_id, authorUserId: r.author_user_id, body: r.body, createdAt: Number(r.created_at), deleted: r.deleted_at !== null };
}

/**
 * Reads the digest rows of team `teamId` (scope `team:<teamId>`) for `[from, to)` (epoch ms).
 * The caller has checked membership. @returns null when the team does not exist.
 */
export async function readDigestInput(db: Kysely<DB>, teamId: string, from: number, to: number): Promise<DigestInput | null> {
  const scopeId = `team:${teamId}`;
  const team = await db.selectFrom('teams').select(['id', 'name']).where('id', '=', teamId).executeTakeFirst();
  if (!team) return null;
  const members: Member[] = (
    await db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select(['users.id', 'users.display_name', 'memberships.role', 'memberships.created_at', 'memberships.spotlight'])
      .where('memberships.scope_id', '=', scopeId)
      .execute()
  ).map((m) => ({ userId: m.id, displayName: m.display_name, role: m.role, joinedAt: Number(m.created_at), spotlight: Number(m.spotlight) !== 0 }));

  const comments = (
    await db.selectFrom('comments').select(commentColumns).where('scope_id', '=', scopeId).where('created_at', '>=', from).where('created_at', '<', to).execute()
  ).map(commentRow);
  const reactions: DigestReactionRow[] = (
    await db
      .selectFrom('reactions')
      .select(['target_kind', 'target_id', 'capture_id', 'user_id', 'kind', 'created_at'])
      .where('scope_id', '=', scopeId)
      .where('created_at', '>=', from)
      .where('created_at', '<', to)
      .where('present', '=', 1)
      .execute()
  ).map((r) => ({ targetKind: r.target_kind, targetId: r.target_id, captureId: r.capture_id, userId: r.user_id, kind: r.kind as ReactionKind, createdAt: Number(r.created_at) }));

  const captures = (
    await db.selectFrom('captures').select(captureColumns).where('scope_id', '=', scopeId).where('created_at', '>=', from).where('created_at', '<', to).where('deleted_at', 'is', null).execute()
  ).map(captureRow);
  const have = new Set(captures.map((c) => c.id));
  const discussed = [...new Set([...comments.map((c) => c.captureId), ...reactions.map((r) => r.captureId)])].filter((id) => !have.has(id));
  captures.push(
    ...(
      await inChunks(discussed, (ids) => db.selectFrom('captures').select(captureColumns).where('scope_id', '=', scopeId).where('id', 'in', ids).where('deleted_at', 'is', null).execute())
    ).map(captureRow),
  );

  // Pinned answers written before the range (the question is listed, its answer credited by name).
  const known = new Set(comments.map((c) => c.id));
  const answers = captures.filter((c) => c.intent === 'question' && c.answerCommentId && !known.has(c.answerCommentId)).map((c) => c.answerCommentId!);
  comments.push(...(await inChunks(answers, (ids) => db.selectFrom('comments').select(commentColumns).where('scope_id', '=', scopeId).where('id', 'in', ids).execute())).map(commentRow));

  return { team: { id: team.id, name: team.name }, range: { from, to }, members, captures, comments, reactions };
}

/** The digest of team `teamId` for `[from, to)`, or null when the team does not exist. */
export async function teamDigest(db: Kysely<DB>, teamId: string, from: number, to: number): Promise<Digest | null> {
  const input = await readDigestInput(db, teamId, from, to);
  return input ? buildDigest(input) : null;
}

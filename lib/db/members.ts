/**
 * Team members as this device last fetched them (`GET /v1/teams/:teamId/members`), kept per team
 * scope in kv so names, mention autocomplete, credit and What's new work offline (issue 11).
 * Refreshed by the library/options pages and the background after a sync run when online.
 */
import { REACTION_KINDS, type Capture, type Member, type ReactionKind } from '../schema';
import type { CommentRow, SatchelDb } from './database';
import { uuidTime } from '../util/uuid';

/** kv key prefix of a team's cached member list: `teamMembers:<scopeId>`. */
export const TEAM_MEMBERS_KEY = 'teamMembers:';

/** A cached member list and when it was fetched (epoch ms, client clock). */
export interface CachedMembers {
  members: Member[];
  fetchedAt: number;
}

/** The cached members of team scope `scopeId` (`team:<id>`), or an empty list with `fetchedAt` 0. */
export async function readMembers(db: SatchelDb, scopeId: string): Promise<CachedMembers> {
  const v = (await db.kv.get(TEAM_MEMBERS_KEY + scopeId))?.value as CachedMembers | undefined;
  return v && Array.isArray(v.members) ? v : { members: [], fetchedAt: 0 };
}

/** Stores the member list of `scopeId` as fetched at `now`. */
export async function writeMembers(db: SatchelDb, scopeId: string, members: readonly Member[], now: number): Promise<void> {
  await db.kv.put({ key: TEAM_MEMBERS_KEY + scopeId, value: { members: [...members], fetchedAt: now } satisfies CachedMembers });
}

/** userId → display name over every cached team (for credit lines); unknown ids are absent. */
export async function memberNames(db: SatchelDb): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const rows = await db.kv.where('key').startsWith(TEAM_MEMBERS_KEY).toArray();
  for (const r of rows) for (const m of (r.value as CachedMembers).members ?? []) out.set(m.userId, m.displayName);
  return out;
}

/**
 * How a sharer is credited on a capture (docs/discussion.md "What's new and credit"): their name;
 * `hidden` when they opted out of spotlights (shown as "Shared by a team member"); `unknown` when
 * the member list has not been fetched yet or they left the team.
 */
export type Credit = { kind: 'named'; name: string } | { kind: 'hidden' } | { kind: 'unknown' };

/** The credit of `userId` among `members` (one team's cached list). Pure. */
export function creditOf(members: readonly Member[], userId: string | null | undefined): Credit {
  const m = userId ? members.find((x) => x.userId === userId) : undefined;
  if (!m) return { kind: 'unknown' };
  return m.spotlight ? { kind: 'named', name: m.displayName } : { kind: 'hidden' };
}

/** Every cached team's members, by team scope id (one kv range read). */
export async function readAllMembers(db: SatchelDb): Promise<Map<string, Member[]>> {
  const out = new Map<string, Member[]>();
  const rows = await db.kv.where('key').startsWith(TEAM_MEMBERS_KEY).toArray();
  for (const r of rows) out.set(r.key.slice(TEAM_MEMBERS_KEY.length), (r.value as CachedMembers).members ?? []);
  return out;
}

/** Drops the cache of a team this user left or lost (purge on revoke). */
export async function forgetMembers(db: SatchelDb, scopeId: string): Promise<void> {
  await db.kv.delete(TEAM_MEMBERS_KEY + scopeId);
}

/** Reaction counts per kind (lib/schema REACTION_KINDS). */
export type ReactionCounts = Record<ReactionKind, number>;

/** What a member did in a team, for their member page (docs/discussion.md "What's new and credit"). */
export interface MemberActivity {
  /** the member as cached, or null when unknown */
  member: Member | null;
  /** live captures they shared, newest share first, with the reactions each got */
  shared: Array<{ capture: Capture; reactions: ReactionCounts; comments: number }>;
  /** their comments pinned as answers, newest first, with the capture and the reactions the answer got */
  answers: Array<{ capture: Capture; comment: CommentRow; reactions: ReactionCounts }>;
  /** reactions on everything above, summed */
  totals: ReactionCounts;
}

const noCounts = (): ReactionCounts => Object.fromEntries(REACTION_KINDS.map((k) => [k, 0])) as ReactionCounts;

/**
 * The member page of `userId` in team scope `scopeId`: what they shared, their answers (comments
 * pinned as the answer of a question) and the reactions those got, from synced rows only.
 * Callers check `member.spotlight` before showing it (an opted-out member has no page).
 */
export async function memberActivity(db: SatchelDb, scopeId: string, userId: string): Promise<MemberActivity> {
  const { members } = await readMembers(db, scopeId);
  const metas = await db.syncMeta.where('scopeId').equals(scopeId).toArray();
  const sharedIds = metas.filter((m) => m.ownerUserId === userId).map((m) => m.id);
  const sharedRows = (await db.captures.bulkGet(sharedIds)).filter((c): c is Capture => !!c && c.deletedAt === null && c.scopeId === scopeId);
  const answered = await db.captures.where('[scopeId+capturedAt]').between([scopeId, -Infinity], [scopeId, Infinity]).filter((c) => c.deletedAt === null && !!c.answerCommentId).toArray();
  const answerComments = (await db.comments.bulkGet(answered.map((c) => c.answerCommentId!))).map((r, i) => [answered[i]!, r] as const).filter((x): x is readonly [Capture, CommentRow] => !!x[1] && x[1].authorUserId === userId);
  const targets = [...sharedRows.map((c) => c.id), ...answerComments.map(([, r]) => r.id)];
  const reactions = targets.length ? await db.reactions.where('targetId').anyOf(targets).toArray() : [];
  const totals = noCounts();
  const countsOf = (id: string) => {
    const out = noCounts();
    for (const r of reactions) if (r.targetId === id) out[r.kind]++;
    return out;
  };
  for (const r of reactions) totals[r.kind]++;
  const commentCounts = new Map<string, number>();
  if (sharedRows.length) for (const r of await db.comments.where('captureId').anyOf(sharedRows.map((c) => c.id)).toArray()) commentCounts.set(r.captureId, (commentCounts.get(r.captureId) ?? 0) + 1);
  const byShare = (c: Capture) => uuidTime(c.id) ?? c.capturedAt; // a shared copy's id is made when it is shared
  return {
    member: members.find((m) => m.userId === userId) ?? null,
    shared: sharedRows.sort((a, b) => byShare(b) - byShare(a)).map((capture) => ({ capture, reactions: countsOf(capture.id), comments: commentCounts.get(capture.id) ?? 0 })),
    answers: answerComments.map(([capture, comment]) => ({ capture, comment, reactions: countsOf(comment.id) })).sort((a, b) => b.comment.createdAt - a.comment.createdAt),
    totals,
  };
}

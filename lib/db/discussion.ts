/**
 * Conversations on team captures, the device side (issue 11, docs/discussion.md): the learner's
 * comments, replies, edits, deletes, reactions and pinned answers, each written to the local table
 * and queued in the outbox in ONE rw transaction (lib/db/mutations.ts invariant), so offline comments
 * are sent later and never lost; and the thread of a capture as the UI shows it.
 *
 * Rights mirror the server (docs/sync-protocol.md 4): any member comments and reacts (viewers too);
 * only the author edits a comment; the author or the team's owner deletes one; the capture's sharer
 * or the team's owner marks the answer. A write the local copy of the rights refuses throws
 * {@link DiscussionError} and queues nothing.
 *
 * The API surface was fixed by the lead (session 6); the bodies are the client-sync work.
 */
import { Dexie } from 'dexie';
import type { z } from 'zod';
import type { Capture, ReactionKind } from '../schema';
import { DiscussionMutationArgs, MAX_COMMENT_CHARS, MAX_MENTIONS } from '../schema/discussion';
import { toStorable } from '../schema/storable';
import { newId } from '../util/uuid';
import { systemClock, type Clock } from '../util/clock';
import type { CommentRow, ReactionRow, SatchelDb } from './database';
import { addMutation } from './outbox';
import { listTeamScopes, type TeamScope } from './share';
import { captureRight } from './team-rights';
import { patchCaptureIn } from './capture-writes';
import { stashCommentReactions } from './sync/shadow';

/** A write the learner may not make, or on something that is gone. `message` is a sentence a person reads. */
export class DiscussionError extends Error {
  override name = 'DiscussionError';
}

/** Reaction counts of one target, with who reacted (user ids, oldest first), per kind. */
export type ReactionSummary = Record<ReactionKind, { count: number; userIds: string[]; mine: boolean }>;

/** One comment as the UI shows it. */
export interface ThreadComment extends CommentRow {
  reactions: ReactionSummary;
  /** not yet acknowledged by the server (queued in the outbox) */
  pending: boolean;
  /** replies, oldest first (top-level comments only; replies have none) */
  replies: ThreadComment[];
}

/** The discussion of one capture. */
export interface Thread {
  captureId: string;
  scopeId: string;
  /** top-level comments oldest first; a deleted parent with live replies appears as a stub with `body` '' and `deleted` */
  comments: Array<ThreadComment & { deleted?: boolean }>;
  /** reactions on the capture itself */
  reactions: ReactionSummary;
  /** the pinned answer (a comment of this thread), or null */
  answer: ThreadComment | null;
  /** total live comments (replies included) */
  count: number;
  /** live comments (replies included) not on this page, shown by asking for a larger `limit`; 0 when the page is the whole thread */
  olderCount: number;
}

/** Options of every writer: `clock` for tests (epoch ms). */
export interface DiscussionOptions {
  clock?: Clock;
}

/** Tables every discussion write touches (the row, the capture, rights, and the outbox). */
const discussionTables = (db: SatchelDb) => [db.comments, db.reactions, db.captures, db.collections, db.tags, db.outbox, db.kv, db.syncMeta];

/** kv key of the captures whose "Start a conversation" prompt was used but cannot be synced: `{[captureId]: epoch ms}`. */
export const CONVERSATION_STARTS_KEY = 'conversationStarts';

/** The role of the learner in team scope `scopeId` (last pull), or throws: not a team this device knows the learner is in. */
async function teamRole(db: SatchelDb, scopeId: string): Promise<TeamScope['role']> {
  const team = scopeId.startsWith('team:') ? (await listTeamScopes(db)).find((t) => t.id === scopeId) : undefined;
  if (!team) throw new DiscussionError('Conversations are only on captures shared in a team you belong to.');
  return team.role;
}

/** The live team capture `captureId` and the learner's role in its team. @throws DiscussionError */
async function liveTeamCapture(db: SatchelDb, captureId: string): Promise<{ capture: Capture; role: TeamScope['role'] }> {
  const capture = await db.captures.get(captureId);
  if (!capture || capture.deletedAt !== null) throw new DiscussionError('This capture no longer exists.');
  return { capture, role: await teamRole(db, capture.scopeId) };
}

/** The comment `commentId`, or throws. */
async function liveComment(db: SatchelDb, commentId: string): Promise<CommentRow> {
  const row = await db.comments.get(commentId);
  if (!row) throw new DiscussionError('This comment no longer exists.');
  return row;
}

/** Parses mutation args with their lib/schema schema (which trims and cleans text); a refusal is a DiscussionError. */
function parseArgs<N extends keyof typeof DiscussionMutationArgs>(name: N, args: z.input<(typeof DiscussionMutationArgs)[N]>): z.output<(typeof DiscussionMutationArgs)[N]> {
  const r = DiscussionMutationArgs[name].safeParse(args);
  if (r.success) return r.data as z.output<(typeof DiscussionMutationArgs)[N]>;
  const issue = r.error.issues[0];
  if (issue?.path[0] === 'body') throw new DiscussionError(`A comment needs between 1 and ${MAX_COMMENT_CHARS} characters.`);
  if (issue?.path[0] === 'mentions') throw new DiscussionError(`A comment may mention at most ${MAX_MENTIONS} people.`);
  throw new DiscussionError(`That ${name} is not valid: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim());
}

/** Mentions as queued: cleaned, without duplicates, in the order given. */
const cleanMentions = (m: readonly string[] | undefined): string[] => [...new Set((m ?? []).map((x) => toStorable(x).trim()).filter((x) => x !== ''))];

const none = () => ({ count: 0, userIds: [] as string[], mine: false });
/** No reactions yet: every kind of lib/schema REACTION_KINDS at zero (a new kind fails to compile here). */
const emptySummary = (): ReactionSummary => ({ useful: none(), tried: none(), thanks: none() });

/** Reaction summaries per target id, from rows of one capture. */
function summarise(rows: readonly ReactionRow[], me: string | null): Map<string, ReactionSummary> {
  const out = new Map<string, ReactionSummary>();
  for (const r of [...rows].sort((a, b) => a.createdAt - b.createdAt)) {
    let s = out.get(r.targetId);
    if (!s) out.set(r.targetId, (s = emptySummary()));
    const k = s[r.kind];
    if (!k) continue;
    k.count += 1;
    k.userIds.push(r.userId);
    if (r.userId === me) k.mine = true;
  }
  return out;
}

/**
 * Of the comments `ids`, those with a `createComment` or `editComment` still in the outbox (not
 * acknowledged yet). Reads only the outbox rows naming them (index `args.id`, database version 5),
 * so a long offline queue costs nothing here.
 */
async function pendingCommentIds(db: SatchelDb, ids: readonly string[]): Promise<Set<string>> {
  const rows = ids.length ? await db.outbox.where('args.id').anyOf(ids).toArray() : [];
  return new Set(rows.filter((r) => r.name === 'createComment' || r.name === 'editComment').map((r) => r.args.id as string));
}

const byTime = (a: { createdAt: number; id: string }, b: { createdAt: number; id: string }) => a.createdAt - b.createdAt || a.id.localeCompare(b.id);

/** Options of {@link readThread}. */
export interface ReadThreadOptions {
  /** how many top-level comments to read, the newest (a positive integer); absent: the whole thread */
  limit?: number;
}

/**
 * The newest rows of one page of a thread: `tops` the page's top-level comments (newest first),
 * `newest` the newest rows read to find them, `stubs` ids of deleted top-level comments whose replies
 * are among those rows; `complete` when `newest` is the whole thread; `count` all live comments.
 */
interface NewestRows {
  tops: CommentRow[];
  newest: CommentRow[];
  stubs: string[];
  complete: boolean;
  count: number;
}

/** Rows of `parentId` equal to one of `ids`: one getAll per id (an `anyOf` walks a cursor, row by row, on the page's thread). */
const byParent = async (db: SatchelDb, ids: readonly string[]): Promise<CommentRow[]> => (await Promise.all(ids.map((id) => db.comments.where('parentId').equals(id).toArray()))).flat();

/**
 * The newest `limit` top-level comments of `captureId`, read with the newest rows of
 * `[captureId+createdAt]` in one reverse getAll, more of them while fewer than `limit + 1`
 * top-level comments are among them (a thread's newest rows may all be replies), beside the ids of
 * the whole thread (keys only: the count, and which parents are gone). Without a limit, one getAll
 * of the whole thread. Every read is a getAll: a Dexie cursor costs the page's main thread per row
 * (docs/discussion.md "Reading a page").
 */
async function readNewest(db: SatchelDb, captureId: string, limit: number): Promise<NewestRows> {
  const thread = () => db.comments.where('[captureId+createdAt]').between([captureId, Dexie.minKey], [captureId, Dexie.maxKey]).reverse();
  if (limit === Infinity) {
    const rows = await thread().toArray();
    return { tops: rows.filter((c) => c.parentId === null), newest: rows, stubs: [], complete: true, count: rows.length };
  }
  const idsRead = thread().primaryKeys();
  let want = Math.max(3 * limit, 20);
  let newest: CommentRow[];
  let tops: CommentRow[];
  for (;;) {
    newest = await thread().limit(want).toArray();
    tops = newest.filter((c) => c.parentId === null);
    if (tops.length > limit || newest.length < want) break;
    // Too few top-level comments among the newest rows: read as many more as their share says (at least
    // twice as many), or four times as many when there was none.
    want = tops.length ? Math.max(2 * want, Math.ceil(((want * (limit + 1)) / tops.length) * 1.2)) : 4 * want;
  }
  const ids = await idsRead;
  if (tops.length <= limit) return { tops, newest, stubs: [], complete: true, count: ids.length };
  const shown = new Set(tops.slice(0, limit).map((c) => c.id));
  const alive = new Set(ids);
  // A reply among the newest rows whose parent is gone: its deleted parent shows as a stub.
  const stubs = [...new Set(newest.flatMap((c) => (c.parentId !== null && !shown.has(c.parentId) && !alive.has(c.parentId) ? [c.parentId] : [])))];
  return { tops: tops.slice(0, limit), newest, stubs, complete: false, count: ids.length };
}

/** What {@link readThread} reads in its transaction. */
interface ThreadRows {
  capture: Capture | undefined;
  rows: CommentRow[];
  count: number;
  reactions: ReactionRow[];
  pending: Set<string>;
  /** the pinned answer when it is not among `rows` */
  older: CommentRow | undefined;
}

/**
 * Reads one page of a thread in few round trips (each waits for the page's busy main thread): the
 * newest rows; then, at once, the replies of the page, the reactions and outbox rows of every
 * comment already known to be on it, and the pinned answer; last, only if a reply was not among the
 * newest rows (an older one), its reactions and outbox rows.
 */
async function readRows(db: SatchelDb, captureId: string, limit: number): Promise<ThreadRows> {
  const [capture, page] = await Promise.all([db.captures.get(captureId), readNewest(db, captureId, limit)]);
  const answerId = capture?.answerCommentId ?? null;
  if (page.complete) {
    const ids = page.newest.map((c) => c.id);
    const [reactions, pending] = await Promise.all([db.reactions.where('captureId').equals(captureId).toArray(), pendingCommentIds(db, ids)]);
    return { capture, rows: page.newest, count: page.count, reactions, pending, older: undefined };
  }
  const parents = new Set([...page.tops.map((c) => c.id), ...page.stubs]);
  const known = new Set([...page.tops, ...page.newest.filter((c) => c.parentId !== null && parents.has(c.parentId))].map((c) => c.id));
  const extra = answerId === null || known.has(answerId) ? [] : [answerId];
  const [replies, reactions, pending, older] = await Promise.all([
    byParent(db, [...parents]),
    reactionsOf(db, [captureId, ...known, ...extra]),
    pendingCommentIds(db, [...known, ...extra]),
    extra.length ? db.comments.get(extra[0]!) : undefined,
  ]);
  const rows = [...page.tops, ...replies.filter((c) => c.captureId === captureId)];
  const late = rows.filter((c) => !known.has(c.id) && c.id !== extra[0]).map((c) => c.id);
  if (late.length) {
    const [r2, p2] = await Promise.all([reactionsOf(db, late), pendingCommentIds(db, late)]);
    reactions.push(...r2);
    for (const id of p2) pending.add(id);
  }
  return { capture, rows, count: page.count, reactions, pending, older };
}

/** The reaction rows on the targets `ids` (a capture, comments): one getAll per target. */
const reactionsOf = async (db: SatchelDb, ids: readonly string[]): Promise<ReactionRow[]> => (await Promise.all(ids.map((id) => db.reactions.where('targetId').equals(id).toArray()))).flat();

/** Top-level comments with their replies nested (oldest first), stubs for deleted parents, from the rows of one page. */
function nest(rows: readonly CommentRow[], captureId: string, view: (c: CommentRow) => ThreadComment): Thread['comments'] {
  const tops = new Map<string, ThreadComment & { deleted?: boolean }>();
  const replies: ThreadComment[] = [];
  for (const c of [...rows].sort(byTime)) {
    if (c.parentId === null) tops.set(c.id, view(c));
    else replies.push(view(c));
  }
  for (const r of replies) {
    let parent = tops.get(r.parentId!);
    if (!parent) {
      // The parent was deleted (replies stay): a stub keeps the replies in place.
      const stub: CommentRow = { id: r.parentId!, scopeId: r.scopeId, captureId, parentId: null, authorUserId: '', body: '', mentions: [], createdAt: r.createdAt, editedAt: null };
      tops.set(stub.id, (parent = { ...view(stub), pending: false, deleted: true }));
    }
    parent.replies.push(r);
  }
  return [...tops.values()].sort(byTime);
}

/**
 * The thread of capture `captureId` for the signed-in user `meUserId` (for `mine`; a promise of it
 * lets the caller's read of the user run beside the thread's). Read-only.
 * With `opts.limit`, only what a page shows (docs/discussion.md "Reading a page"): the newest
 * `limit` top-level comments with their replies, the reactions of the capture and of those
 * comments, the pinned answer (read by id when older than the page), the outbox rows naming them;
 * `count` and `olderCount` from the thread's keys. Without it, the whole thread (`olderCount` 0).
 */
export async function readThread(db: SatchelDb, captureId: string, meUserId: string | null | Promise<string | null>, opts: ReadThreadOptions = {}): Promise<Thread> {
  const limit = opts.limit ?? Infinity;
  const [read, me] = await Promise.all([db.transaction('r', [db.comments, db.reactions, db.captures, db.outbox], () => readRows(db, captureId, limit)), meUserId]);
  const { capture, rows, count, pending, older } = read;
  const answerId = capture?.answerCommentId ?? null;
  const summaries = summarise(read.reactions, me);
  const view = (c: CommentRow): ThreadComment => ({ ...c, reactions: summaries.get(c.id) ?? emptySummary(), pending: pending.has(c.id), replies: [] });
  const comments = nest(rows, captureId, view);
  const all: Array<ThreadComment & { deleted?: boolean }> = comments.flatMap((c) => [c, ...c.replies]);
  const answer = all.find((c) => c.id === answerId && !c.deleted) ?? (older?.captureId === captureId ? view(older) : null);
  return {
    captureId,
    scopeId: capture?.scopeId ?? rows[0]?.scopeId ?? '',
    comments,
    reactions: summaries.get(captureId) ?? emptySummary(),
    answer,
    count,
    olderCount: Math.max(0, count - rows.length),
  };
}

/**
 * Adds a comment (or a reply: `parentId`; a reply to a reply is filed under its parent) by `meUserId`
 * on team capture `captureId`. `body` is trimmed and cleaned (lib/schema toStorable); `mentions` are user ids.
 * @returns the new row. @throws DiscussionError when the capture is not a live team capture, or the text is empty/too long.
 */
export function addComment(db: SatchelDb, meUserId: string, captureId: string, body: string, opts: DiscussionOptions & { parentId?: string | null; mentions?: string[] } = {}): Promise<CommentRow> {
  const clock = opts.clock ?? systemClock;
  return db.transaction('rw', discussionTables(db), async () => {
    const { capture } = await liveTeamCapture(db, captureId);
    let parentId: string | null = null;
    if (opts.parentId) {
      const parent = await db.comments.get(opts.parentId);
      if (!parent || parent.captureId !== captureId) throw new DiscussionError('The comment you reply to no longer exists.');
      parentId = parent.parentId ?? parent.id; // one level of threading: a reply to a reply files under its parent
    }
    const args = parseArgs('createComment', { id: newId(), captureId, parentId, body: toStorable(body), mentions: cleanMentions(opts.mentions) });
    const now = clock();
    const row: CommentRow = { id: args.id, scopeId: capture.scopeId, captureId, parentId, authorUserId: meUserId, body: args.body, mentions: args.mentions, createdAt: now, editedAt: null };
    await db.comments.add(row);
    await addMutation(db, 'createComment', args, now);
    return row;
  });
}

/** Edits one's own comment. @throws DiscussionError when it is not `meUserId`'s or is gone. */
export function editComment(db: SatchelDb, meUserId: string, commentId: string, body: string, opts: DiscussionOptions & { mentions?: string[] } = {}): Promise<CommentRow> {
  const clock = opts.clock ?? systemClock;
  return db.transaction('rw', discussionTables(db), async () => {
    const old = await liveComment(db, commentId);
    if (old.authorUserId !== meUserId) throw new DiscussionError('Only its author can edit a comment.');
    await teamRole(db, old.scopeId);
    const args = parseArgs('editComment', { id: commentId, body: toStorable(body), mentions: cleanMentions(opts.mentions ?? old.mentions) });
    if (args.body === old.body && JSON.stringify(args.mentions) === JSON.stringify(old.mentions)) return old;
    const now = clock();
    const row: CommentRow = { ...old, body: args.body, mentions: args.mentions, editedAt: now };
    await db.comments.put(row);
    await addMutation(db, 'editComment', args, now);
    return row;
  });
}

/** Deletes a comment (its author or the team's owner); its reactions go too, replies stay. @throws DiscussionError */
export function deleteComment(db: SatchelDb, meUserId: string, commentId: string, opts: DiscussionOptions = {}): Promise<void> {
  const clock = opts.clock ?? systemClock;
  return db.transaction('rw', discussionTables(db), async () => {
    const old = await liveComment(db, commentId);
    const role = await teamRole(db, old.scopeId);
    if (old.authorUserId !== meUserId && role !== 'owner') throw new DiscussionError('Only its author or the team’s owner can delete a comment.');
    await db.comments.delete(commentId);
    // Its reactions go too; they are kept with the comment's server shadow until the server confirms (a refused delete brings them back).
    await stashCommentReactions(db, commentId, await db.reactions.where('targetId').equals(commentId).toArray());
    await db.reactions.where('targetId').equals(commentId).delete();
    // The server clears a pinned answer whose comment goes (docs/discussion.md "Records"); so does this copy.
    const capture = await db.captures.get(old.captureId);
    if (capture && capture.answerCommentId === commentId) await db.captures.put({ ...capture, answerCommentId: null });
    await addMutation(db, 'deleteComment', { id: commentId }, clock());
  });
}

/** Sets or clears `meUserId`'s reaction `kind` on a capture or comment. Idempotent. @throws DiscussionError when the target is gone. */
export function setReaction(db: SatchelDb, meUserId: string, target: { kind: ReactionRow['targetKind']; id: string }, kind: ReactionKind, present: boolean, opts: DiscussionOptions = {}): Promise<void> {
  const clock = opts.clock ?? systemClock;
  return db.transaction('rw', discussionTables(db), async () => {
    let captureId = target.id;
    if (target.kind === 'comment') captureId = (await liveComment(db, target.id)).captureId;
    const { capture } = await liveTeamCapture(db, captureId);
    const args = parseArgs('setReaction', { targetKind: target.kind, targetId: target.id, kind, present });
    const key: [string, string, string] = [target.id, meUserId, kind];
    const has = (await db.reactions.get(key)) !== undefined;
    if (has === present) return; // already so: nothing to tell the server
    const now = clock();
    if (present) await db.reactions.put({ targetKind: target.kind, targetId: target.id, captureId, scopeId: capture.scopeId, userId: meUserId, kind, createdAt: now });
    else await db.reactions.delete(key);
    await addMutation(db, 'setReaction', args, now);
  });
}

/** Pins `commentId` as the answer of capture `captureId` (null clears). The sharer or the team's owner. @throws DiscussionError */
export function markAnswered(db: SatchelDb, meUserId: string, captureId: string, commentId: string | null, opts: DiscussionOptions = {}): Promise<void> {
  const clock = opts.clock ?? systemClock;
  return db.transaction('rw', discussionTables(db), async () => {
    const { capture, role } = await liveTeamCapture(db, captureId);
    // The sharer owns the team copy; a share not synced yet (no owner known) is the learner's own.
    const owner = (await db.syncMeta.get(captureId))?.ownerUserId;
    if (role !== 'owner' && owner !== undefined && owner !== meUserId) throw new DiscussionError('Only who shared this question or the team’s owner can mark its answer.');
    if (role === 'viewer' && owner === undefined) throw new DiscussionError('Only who shared this question or the team’s owner can mark its answer.');
    if (commentId !== null) {
      const c = await db.comments.get(commentId);
      if (!c || c.captureId !== captureId) throw new DiscussionError('That reply is not in this discussion.');
    }
    if ((capture.answerCommentId ?? null) === commentId) return;
    const args = parseArgs('markAnswered', { captureId, commentId });
    await db.captures.put({ ...capture, answerCommentId: commentId });
    await addMutation(db, 'markAnswered', args, clock());
  });
}

/**
 * Records that a "Start a conversation" prompt was copied for `captureId` (library field
 * `conversationStartedAt`, synced when the capture is the learner's to change). When it is
 * (lib/db/team-rights.ts `captureRight` = `all`: every personal capture, a team capture they
 * shared, any capture of a team they own) the field is set on the row and queued as
 * `updateCapture {id, baseVersion, set: {conversationStartedAt}}`. Otherwise (another member's
 * team capture) nothing is queued: the time is kept only on this device, in kv
 * {@link CONVERSATION_STARTS_KEY}; {@link conversationStartedAt} reads both.
 * @throws DiscussionError when the capture is unknown or deleted.
 */
export function recordConversationStarted(db: SatchelDb, captureId: string, opts: DiscussionOptions = {}): Promise<void> {
  const clock = opts.clock ?? systemClock;
  return db.transaction('rw', discussionTables(db), async () => {
    const capture = await db.captures.get(captureId);
    if (!capture || capture.deletedAt !== null) throw new DiscussionError('This capture no longer exists.');
    const now = clock();
    if ((await captureRight(db, capture)) === 'all') {
      await patchCaptureIn(db, captureId, { conversationStartedAt: now }, now);
      return;
    }
    const starts = ((await db.kv.get(CONVERSATION_STARTS_KEY))?.value as Record<string, number> | undefined) ?? {};
    await db.kv.put({ key: CONVERSATION_STARTS_KEY, value: { ...starts, [captureId]: now } });
  });
}

/** When a "Start a conversation" prompt was last used for `captureId` (epoch ms), synced field or this device's record; null when never. */
export async function conversationStartedAt(db: SatchelDb, captureId: string): Promise<number | null> {
  const [capture, starts] = await Promise.all([db.captures.get(captureId), db.kv.get(CONVERSATION_STARTS_KEY)]);
  const local = (starts?.value as Record<string, number> | undefined)?.[captureId] ?? null;
  const synced = capture?.conversationStartedAt ?? null;
  return synced === null ? local : local === null ? synced : Math.max(synced, local);
}

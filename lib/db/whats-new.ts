/**
 * "What's new" (issue 11, docs/discussion.md "What's new and credit"): what happened in the
 * learner's teams since they last looked, computed from synced rows only (no server push):
 * - `capture`: a team capture shared by someone else;
 * - `mention`: a comment that mentions me; `reply`: a reply to my comment; `comment`: a comment on
 *   a capture I shared (one item per comment, in that order of precedence);
 * - `answered`: a "question to discuss" whose answer got pinned (not on questions I shared: the
 *   sharer is the one who pins).
 *
 * Read state (kv {@link WHATS_NEW_KEY}): per team a watermark (epoch ms; items at or before it are
 * read) plus a bounded set of item ids read one by one. A team gets its watermark the first time a
 * sync run sees it ({@link startWhatsNew}), so a freshly signed-in device, or a team just joined,
 * does not show its history as unread; a team without a watermark yet shows nothing unread.
 * Items older than {@link WINDOW_MS} are never listed nor counted.
 * Muted teams (kv {@link MUTED_TEAMS_KEY}) are listed apart and not counted in the badge.
 *
 * Times: a comment's `createdAt` (server clock); a shared capture's time is the time stamp of its
 * UUIDv7 id, which the sharer's device made when sharing (docs/sync-protocol.md 9.1: share =
 * copy), since the local row keeps the original `capturedAt`; an answer's time is the capture's
 * `updatedAt` when pulled (server clock).
 */
import type { CaptureRow, CommentRow, SatchelDb } from './database';
import { listTeamScopes } from './share';
import { readSyncAuth } from './sync-state';
import { uuidTime } from '../util/uuid';

/** kv key of the read state ({@link WhatsNewState}). */
export const WHATS_NEW_KEY = 'whatsNew';
/** kv key of the muted team scope ids (`string[]`). */
export const MUTED_TEAMS_KEY = 'mutedTeams';
/** Items older than this (ms before now) are neither listed nor counted: 14 days. */
export const WINDOW_MS = 14 * 24 * 3600_000;
/** Most item ids kept as read one by one (oldest dropped first). */
export const MAX_READ_IDS = 1000;
/** How far apart the sharer's clock (a copy's id) and the server's (`updatedAt`) may be, ms. */
const SKEW_MS = 3600_000;
/** Most items {@link listWhatsNew} returns. */
export const MAX_ITEMS = 200;

/** What kind of news an item is (see the module comment). */
export type WhatsNewKind = 'capture' | 'mention' | 'reply' | 'comment' | 'answered';

/** One item of What's new. */
export interface WhatsNewItem {
  /** stable id: `capture:<captureId>`, `comment:<commentId>` or `answered:<captureId>:<commentId>` */
  id: string;
  kind: WhatsNewKind;
  /** team scope id (`team:<id>`) */
  scopeId: string;
  captureId: string;
  /** the comment (mention, reply, comment) or the pinned answer (answered); null for `capture` */
  commentId: string | null;
  /** who did it: the sharer, the commenter, or the answer's author; null when unknown */
  actorUserId: string | null;
  /** epoch ms (see the module comment) */
  at: number;
  unread: boolean;
  /** the team is muted: listed apart, not counted */
  muted: boolean;
}

/** The read state kept in kv. */
export interface WhatsNewState {
  /** team scope id → watermark, epoch ms */
  since: Record<string, number>;
  /** item ids read one by one, oldest first, at most {@link MAX_READ_IDS} */
  read: string[];
}

/** What's new as the popup and the library show it. */
export interface WhatsNewList {
  /** newest first, at most {@link MAX_ITEMS}; muted teams' items included with `muted: true` */
  items: WhatsNewItem[];
  /** unread items of unmuted teams (the badge count) */
  unread: number;
  /** unread items of muted teams */
  mutedUnread: number;
}

/** The read state (empty when never written). */
export async function readWhatsNewState(db: SatchelDb): Promise<WhatsNewState> {
  const v = (await db.kv.get(WHATS_NEW_KEY))?.value as Partial<WhatsNewState> | undefined;
  return { since: v?.since && typeof v.since === 'object' ? v.since : {}, read: Array.isArray(v?.read) ? v.read : [] };
}

/** The muted team scope ids. */
export async function readMutedTeams(db: SatchelDb): Promise<string[]> {
  const v = (await db.kv.get(MUTED_TEAMS_KEY))?.value;
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** Mutes (or unmutes) team `scopeId`: its items stay listed but leave the badge count. */
export async function setTeamMuted(db: SatchelDb, scopeId: string, muted: boolean): Promise<void> {
  await db.transaction('rw', db.kv, async () => {
    const now = new Set(await readMutedTeams(db));
    if (muted) now.add(scopeId);
    else now.delete(scopeId);
    await db.kv.put({ key: MUTED_TEAMS_KEY, value: [...now] });
  });
}

/**
 * Gives every team the learner belongs to and that has no watermark yet the watermark `now`
 * (epoch ms), and forgets the watermarks of teams they left. Called after each sync run.
 */
export async function startWhatsNew(db: SatchelDb, now: number): Promise<void> {
  const teams = await listTeamScopes(db);
  await db.transaction('rw', db.kv, async () => {
    const st = await readWhatsNewState(db);
    const since: Record<string, number> = {};
    for (const t of teams) since[t.id] = st.since[t.id] ?? now;
    const same = Object.keys(since).length === Object.keys(st.since).length && Object.entries(since).every(([k, v]) => st.since[k] === v);
    if (!same) await db.kv.put({ key: WHATS_NEW_KEY, value: { since, read: st.read } satisfies WhatsNewState });
  });
}

/** Marks items read one by one (opened). Unknown ids are fine. */
export async function markRead(db: SatchelDb, itemIds: readonly string[]): Promise<void> {
  if (itemIds.length === 0) return;
  await db.transaction('rw', db.kv, async () => {
    const st = await readWhatsNewState(db);
    const have = new Set(st.read);
    const read = [...st.read, ...itemIds.filter((id) => !have.has(id))].slice(-MAX_READ_IDS);
    if (read.length !== st.read.length || read.some((id, i) => id !== st.read[i])) await db.kv.put({ key: WHATS_NEW_KEY, value: { since: st.since, read } satisfies WhatsNewState });
  });
}

/** Marks every item read that concerns capture `captureId` (the learner opened it). */
export async function markCaptureRead(db: SatchelDb, captureId: string, now = Date.now()): Promise<void> {
  const { items } = await listWhatsNew(db, now);
  await markRead(db, items.filter((i) => i.unread && i.captureId === captureId).map((i) => i.id));
}

/**
 * "Mark all read": moves the watermark of `scopeId` (default: every team) to `now` (never later: item
 * times come from client clocks) and keeps the ids of what was unread as read (so an item whose time
 * moves later, like an answer's capture being edited, or one stamped in the future, stays read).
 */
export async function markAllRead(db: SatchelDb, now: number, scopeId?: string): Promise<void> {
  const { items } = await listWhatsNew(db, now);
  await db.transaction('rw', db.kv, async () => {
    const st = await readWhatsNewState(db);
    const since = { ...st.since };
    for (const id of Object.keys(since)) {
      if (scopeId && id !== scopeId) continue;
      // Never past `now`: an item time comes from client clocks (a share's UUIDv7), and one stamped in the
      // future would silence the team until then (red team, issue 11). Such items are in `read` below.
      since[id] = Math.max(since[id] ?? 0, now);
    }
    const have = new Set(st.read);
    const ids = items.filter((i) => i.unread && (!scopeId || i.scopeId === scopeId) && !have.has(i.id)).map((i) => i.id);
    await db.kv.put({ key: WHATS_NEW_KEY, value: { since, read: [...st.read, ...ids].slice(-MAX_READ_IDS) } satisfies WhatsNewState });
  });
}

/** The smallest string above every UUIDv7 made at or after `ms` (a lower bound for the `id` index). */
function uuidFloor(ms: number): string {
  const h = Math.max(0, Math.floor(ms)).toString(16).padStart(12, '0');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}`;
}

/**
 * The news since `from` (epoch ms) in `teams`, unclassified by read state: the rows are read
 * through indexes only (captures by `updatedAt`, syncMeta by id time, comments by `[scopeId+createdAt]`).
 */
async function collect(db: SatchelDb, me: string, teams: ReadonlySet<string>, from: Map<string, number>): Promise<Omit<WhatsNewItem, 'unread' | 'muted'>[]> {
  const lowest = Math.min(...from.values());
  const inTeam = (scopeId: string, at: number) => teams.has(scopeId) && at > (from.get(scopeId) ?? Infinity);
  const out: Omit<WhatsNewItem, 'unread' | 'muted'>[] = [];
  // Ranges read whole and filtered here (a Dexie `.filter()` walks a cursor row by row; `getAll` does
  // not), and as few point reads as possible. A shared copy's `updatedAt` (server clock) is never
  // before its share, so the `updatedAt` range finds new shares too; SKEW_MS allows for clocks.
  const [touched, recentMeta, inRange] = await Promise.all([
    db.captures.where('updatedAt').above(lowest - SKEW_MS).toArray(),
    db.syncMeta.where('id').above(uuidFloor(lowest - SKEW_MS)).toArray(),
    Promise.all([...from].filter(([scope]) => teams.has(scope)).map(([scope, since]) => db.comments.where('[scopeId+createdAt]').between([scope, since], [scope, Infinity], false, true).toArray())).then((x) => x.flat()),
  ]);
  const comments = inRange.filter((r) => r.authorUserId !== me);
  const live = touched.filter((c) => c.deletedAt === null && teams.has(c.scopeId));
  const shared = live.filter((c) => inTeam(c.scopeId, timeOfShare(c)));
  const answered = live.filter((c) => c.intent === 'question' && !!c.answerCommentId && inTeam(c.scopeId, c.updatedAt));
  // Point reads only for what the ranges did not bring: older parents and answers, owners of older captures.
  const owner = new Map<string, string>(recentMeta.map((m) => [m.id, m.ownerUserId]));
  const related = new Map<string, CommentRow>(inRange.map((r) => [r.id, r]));
  const wanted = [...new Set([...comments.map((c) => c.parentId), ...answered.map((c) => c.answerCommentId)])].filter((id): id is string => !!id && !related.has(id));
  for (const r of await db.comments.bulkGet(wanted)) if (r) related.set(r.id, r);
  const classified = comments.map((r) => ({ r, kind: (r.mentions.includes(me) ? 'mention' : r.parentId && related.get(r.parentId)?.authorUserId === me ? 'reply' : null) as WhatsNewKind | null }));
  const unknown = [...new Set([...answered.map((c) => c.id), ...classified.filter((x) => !x.kind).map((x) => x.r.captureId)])].filter((id) => !owner.has(id));
  (await db.syncMeta.bulkGet(unknown)).forEach((m, i) => m && owner.set(unknown[i]!, m.ownerUserId));

  for (const c of shared) {
    const o = owner.get(c.id);
    if (!o || o === me) continue; // no owner yet = our own share, not pushed yet
    out.push({ id: `capture:${c.id}`, kind: 'capture', scopeId: c.scopeId, captureId: c.id, commentId: null, actorUserId: o, at: timeOfShare(c) });
  }
  for (const c of answered) {
    if (owner.get(c.id) === me) continue;
    out.push({ id: `answered:${c.id}:${c.answerCommentId}`, kind: 'answered', scopeId: c.scopeId, captureId: c.id, commentId: c.answerCommentId!, actorUserId: related.get(c.answerCommentId!)?.authorUserId ?? null, at: c.updatedAt });
  }
  for (const { r, kind: k } of classified) {
    const kind = k ?? (owner.get(r.captureId) === me ? 'comment' : null);
    if (kind) out.push({ id: `comment:${r.id}`, kind, scopeId: r.scopeId, captureId: r.captureId, commentId: r.id, actorUserId: r.authorUserId, at: r.createdAt });
  }
  return out;
}

/**
 * When a team capture was shared: its UUIDv7 time (`capturedAt` for an id that is not one), never after
 * its `updatedAt` (server clock; a share is never updated before it is made), so a client that stamps
 * ids in the future cannot date its share years ahead.
 */
function timeOfShare(c: Pick<CaptureRow, 'id' | 'capturedAt' | 'updatedAt'>): number {
  return Math.min(uuidTime(c.id) ?? c.capturedAt, c.updatedAt);
}

/** Who I am and the teams with their read state, or null before sign-in / without teams. */
async function context(db: SatchelDb) {
  const [auth, teams, st, muted] = await Promise.all([readSyncAuth(db), listTeamScopes(db), readWhatsNewState(db), readMutedTeams(db)]);
  if (!auth || teams.length === 0) return null;
  return { me: auth.userId, teams: new Set(teams.map((t) => t.id)), st, muted: new Set(muted) };
}

/**
 * What's new in the learner's teams at `now` (epoch ms): the last {@link WINDOW_MS} of news,
 * newest first, each marked unread or muted, with the unread counts. Empty before sign-in.
 */
export async function listWhatsNew(db: SatchelDb, now = Date.now()): Promise<WhatsNewList> {
  const ctx = await context(db);
  if (!ctx) return { items: [], unread: 0, mutedUnread: 0 };
  const from = new Map([...ctx.teams].map((id) => [id, now - WINDOW_MS]));
  const read = new Set(ctx.st.read);
  const items: WhatsNewItem[] = (await collect(db, ctx.me, ctx.teams, from))
    .map((i) => ({ ...i, unread: i.at > (ctx.st.since[i.scopeId] ?? Infinity) && !read.has(i.id), muted: ctx.muted.has(i.scopeId) }))
    .sort((a, b) => b.at - a.at || (a.id < b.id ? -1 : 1));
  let unread = 0;
  let mutedUnread = 0;
  for (const i of items) if (i.unread) i.muted ? mutedUnread++ : unread++;
  return { items: items.slice(0, MAX_ITEMS), unread, mutedUnread };
}

/**
 * The badge count: unread items of unmuted teams at `now` (epoch ms). Reads only what is newer
 * than each team's watermark (bench `whats-new`: ≤ 50 ms after a pull of 1,000 changes).
 */
export async function unreadCount(db: SatchelDb, now = Date.now()): Promise<number> {
  const ctx = await context(db);
  if (!ctx) return 0;
  const teams = new Set([...ctx.teams].filter((id) => !ctx.muted.has(id) && ctx.st.since[id] !== undefined));
  if (teams.size === 0) return 0;
  const from = new Map([...teams].map((id) => [id, Math.max(ctx.st.since[id]!, now - WINDOW_MS)]));
  const read = new Set(ctx.st.read);
  return (await collect(db, ctx.me, teams, from)).filter((i) => !read.has(i.id)).length;
}

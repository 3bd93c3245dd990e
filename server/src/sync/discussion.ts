/**
 * Server semantics of the discussion mutations (issue 11; docs/discussion.md, docs/sync-protocol.md
 * 3.3 and 4): comments with one level of replies, one-tap reactions and the pinned answer. Each
 * handler takes the same steps as ./mutations.ts: parsed args; the scope from the STORED row
 * (`not_found` when missing or unreadable); the scope locked; authorised (`rejected:forbidden`); a
 * tombstone → `gone`; every row change takes the scope's next version.
 *
 * Rights: any member of the capture's scope (viewers too) comments and reacts; only the author edits
 * a comment; the author or the scope's owner deletes it; the capture's sharer or the scope's owner
 * (`canEditRow`) pins the answer. A reaction is always the caller's own.
 */
import type { ReactionKind } from '../../../lib/schema/discussion';
import { canEditRow } from '../authz';
import type { Tx } from '../db/open-store';
import type { CommentsTable } from '../db/schema';
import {
  getCapture, gone, lockedCapture, lockScopes, noop, notFound, ok, rejected,
  type Args, type MutationContext, type Outcome, type ScopeClock,
} from './mutation-steps';

const getComment = (tx: Tx, id: string): Promise<CommentsTable | undefined> => tx.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirst();

/** A stored comment locked for a change, with the caller's role in its scope. */
interface LockedComment {
  row: CommentsTable;
  clock: ScopeClock;
  role: NonNullable<Awaited<ReturnType<ScopeClock['role']>>>;
}

/** Steps 2–3 for a comment: its stored scope, locked, the row re-read; missing or unreadable → `not_found`. */
async function lockedComment(ctx: MutationContext, id: string): Promise<LockedComment | Outcome> {
  const found = await ctx.tx.selectFrom('comments').select('scope_id').where('id', '=', id).executeTakeFirst();
  if (!found) return notFound;
  const clock = await lockScopes(ctx, [found.scope_id]);
  const role = await clock.role(ctx, found.scope_id);
  if (role === null) return notFound;
  const row = await getComment(ctx.tx, id);
  return row ? { row, clock, role } : notFound;
}

/** The mentioned user ids that are members of `scopeId` now, in the order given, each once. */
async function memberMentions(ctx: MutationContext, scopeId: string, mentions: readonly string[]): Promise<string[]> {
  const wanted = [...new Set(mentions)];
  if (wanted.length === 0) return [];
  const rows = await ctx.tx.selectFrom('memberships').select('user_id').where('scope_id', '=', scopeId).where('user_id', 'in', wanted).execute();
  const members = new Set(rows.map((r) => r.user_id));
  return wanted.filter((u) => members.has(u));
}

/**
 * Sets one reaction element to `present` (the caller's own); a new version only on change. False when
 * the key is taken by a reaction on another kind of target (a capture and a comment sharing an id,
 * which only a client choosing its ids on purpose can make): nothing is written.
 */
async function setReactionRow(
  ctx: MutationContext, clock: ScopeClock, scopeId: string,
  r: { targetKind: 'capture' | 'comment'; targetId: string; captureId: string; userId: string; kind: string }, present: boolean,
): Promise<boolean> {
  const { tx } = ctx;
  const row = await tx.selectFrom('reactions').select(['present', 'target_kind']).where('target_id', '=', r.targetId).where('user_id', '=', r.userId).where('kind', '=', r.kind).executeTakeFirst();
  if (row && row.target_kind !== r.targetKind) return false;
  if (row ? Boolean(row.present) === present : !present) return true;
  // created_at: when it was made present; for an absent row, when it was removed (tombstone GC, ./gc.ts).
  const values = { present: present ? 1 : 0, version: clock.next(scopeId), created_at: ctx.now };
  if (row) await tx.updateTable('reactions').set(values).where('target_id', '=', r.targetId).where('user_id', '=', r.userId).where('kind', '=', r.kind).execute();
  else await tx.insertInto('reactions').values({ target_id: r.targetId, user_id: r.userId, kind: r.kind, target_kind: r.targetKind, capture_id: r.captureId, scope_id: scopeId, ...values }).execute();
  return true;
}

/**
 * Every present reaction on `targetIds` of kind `targetKind` in `scopeId` becomes absent, each with a
 * new version of that scope. Kind and scope are part of the match: ids are client-chosen, so a row of
 * another kind or scope with the same id must never reach these reactions (red team, issue 11).
 */
async function dropReactions(ctx: MutationContext, clock: ScopeClock, scopeId: string, targetKind: 'capture' | 'comment', targetIds: readonly string[]): Promise<void> {
  if (targetIds.length === 0) return;
  const rows = await ctx.tx.selectFrom('reactions').selectAll().where('target_id', 'in', [...targetIds]).where('target_kind', '=', targetKind).where('scope_id', '=', scopeId)
    .where('present', '=', 1).orderBy('target_id').orderBy('user_id').orderBy('kind').execute();
  for (const r of rows) await setReactionRow(ctx, clock, scopeId, { targetKind: r.target_kind, targetId: r.target_id, captureId: r.capture_id, userId: r.user_id, kind: r.kind }, false);
}

/** Tombstones one live comment (text cleared) with a new version, and drops its reactions. */
async function tombstoneComment(ctx: MutationContext, clock: ScopeClock, c: CommentsTable): Promise<void> {
  await ctx.tx.updateTable('comments').set({ deleted_at: ctx.now, body: '', mentions_json: '[]', version: clock.next(c.scope_id) }).where('id', '=', c.id).execute();
  await dropReactions(ctx, clock, c.scope_id, 'comment', [c.id]);
}

/**
 * deleteCapture's cascade (same transaction, scope already locked): the capture's live comments become
 * tombstones and every reaction on the capture or its comments becomes absent, each with a new version.
 */
export async function dropDiscussion(ctx: MutationContext, clock: ScopeClock, scopeId: string, captureId: string): Promise<void> {
  const live = await ctx.tx.selectFrom('comments').selectAll().where('capture_id', '=', captureId).where('scope_id', '=', scopeId).where('deleted_at', 'is', null).orderBy('id').execute();
  for (const c of live) await tombstoneComment(ctx, clock, c);
  await dropReactions(ctx, clock, scopeId, 'capture', [captureId]);
}

/**
 * Any member comments (viewers too). Idempotent on `id` (same author, same capture → `noop`; else
 * `rejected:id_conflict`, also for an id a capture holds). A reply to a reply is filed under that
 * reply's parent; a parent that is not a comment of this capture → `rejected:invalid` (a deleted
 * parent is fine: replies stay). Mentions keep only current members of the scope.
 */
async function createComment(ctx: MutationContext, a: Args<'createComment'>): Promise<Outcome> {
  const r = await lockedCapture(ctx, a.captureId);
  if ('status' in r) return r;
  const { row: capture, clock } = r;
  const existing = await getComment(ctx.tx, a.id);
  if (existing) {
    if (existing.author_user_id !== ctx.userId || existing.capture_id !== capture.id) return rejected('id_conflict');
    return existing.deleted_at === null ? noop : gone;
  }
  if (await getCapture(ctx.tx, a.id)) return rejected('id_conflict'); // a reaction key names its target by id alone
  if (capture.deleted_at !== null) return gone;
  let parentId: string | null = null;
  if (a.parentId !== null) {
    const parent = await getComment(ctx.tx, a.parentId);
    if (!parent || parent.capture_id !== capture.id) return rejected('invalid');
    parentId = parent.parent_id ?? parent.id; // one level of threading
  }
  const mentions = await memberMentions(ctx, capture.scope_id, a.mentions);
  await ctx.tx
    .insertInto('comments')
    .values({
      id: a.id, scope_id: capture.scope_id, capture_id: capture.id, parent_id: parentId, author_user_id: ctx.userId, body: a.body,
      mentions_json: JSON.stringify(mentions), version: clock.next(capture.scope_id), created_at: ctx.now, edited_at: null, deleted_at: null,
    })
    .execute();
  return ok;
}

/** Only the author edits (not even the owner); a deleted comment → `gone`; unchanged text and mentions change nothing. */
async function editComment(ctx: MutationContext, a: Args<'editComment'>): Promise<Outcome> {
  const r = await lockedComment(ctx, a.id);
  if ('status' in r) return r;
  const { row, clock } = r;
  if (row.author_user_id !== ctx.userId) return rejected('forbidden');
  if (row.deleted_at !== null) return gone;
  const mentions = JSON.stringify(await memberMentions(ctx, row.scope_id, a.mentions));
  if (row.body === a.body && row.mentions_json === mentions) return ok;
  await ctx.tx.updateTable('comments').set({ body: a.body, mentions_json: mentions, edited_at: ctx.now, version: clock.next(row.scope_id) }).where('id', '=', row.id).execute();
  return ok;
}

/**
 * The author or the scope's owner deletes; already deleted → `noop`. Its reactions become absent; its
 * replies stay. When it was its capture's pinned answer, the pin is cleared (a new capture version).
 */
async function deleteComment(ctx: MutationContext, a: Args<'deleteComment'>): Promise<Outcome> {
  const r = await lockedComment(ctx, a.id);
  if ('status' in r) return r;
  const { row, clock, role } = r;
  if (row.author_user_id !== ctx.userId && role !== 'owner') return rejected('forbidden');
  if (row.deleted_at !== null) return noop;
  await tombstoneComment(ctx, clock, row);
  const capture = await getCapture(ctx.tx, row.capture_id);
  if (capture && capture.answer_comment_id === row.id) {
    await ctx.tx.updateTable('captures').set({ answer_comment_id: null, version: clock.next(row.scope_id), updated_at: ctx.now }).where('id', '=', capture.id).execute();
  }
  return ok;
}

/**
 * Any member sets or clears their OWN reaction on a capture or comment of a scope they read; a deleted
 * target → `gone`; present/absent like tags (a new version only on change); a key taken by a
 * reaction on a target of the other kind → `rejected:id_conflict`.
 */
async function setReaction(ctx: MutationContext, a: Args<'setReaction'>): Promise<Outcome> {
  let target: { id: string; captureId: string; scopeId: string; deleted: boolean; clock: ScopeClock };
  if (a.targetKind === 'capture') {
    const r = await lockedCapture(ctx, a.targetId);
    if ('status' in r) return r;
    target = { id: r.row.id, captureId: r.row.id, scopeId: r.row.scope_id, deleted: r.row.deleted_at !== null, clock: r.clock };
  } else {
    const r = await lockedComment(ctx, a.targetId);
    if ('status' in r) return r;
    target = { id: r.row.id, captureId: r.row.capture_id, scopeId: r.row.scope_id, deleted: r.row.deleted_at !== null, clock: r.clock };
  }
  if (target.deleted) return gone;
  const kind: ReactionKind = a.kind;
  const written = await setReactionRow(ctx, target.clock, target.scopeId, { targetKind: a.targetKind, targetId: target.id, captureId: target.captureId, userId: ctx.userId, kind }, a.present);
  return written ? ok : rejected('id_conflict');
}

/**
 * The capture's sharer or the scope's owner (`canEditRow`) pins a live comment of this capture as its
 * answer, or clears the pin (null). A comment of another capture (or none) → `rejected:invalid`; a
 * deleted comment → `gone`; the same pin again changes nothing.
 */
async function markAnswered(ctx: MutationContext, a: Args<'markAnswered'>): Promise<Outcome> {
  const r = await lockedCapture(ctx, a.captureId);
  if ('status' in r) return r;
  const { row, clock, role } = r;
  if (!canEditRow(role, row.owner_user_id, ctx.userId)) return rejected('forbidden');
  if (row.deleted_at !== null) return gone;
  if (a.commentId !== null) {
    const c = await getComment(ctx.tx, a.commentId);
    if (!c || c.capture_id !== row.id) return rejected('invalid');
    if (c.deleted_at !== null) return gone;
  }
  if (row.answer_comment_id === a.commentId) return ok;
  await ctx.tx.updateTable('captures').set({ answer_comment_id: a.commentId, version: clock.next(row.scope_id), updated_at: ctx.now }).where('id', '=', row.id).execute();
  return ok;
}

/** The discussion mutations' handlers by name (./mutations.ts `applyMutation` dispatches here). */
export const DISCUSSION_HANDLERS: {
  [N in 'createComment' | 'editComment' | 'deleteComment' | 'setReaction' | 'markAnswered']: (ctx: MutationContext, a: Args<N>) => Promise<Outcome>;
} = { createComment, editComment, deleteComment, setReaction, markAnswered };

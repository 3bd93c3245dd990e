/**
 * Server semantics of each outbox mutation (docs/sync-protocol.md 3.3, 3.7). Runs inside the push transaction
 * of one mutation, after the device row is locked. Every handler follows the same steps:
 *   1. parse args (strict) → `rejected:invalid`;
 *   2. find the scope from the STORED row (or `args.scopeId` for creates) → `not_found` when the
 *      row is missing or unreadable (existence never leaks);
 *   3. lock the scope row(s) in id order (`SELECT … FOR UPDATE` on PG), so versions are taken in
 *      commit order, then re-read the row under the lock;
 *   4. authorise with the role in that scope and, for a change to a stored row, the row's owner
 *      (`canEditRow`, docs/sync-protocol.md 4 role table) → `rejected:forbidden`; then tombstoned → `gone`;
 *   5. apply; every row change takes the scope's next version.
 * The steps they share are in ./mutation-steps.ts; the discussion mutations (comments, reactions, the
 * pinned answer) in ./discussion.ts; library fields map to columns through ./capture-row.ts.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { captureKey, CaptureDraft, contentKeyOf, isContentKey, MutationArgs, tagKey, type Intent } from '../../../lib/schema';
import { canEditRow, canWrite, type Role } from '../authz';
import type { Tx } from '../db/open-store';
import type { CapturesTable, CollectionsTable } from '../db/schema';
import { isIdlessReadOf, isSamePost, mergeDraftContent } from '../../../lib/schema/merge-draft';
import { libraryInsert, libraryPatch } from './capture-row';
import { DISCUSSION_HANDLERS, dropDiscussion } from './discussion';
import {
  captureScope, getCapture, gone, lockedCapture, lockScopes, noop, notFound, ok, rejected,
  type Args, type LockedCapture, type MutationContext, type Outcome, type ScopeClock,
} from './mutation-steps';

export { ScopeClock, type MutationContext, type Outcome } from './mutation-steps';

/**
 * Creates never overwrite (createCapture, shareCapture): the outcome for a new capture id that is
 * already taken in `scopeId` by the caller (noop / gone / merged), or by anything else (id_conflict),
 * or null when the id is free. Two simple reads: folding them into one UNION ALL statement saved a
 * round trip but cost PostgreSQL more than it saved (issue 10, BENCHMARKS.md 2026-12-07).
 */
async function takenId(tx: Tx, id: string, scopeId: string, userId: string): Promise<Outcome | null> {
  const existing = await tx.selectFrom('captures').select(['scope_id', 'owner_user_id', 'deleted_at']).where('id', '=', id).executeTakeFirst();
  if (existing) {
    if (existing.scope_id !== scopeId || existing.owner_user_id !== userId) return rejected('id_conflict');
    return existing.deleted_at === null ? noop : gone;
  }
  // One round trip for both: an id merged into another capture, or one a comment holds (a client
  // choosing a comment's id for a capture on purpose: red team, issue 11) — both PK lookups.
  const other = await tx
    .selectFrom('capture_aliases').select([sql<string>`'alias'`.as('kind'), 'scope_id', 'capture_id']).where('id', '=', id)
    .unionAll(tx.selectFrom('comments').select([sql<string>`'comment'`.as('kind'), 'scope_id', sql<string>`id`.as('capture_id')]).where('id', '=', id))
    .execute();
  if (other.some((r) => r.kind === 'comment')) return rejected('id_conflict');
  const alias = other[0];
  if (alias) return alias.scope_id === scopeId ? { status: 'noop', code: 'merged', canonicalId: alias.capture_id } : rejected('id_conflict');
  return null;
}

const getCollection = (tx: Tx, id: string) => tx.selectFrom('collections').selectAll().where('id', '=', id).executeTakeFirst();

/** Sets a tag / collection-item element to `present`; bumps the version only on change. */
async function setTag(ctx: MutationContext, clock: ScopeClock, scopeId: string, captureId: string, tag: string, present: boolean): Promise<void> {
  const { tx } = ctx;
  const row = await tx.selectFrom('capture_tags').select('present').where('capture_id', '=', captureId).where('tag', '=', tag).executeTakeFirst();
  if (row && Boolean(row.present) === present) return;
  if (!row && !present) return;
  const version = clock.next(scopeId);
  if (row) await tx.updateTable('capture_tags').set({ present: present ? 1 : 0, version }).where('capture_id', '=', captureId).where('tag', '=', tag).execute();
  else await tx.insertInto('capture_tags').values({ capture_id: captureId, tag, scope_id: scopeId, present: 1, version }).execute();
}

async function setItem(ctx: MutationContext, clock: ScopeClock, scopeId: string, collectionId: string, captureId: string, present: boolean): Promise<void> {
  const { tx } = ctx;
  const row = await tx.selectFrom('collection_items').select('present').where('collection_id', '=', collectionId).where('capture_id', '=', captureId).executeTakeFirst();
  if (row && Boolean(row.present) === present) return;
  if (!row && !present) return;
  const version = clock.next(scopeId);
  if (row) await tx.updateTable('collection_items').set({ present: present ? 1 : 0, version, added_by: ctx.userId }).where('collection_id', '=', collectionId).where('capture_id', '=', captureId).execute();
  else await tx.insertInto('collection_items').values({ collection_id: collectionId, capture_id: captureId, scope_id: scopeId, present: 1, added_by: ctx.userId, version }).execute();
}

/** Adds `collectionIds` to a capture, skipping ids that are not live collections of the same scope. */
async function fileInto(ctx: MutationContext, clock: ScopeClock, scopeId: string, captureId: string, collectionIds: readonly string[]): Promise<void> {
  for (const cid of new Set(collectionIds)) {
    const col = await getCollection(ctx.tx, cid);
    if (col && col.scope_id === scopeId && col.deleted_at === null) await setItem(ctx, clock, scopeId, cid, captureId, true);
  }
}

function tagKeys(raw: readonly string[] | undefined): string[] | null {
  const out = new Set<string>();
  for (const t of raw ?? []) {
    const k = tagKey(t);
    if (k === null) return null;
    out.add(k);
  }
  return [...out];
}

async function createCapture(ctx: MutationContext, a: Args<'createCapture'>): Promise<Outcome> {
  const { tx, userId, now } = ctx;
  const tags = tagKeys(a.tags);
  if (tags === null) return rejected('invalid');
  const clock = await lockScopes(ctx, [a.scopeId]);
  const role = clock.has(a.scopeId) ? await clock.role(ctx, a.scopeId) : null;
  if (!canWrite(role)) return rejected('forbidden');
  // Creates never overwrite: an existing id is a replay (noop), a tombstone (gone) or a client bug (id_conflict).
  const taken = await takenId(tx, a.id, a.scopeId, userId);
  if (taken) return taken;

  const { id, scopeId, capturedAt, intent, note, tags: _t, collectionIds, ...rest } = a;
  const draft = CaptureDraft.parse(rest);
  const key = captureKey(draft);
  const live = await livePostIn(tx, scopeId, draft);
  if (live) {
    // Same post saved on two devices offline: one capture. Merge into the live one, remember the alias.
    await tx.insertInto('capture_aliases').values({ id, capture_id: live.id, scope_id: scopeId, created_at: now }).execute();
    if (!canEditRow(role, live.owner_user_id, userId)) {
      // Another member's capture (issue 10): nothing of this draft is written into it; filing is an addition.
      await fileInto(ctx, clock, scopeId, live.id, collectionIds ?? []);
      return { status: 'noop', code: 'merged', canonicalId: live.id };
    }
    const merged = mergeDraftContent(JSON.parse(live.content_json) as CaptureDraft, draft);
    const patch: Partial<CapturesTable> = {};
    if (merged.changed) {
      patch.content_json = JSON.stringify(merged.draft);
      patch.post_key = captureKey(merged.draft); // an id-less twin takes the post's id
      if (merged.completed) patch.completed_at = now;
    }
    if (live.intent === null && intent) patch.intent = intent;
    if (Object.keys(patch).length > 0 || (live.note === null && note)) {
      const version = clock.next(scopeId);
      if (live.note === null && note) Object.assign(patch, { note, note_version: version });
      await tx.updateTable('captures').set({ ...patch, version, updated_at: now }).where('id', '=', live.id).execute();
    }
    for (const t of tags) await setTag(ctx, clock, scopeId, live.id, t, true);
    await fileInto(ctx, clock, scopeId, live.id, collectionIds ?? []);
    return { status: 'noop', code: 'merged', canonicalId: live.id };
  }
  const version = clock.next(scopeId);
  await tx
    .insertInto('captures')
    .values({
      id, scope_id: scopeId, owner_user_id: userId, source_capture_id: null, platform: draft.platform, post_key: key,
      captured_at: capturedAt, content_json: JSON.stringify(draft), ...libraryInsert({ intent: intent ?? null, note: note ?? null }),
      note_version: note != null ? version : 0, answer_comment_id: null, version, created_at: now, updated_at: now, completed_at: null, deleted_at: null,
    })
    .execute();
  for (const t of tags) await setTag(ctx, clock, scopeId, id, t, true);
  await fileInto(ctx, clock, scopeId, id, collectionIds ?? []);
  return ok;
}

/**
 * The live capture of `scopeId` that holds the post `draft` reads: the same post_key, else its
 * id-less twin (see {@link idlessTwin}). Used by `createCapture` and `shareCapture`: one capture per
 * post per scope (docs/sync-protocol.md 3.11).
 */
async function livePostIn(tx: Tx, scopeId: string, draft: CaptureDraft): Promise<CapturesTable | undefined> {
  return (
    (await tx.selectFrom('captures').selectAll().where('scope_id', '=', scopeId).where('post_key', '=', captureKey(draft)).where('deleted_at', 'is', null).executeTakeFirst()) ??
    (await idlessTwin(tx, scopeId, draft))
  );
}

/**
 * Issue 9: the live capture of `scopeId` that is the same post as `draft` under another key, or
 * undefined (docs/sync-protocol.md 3.11):
 * - `draft` carries the post's real id, and the capture was saved without one (`permalinkMissing`,
 *   post_key `<platform>:content:<hash>`; lib/schema `isSamePost`);
 * - `draft` was read without an id, and the capture holds the post with its real id (lib/schema
 *   `isIdlessReadOf`): the device that saved it id-less had not pulled that capture yet.
 * For the second, rows of the same platform whose content names the draft's author (the part of the
 * content key the store can match) are read and checked.
 */
async function idlessTwin(tx: Tx, scopeId: string, draft: CaptureDraft): Promise<CapturesTable | undefined> {
  if (draft.permalinkMissing && isContentKey(draft.postId)) return keptWithId(tx, scopeId, draft);
  if (draft.permalinkMissing || isContentKey(draft.postId)) return undefined;
  const row = await tx.selectFrom('captures').selectAll().where('scope_id', '=', scopeId)
    .where('post_key', '=', `${draft.platform}:${contentKeyOf(draft)}`).where('deleted_at', 'is', null).executeTakeFirst();
  return row && isSamePost(JSON.parse(row.content_json) as CaptureDraft, draft) ? row : undefined;
}

/** LIKE pattern matching `s` literally anywhere (escape character `\`). */
const containing = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The live capture of `scopeId` holding, with its real id, the post `draft` read without one (see {@link idlessTwin}). */
async function keptWithId(tx: Tx, scopeId: string, draft: CaptureDraft): Promise<CapturesTable | undefined> {
  // The content key's author part (lib/schema/content-key.ts), as JSON.stringify wrote it into content_json.
  const who = draft.author?.profileUrl ? `"profileUrl":${JSON.stringify(draft.author.profileUrl)}` : draft.author?.name ? `"name":${JSON.stringify(draft.author.name)}` : null;
  let q = tx.selectFrom('captures').selectAll().where('scope_id', '=', scopeId).where('platform', '=', draft.platform)
    .where('deleted_at', 'is', null).where('post_key', 'not like', `${draft.platform}:content:%`);
  if (who) q = q.where(sql<boolean>`content_json like ${containing(who)} escape '\\'`);
  for (const row of await q.execute()) if (isIdlessReadOf(JSON.parse(row.content_json) as CaptureDraft, draft)) return row;
  return undefined;
}

/**
 * Steps 2–4 for a change to a stored capture (its content, fields, tags, or its deletion): only the
 * scope's owner or the editor who owns the row (docs/sync-protocol.md 4 role table) → else
 * `rejected:forbidden`; a tombstone → `gone`.
 */
async function changeableCapture(ctx: MutationContext, id: string): Promise<LockedCapture | Outcome> {
  const r = await lockedCapture(ctx, id);
  if ('status' in r) return r;
  if (!canEditRow(r.role, r.row.owner_user_id, ctx.userId)) return rejected('forbidden');
  return r.row.deleted_at !== null ? gone : r;
}

async function completeCapture(ctx: MutationContext, a: Args<'completeCapture'>): Promise<Outcome> {
  // Issue 10: completing rewrites the content, so it is a change like any other (not an addition).
  const r = await changeableCapture(ctx, a.id);
  if ('status' in r) return r;
  const { row, clock } = r;
  const stored = JSON.parse(row.content_json) as CaptureDraft;
  if (!isSamePost(stored, a.set)) return rejected('invalid'); // another post: never mixed in
  const merged = mergeDraftContent(stored, a.set);
  if (!merged.changed) return noop;
  const postKey = captureKey(merged.draft);
  if (postKey !== row.post_key) {
    // Issue 9: the id-less capture got its id. Another live capture of that post in the scope wins.
    const other = await ctx.tx.selectFrom('captures').select('id').where('scope_id', '=', row.scope_id).where('post_key', '=', postKey).where('deleted_at', 'is', null).executeTakeFirst();
    if (other) return rejected('id_conflict');
  }
  const version = clock.next(row.scope_id);
  await ctx.tx
    .updateTable('captures')
    .set({ content_json: JSON.stringify(merged.draft), post_key: postKey, version, updated_at: ctx.now, ...(merged.completed ? { completed_at: ctx.now } : {}) })
    .where('id', '=', row.id)
    .execute();
  return ok;
}

async function updateCapture(ctx: MutationContext, a: Args<'updateCapture'>): Promise<Outcome> {
  const r = await changeableCapture(ctx, a.id);
  if ('status' in r) return r;
  const { row, clock } = r;
  const { patch, changed } = libraryPatch(row, a.set);
  if (changed.length === 0) return ok; // LWW: already the value
  const version = clock.next(row.scope_id);
  let conflict = false;
  if (changed.includes('note')) {
    patch.note_version = version;
    // 3.3: stale base and a different value → keep the overwritten text (no silent loss).
    if (Number(row.note_version) > a.baseVersion && row.note !== null) {
      conflict = true;
      await ctx.tx
        .insertInto('note_conflicts')
        .values({
          id: randomUUID(), capture_id: row.id, scope_id: row.scope_id, overwritten_note: row.note, overwritten_by_device_id: ctx.deviceId,
          winning_version: version, version: clock.next(row.scope_id), created_at: ctx.now, resolved_at: null,
        })
        .execute();
    }
  }
  await ctx.tx.updateTable('captures').set({ ...patch, version, updated_at: ctx.now }).where('id', '=', row.id).execute();
  return conflict ? { status: 'applied_with_conflict' } : ok;
}

async function deleteCapture(ctx: MutationContext, a: Args<'deleteCapture'>): Promise<Outcome> {
  const r = await changeableCapture(ctx, a.id);
  if ('status' in r) return r.status === 'gone' ? noop : r; // already deleted → noop
  const { row, clock } = r;
  await ctx.tx.updateTable('captures').set({ deleted_at: ctx.now, version: clock.next(row.scope_id), updated_at: ctx.now }).where('id', '=', row.id).execute();
  // Same transaction: its elements become absent, each with a new version.
  const tags = await ctx.tx.selectFrom('capture_tags').select('tag').where('capture_id', '=', row.id).where('present', '=', 1).execute();
  for (const t of tags) await setTag(ctx, clock, row.scope_id, row.id, t.tag, false);
  const items = await ctx.tx.selectFrom('collection_items').select('collection_id').where('capture_id', '=', row.id).where('present', '=', 1).execute();
  for (const i of items) await setItem(ctx, clock, row.scope_id, i.collection_id, row.id, false);
  await dropDiscussion(ctx, clock, row.scope_id, row.id);
  return ok;
}

async function tagOp(ctx: MutationContext, a: Args<'addTag'>, present: boolean): Promise<Outcome> {
  const tag = tagKey(a.tag);
  if (tag === null) return rejected('invalid');
  const r = await changeableCapture(ctx, a.captureId); // a capture's tags are part of it (issue 10)
  if ('status' in r) return r;
  await setTag(ctx, r.clock, r.row.scope_id, r.row.id, tag, present);
  return ok;
}

async function createCollection(ctx: MutationContext, a: Args<'createCollection'>): Promise<Outcome> {
  const clock = await lockScopes(ctx, [a.scopeId]);
  const role = clock.has(a.scopeId) ? await clock.role(ctx, a.scopeId) : null;
  if (!canWrite(role)) return rejected('forbidden');
  const existing = await getCollection(ctx.tx, a.id);
  if (existing) {
    if (existing.scope_id !== a.scopeId || existing.created_by !== ctx.userId) return rejected('id_conflict');
    return existing.deleted_at === null ? noop : gone;
  }
  await ctx.tx
    .insertInto('collections')
    .values({ id: a.id, scope_id: a.scopeId, name: a.name, created_by: ctx.userId, version: clock.next(a.scopeId), created_at: ctx.now, updated_at: ctx.now, deleted_at: null })
    .execute();
  return ok;
}

async function collectionOp(ctx: MutationContext, id: string, op: { rename: string } | 'delete'): Promise<Outcome> {
  const found = await ctx.tx.selectFrom('collections').select('scope_id').where('id', '=', id).executeTakeFirst();
  if (!found) return notFound;
  const clock = await lockScopes(ctx, [found.scope_id]);
  const role = await clock.role(ctx, found.scope_id);
  if (role === null) return notFound;
  const col = (await getCollection(ctx.tx, id))!;
  if (!canEditRow(role, col.created_by, ctx.userId)) return rejected('forbidden');
  if (col.deleted_at !== null) return op === 'delete' ? noop : gone;
  if (op === 'delete') {
    await ctx.tx.updateTable('collections').set({ deleted_at: ctx.now, updated_at: ctx.now, version: clock.next(col.scope_id) }).where('id', '=', id).execute();
    const items = await ctx.tx.selectFrom('collection_items').select('capture_id').where('collection_id', '=', id).where('present', '=', 1).execute();
    for (const i of items) await setItem(ctx, clock, col.scope_id, id, i.capture_id, false);
  } else {
    if (col.name === op.rename) return ok;
    await ctx.tx.updateTable('collections').set({ name: op.rename, updated_at: ctx.now, version: clock.next(col.scope_id) }).where('id', '=', id).execute();
  }
  return ok;
}

/**
 * Removing a capture from a collection changes an element someone made: the scope's owner, the
 * editor who added it or the editor who created the collection may (docs/sync-protocol.md 4). An item
 * that is not there changes nothing, so anyone who may write may "remove" it.
 */
async function mayUnfile(ctx: MutationContext, role: Role, col: CollectionsTable, captureId: string): Promise<boolean> {
  const item = await ctx.tx.selectFrom('collection_items').select(['present', 'added_by']).where('collection_id', '=', col.id).where('capture_id', '=', captureId).executeTakeFirst();
  return !item || !item.present || canEditRow(role, [item.added_by, col.created_by], ctx.userId);
}

async function itemOp(ctx: MutationContext, a: Args<'addToCollection'>, present: boolean): Promise<Outcome> {
  const col = await ctx.tx.selectFrom('collections').select('scope_id').where('id', '=', a.collectionId).executeTakeFirst();
  const cap = await captureScope(ctx.tx, a.captureId);
  if (!col || !cap) return notFound;
  const clock = await lockScopes(ctx, [col.scope_id]);
  const colRole = await clock.role(ctx, col.scope_id);
  const capRole = col.scope_id === cap.scopeId ? colRole : await clock.role(ctx, cap.scopeId);
  if (colRole === null || capRole === null) return notFound; // S2: never says the other exists
  if (col.scope_id !== cap.scopeId) return rejected('scope_mismatch');
  const c = (await getCollection(ctx.tx, a.collectionId))!;
  const capture = (await getCapture(ctx.tx, cap.id))!;
  if (!canWrite(colRole)) return rejected('forbidden');
  if (!present && !(await mayUnfile(ctx, colRole, c, cap.id))) return rejected('forbidden');
  if (c.deleted_at !== null || capture.deleted_at !== null) return gone;
  await setItem(ctx, clock, col.scope_id, a.collectionId, cap.id, present);
  return ok;
}

/**
 * Issue 9: the id-less capture `live` (`permalinkMissing`; its sameness with `withId` already
 * checked by `isSamePost` in {@link idlessTwin}) takes the post's id, permalink and any fuller part
 * from `withId` (`mergeDraftContent`), and its post_key changes, as in `completeCapture`. Takes the
 * scope's next version. The caller has checked the right to change the row (`canEditRow`).
 */
async function takeIdOf(ctx: MutationContext, clock: ScopeClock, live: CapturesTable, withId: CaptureDraft): Promise<void> {
  const merged = mergeDraftContent(JSON.parse(live.content_json) as CaptureDraft, withId);
  if (!merged.changed) return;
  const version = clock.next(live.scope_id);
  await ctx.tx
    .updateTable('captures')
    .set({ content_json: JSON.stringify(merged.draft), post_key: captureKey(merged.draft), version, updated_at: ctx.now, ...(merged.completed ? { completed_at: ctx.now } : {}) })
    .where('id', '=', live.id)
    .execute();
}

async function shareCapture(ctx: MutationContext, a: Args<'shareCapture'>): Promise<Outcome> {
  const { tx, userId, now } = ctx;
  const src = await captureScope(tx, a.sourceId);
  if (!src || (await ctx.clock.role(ctx, src.scopeId)) === null) return notFound;
  const clock = await lockScopes(ctx, [a.targetScopeId]);
  const role = clock.has(a.targetScopeId) ? await clock.role(ctx, a.targetScopeId) : null;
  if (!canWrite(role)) return rejected('forbidden');
  // Idempotent on newId.
  const taken = await takenId(tx, a.newId, a.targetScopeId, userId);
  if (taken) return taken;
  const source = (await getCapture(tx, src.id))!;
  if (source.deleted_at !== null) return gone;
  if (a.collectionId !== undefined) {
    const col = await getCollection(tx, a.collectionId);
    if (!col || (col.scope_id !== a.targetScopeId && (await clock.role(ctx, col.scope_id)) === null)) return notFound;
    if (col.scope_id !== a.targetScopeId) return rejected('scope_mismatch');
    if (col.deleted_at !== null) return gone;
  }
  const note = a.note !== undefined ? a.note : source.note;
  const content = JSON.parse(source.content_json) as CaptureDraft;
  // The team already holds this post (shared before, maybe under its other key: issue 9): one capture.
  const live = await livePostIn(tx, a.targetScopeId, content);
  let targetId: string;
  if (live) {
    // Alias the new id; the first sharer's row keeps its owner, note, intent and tags.
    await tx.insertInto('capture_aliases').values({ id: a.newId, capture_id: live.id, scope_id: a.targetScopeId, created_at: now }).execute();
    targetId = live.id;
    // Shared id-less before, now with its id: the row takes it, if the sharer may change that row (§4).
    if (live.post_key !== source.post_key && !content.permalinkMissing && canEditRow(role, live.owner_user_id, userId)) await takeIdOf(ctx, clock, live, content);
  } else {
    const version = clock.next(a.targetScopeId);
    await tx
      .insertInto('captures')
      .values({
        id: a.newId, scope_id: a.targetScopeId, owner_user_id: userId, source_capture_id: source.id, platform: source.platform, post_key: source.post_key,
        captured_at: source.captured_at, content_json: source.content_json, ...libraryInsert({ intent: a.intent !== undefined ? a.intent : (source.intent as Intent | null), note }),
        note_version: note !== null ? version : 0, answer_comment_id: null, version, created_at: now, updated_at: now, completed_at: null, deleted_at: null,
      })
      .execute();
    targetId = a.newId;
    const tags = await tx.selectFrom('capture_tags').select('tag').where('capture_id', '=', source.id).where('present', '=', 1).execute();
    for (const t of tags) await setTag(ctx, clock, a.targetScopeId, targetId, t.tag, true);
  }
  if (a.collectionId !== undefined) await setItem(ctx, clock, a.targetScopeId, a.collectionId, targetId, true);
  return live ? { status: 'noop', code: 'merged', canonicalId: live.id } : ok;
}

/**
 * Applies one mutation inside the caller's transaction. Never throws for bad input or missing
 * rights (those are outcomes); throws only store errors (the caller retries transient ones).
 */
export async function applyMutation(ctx: MutationContext, name: string, rawArgs: unknown): Promise<Outcome> {
  // Own keys only: `constructor`, `__proto__` and `toString` are names too (issue 10).
  if (!Object.hasOwn(MutationArgs, name)) return rejected('invalid');
  const parsed = MutationArgs[name as keyof typeof MutationArgs].safeParse(rawArgs);
  if (!parsed.success) return rejected('invalid');
  const a = parsed.data as never;
  switch (name as keyof typeof MutationArgs) {
    case 'createCapture': return createCapture(ctx, a);
    case 'completeCapture': return completeCapture(ctx, a);
    case 'updateCapture': return updateCapture(ctx, a);
    case 'deleteCapture': return deleteCapture(ctx, a);
    case 'addTag': return tagOp(ctx, a, true);
    case 'removeTag': return tagOp(ctx, a, false);
    case 'createCollection': return createCollection(ctx, a);
    case 'renameCollection': return collectionOp(ctx, (a as Args<'renameCollection'>).id, { rename: (a as Args<'renameCollection'>).name });
    case 'deleteCollection': return collectionOp(ctx, (a as Args<'deleteCollection'>).id, 'delete');
    case 'addToCollection': return itemOp(ctx, a, true);
    case 'removeFromCollection': return itemOp(ctx, a, false);
    case 'shareCapture': return shareCapture(ctx, a);
    case 'withdraw': return rejected('withdrawn'); // nothing to apply; the log row keeps the reason
    case 'createComment': case 'editComment': case 'deleteComment': case 'setReaction': case 'markAnswered':
      return DISCUSSION_HANDLERS[name as keyof typeof DISCUSSION_HANDLERS](ctx, a);
  }
}

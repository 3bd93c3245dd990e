/**
 * The ONLY write path for synced tables (docs/architecture.md 6.4), together with the other mutation
 * files of lib/db (collections.ts, tags.ts, delete.ts, review.ts, import.ts).
 *
 * INVARIANT: every synced write also writes its outbox row in the same `rw` transaction
 * (dexie-cloud's mutation-tracking invariant, done explicitly). A change is never stored without
 * the mutation that tells the server about it, and no mutation exists for a change that rolled
 * back. Callers reply "saved" only after the returned promise resolves (the commit).
 *
 * All state lives in IndexedDB; nothing here is cached in memory, so a service worker stopped
 * between two calls loses nothing.
 *
 * Row changes with no outbox row of their own, on purpose (the server derives them):
 * - `deleteCollection` drops the id from member captures locally; its one `deleteCollection`
 *   mutation makes the server cascade the item tombstones (docs/sync-protocol.md 3.3);
 * - `deleteCapture` clears the tombstone's tags/collections locally (server: elements present=false);
 * - `renameTag` to another spelling of the same key changes display labels only (the wire carries keys);
 * - the `tags` (display spellings) and `kv` (settings, undo records) tables are device-local.
 * Shared building blocks live in lib/db/capture-writes.ts (internal).
 */
import { Dexie } from 'dexie';
import type { Capture, CaptureDraft } from '../schema';
import { captureKey, contentKeyOf, isContentKey, isIdlessReadOf, isSamePost } from '../schema';
import { deepStorable, toStorable } from '../schema/storable';
import { newId } from '../util/uuid';
import { systemClock, type Clock } from '../util/clock';
import { LOCAL_SCOPE, type SatchelDb } from './database';
import { mergeDraft } from './merge';
import { contentAliasKvKey, contentAliasOf } from './queries';
import { addMutation } from './outbox';
import { captureTables, contentOf, createArgs, ensureInboxIn, patchCaptureIn, type CapturePatch } from './capture-writes';
import { legacyWebRows } from './web-legacy';

export { CaptureFieldError, type CapturePatch } from './capture-writes';

/** Options shared by the mutations. */
export interface WriteOptions {
  /** Scope to write into; default `personal:local` (no sync yet). */
  scopeId?: string;
  /** Clock for `capturedAt`/`updatedAt`/`clientTs` (epoch ms); default `Date.now`. */
  clock?: Clock;
}

/** Options of {@link saveCapture}. */
export interface SaveOptions extends WriteOptions {
  /** Put a newly created capture in the scope's "Inbox" collection (created on first need). Default true. */
  inbox?: boolean;
  /**
   * Issue 9: the key (`<platform>:content:<hash>`) of an id-less capture the caller believes is
   * this post. Used only when it passes {@link isSamePost}; the draft's own content key is tried anyway.
   */
  aliasKey?: string;
}

/**
 * Issue 9: the live id-less capture (`permalinkMissing`) of the scope that `draft`, read with its
 * real id, turns out to be (docs/sites/linkedin.md "Posts without an id"), or undefined. Looks up
 * the draft's own content key and `aliasKey`, and keeps only a row that {@link isSamePost} accepts.
 */
async function idlessTwin(db: SatchelDb, scopeId: string, draft: CaptureDraft, aliasKey: string | undefined): Promise<Capture | undefined> {
  if (draft.permalinkMissing || isContentKey(draft.postId)) return undefined;
  const keys = [...new Set([`${draft.platform}:${contentKeyOf(draft)}`, ...(aliasKey ? [aliasKey] : [])])];
  for (const k of keys) {
    const row = await db.captures.where('[scopeId+key]').equals([scopeId, k]).first();
    if (row && row.deletedAt === null && isSamePost(row, draft)) return row;
  }
  return undefined;
}

/**
 * Issue 9: the live capture of the scope that holds, under its real id, the post `draft` read
 * without one (lib/schema `isIdlessReadOf`), or undefined. For a capture this device has no
 * content-alias note of (`contentAliasOf`): one pulled from another device. Reads the scope's rows of
 * the platform and hashes only those by the draft's author (the content key's author part).
 */
async function keptWithId(db: SatchelDb, scopeId: string, draft: CaptureDraft): Promise<Capture | undefined> {
  const who = (a: CaptureDraft['author']) => a?.profileUrl || a?.name || '';
  const by = who(draft.author);
  return db.captures
    .where('[scopeId+key]')
    .between([scopeId, `${draft.platform}:`], [scopeId, `${draft.platform}:\uffff`])
    .filter((c) => c.deletedAt === null && who(c.author) === by && isIdlessReadOf(c, draft))
    .first();
}

/**
 * The capture of scope `scopeId` that holds the post `draft` reads (live if there is one, else its
 * tombstone, else undefined): the same key; else, issue 9, the same post across the id line — an
 * id-less capture that a draft with the id turns out to be ({@link idlessTwin}, also via `aliasKey`),
 * or, for a draft read without its id, the capture kept under the real id (the content-alias note,
 * else {@link keptWithId}). One lookup for saves, completions and shares (lib/db/share.ts), so none
 * of them makes a second capture of one post in a scope. Must run inside a transaction over
 * `captures` and `kv`.
 */
export async function postIn(db: SatchelDb, scopeId: string, draft: CaptureDraft, aliasKey?: string): Promise<Capture | undefined> {
  const key = captureKey(draft);
  let old = await db.captures.where('[scopeId+key]').equals([scopeId, key]).first();
  if (!old || old.deletedAt !== null) old = (await idlessTwin(db, scopeId, draft, aliasKey)) ?? old;
  // A post shown without its id, already saved here under its real id: the same capture.
  if ((!old || old.deletedAt !== null) && isContentKey(draft.postId)) old = (await contentAliasOf(db, scopeId, key)) ?? (await keptWithId(db, scopeId, draft)) ?? old;
  return old;
}

/** Outcome of {@link saveCapture} and {@link completeCapture}. */
export interface SaveResult {
  /** The stored capture after the write. */
  capture: Capture;
  /** True when this call created the capture; false when it already existed. */
  created: boolean;
  /** True when this call changed the stored row (created, or merged something fuller). */
  changed: boolean;
}

function newCapture(draft: CaptureDraft, scopeId: string, now: number, collectionIds: string[]): Capture {
  return {
    ...draft,
    id: newId(),
    key: captureKey(draft),
    scopeId,
    intent: null,
    note: null,
    tags: [],
    collectionIds,
    capturedAt: now,
    updatedAt: now,
    completedAt: null,
    deletedAt: null,
    reviewedAt: null,
    archivedAt: null,
    reflection: null,
    followUp: null,
  };
}

/**
 * Platforms whose pages may show a post without its id, so that a capture may be met under its
 * content key (docs/decisions/0007-posts-without-an-id.md). Only the LinkedIn adapter makes content
 * keys (lib/sites/linkedin/extract-c.ts `contentKeyC`); lib/db may not import lib/sites
 * (docs/architecture.md 6.4), hence this list. Add a site here when its adapter starts making them.
 */
export const IDLESS_PLATFORMS: ReadonlySet<Capture['platform']> = new Set(['linkedin']);

/**
 * Notes, device-locally, the content key(s) under which `c` (stored under its real id) may be met
 * on a page that shows no id: its own content key, and `formerKey` when an id-less capture was just
 * re-keyed (here, or on another device and then pulled). Read by {@link contentAliasOf}. Called by
 * saves and completions here and by the pull (lib/db/sync/apply-capture.ts), inside their rw
 * transaction (the `kv` table must be in it). Nothing for platforms outside {@link IDLESS_PLATFORMS}
 * (one content-key hash and one kv write per capture otherwise) or captures keyed by content.
 */
export async function noteContentAlias(db: SatchelDb, c: Capture, formerKey?: string): Promise<void> {
  if (!IDLESS_PLATFORMS.has(c.platform) || isContentKey(c.postId)) return;
  const keys = new Set([`${c.platform}:${contentKeyOf(c)}`, ...(formerKey ? [formerKey] : [])]);
  await db.kv.bulkPut([...keys].map((k) => ({ key: contentAliasKvKey(c.scopeId, k), value: c.id })));
}

const isConstraintError = (e: unknown) =>
  e instanceof Dexie.ConstraintError || (e as { name?: string } | null)?.name === 'ConstraintError';

async function upsert(db: SatchelDb, dirty: CaptureDraft, mode: 'save' | 'complete', opts: SaveOptions): Promise<SaveResult | null> {
  // The text the stores can hold (docs/sync-protocol.md 3.3), before the local row and the queue: device and server agree.
  const draft = deepStorable(dirty);
  const aliasKey = opts.aliasKey === undefined ? undefined : toStorable(opts.aliasKey);
  const scopeId = opts.scopeId ?? LOCAL_SCOPE;
  const clock = opts.clock ?? systemClock;
  const key = captureKey(draft);
  const attempt = () =>
    db.transaction('rw', captureTables(db), async (): Promise<SaveResult | null> => {
      const now = clock();
      let old = await postIn(db, scopeId, draft, aliasKey);
      // A web page saved before its key dropped tracking parameters (lib/db/web-legacy.ts): the same capture.
      if ((!old || old.deletedAt !== null) && draft.platform === 'web' && !key.includes('#')) old = (await legacyWebRows(db, scopeId)).get(key) ?? old;
      if (old && old.deletedAt !== null) {
        if (mode === 'complete') return null;
        // Re-saving a deleted post creates it anew (docs/sync-protocol.md 3.7: a delete is final on the server,
        // so the old id stays a tombstone there). Its deleteCapture is already in the outbox;
        // the local tombstone row is dropped so the unique [scopeId+key] index admits the new row.
        await db.captures.delete(old.id);
        old = undefined;
      }
      if (!old) {
        if (mode === 'complete') return null;
        const inbox = opts.inbox === false ? [] : [(await ensureInboxIn(db, scopeId, now)).id];
        const capture = newCapture(draft, scopeId, now, inbox);
        await db.captures.add(capture);
        await addMutation(db, 'createCapture', createArgs(capture), now);
        await noteContentAlias(db, capture);
        return { capture, created: true, changed: true };
      }
      const { capture, changed } = mergeDraft(old, draft, now);
      if (changed) {
        capture.key = captureKey(capture); // an id-less capture that got its id changes key
        await db.captures.put(capture);
        await addMutation(db, 'completeCapture', { id: capture.id, set: contentOf(capture) }, now);
      }
      await noteContentAlias(db, capture, old.key !== capture.key ? old.key : undefined);
      return { capture, created: false, changed };
    });
  try {
    return await attempt();
  } catch (e) {
    // Two writers raced past the lookup (separate connections): the unique [scopeId+key] index
    // refused the second insert, so retry once as a merge. Never two rows for one post.
    if (isConstraintError(e)) return attempt();
    throw e;
  }
}

/**
 * Saves a post. Dedupes by `<platform>:<postId>` within the scope: saving the same post again
 * returns the existing capture (`created: false`), merging in anything fuller (longer untruncated
 * text, media, quote, thread) and clearing the flags it fixes; a less complete draft never
 * overwrites a fuller one. Two different posts always get two rows. A new capture goes into the
 * scope's "Inbox" collection (unless `opts.inbox === false`). Saving a post that was deleted
 * creates it anew with a new id (the old id stays a tombstone for sync). A post saved earlier
 * without its id (`permalinkMissing`, issue 9) and now saved with it is the same capture: it takes
 * the id and permalink, and its key changes (the outbox carries it as `completeCapture`).
 *
 * Writes the capture and a `createCapture` (or `completeCapture`) outbox row in one rw transaction
 * (plus `createCollection` when the Inbox is created).
 * @throws Dexie errors (quota, closed database) — the message handler turns them into `{ok:false}`.
 */
export async function saveCapture(db: SatchelDb, draft: CaptureDraft, opts: SaveOptions = {}): Promise<SaveResult> {
  return (await upsert(db, draft, 'save', opts))!;
}

/**
 * Completes an already saved capture from a fuller draft met on a later visit: merges quietly as
 * {@link saveCapture} does and sets `completedAt` when a flag is cleared. A capture saved without
 * an id (issue 9) is found by its content key (or `opts.aliasKey`) and takes the draft's id. Never creates a capture
 * (nor revives a deleted one); returns null when the post is not saved in the scope. Same
 * one-transaction outbox invariant.
 */
export function completeCapture(db: SatchelDb, draft: CaptureDraft, opts: WriteOptions & Pick<SaveOptions, 'aliasKey'> = {}): Promise<SaveResult | null> {
  return upsert(db, draft, 'complete', opts);
}

/**
 * Changes the library fields of a capture (intent, tags, note, title, collections, review
 * fields). Returns the updated capture, or null when `id` does not exist or is deleted. One rw
 * transaction writes the row and its outbox rows: `updateCapture {id, baseVersion, set}` for the
 * plain fields (`baseVersion` 0 until sync stores server versions), one `addTag`/`removeTag` per
 * changed tag key, one `addToCollection`/`removeFromCollection` per changed collection.
 * @throws CaptureFieldError for a value the schema refuses (note > 20,000 characters, > 100 tags...); nothing written.
 */
export function updateCapture(db: SatchelDb, id: string, patch: CapturePatch, opts: Pick<WriteOptions, 'clock'> = {}): Promise<Capture | null> {
  const clock = opts.clock ?? systemClock;
  return db.transaction('rw', captureTables(db), () => patchCaptureIn(db, id, patch, clock()));
}

/**
 * Applies the same patch to many captures in ONE transaction (bulk actions). Unknown or deleted
 * ids are skipped. Returns the updated captures in `ids` order (skipped ones absent).
 */
export function updateCaptures(db: SatchelDb, ids: readonly string[], patch: CapturePatch | ((c: Capture) => CapturePatch), opts: Pick<WriteOptions, 'clock'> = {}): Promise<Capture[]> {
  const clock = opts.clock ?? systemClock;
  return db.transaction('rw', captureTables(db), async () => {
    const now = clock();
    const out: Capture[] = [];
    for (const id of new Set(ids)) {
      let p: CapturePatch;
      if (typeof patch === 'function') {
        const c = await db.captures.get(id);
        if (!c || c.deletedAt !== null) continue;
        p = patch(c);
      } else p = patch;
      const r = await patchCaptureIn(db, id, p, now);
      if (r) out.push(r);
    }
    return out;
  });
}

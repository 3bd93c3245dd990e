/**
 * The ONLY write path for synced tables (ARCHITECTURE.md 6.4).
 *
 * INVARIANT: every synced write also writes its outbox row in the same `rw` transaction
 * (dexie-cloud's mutation-tracking invariant, done explicitly). A change is never stored without
 * the mutation that tells the server about it, and no mutation exists for a change that rolled
 * back. Callers reply "saved" only after the returned promise resolves (the commit).
 *
 * All state lives in IndexedDB; nothing here is cached in memory, so a service worker stopped
 * between two calls loses nothing.
 */
import { Dexie } from 'dexie';
import type { Capture, CaptureDraft, Intent } from '../schema';
import { captureKey } from '../schema';
import { newId } from '../util/uuid';
import { systemClock, type Clock } from '../util/clock';
import { normalizeTags } from '../util/tag';
import { LOCAL_SCOPE, type CollectionRow, type MutationName, type SatchelDb } from './database';
import { mergeDraft } from './merge';

/** Options shared by the mutations. */
export interface WriteOptions {
  /** Scope to write into; default `personal:local` (no sync yet). */
  scopeId?: string;
  /** Clock for `capturedAt`/`updatedAt`/`clientTs` (epoch ms); default `Date.now`. */
  clock?: Clock;
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

/** Fields {@link updateCapture} may change. Omitted fields are left alone. */
export interface CapturePatch {
  intent?: Intent | null;
  /** Replaces the tag set; tags are normalised (NFC, trimmed, lowercased, <= 64). */
  tags?: string[];
  note?: string | null;
  /** Replaces the collection set; unknown ids are kept as given (sync checks scope). */
  collectionIds?: string[];
}

const addMutation = (db: SatchelDb, name: MutationName, args: Record<string, unknown>, now: number) =>
  db.outbox.add({ mutationId: newId(), name, args, clientTs: now });

function newCapture(draft: CaptureDraft, scopeId: string, now: number): Capture {
  return {
    ...draft,
    id: newId(),
    key: captureKey(draft),
    scopeId,
    intent: null,
    note: null,
    tags: [],
    collectionIds: [],
    capturedAt: now,
    updatedAt: now,
    completedAt: null,
  };
}

/** The draft part of a capture: the content fields the server stores (SYNC.md 3.3 createCapture + ours). */
function contentOf(c: Capture): Record<string, unknown> {
  const { id: _i, key: _k, scopeId: _s, intent: _in, note: _n, tags: _t, collectionIds: _c, capturedAt: _ca, updatedAt: _u, completedAt: _co, ...draft } = c;
  return draft;
}

const isConstraintError = (e: unknown) =>
  e instanceof Dexie.ConstraintError || (e as { name?: string } | null)?.name === 'ConstraintError';

async function upsert(db: SatchelDb, draft: CaptureDraft, mode: 'save' | 'complete', opts: WriteOptions): Promise<SaveResult | null> {
  const scopeId = opts.scopeId ?? LOCAL_SCOPE;
  const clock = opts.clock ?? systemClock;
  const key = captureKey(draft);
  const attempt = () =>
    db.transaction('rw', [db.captures, db.outbox], async (): Promise<SaveResult | null> => {
      const now = clock();
      const old = await db.captures.where('[scopeId+key]').equals([scopeId, key]).first();
      if (!old) {
        if (mode === 'complete') return null;
        const capture = newCapture(draft, scopeId, now);
        await db.captures.add(capture);
        await addMutation(db, 'createCapture', { id: capture.id, scopeId, ...contentOf(capture), capturedAt: now }, now);
        return { capture, created: true, changed: true };
      }
      const { capture, changed } = mergeDraft(old, draft, now);
      if (changed) {
        await db.captures.put(capture);
        await addMutation(db, 'completeCapture', { id: capture.id, set: contentOf(capture) }, now);
      }
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
 * overwrites a fuller one. Two different posts always get two rows.
 *
 * Writes the capture and a `createCapture` (or `completeCapture`) outbox row in one rw transaction.
 * @throws Dexie errors (quota, closed database) — the message handler turns them into `{ok:false}`.
 */
export async function saveCapture(db: SatchelDb, draft: CaptureDraft, opts: WriteOptions = {}): Promise<SaveResult> {
  return (await upsert(db, draft, 'save', opts))!;
}

/**
 * Completes an already saved capture from a fuller draft met on a later visit: merges quietly as
 * {@link saveCapture} does and sets `completedAt` when a flag is cleared. Never creates a capture;
 * returns null when the post is not saved in the scope. Same one-transaction outbox invariant.
 */
export function completeCapture(db: SatchelDb, draft: CaptureDraft, opts: WriteOptions = {}): Promise<SaveResult | null> {
  return upsert(db, draft, 'complete', opts);
}

/**
 * Changes the library fields of a capture (intent, tags, note, collections). Returns the updated
 * capture, or null when `id` does not exist. One rw transaction writes the row and its outbox
 * rows: `updateCapture` for intent/note (`baseVersion` 0 until sync stores server versions),
 * one `addTag`/`removeTag` per changed tag, one `addToCollection`/`removeFromCollection` per
 * changed collection.
 */
export function updateCapture(db: SatchelDb, id: string, patch: CapturePatch, opts: Pick<WriteOptions, 'clock'> = {}): Promise<Capture | null> {
  const clock = opts.clock ?? systemClock;
  return db.transaction('rw', [db.captures, db.outbox], async () => {
    const old = await db.captures.get(id);
    if (!old) return null;
    const now = clock();
    const next: Capture = { ...old };
    const set: Record<string, unknown> = {};
    if (patch.intent !== undefined && patch.intent !== old.intent) set.intent = next.intent = patch.intent;
    if (patch.note !== undefined && patch.note !== old.note) set.note = next.note = patch.note;
    const pending: Array<[MutationName, Record<string, unknown>]> = [];
    if (Object.keys(set).length > 0) pending.push(['updateCapture', { id, baseVersion: 0, set }]);
    if (patch.tags !== undefined) {
      next.tags = normalizeTags(patch.tags);
      for (const tag of next.tags) if (!old.tags.includes(tag)) pending.push(['addTag', { captureId: id, tag }]);
      for (const tag of old.tags) if (!next.tags.includes(tag)) pending.push(['removeTag', { captureId: id, tag }]);
    }
    if (patch.collectionIds !== undefined) {
      next.collectionIds = [...new Set(patch.collectionIds)];
      for (const c of next.collectionIds) if (!old.collectionIds.includes(c)) pending.push(['addToCollection', { collectionId: c, captureId: id }]);
      for (const c of old.collectionIds) if (!next.collectionIds.includes(c)) pending.push(['removeFromCollection', { collectionId: c, captureId: id }]);
    }
    if (pending.length === 0) return old;
    next.updatedAt = now;
    await db.captures.put(next);
    for (const [name, args] of pending) await addMutation(db, name, args, now);
    return next;
  });
}

/**
 * Creates a collection named `name` (trimmed; the caller validates 1–200 characters) in the scope.
 * Writes the row and a `createCollection` outbox row in one rw transaction.
 */
export function createCollection(db: SatchelDb, name: string, opts: WriteOptions = {}): Promise<CollectionRow> {
  const scopeId = opts.scopeId ?? LOCAL_SCOPE;
  const clock = opts.clock ?? systemClock;
  return db.transaction('rw', [db.collections, db.outbox], async () => {
    const now = clock();
    const row: CollectionRow = { id: newId(), scopeId, name: name.trim(), createdAt: now, updatedAt: now };
    await db.collections.add(row);
    await addMutation(db, 'createCollection', { id: row.id, scopeId, name: row.name }, now);
    return row;
  });
}

/**
 * Delete with undo (issue 3: "nothing is destroyed without a way back for a few seconds").
 *
 * How undo and sync interact — the design, and why:
 * 1. `deleteCaptures` soft-deletes: each row becomes a tombstone (`deletedAt` set; its tags and
 *    collection ids cleared, as the server's `deleteCapture` sets their elements `present=false`)
 *    and ONE `deleteCapture {id}` outbox row per capture is appended, in the same rw transaction.
 *    The full previous rows are kept in an undo record (`kv` key `undo:<token>`) until the window
 *    ends. Tombstones are hidden from every query.
 * 2. `undoDelete` never removes or edits outbox rows. The outbox is append-only for writers:
 *    the server refuses a gap in `seq` (docs/sync-protocol.md 3.4 `seq_gap`) and `++seq` never reuses a number,
 *    so deleting an unsent row would wedge sync; and a row may already be in flight (sent, not yet
 *    acknowledged) when the learner clicks Undo, so "remove it if still there" races with push.
 * 3. Instead undo compensates: on the server a delete is final (docs/sync-protocol.md 3.7, no undelete in v1),
 *    so each capture is re-created under a NEW id with all its fields: `createCapture` (content,
 *    note, tag keys, live collection ids) plus `updateCapture` for intent and review fields.
 *    Locally the tombstone row is replaced by the new row. This is correct whether or not the
 *    delete reached the server, costs two extra mutations only when Undo is used, and keeps the
 *    outbox a faithful log. The capture's id changes: callers use the returned captures.
 * 4. After the window the undo record is dropped (lazily, on the next delete or undo).
 */
import type { Capture } from '../schema';
import { newId } from '../util/uuid';
import { systemClock } from '../util/clock';
import type { SatchelDb } from './database';
import { addMutation } from './outbox';
import type { WriteOptions } from './mutations';
import { addCreateMutations, captureTables } from './capture-writes';
import { captureRight } from './team-rights';
import { forgetDiscussion } from './sync/forget';

/** How long a delete can be undone by default: 10 s (the UI shows its toast for less). */
export const UNDO_WINDOW_MS = 10_000;

/** Handle on one delete, for {@link undoDelete}. Plain JSON (can cross a message boundary). */
export interface DeleteToken {
  /** Opaque id of the undo record. */
  token: string;
  /** How many captures were deleted (unknown/already deleted ids are not counted). */
  count: number;
  /** epoch ms after which the delete can no longer be undone. */
  expiresAt: number;
}

interface UndoRecord {
  expiresAt: number;
  captures: Capture[];
}

const UNDO_PREFIX = 'undo:';

async function dropExpired(db: SatchelDb, now: number): Promise<void> {
  const rows = await db.kv.where('key').startsWith(UNDO_PREFIX).toArray();
  for (const r of rows) if ((r.value as UndoRecord).expiresAt < now) await db.kv.delete(r.key);
}

/**
 * Deletes captures (one or many, one transaction) with a way back. Unknown and already deleted
 * ids are skipped. Returns a token for {@link undoDelete}; valid for `windowMs` (default 10 s).
 * Outbox: one `deleteCapture {id}` per deleted capture.
 */
export function deleteCaptures(db: SatchelDb, ids: readonly string[], opts: Pick<WriteOptions, 'clock'> & { windowMs?: number } = {}): Promise<DeleteToken> {
  const clock = opts.clock ?? systemClock;
  return db.transaction('rw', captureTables(db), async () => {
    const now = clock();
    await dropExpired(db, now);
    const kept: Capture[] = [];
    for (const id of new Set(ids)) {
      const c = await db.captures.get(id);
      if (!c || c.deletedAt !== null) continue;
      kept.push(c);
      await db.captures.put({ ...c, deletedAt: now, updatedAt: now, tags: [], collectionIds: [] });
      await addMutation(db, 'deleteCapture', { id }, now);
    }
    // A deleted capture keeps no discussion (issue 11). Only where the delete will stand: one the server would refuse is restored by sync, thread included.
    const allowed = await Promise.all(kept.map(async (c) => ((await captureRight(db, c)) === 'all' ? [c.id] : [])));
    await forgetDiscussion(db, allowed.flat());
    const token = newId();
    const expiresAt = now + (opts.windowMs ?? UNDO_WINDOW_MS);
    if (kept.length > 0) await db.kv.put({ key: UNDO_PREFIX + token, value: { expiresAt, captures: kept } satisfies UndoRecord });
    return { token, count: kept.length, expiresAt };
  });
}

/**
 * Undoes a {@link deleteCaptures} within its window: each capture comes back with every field
 * (note, tags, collections that still exist, review fields) under a NEW id (see the module
 * comment, step 3). A capture whose post was saved again meanwhile is not restored (the new save
 * wins). Returns the restored captures, or null when the token is unknown or expired (nothing
 * written). One transaction.
 */
export function undoDelete(db: SatchelDb, token: string, opts: Pick<WriteOptions, 'clock'> = {}): Promise<Capture[] | null> {
  const clock = opts.clock ?? systemClock;
  return db.transaction('rw', captureTables(db), async () => {
    const now = clock();
    const rec = (await db.kv.get(UNDO_PREFIX + token))?.value as UndoRecord | undefined;
    if (!rec) return null;
    await db.kv.delete(UNDO_PREFIX + token);
    if (rec.expiresAt < now) return null;
    const restored: Capture[] = [];
    for (const prev of rec.captures) {
      const tomb = await db.captures.get(prev.id);
      if (!tomb || tomb.deletedAt === null) continue;
      const sameKey = await db.captures.where('[scopeId+key]').equals([prev.scopeId, prev.key]).first();
      if (sameKey && sameKey.id !== prev.id) continue; // saved again meanwhile: keep the new save
      const live = [];
      for (const cid of prev.collectionIds) {
        const col = await db.collections.get(cid);
        if (col && col.deletedAt === null) live.push(cid);
      }
      const next: Capture = { ...prev, id: newId(), collectionIds: live, deletedAt: null, updatedAt: now };
      await db.captures.delete(prev.id);
      await db.captures.add(next);
      await addCreateMutations(db, next, now);
      restored.push(next);
    }
    return restored;
  });
}

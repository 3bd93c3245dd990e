/**
 * The local side of sync (docs/sync-protocol.md 3.9) over the Dexie database: what lib/sync's engine calls as
 * its `SyncStore` (the shapes match structurally; lib/db may not import lib/sync, docs/architecture.md
 * 6.2, and tests/sync-store-contract.test.ts checks they stay assignable).
 *
 * Scopes. Locally the learner's own scope is always `personal:local` (every query and write of the
 * library uses it, signed in or not). On the wire it is `personal:<userId>`: outgoing mutation args
 * are mapped on the way out and incoming rows on the way in. Team scopes keep their ids.
 *
 * Seq. The outbox numbers mutations with IndexedDB's `++seq`, which never goes back. The server
 * wants contiguous numbers per device from its `last_mutation_seq + 1`. So the wire seq is
 * `localSeq - base`, with `base` fixed the first time a device pushes (and again after a device
 * change): `base = firstPendingLocalSeq - 1 - serverLastSeq`.
 *
 * Every method is one rw transaction: a stopped service worker can repeat a step, never half-do it.
 */
import type { Capture } from '../schema';
import { tagKey } from '../schema/tag';
import type { PullResponse, PushResponse, SyncChange } from '../schema/sync';
import { LOCAL_SCOPE, type OutboxRow, type RejectedRow, type SatchelDb } from './database';
import { newId } from '../util/uuid';
import { SYNC_SCOPES_KEY } from './share';
import { addMutation } from './outbox';
import { ensureDeviceId, readSyncAuth, readSyncState, writeSyncState, clearSyncAuth, type StoredSyncAuth, type StoredSyncState } from './sync-state';

/** Library fields of a capture that `updateCapture` changes (lib/schema/sync.ts UPDATE_CAPTURE_FIELDS). */
const LIBRARY_FIELDS = ['intent', 'note', 'title', 'reviewedAt', 'archivedAt', 'reflection', 'followUp'] as const;

/** Name of the default collection fresh saves go to (lib/db/collection-rows.ts). */
const INBOX_NAME = 'Inbox';

/** kv key of element changes (tags, collection items) whose capture has not been pulled yet. */
export const SYNC_ORPHANS_KEY = 'syncOrphans';
/** At most this many waiting element changes are kept (a capture arrives within a run or two). */
const MAX_ORPHANS = 5000;

/** kv key of the ids an initial snapshot has delivered so far (while it spans several pages). */
export const SYNC_SNAPSHOT_KEY = 'syncSnapshot';

/** kv key of the seq mapping of the current device. */
export const SYNC_SEQ_KEY = 'syncSeq';

/** The seq mapping: wire seq = local seq - base; `serverSeq` = the last wire seq the server has. */
interface SeqMap {
  deviceId: string;
  base: number | null;
  serverSeq: number;
}

/** One pending mutation as the engine pushes it (lib/sync `OutboxItem`). */
export interface WireOutboxItem {
  seq: number;
  mutationId: string;
  name: string;
  args: Record<string, unknown>;
  clientTs: number;
}

const REFUSED = new Set(['gone', 'not_found', 'rejected']);

/** The `SyncStore` of lib/sync over `db`. */
export function dexieSyncStore(db: SatchelDb) {
  async function seqMap(auth: StoredSyncAuth): Promise<SeqMap> {
    const v = (await db.kv.get(SYNC_SEQ_KEY))?.value as SeqMap | undefined;
    return v && v.deviceId === auth.deviceId ? v : { deviceId: auth.deviceId, base: null, serverSeq: 0 };
  }
  const writeSeq = (m: SeqMap) => db.kv.put({ key: SYNC_SEQ_KEY, value: m });

  return {
    readAuth: (): Promise<StoredSyncAuth | null> => readSyncAuth(db),
    readState: (): Promise<StoredSyncState> => readSyncState(db),
    async writeState(patch: Partial<StoredSyncState>): Promise<void> {
      await writeSyncState(db, patch);
    },

    /** The oldest pending mutations with wire seqs and wire scope ids, at most `limit`. */
    readOutbox(limit: number): Promise<WireOutboxItem[]> {
      return db.transaction('rw', [db.outbox, db.kv], async () => {
        const auth = await readSyncAuth(db);
        if (!auth) return [];
        const rows = await db.outbox.orderBy('seq').limit(limit).toArray();
        if (rows.length === 0) return [];
        const m = await seqMap(auth);
        if (m.base === null) {
          m.base = rows[0]!.seq! - 1 - m.serverSeq;
          await writeSeq(m);
        }
        const base = m.base;
        return rows.map((r) => ({ seq: r.seq! - base, mutationId: r.mutationId, name: r.name, args: toWire(r.args, auth.userId), clientTs: r.clientTs }));
      });
    },

    /**
     * Drops what the server acknowledged; keeps refused mutations (with payloads) in `rejected`;
     * a `createCapture` merged into another id (`canonicalId`) drops its local row, which the
     * following pull replaces with the canonical one.
     */
    applyPushResults(res: PushResponse, sent: readonly WireOutboxItem[]): Promise<void> {
      return db.transaction('rw', [db.outbox, db.kv, db.rejected, db.captures, db.collections, db.syncMeta, db.tags], async () => {
        const auth = await readSyncAuth(db);
        if (!auth) return;
        const m = await seqMap(auth);
        const bySeq = new Map(sent.map((s) => [s.seq, s]));
        const now = Date.now();
        for (const r of res.results) {
          const item = bySeq.get(r.seq);
          if (!item) continue;
          // A withdraw's own `rejected:withdrawn` is its expected answer: the change it stands for is already in `rejected`.
          if (REFUSED.has(r.status) && item.name !== 'withdraw') await refuse(item, auth.userId, { status: r.status, code: r.code ?? null, at: now });
          // Merged into a capture the scope already held (same post): drop our row; the pull brings the canonical one.
          const mergedId = item.name === 'createCapture' ? item.args.id : item.name === 'shareCapture' ? item.args.newId : null;
          if (r.canonicalId && typeof mergedId === 'string' && mergedId !== r.canonicalId) {
            await db.captures.delete(mergedId);
            await db.syncMeta.delete(mergedId);
          }
        }
        await dropAcknowledged(m, res.lastMutationSeq);
      });
    },

    /** One pull page, in one transaction (docs/sync-protocol.md 3.9 pull phase, steps 1–5). */
    applyPullPage(page: PullResponse): Promise<void> {
      return db.transaction('rw', [db.captures, db.collections, db.tags, db.outbox, db.kv, db.syncMeta, db.noteConflicts], async () => {
        const auth = await readSyncAuth(db);
        if (!auth) return;
        const local = (s: string) => fromWireScope(s, auth.userId);
        for (const s of page.revokedScopes) await purgeScope(local(s), false);
        for (const s of page.resetScopes) await purgeScope(local(s), true);
        // An initial snapshot (first pull, cookie null) carries no tombstones, so a row this device
        // pushed and someone deleted before this device's first pull would never be reported
        // deleted. Record the ids the snapshot holds; when its last page arrives, drop local rows
        // it did not hold that have nothing pending (they are gone on the server).
        const before = await readSyncState(db);
        const snap = ((await db.kv.get(SYNC_SNAPSHOT_KEY))?.value as { captures: string[]; collections: string[] } | undefined) ?? (before.cookie === null ? { captures: [], collections: [] } : null);
        if (snap) {
          for (const c of page.changes) {
            if (c.op !== 'put') continue;
            if (c.entity === 'capture') snap.captures.push(c.key);
            else if (c.entity === 'collection') snap.collections.push(c.key);
          }
        }
        const pending = await pendingByCapture();
        // Rows first, then their elements: a capture's version can be newer than its tags'
        // (a later note edit), so its change may come after theirs. Elements whose capture is not
        // here yet (it is on a later page) wait in kv and are applied when it arrives.
        const isRow = (c: SyncChange) => c.entity === 'capture' || c.entity === 'collection';
        const waiting = [...(((await db.kv.get(SYNC_ORPHANS_KEY))?.value as SyncChange[] | undefined) ?? [])];
        const orphans: SyncChange[] = [];
        for (const c of page.changes.filter(isRow)) await applyChange(c, local(c.scopeId), pending, orphans);
        for (const c of [...waiting, ...page.changes.filter((x) => !isRow(x))]) await applyChange(c, local(c.scopeId), pending, orphans);
        await db.kv.put({ key: SYNC_ORPHANS_KEY, value: orphans.slice(-MAX_ORPHANS) });
        const m = await seqMap(auth);
        await dropAcknowledged(m, page.lastMutationSeq);
        await db.kv.put({ key: SYNC_SCOPES_KEY, value: page.scopes.map((x) => ({ ...x, id: local(x.id) })) });
        if (snap && page.hasMore) await db.kv.put({ key: SYNC_SNAPSHOT_KEY, value: snap });
        else if (snap) {
          await db.kv.delete(SYNC_SNAPSHOT_KEY);
          await sweepAfterSnapshot(new Set(snap.captures), new Set(snap.collections), new Set(page.scopes.map((x) => local(x.id))));
        }
        // After the sweep: merging Inboxes writes outbox rows, which would shield swept rows.
        for (const sc of new Set(page.changes.filter((c) => c.entity === 'collection').map((c) => local(c.scopeId)))) await mergeInboxes(sc);
        await writeSyncState(db, { cookie: page.cookie });
      });
    },

    /**
     * Withdraws a poison mutation (lib/sync `SyncStore.withdraw`, docs/sync-protocol.md 3.9 "Poison the
     * client isolates"): refused and undone as a `rejected` result, its outbox row replaced at the same
     * local seq by `withdraw {name, reason}` with a new mutationId. One transaction.
     */
    withdraw(item: WireOutboxItem, reason: string): Promise<void> {
      return db.transaction('rw', [db.outbox, db.kv, db.rejected, db.captures, db.collections, db.syncMeta, db.tags], async () => {
        const auth = await readSyncAuth(db);
        if (!auth) return;
        const m = await seqMap(auth);
        if (m.base === null) return;
        const localSeq = m.base + item.seq;
        const row = await db.outbox.get(localSeq);
        if (!row || row.mutationId !== item.mutationId) return;
        const now = Date.now();
        await refuse(item, auth.userId, { status: 'rejected', code: 'withdrawn', reason, at: now });
        await db.outbox.put({ seq: localSeq, mutationId: newId(), name: 'withdraw', args: { name: item.name, reason }, clientTs: now });
      });
    },

    /**
     * After `409 device_state_mismatch` (the local database was restored from an older copy):
     * this device needs a new identity, which needs the learner's password. Signs out locally,
     * keeps the outbox and the library, and forgets the seq mapping; signing in again registers a
     * new device that pushes the outbox from seq 1.
     */
    resetDevice(): Promise<void> {
      return db.transaction('rw', [db.kv], async () => {
        await db.kv.delete(SYNC_SEQ_KEY);
        await db.kv.delete('deviceId');
        await ensureDeviceId(db);
        await clearSyncAuth(db);
        await writeSyncState(db, { lastError: { kind: 'device', message: 'This device was reset; sign in again to re-register it. Nothing was lost.', at: Date.now() } });
      });
    },
  };

  /**
   * One Inbox per scope across devices: each browser makes its own Inbox on its first save, before
   * it has ever synced. When a scope holds several (ours and ones pulled from other devices), the
   * one with the smallest id wins on every device; the others' captures move into it and they are
   * deleted (outbox rows written here, in the pull's transaction), so all devices converge.
   */
  async function mergeInboxes(scopeId: string): Promise<void> {
    const boxes = (await db.collections.where('scopeId').equals(scopeId).toArray()).filter((c) => c.deletedAt === null && (c.inbox || c.name === INBOX_NAME));
    if (boxes.length < 2) return;
    boxes.sort((a, b) => a.id.localeCompare(b.id));
    const [winner, ...losers] = boxes;
    const now = Date.now();
    if (!winner!.inbox) await db.collections.put({ ...winner!, inbox: true });
    for (const loser of losers) {
      for (const cap of await db.captures.where('collectionIds').equals(loser.id).toArray()) {
        const has = cap.collectionIds.includes(winner!.id);
        await db.captures.put({ ...cap, collectionIds: [...cap.collectionIds.filter((x) => x !== loser.id && x !== winner!.id), winner!.id] });
        if (!has) await addMutation(db, 'addToCollection', { collectionId: winner!.id, captureId: cap.id }, now);
      }
      await db.collections.delete(loser.id);
      await addMutation(db, 'deleteCollection', { id: loser.id }, now);
    }
  }

  /**
   * Keeps a mutation the server did not apply in `rejected` (with its payload, and `reason` when the
   * client withdrew it) and undoes its optimistic local effect. Inside a rw transaction.
   */
  async function refuse(item: WireOutboxItem, userId: string, why: Pick<RejectedRow, 'status' | 'code' | 'reason' | 'at'>): Promise<void> {
    const scope = typeof item.args.scopeId === 'string' ? fromWireScope(item.args.scopeId, userId) : null;
    await db.rejected.put({ mutationId: item.mutationId, seq: item.seq, name: item.name, args: item.args, scopeId: scope, ...why });
    // A refused create never existed on the server: drop the optimistic local row (its
    // payload is kept in `rejected`). Refused updates are put right by the next pull.
    const created = item.name === 'createCapture' ? item.args.id : item.name === 'shareCapture' ? item.args.newId : null;
    if (typeof created === 'string') {
      await db.captures.delete(created);
      await db.syncMeta.delete(created);
    }
    if (item.name === 'createCollection' && typeof item.args.id === 'string') await db.collections.delete(item.args.id);
    else if (typeof created !== 'string') await rollback(item);
  }

  /** Keeps the server's tag keys / collection ids of a capture in its syncMeta (for rollbacks). */
  async function noteServerElement(captureId: string, list: 'tags' | 'collectionIds', value: string, present: boolean): Promise<void> {
    const meta = await db.syncMeta.get(captureId);
    if (!meta) return;
    const server = meta.server ?? { fields: {}, tags: [], collectionIds: [] };
    const next = server[list].filter((x) => x !== value);
    if (present) next.push(value);
    await db.syncMeta.put({ ...meta, server: { ...server, [list]: next } });
  }

  /** Undoes a refused change on a capture: back to the server's values as last pulled. */
  async function rollback(item: WireOutboxItem): Promise<void> {
    const id = String(item.args.id ?? item.args.captureId ?? '');
    const [cap, meta] = await Promise.all([db.captures.get(id), db.syncMeta.get(id)]);
    if (!cap || !meta?.server) return;
    const next = { ...cap } as Capture & Record<string, unknown>;
    if (item.name === 'updateCapture') {
      for (const f of Object.keys((item.args.set as object | undefined) ?? {})) if (f in meta.server.fields) next[f] = meta.server.fields[f];
    } else if (item.name === 'addTag' || item.name === 'removeTag') {
      const key = tagKey(String(item.args.tag));
      const onServer = key !== null && meta.server.tags.includes(key);
      const has = cap.tags.some((t) => tagKey(t) === key);
      if (onServer && !has) next.tags = [...cap.tags, (await db.tags.get([cap.scopeId, key!]))?.label ?? key!];
      if (!onServer && has) next.tags = cap.tags.filter((t) => tagKey(t) !== key);
    } else if (item.name === 'deleteCapture') {
      // e.g. an editor deleting a capture someone else shared: it stays in the team.
      next.deletedAt = null;
      next.tags = await Promise.all(meta.server.tags.map(async (k) => (await db.tags.get([cap.scopeId, k]))?.label ?? k));
      next.collectionIds = [...meta.server.collectionIds];
      for (const f of LIBRARY_FIELDS) if (f in meta.server.fields) (next as Record<string, unknown>)[f] = meta.server.fields[f];
    } else if (item.name === 'addToCollection' || item.name === 'removeFromCollection') {
      const col = String(item.args.collectionId);
      const onServer = meta.server.collectionIds.includes(col);
      const has = cap.collectionIds.includes(col);
      if (onServer && !has) next.collectionIds = [...cap.collectionIds, col];
      if (!onServer && has) next.collectionIds = cap.collectionIds.filter((x) => x !== col);
    } else return;
    await db.captures.put(next);
  }

  /** Drops synced rows an initial snapshot did not hold (gone on the server), keeping anything with a pending change. */
  async function sweepAfterSnapshot(captures: Set<string>, collections: Set<string>, scopes: Set<string>): Promise<void> {
    const pending = await pendingByCapture();
    const pendingCollections = new Set<string>();
    await db.outbox.each((r: OutboxRow) => {
      if (r.name === 'createCollection' || r.name === 'renameCollection' || r.name === 'deleteCollection') pendingCollections.add(String(r.args.id));
    });
    for (const scopeId of scopes) {
      const gone = (await db.captures.where('scopeId').equals(scopeId).toArray()).filter((c) => c.deletedAt === null && !captures.has(c.id) && !pending.has(c.id)).map((c) => c.id);
      await db.captures.bulkDelete(gone);
      await db.syncMeta.bulkDelete(gone);
      const goneCols = (await db.collections.where('scopeId').equals(scopeId).toArray()).filter((c) => c.deletedAt === null && !collections.has(c.id) && !pendingCollections.has(c.id)).map((c) => c.id);
      await db.collections.bulkDelete(goneCols);
    }
  }

  async function dropAcknowledged(m: SeqMap, lastMutationSeq: number): Promise<void> {
    if (lastMutationSeq > m.serverSeq) m.serverSeq = lastMutationSeq;
    if (m.base !== null) await db.outbox.where('seq').belowOrEqual(m.base + m.serverSeq).delete();
    await writeSeq(m);
  }

  /** Deletes a scope's synced rows (revoked: all; reset: those with no pending change). */
  async function purgeScope(scopeId: string, keepPending: boolean): Promise<void> {
    const pending = keepPending ? await pendingByCapture() : new Map<string, Set<string>>();
    const ids = (await db.captures.where('scopeId').equals(scopeId).primaryKeys()).filter((id) => !pending.has(id));
    await db.captures.bulkDelete(ids);
    await db.syncMeta.bulkDelete(ids);
    await db.noteConflicts.where('scopeId').equals(scopeId).delete();
    if (!keepPending) {
      await db.collections.where('scopeId').equals(scopeId).delete();
      await db.tags.where('scopeId').equals(scopeId).delete();
    }
  }

  /**
   * What the outbox still has to tell the server, per capture id: field names of pending
   * `updateCapture`s, `tag:<key>` and `col:<id>` of pending tag/collection changes, `*` for a
   * pending create, delete or completion (the local row is newer than anything pulled).
   */
  async function pendingByCapture(): Promise<Map<string, Set<string>>> {
    const out = new Map<string, Set<string>>();
    const add = (id: unknown, what: string) => {
      if (typeof id !== 'string') return;
      let s = out.get(id);
      if (!s) out.set(id, (s = new Set()));
      s.add(what);
    };
    await db.outbox.each((r: OutboxRow) => {
      const a = r.args;
      switch (r.name) {
        case 'updateCapture':
          for (const f of Object.keys((a.set as object | undefined) ?? {})) add(a.id, f);
          break;
        case 'addTag':
        case 'removeTag':
          add(a.captureId, `tag:${tagKey(String(a.tag)) ?? ''}`);
          break;
        case 'addToCollection':
        case 'removeFromCollection':
          add(a.captureId, `col:${String(a.collectionId)}`);
          break;
        case 'createCapture':
        case 'completeCapture':
        case 'deleteCapture':
          add(a.id, '*');
          break;
      }
    });
    return out;
  }

  async function applyChange(c: SyncChange, scopeId: string, pending: Map<string, Set<string>>, orphans: SyncChange[]): Promise<void> {
    switch (c.entity) {
      case 'capture': {
        if (pending.get(c.key)?.has('*')) return; // our newer local row wins until the server has it
        if (c.op === 'del') {
          await db.captures.delete(c.key);
          await db.syncMeta.delete(c.key);
          return;
        }
        const v = c.value as ServerCapture;
        const old = await db.captures.get(v.id);
        const row = toLocalCapture(v, scopeId, old, pending.get(v.id));
        // Two devices saved the same post offline: the server kept one id; drop our other row.
        const twin = await db.captures.where('[scopeId+key]').equals([scopeId, row.key]).first();
        if (twin && twin.id !== row.id && !pending.get(twin.id)?.has('*')) {
          await db.captures.delete(twin.id);
          await db.syncMeta.delete(twin.id);
        } else if (twin && twin.id !== row.id) return; // our twin is still being created: the server will merge it
        await db.captures.put(row);
        const prevMeta = await db.syncMeta.get(v.id);
        const fields: Record<string, unknown> = {};
        for (const f of LIBRARY_FIELDS) fields[f] = (v as Record<string, unknown>)[f] ?? null;
        await db.syncMeta.put({
          id: v.id, scopeId, version: v.version, noteVersion: v.noteVersion, ownerUserId: v.ownerUserId, sourceCaptureId: v.sourceCaptureId,
          server: { fields, tags: prevMeta?.server?.tags ?? [], collectionIds: prevMeta?.server?.collectionIds ?? [] },
        });
        return;
      }
      case 'captureTag': {
        const [captureId, tag] = splitKey(c.key);
        const key = tagKey(tag);
        if (key) await noteServerElement(captureId, 'tags', key, c.op === 'put');
        if (!key || pending.get(captureId)?.has(`tag:${key}`) || pending.get(captureId)?.has('*')) return;
        const cap = await db.captures.get(captureId);
        if (!cap) {
          orphans.push(c);
          return;
        }
        const has = cap.tags.some((t) => tagKey(t) === key);
        if (c.op === 'put' && !has) {
          const label = (await db.tags.get([scopeId, key]))?.label ?? tag;
          if (!(await db.tags.get([scopeId, key]))) await db.tags.put({ scopeId, key, label, createdAt: Date.now() });
          await db.captures.put({ ...cap, tags: [...cap.tags, label] });
        } else if (c.op === 'del' && has) {
          await db.captures.put({ ...cap, tags: cap.tags.filter((t) => tagKey(t) !== key) });
        }
        return;
      }
      case 'collection': {
        if (c.op === 'del') {
          await db.collections.delete(c.key);
          for (const cap of await db.captures.where('collectionIds').equals(c.key).toArray()) {
            await db.captures.put({ ...cap, collectionIds: cap.collectionIds.filter((id) => id !== c.key) });
          }
          return;
        }
        const v = c.value as { id: string; name: string };
        const old = await db.collections.get(v.id);
        const now = Date.now();
        // Another device's "Inbox" becomes this device's Inbox when it has none yet in the scope,
        // so fresh saves on every device land in one Inbox (lib/db/collection-rows.ts findInbox).
        const inbox = old?.inbox ?? (v.name === INBOX_NAME && !(await db.collections.where('scopeId').equals(scopeId).filter((x) => x.inbox && x.deletedAt === null).first()));
        await db.collections.put({ id: v.id, scopeId, name: v.name, inbox, createdAt: old?.createdAt ?? now, updatedAt: now, deletedAt: null });
        return;
      }
      case 'collectionItem': {
        const [collectionId, captureId] = splitKey(c.key);
        await noteServerElement(captureId, 'collectionIds', collectionId, c.op === 'put');
        if (pending.get(captureId)?.has(`col:${collectionId}`) || pending.get(captureId)?.has('*')) return;
        const cap = await db.captures.get(captureId);
        if (!cap) {
          orphans.push(c);
          return;
        }
        const has = cap.collectionIds.includes(collectionId);
        if (c.op === 'put' && !has) await db.captures.put({ ...cap, collectionIds: [...cap.collectionIds, collectionId] });
        else if (c.op === 'del' && has) await db.captures.put({ ...cap, collectionIds: cap.collectionIds.filter((id) => id !== collectionId) });
        return;
      }
      case 'noteConflict': {
        if (c.op === 'del') await db.noteConflicts.delete(c.key);
        else await db.noteConflicts.put({ ...(c.value as Omit<import('./database').NoteConflictRow, 'scopeId'>), scopeId });
        return;
      }
    }
  }
}

/** A capture as a pull carries it (lib/schema `SyncCapture`; validated by the transport). */
type ServerCapture = Omit<Capture, 'tags' | 'collectionIds' | 'deletedAt'> & {
  ownerUserId: string;
  sourceCaptureId: string | null;
  noteVersion: number;
  version: number;
  createdAt: number;
};

/** The server row as a local capture: local tags and collections kept; fields with a pending local change kept. */
function toLocalCapture(v: ServerCapture, scopeId: string, old: Capture | undefined, pending: Set<string> | undefined): Capture {
  const { ownerUserId: _o, sourceCaptureId: _s, noteVersion: _n, version: _v, createdAt: _c, ...rest } = v;
  const row: Capture = { ...(rest as Omit<Capture, 'tags' | 'collectionIds' | 'deletedAt'>), scopeId, tags: old?.tags ?? [], collectionIds: old?.collectionIds ?? [], deletedAt: null };
  if (old && pending) {
    for (const f of pending) if (f in old && !f.includes(':')) (row as Record<string, unknown>)[f] = (old as Record<string, unknown>)[f];
  }
  return row;
}

/** `a|b` keys of element rows (captureTag: `captureId|tag`; collectionItem: `collectionId|captureId`). */
function splitKey(key: string): [string, string] {
  const i = key.indexOf('|');
  return [key.slice(0, i), key.slice(i + 1)];
}

/** Local `personal:local` → `personal:<userId>` in mutation args (scopeId, targetScopeId). */
function toWire(args: Record<string, unknown>, userId: string): Record<string, unknown> {
  const map = (v: unknown) => (v === LOCAL_SCOPE ? `personal:${userId}` : v);
  if (!('scopeId' in args) && !('targetScopeId' in args)) return args;
  const out = { ...args };
  if ('scopeId' in out) out.scopeId = map(out.scopeId);
  if ('targetScopeId' in out) out.targetScopeId = map(out.targetScopeId);
  return out;
}

/** Wire `personal:<userId>` → local `personal:local`. */
export function fromWireScope(scopeId: string, userId: string): string {
  return scopeId === `personal:${userId}` ? LOCAL_SCOPE : scopeId;
}

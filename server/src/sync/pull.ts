/**
 * `POST /v1/sync/pull` protocol steps (docs/sync-protocol.md 3.5), no HTTP here. Runs in ONE read snapshot, so
 * the rows, the scope versions and `lastMutationSeq` all describe the same committed state.
 */
import type { PullResponse, SyncCapture, SyncChange, SyncChangeOf, SyncEntity, SyncValue } from '../../../lib/schema';
import { reactionKey } from '../../../lib/schema/discussion';
import { scopesOf } from '../authz';
import type { Store, Tx } from '../db/open-store';
import type { CapturesTable, CommentsTable, ReactionsTable } from '../db/schema';
import { libraryValues } from './capture-row';
import { encodeCookie, type Cursor } from './cookie';

/** Serialises a stored capture to the wire `SyncCapture` (explicit: no internal column leaks; library fields from ./capture-row.ts). */
export function captureValue(r: CapturesTable): SyncCapture {
  const draft = JSON.parse(r.content_json) as Record<string, unknown>;
  return {
    ...draft,
    ...libraryValues(r, draft),
    id: r.id,
    scopeId: r.scope_id,
    key: r.post_key,
    ownerUserId: r.owner_user_id,
    sourceCaptureId: r.source_capture_id,
    capturedAt: Number(r.captured_at),
    noteVersion: Number(r.note_version),
    answerCommentId: r.answer_comment_id,
    completedAt: r.completed_at === null ? null : Number(r.completed_at),
    version: Number(r.version),
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
  } as SyncCapture;
}

/** Serialises a stored comment to the wire `SyncComment`. */
export function commentValue(r: CommentsTable): SyncValue<'comment'> {
  return {
    id: r.id, scopeId: r.scope_id, captureId: r.capture_id, parentId: r.parent_id, authorUserId: r.author_user_id, body: r.body,
    mentions: JSON.parse(r.mentions_json) as string[], createdAt: Number(r.created_at), editedAt: r.edited_at === null ? null : Number(r.edited_at), version: Number(r.version),
  };
}

/** Serialises a stored (present) reaction to the wire `SyncReaction`. */
export function reactionValue(r: ReactionsTable): SyncValue<'reaction'> {
  return { targetKind: r.target_kind, targetId: r.target_id, captureId: r.capture_id, userId: r.user_id, kind: r.kind as SyncValue<'reaction'>['kind'], createdAt: Number(r.created_at) };
}

/** What one reader is asked: one scope's rows with version > `from`, at most `budget`; `initial` = live rows only. */
interface ReadRange {
  scopeId: string;
  from: number;
  budget: number;
  initial: boolean;
}

/** Reads one entity's changes of a range, ordered by version. */
type Reader<E extends SyncEntity> = (tx: Tx, q: ReadRange) => Promise<Array<SyncChangeOf<E>>>;

/** A change of a row entity: `del` when tombstoned, else `put` of its value. */
const rowChange = <E extends SyncEntity>(entity: E, scopeId: string, version: number, key: string, value: SyncValue<E> | null): SyncChangeOf<E> =>
  value === null ? { entity, scopeId, version, key, op: 'del' } : { entity, scopeId, version, key, op: 'put', value };

/**
 * The server's reader of EVERY synced entity of lib/schema `SYNC_ENTITIES` (an entity without one does
 * not compile, and server/test/pull-readers.test.ts fails). Row entities: `del` for a tombstone;
 * element entities: `put` when present, `del` when absent. An initial read leaves both out.
 */
export const READERS: { [E in SyncEntity]: Reader<E> } = {
  capture: async (tx, q) => {
    let sel = tx.selectFrom('captures').selectAll().where('scope_id', '=', q.scopeId).where('version', '>', q.from);
    if (q.initial) sel = sel.where('deleted_at', 'is', null);
    return (await sel.orderBy('version').limit(q.budget).execute()).map((r) => rowChange('capture', q.scopeId, Number(r.version), r.id, r.deleted_at !== null ? null : captureValue(r)));
  },
  captureTag: async (tx, q) => {
    let sel = tx.selectFrom('capture_tags').selectAll().where('scope_id', '=', q.scopeId).where('version', '>', q.from);
    if (q.initial) sel = sel.where('present', '=', 1);
    return (await sel.orderBy('version').limit(q.budget).execute()).map((r) => rowChange('captureTag', q.scopeId, Number(r.version), `${r.capture_id}|${r.tag}`, r.present ? { captureId: r.capture_id, tag: r.tag } : null));
  },
  collection: async (tx, q) => {
    let sel = tx.selectFrom('collections').selectAll().where('scope_id', '=', q.scopeId).where('version', '>', q.from);
    if (q.initial) sel = sel.where('deleted_at', 'is', null);
    return (await sel.orderBy('version').limit(q.budget).execute()).map((r) =>
      rowChange('collection', q.scopeId, Number(r.version), r.id, r.deleted_at !== null ? null : { id: r.id, scopeId: q.scopeId, name: r.name, createdBy: r.created_by, version: Number(r.version) }));
  },
  collectionItem: async (tx, q) => {
    let sel = tx.selectFrom('collection_items').selectAll().where('scope_id', '=', q.scopeId).where('version', '>', q.from);
    if (q.initial) sel = sel.where('present', '=', 1);
    return (await sel.orderBy('version').limit(q.budget).execute()).map((r) =>
      rowChange('collectionItem', q.scopeId, Number(r.version), `${r.collection_id}|${r.capture_id}`, r.present ? { collectionId: r.collection_id, captureId: r.capture_id, addedBy: r.added_by } : null));
  },
  noteConflict: async (tx, q) => {
    const rows = await tx.selectFrom('note_conflicts').selectAll().where('scope_id', '=', q.scopeId).where('version', '>', q.from).orderBy('version').limit(q.budget).execute();
    return rows.map((r) =>
      rowChange('noteConflict', q.scopeId, Number(r.version), r.id, {
        id: r.id, captureId: r.capture_id, scopeId: q.scopeId, overwrittenNote: r.overwritten_note, overwrittenByDeviceId: r.overwritten_by_device_id,
        winningVersion: Number(r.winning_version), version: Number(r.version), createdAt: Number(r.created_at), resolvedAt: r.resolved_at === null ? null : Number(r.resolved_at),
      }));
  },
  comment: async (tx, q) => {
    let sel = tx.selectFrom('comments').selectAll().where('scope_id', '=', q.scopeId).where('version', '>', q.from);
    if (q.initial) sel = sel.where('deleted_at', 'is', null);
    return (await sel.orderBy('version').limit(q.budget).execute()).map((r) => rowChange('comment', q.scopeId, Number(r.version), r.id, r.deleted_at !== null ? null : commentValue(r)));
  },
  reaction: async (tx, q) => {
    let sel = tx.selectFrom('reactions').selectAll().where('scope_id', '=', q.scopeId).where('version', '>', q.from);
    if (q.initial) sel = sel.where('present', '=', 1);
    return (await sel.orderBy('version').limit(q.budget).execute()).map((r) =>
      rowChange('reaction', q.scopeId, Number(r.version), reactionKey({ targetId: r.target_id, userId: r.user_id, kind: r.kind as SyncValue<'reaction'>['kind'] }), r.present ? reactionValue(r) : null));
  },
};

/**
 * Changes of one scope with version > from, ordered by version, at most `budget`, from every entity's
 * reader. `initial` (the cookie does not hold the scope yet, or it was reset): live rows only. A
 * cookie that holds the scope at version 0 is NOT initial: the device saw the scope empty and must
 * hear of deletes since (a row it pushed, deleted by another device before its next pull;
 * tests/sync-property.test.ts).
 */
async function changesOf(tx: Tx, scopeId: string, from: number, budget: number, initial: boolean): Promise<SyncChange[]> {
  const q: ReadRange = { scopeId, from, budget, initial };
  const out: SyncChange[] = [];
  for (const read of Object.values(READERS) as Array<Reader<SyncEntity>>) out.push(...((await read(tx, q)) as SyncChange[]));
  // Versions are unique across the tables of a scope, so this merge is a total order.
  return out.sort((a, b) => a.version - b.version).slice(0, budget);
}

/** One statement's view of a pull: the token's device and the user's scopes (one snapshot). */
export interface PullProbe {
  device: { id: string; user_id: string; token_hash: string; revoked_at: number | null; last_seen_at: number | null; last_mutation_seq: number } | undefined;
  scopes: Array<{ id: string; role: 'owner' | 'editor' | 'viewer'; name: string | null; version: number; purgedThrough: number }>;
}

/**
 * ONE statement (so one snapshot, no transaction, one round trip) reads the device of `tokenId`
 * (for the token check) and its user's scopes with their versions. The pull route authenticates
 * from it and, when the cursor is already current, answers from it alone ({@link quickPull}).
 */
export async function probePull(store: Store, tokenId: string): Promise<PullProbe> {
  const rows = await store.db
    .selectFrom('devices')
    .leftJoin('memberships', 'memberships.user_id', 'devices.user_id')
    .leftJoin('scopes', 'scopes.id', 'memberships.scope_id')
    .select([
      'devices.id as device_id', 'devices.user_id', 'devices.token_hash', 'devices.revoked_at', 'devices.last_seen_at', 'devices.last_mutation_seq',
      'scopes.id as scope_id', 'memberships.role', 'scopes.name', 'scopes.version', 'scopes.purged_through_version',
    ])
    .where('devices.token_id', '=', tokenId)
    .orderBy('scopes.id')
    .execute();
  const first = rows[0];
  return {
    device: first && {
      id: first.device_id, user_id: first.user_id, token_hash: first.token_hash, revoked_at: first.revoked_at,
      last_seen_at: first.last_seen_at, last_mutation_seq: Number(first.last_mutation_seq),
    },
    scopes: rows
      .filter((r) => r.scope_id !== null && r.role !== null)
      .map((r) => ({ id: r.scope_id!, role: r.role!, name: r.name, version: Number(r.version), purgedThrough: Number(r.purged_through_version) })),
  };
}

/**
 * Steady-state fast path: when the cursor is already at every scope's version and nothing is
 * revoked or reset, the probe is the whole answer (same result the snapshot path would give);
 * otherwise null.
 */
export function quickPull(p: PullProbe, cursor: Cursor): PullResponse | null {
  if (cursor.stale || !p.device) return null;
  const mine = new Set(p.scopes.map((s) => s.id));
  if (Object.keys(cursor.s).some((s) => !mine.has(s))) return null;
  if (p.scopes.some((r) => (cursor.s[r.id] ?? 0) < r.version || (cursor.s[r.id]! > 0 && cursor.s[r.id]! < r.purgedThrough))) return null;
  return {
    cookie: encodeCookie(Object.fromEntries(p.scopes.map((r) => [r.id, r.version]))),
    hasMore: false,
    lastMutationSeq: p.device.last_mutation_seq,
    scopes: p.scopes.map((r) => (r.name !== null ? { id: r.id, role: r.role, name: r.name } : { id: r.id, role: r.role })),
    revokedScopes: [],
    resetScopes: [],
    changes: [],
  };
}

/** Runs one pull page for a user's device from `cursor`, at most `limit` changes. */
export async function pull(store: Store, auth: { userId: string; deviceId: string }, cursor: Cursor, limit: number): Promise<PullResponse> {
  return store.read(async (tx) => {
    const scopes = await scopesOf(tx, auth.userId);
    const mine = new Set(scopes.map((s) => s.id));
    const revokedScopes = Object.keys(cursor.s).filter((s) => !mine.has(s)).sort();
    const resetScopes = scopes
      .filter((s) => (cursor.stale ? true : (cursor.s[s.id] ?? 0) > 0 && (cursor.s[s.id] ?? 0) < s.purgedThrough))
      .map((s) => s.id);
    const reset = new Set(resetScopes);
    const next: Record<string, number> = {};
    for (const s of scopes) next[s.id] = reset.has(s.id) ? 0 : (cursor.s[s.id] ?? 0);
    let budget = limit;
    let hasMore = false;
    const changes: SyncChange[] = [];
    for (const s of scopes) {
      const from = next[s.id]!;
      const initial = reset.has(s.id) || cursor.s[s.id] === undefined;
      const rows = from >= s.version ? [] : await changesOf(tx, s.id, from, budget, initial);
      changes.push(...rows);
      budget -= rows.length;
      next[s.id] = budget === 0 && rows.length > 0 ? rows[rows.length - 1]!.version : s.version;
      if (budget === 0) {
        hasMore = true;
        break;
      }
    }
    const dev = await tx.selectFrom('devices').select('last_mutation_seq').where('id', '=', auth.deviceId).executeTakeFirst();
    return {
      cookie: encodeCookie(next),
      hasMore,
      lastMutationSeq: Number(dev?.last_mutation_seq ?? 0),
      scopes: scopes.map((s) => (s.name !== null ? { id: s.id, role: s.role, name: s.name } : { id: s.id, role: s.role })),
      revokedScopes,
      resetScopes,
      changes,
    };
  });
}

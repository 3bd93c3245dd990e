/**
 * `POST /v1/sync/pull` protocol steps (docs/sync-protocol.md 3.5), no HTTP here. Runs in ONE read snapshot, so
 * the rows, the scope versions and `lastMutationSeq` all describe the same committed state.
 */
import type { PullResponse, SyncChange } from '../../../lib/schema';
import { scopesOf } from '../authz';
import type { Store, Tx } from '../db/open-store';
import type { CapturesTable } from '../db/schema';
import { encodeCookie, type Cursor } from './cookie';

/** Serialises a stored capture to the wire `SyncCapture` (explicit: no internal column leaks). */
export function captureValue(r: CapturesTable): Record<string, unknown> {
  const draft = JSON.parse(r.content_json) as Record<string, unknown>;
  return {
    ...draft,
    id: r.id,
    scopeId: r.scope_id,
    key: r.post_key,
    ownerUserId: r.owner_user_id,
    sourceCaptureId: r.source_capture_id,
    capturedAt: Number(r.captured_at),
    intent: r.intent,
    note: r.note,
    noteVersion: Number(r.note_version),
    reviewedAt: r.reviewed_at === null ? null : Number(r.reviewed_at),
    archivedAt: r.archived_at === null ? null : Number(r.archived_at),
    reflection: r.reflection,
    followUp: r.follow_up_json === null ? null : JSON.parse(r.follow_up_json),
    completedAt: r.completed_at === null ? null : Number(r.completed_at),
    version: Number(r.version),
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
  };
}

/**
 * Changes of one scope with version > from, ordered by version, at most `budget`. `initial` (the
 * cookie does not hold the scope yet, or it was reset): live rows only. A cookie that holds the
 * scope at version 0 is NOT initial: the device saw the scope empty and must hear of deletes since
 * (a row it pushed, deleted by another device before its next pull; tests/sync-property.test.ts).
 */
async function changesOf(tx: Tx, scopeId: string, from: number, budget: number, initial: boolean): Promise<SyncChange[]> {
  let caps = tx.selectFrom('captures').selectAll().where('scope_id', '=', scopeId).where('version', '>', from);
  if (initial) caps = caps.where('deleted_at', 'is', null);
  let tags = tx.selectFrom('capture_tags').selectAll().where('scope_id', '=', scopeId).where('version', '>', from);
  if (initial) tags = tags.where('present', '=', 1);
  let cols = tx.selectFrom('collections').selectAll().where('scope_id', '=', scopeId).where('version', '>', from);
  if (initial) cols = cols.where('deleted_at', 'is', null);
  let items = tx.selectFrom('collection_items').selectAll().where('scope_id', '=', scopeId).where('version', '>', from);
  if (initial) items = items.where('present', '=', 1);
  const conflicts = tx.selectFrom('note_conflicts').selectAll().where('scope_id', '=', scopeId).where('version', '>', from);
  const out: SyncChange[] = [];
  for (const r of await caps.orderBy('version').limit(budget).execute()) {
    const base = { entity: 'capture' as const, scopeId, version: Number(r.version), key: r.id };
    out.push(r.deleted_at !== null ? { ...base, op: 'del' } : { ...base, op: 'put', value: captureValue(r) });
  }
  for (const r of await tags.orderBy('version').limit(budget).execute()) {
    const base = { entity: 'captureTag' as const, scopeId, version: Number(r.version), key: `${r.capture_id}|${r.tag}` };
    out.push(r.present ? { ...base, op: 'put', value: { captureId: r.capture_id, tag: r.tag } } : { ...base, op: 'del' });
  }
  for (const r of await cols.orderBy('version').limit(budget).execute()) {
    const base = { entity: 'collection' as const, scopeId, version: Number(r.version), key: r.id };
    out.push(r.deleted_at !== null ? { ...base, op: 'del' } : { ...base, op: 'put', value: { id: r.id, scopeId, name: r.name, createdBy: r.created_by, version: Number(r.version) } });
  }
  for (const r of await items.orderBy('version').limit(budget).execute()) {
    const base = { entity: 'collectionItem' as const, scopeId, version: Number(r.version), key: `${r.collection_id}|${r.capture_id}` };
    out.push(r.present ? { ...base, op: 'put', value: { collectionId: r.collection_id, captureId: r.capture_id, addedBy: r.added_by } } : { ...base, op: 'del' });
  }
  for (const r of await conflicts.orderBy('version').limit(budget).execute()) {
    out.push({
      entity: 'noteConflict', scopeId, version: Number(r.version), key: r.id, op: 'put',
      value: {
        id: r.id, captureId: r.capture_id, scopeId, overwrittenNote: r.overwritten_note, overwrittenByDeviceId: r.overwritten_by_device_id,
        winningVersion: Number(r.winning_version), version: Number(r.version), createdAt: Number(r.created_at), resolvedAt: r.resolved_at === null ? null : Number(r.resolved_at),
      },
    });
  }
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

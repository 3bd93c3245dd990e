/**
 * What this device's learner may change on a team capture, by the server's role table
 * (docs/sync-protocol.md 4): the team's owner anything; an editor the captures they shared, and may
 * file any capture into a collection; a viewer nothing. lib/db applies it before it queues a change
 * (lib/db/capture-writes.ts `patchCaptureIn`), so a normal client never produces a change the server
 * refuses (`rejected:forbidden`). Known from the last pull: the role in kv `syncScopes`, the
 * capture's owner in `syncMeta`.
 */
import type { Capture } from '../schema';
import type { SatchelDb } from './database';
import type { CapturePatch } from './capture-writes';
import { SYNC_SCOPES_KEY } from './share';
import { StoredSyncAuth, SYNC_KV_KEYS } from './sync-state';

/** How far the learner may change a capture: `all`, `file` (only add it to collections) or `none`. */
export type CaptureRight = 'all' | 'file' | 'none';

/**
 * The learner's right on capture `c`. Personal captures, teams not pulled yet and captures whose
 * owner is not known yet (a share not synced yet is the learner's own) are `all`. Always reads the
 * database first, so it may be awaited inside a Dexie transaction.
 */
export async function captureRight(db: SatchelDb, c: Pick<Capture, 'id' | 'scopeId'>): Promise<CaptureRight> {
  // Direct reads, no nested helpers: inside a Dexie transaction every level of native await costs
  // zone "echoes", and too deep a chain loses the transaction (PrematureCommitError).
  const [scopes, meta, auth] = await Promise.all([db.kv.get(SYNC_SCOPES_KEY), db.syncMeta.get(c.id), db.kv.get(SYNC_KV_KEYS.auth)]);
  const role = Array.isArray(scopes?.value) ? (scopes.value as Array<{ id?: unknown; role?: unknown }>).find((t) => t.id === c.scopeId)?.role : undefined;
  if (!c.scopeId.startsWith('team:') || (role !== 'editor' && role !== 'viewer')) return 'all';
  if (role === 'viewer') return 'none';
  const me = StoredSyncAuth.safeParse(auth?.value).data?.userId;
  return !meta?.ownerUserId || !me || meta.ownerUserId === me ? 'all' : 'file';
}

/**
 * The part of `patch` that `right` allows on capture `old`: all of it, only the collections it adds
 * (`file`), or nothing (`none`). Returns `patch` itself when all of it is allowed, so a caller can
 * tell (`!==`) that it was cut. Pure.
 */
export function withinRight(right: CaptureRight, old: Pick<Capture, 'collectionIds'>, patch: CapturePatch): CapturePatch {
  const keys = Object.entries(patch).filter(([, v]) => v !== undefined).map(([k]) => k);
  if (right === 'all' || keys.length === 0) return patch;
  const adds = patch.collectionIds;
  if (right === 'none' || adds === undefined) return {};
  if (keys.length === 1 && old.collectionIds.every((c) => adds.includes(c))) return patch;
  return { collectionIds: [...new Set([...old.collectionIds, ...adds])] };
}

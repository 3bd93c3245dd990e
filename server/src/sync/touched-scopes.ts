/**
 * Which scopes a push batch will lock, worked out BEFORE it applies, so the batch can lock them all
 * in sorted order up front (docs/sync-protocol.md 3.4 "Lock order"). Two batches that touch the same
 * scopes in opposite orders then queue on the first shared scope instead of deadlocking.
 *
 * The prediction mirrors what each handler in ./mutations.ts locks: a scope named in the args
 * (creates, share target) or the scope of the STORED row an id names (read here without locks).
 * A scope the prediction misses (a row created or moved meanwhile) is still locked by the handler
 * when it needs it; a deadlock there is transient and retried.
 */
import type { Kysely } from 'kysely';
import { ScopeId, Uuid7, type MutationName } from '../../../lib/schema';
import type { DB } from '../db/schema';

/** Where a mutation's scopes come from; each list holds raw values from the args (checked later). */
export interface ScopeRefs {
  /** scope ids named in the args (`scopeId`, `targetScopeId`) */
  scopeIds?: unknown[];
  /** capture ids (or ids merged into a capture) whose stored row's scope is locked */
  captureIds?: unknown[];
  /** collection ids whose stored row's scope is locked */
  collectionIds?: unknown[];
  /** comment ids whose stored row's scope is locked (issue 11) */
  commentIds?: unknown[];
}

type Args = Record<string, unknown>;
const byCapture = (key: string) => (a: Args): ScopeRefs => ({ captureIds: [a[key]] });
const byCollection = (key: string) => (a: Args): ScopeRefs => ({ collectionIds: [a[key]] });
const byScope = (key: string) => (a: Args): ScopeRefs => ({ scopeIds: [a[key]] });
const byComment = (key: string) => (a: Args): ScopeRefs => ({ commentIds: [a[key]] });

/**
 * For every mutation name, the scopes its handler locks (see ./mutations.ts). A collection item
 * locks the collection's scope only; a share locks its target scope only (the source is only read).
 * A reaction locks its target's scope: the capture's, or the comment's.
 */
export const SCOPE_REFS: { readonly [N in MutationName]: (args: Args) => ScopeRefs } = {
  createCapture: byScope('scopeId'),
  completeCapture: byCapture('id'),
  updateCapture: byCapture('id'),
  deleteCapture: byCapture('id'),
  addTag: byCapture('captureId'),
  removeTag: byCapture('captureId'),
  createCollection: byScope('scopeId'),
  renameCollection: byCollection('id'),
  deleteCollection: byCollection('id'),
  addToCollection: byCollection('collectionId'),
  removeFromCollection: byCollection('collectionId'),
  shareCapture: byScope('targetScopeId'),
  withdraw: () => ({}),
  createComment: byCapture('captureId'),
  editComment: byComment('id'),
  deleteComment: byComment('id'),
  setReaction: (a) => (a.targetKind === 'comment' ? { commentIds: [a.targetId] } : { captureIds: [a.targetId] }),
  markAnswered: byCapture('captureId'),
};

/** The refs of one mutation; an unknown name (or a non-object `args`) refers to nothing. */
export function scopeRefs(name: string, args: unknown): ScopeRefs {
  if (!Object.hasOwn(SCOPE_REFS, name)) return {};
  if (typeof args !== 'object' || args === null) return {};
  return SCOPE_REFS[name as MutationName](args as Args);
}

/** The values that parse, AS PARSED (the text rule strips U+0000 before the regex: a raw value would reach the store). */
const valid = (xs: unknown[], schema: { safeParse(v: unknown): { success: boolean; data?: unknown } }): string[] =>
  [...new Set(xs.flatMap((x) => {
    const r = typeof x === 'string' ? schema.safeParse(x) : { success: false };
    return r.success && typeof r.data === 'string' ? [r.data] : [];
  }))];

/**
 * The sorted, distinct scope ids the given mutations will lock: named scopes plus the scopes of the
 * stored captures (or capture aliases), collections and comments they name. Values that are not valid ids are
 * ignored (their mutation is refused without a lock). Reads without locks, inside `tx`.
 * @throws only store errors.
 */
export async function touchedScopes(tx: Kysely<DB>, mutations: ReadonlyArray<{ name: string; args: unknown }>): Promise<string[]> {
  const scopes: unknown[] = [];
  const caps: unknown[] = [];
  const cols: unknown[] = [];
  const comments: unknown[] = [];
  for (const m of mutations) {
    const r = scopeRefs(m.name, m.args);
    scopes.push(...(r.scopeIds ?? []));
    caps.push(...(r.captureIds ?? []));
    cols.push(...(r.collectionIds ?? []));
    comments.push(...(r.commentIds ?? []));
  }
  const out = new Set(valid(scopes, ScopeId));
  const capIds = valid(caps, Uuid7);
  const colIds = valid(cols, Uuid7);
  const commentIds = valid(comments, Uuid7);
  if (capIds.length) {
    const rows = await tx.selectFrom('captures').select(['id', 'scope_id']).where('id', 'in', capIds).execute();
    for (const r of rows) out.add(r.scope_id);
    const found = new Set(rows.map((r) => r.id));
    const rest = capIds.filter((id) => !found.has(id));
    if (rest.length) for (const a of await tx.selectFrom('capture_aliases').select('scope_id').where('id', 'in', rest).execute()) out.add(a.scope_id);
  }
  if (colIds.length) for (const c of await tx.selectFrom('collections').select('scope_id').where('id', 'in', colIds).execute()) out.add(c.scope_id);
  if (commentIds.length) for (const c of await tx.selectFrom('comments').select('scope_id').where('id', 'in', commentIds).execute()) out.add(c.scope_id);
  return [...out].sort();
}

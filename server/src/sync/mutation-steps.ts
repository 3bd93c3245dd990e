/**
 * The steps every mutation handler shares (docs/sync-protocol.md 3.3, 3.4): the context a handler runs
 * in, its outcomes, the per-transaction scope clock (locks, versions, roles) and the "stored row →
 * scope → lock → re-read" step for a capture. Used by ./mutations.ts and ./discussion.ts.
 */
import type { MutationArgs, MutationStatus } from '../../../lib/schema';
import type { z } from 'zod';
import { roleIn, type Role } from '../authz';
import type { Store, Tx } from '../db/open-store';
import type { CapturesTable } from '../db/schema';

/** Who is writing, and where. */
export interface MutationContext {
  store: Store;
  tx: Tx;
  userId: string;
  deviceId: string;
  /** epoch ms, server clock */
  now: number;
  /** this transaction's scope locks, counters and roles; the caller flushes it before commit */
  clock: ScopeClock;
}

/** Outcome of one mutation (before `seq` bookkeeping). */
export interface Outcome {
  status: MutationStatus;
  code?: 'invalid' | 'forbidden' | 'id_conflict' | 'scope_mismatch' | 'merged' | 'withdrawn';
  canonicalId?: string;
}

export const ok: Outcome = { status: 'applied' };
export const notFound: Outcome = { status: 'not_found' };
export const gone: Outcome = { status: 'gone' };
export const noop: Outcome = { status: 'noop' };
export const rejected = (code: NonNullable<Outcome['code']>): Outcome => ({ status: 'rejected', code });

/** Parsed args of mutation `N`. */
export type Args<N extends keyof typeof MutationArgs> = z.infer<(typeof MutationArgs)[N]>;

/**
 * Per-transaction scope state: version counters taken under the scope row lock (each scope
 * locked once per transaction) and the caller's role per scope (read after the lock, so a
 * membership change, which takes the same lock, cannot interleave). `flush` writes the counters back.
 */
export class ScopeClock {
  private readonly versions = new Map<string, number>();
  private readonly missing = new Set<string>();
  private readonly dirty = new Set<string>();
  private readonly roles = new Map<string, Role | null>();
  has(scopeId: string): boolean {
    return this.versions.has(scopeId);
  }
  /** The scope's next version (unique across all tables of the scope). */
  next(scopeId: string): number {
    const v = this.versions.get(scopeId);
    if (v === undefined) throw new Error('scope not locked');
    this.versions.set(scopeId, v + 1);
    this.dirty.add(scopeId);
    return v + 1;
  }
  /** 3.4 "lock every written scope in sorted order"; scopes that do not exist are simply absent. */
  async lock(ctx: MutationContext, ids: string[]): Promise<ScopeClock> {
    for (const id of [...new Set(ids)].filter((i) => !this.versions.has(i) && !this.missing.has(i)).sort()) {
      let q = ctx.tx.selectFrom('scopes').select(['id', 'version']).where('id', '=', id);
      if (ctx.store.forUpdate) q = q.forUpdate();
      const r = await q.executeTakeFirst();
      if (r) this.versions.set(r.id, Number(r.version));
      else this.missing.add(id);
    }
    return this;
  }
  /** The user's role in a scope, cached for the transaction. */
  async role(ctx: MutationContext, scopeId: string): Promise<Role | null> {
    if (!this.roles.has(scopeId)) this.roles.set(scopeId, await roleIn(ctx.tx, ctx.userId, scopeId));
    return this.roles.get(scopeId)!;
  }
  /** Writes changed counters back (before commit). */
  async flush(tx: Tx): Promise<void> {
    for (const s of this.dirty) await tx.updateTable('scopes').set({ version: this.versions.get(s)! }).where('id', '=', s).execute();
    this.dirty.clear();
  }
}

/** Locks scopes `ids` through the transaction's clock (sorted, each once). */
export const lockScopes = (ctx: MutationContext, ids: string[]): Promise<ScopeClock> => ctx.clock.lock(ctx, ids);

/** Resolves a capture id (or an id merged into another, see createCapture) to the stored row's id and scope. */
export async function captureScope(tx: Tx, id: string): Promise<{ id: string; scopeId: string } | null> {
  const c = await tx.selectFrom('captures').select(['id', 'scope_id']).where('id', '=', id).executeTakeFirst();
  if (c) return { id: c.id, scopeId: c.scope_id };
  const a = await tx.selectFrom('capture_aliases').select(['capture_id', 'scope_id']).where('id', '=', id).executeTakeFirst();
  return a ? { id: a.capture_id, scopeId: a.scope_id } : null;
}

/** The stored capture `id` (not its aliases), or undefined. */
export const getCapture = (tx: Tx, id: string): Promise<CapturesTable | undefined> => tx.selectFrom('captures').selectAll().where('id', '=', id).executeTakeFirst();

/** A stored capture locked for a change, with the caller's role in its scope. */
export interface LockedCapture {
  row: CapturesTable;
  clock: ScopeClock;
  role: Role;
}

/** Steps 2–3 for a mutation on an existing capture: resolve, lock, re-read; unreadable = missing (S1). */
export async function lockedCapture(ctx: MutationContext, id: string): Promise<LockedCapture | Outcome> {
  const found = await captureScope(ctx.tx, id);
  if (!found) return notFound;
  const clock = await lockScopes(ctx, [found.scopeId]);
  const role = await clock.role(ctx, found.scopeId);
  if (role === null) return notFound;
  const row = await getCapture(ctx.tx, found.id);
  if (!row) return notFound;
  return { row, clock, role };
}

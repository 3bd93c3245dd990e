/**
 * Scope ids on the wire (docs/decisions/0006-client-sync-store.md). Locally the learner's own scope
 * is always `personal:local`; on the wire it is `personal:<userId>`. Team scopes keep their ids.
 */
import { LOCAL_SCOPE } from '../database';

/** Local `personal:local` → `personal:<userId>` in mutation args (`scopeId`, `targetScopeId`). Returns `args` itself when it names no scope. */
export function toWire(args: Record<string, unknown>, userId: string): Record<string, unknown> {
  const map = (v: unknown) => (v === LOCAL_SCOPE ? `personal:${userId}` : v);
  if (!('scopeId' in args) && !('targetScopeId' in args)) return args;
  const out = { ...args };
  if ('scopeId' in out) out.scopeId = map(out.scopeId);
  if ('targetScopeId' in out) out.targetScopeId = map(out.targetScopeId);
  return out;
}

/** Wire `personal:<userId>` → local `personal:local`; other scope ids unchanged. */
export function fromWireScope(scopeId: string, userId: string): string {
  return scopeId === `personal:${userId}` ? LOCAL_SCOPE : scopeId;
}

/** What every pull applier gets (lib/db/sync/apply.ts). */
import type { SyncChange } from '../../schema/sync';
import type { SatchelDb } from '../database';
import type { Pending } from './pending';

/** The state one pull page is applied with, inside its rw transaction. */
export interface ApplyCtx {
  db: SatchelDb;
  /** the change's scope, local id (`personal:local` for the learner's own) */
  scopeId: string;
  /** the signed-in user */
  userId: string;
  /** local changes the server has not acknowledged (they win until it has) */
  pending: Pending;
  /** element changes whose row is not here yet: parked in kv until it arrives */
  orphans: SyncChange[];
  /** epoch ms, client clock */
  now: number;
}

/** `a|b` keys of element changes (captureTag `captureId|tag`, collectionItem `collectionId|captureId`). */
export function splitKey(key: string): [string, string] {
  const i = key.indexOf('|');
  return [key.slice(0, i), key.slice(i + 1)];
}

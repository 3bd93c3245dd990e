import type { CaptureDraft } from '../schema';
import type { SatchelDb } from './database';
import { saveCapture, completeCapture, updateCapture, type CapturePatch, type WriteOptions } from './mutations';
import { createCollection } from './collections';
import { statusForKeys, recentTags, listCollections, aliasKeys } from './queries';

/**
 * The library operations bound to one database and scope, in the shape the background's message
 * handler takes (`MessageDeps` in lib/messages/handle.ts, matched structurally so lib/db does not
 * import lib/messages). Every write still goes through lib/db/mutations.ts.
 */
export function libraryOps(db: SatchelDb, opts: WriteOptions = {}) {
  const scope = opts.scopeId;
  return {
    saveCapture: (draft: CaptureDraft) => saveCapture(db, draft, opts),
    completeCapture: (draft: CaptureDraft, aliasKey?: string) => completeCapture(db, draft, { ...opts, aliasKey }),
    updateCapture: (id: string, patch: CapturePatch) => updateCapture(db, id, patch, opts),
    statusForKeys: (keys: string[]) => statusForKeys(db, keys, scope),
    aliasKeys: (platforms: string[]) => aliasKeys(db, platforms, scope),
    recentTags: () => recentTags(db, 20, 200, scope),
    listCollections: () => listCollections(db, scope),
    createCollection: (name: string) => createCollection(db, name, opts),
  };
}

/**
 * Web pages saved before their key dropped tracking parameters and fragments
 * (`web:https://x/a?utm_source=…`, issue 12): found by the key they would have now
 * (lib/schema `webPageKey`), so saving or importing the same page again matches them instead of
 * adding a second capture. Snippets (a `#:~:text=` key) are other captures and never match.
 */
import type { Capture } from '../schema';
import { webPageKey } from '../schema';
import type { SatchelDb } from './database';

/**
 * Live web captures of `scopeId` whose stored key differs from the key their page has now, by
 * that new key (`web:<webPageKey(postId)>`). Reads the scope's web keys from the index only, then
 * the few rows whose key changed. Empty for a library saved after the change.
 */
export async function legacyWebRows(db: SatchelDb, scopeId: string): Promise<Map<string, Capture>> {
  const out = new Map<string, Capture>();
  const keys = (await db.captures.where('[scopeId+key]').between([scopeId, 'web:'], [scopeId, 'web:\uffff']).keys()) as unknown as Array<[string, string]>;
  const stale = keys.map(([, k]) => k).filter((k) => !k.includes('#') && webPageKey(k.slice(4)) !== k.slice(4));
  if (!stale.length) return out;
  for (const r of await db.captures.where('[scopeId+key]').anyOf(stale.map((k) => [scopeId, k])).toArray()) {
    const now = webPageKey(r.postId);
    if (now && r.deletedAt === null && !out.has(`web:${now}`)) out.set(`web:${now}`, r);
  }
  return out;
}

/** Internal: the scope's display spelling of each tag key (`tags` table). Used inside rw transactions. */
import { tagKey } from '../schema';
import type { SatchelDb } from './database';

/** Key of an already normalised label (lib/schema `tagKey`, never null for a label). */
export const keyOf = (label: string): string => tagKey(label)!;

/**
 * Maps normalised labels to the scope's canonical spelling (the first one ever used, kept in the
 * `tags` table), recording new ones. Must run inside an rw transaction that includes `db.tags`.
 */
export async function canonicalTags(db: SatchelDb, scopeId: string, labels: readonly string[], now: number): Promise<string[]> {
  const out: string[] = [];
  for (const label of labels) {
    const key = keyOf(label);
    const row = await db.tags.get([scopeId, key]);
    if (row) out.push(row.label);
    else {
      await db.tags.put({ scopeId, key, label, createdAt: now });
      out.push(label);
    }
  }
  return out;
}

/** Tag keys added and removed between two label lists (compared by key). Pure. */
export function tagDiff(before: readonly string[], after: readonly string[]): { added: string[]; removed: string[] } {
  const b = new Set(before.map(keyOf));
  const a = new Set(after.map(keyOf));
  return { added: [...a].filter((k) => !b.has(k)), removed: [...b].filter((k) => !a.has(k)) };
}

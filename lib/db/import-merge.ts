/**
 * How an imported row changes a capture the library already has (docs/import-export.md "A link
 * already in the library"), so an import never loses the learner's work (issue 12):
 *
 * - `'satchel'` (Satchel's own JSON): a row newer (`updatedAt`) than the capture wins the library
 *   fields (intent, tags, collections, review fields…), as on another device, except the note: a
 *   non-empty note is never replaced by a different one; both are kept, the imported text after
 *   {@link NOTE_SEPARATOR} (a note that only grew, or an empty one, is taken / ignored).
 * - `'add-only'` (other tools: Raindrop, Pocket, bookmarks…): whatever the file's save time, the
 *   capture keeps its note, intent, text and tags; the file's tags and collections are added, its
 *   note is used only when the capture has none. Nothing is removed.
 */
import type { Capture } from '../schema';
import { LIBRARY_FIELD_NAMES, tagKey } from '../schema';
import type { CapturePatch } from './capture-writes';

/** How matched captures change; see the module docs. */
export type ImportPolicy = 'satchel' | 'add-only';

/** The policy for a file of lib/import format `format` ('satchel' or another tool's id). */
export const policyFor = (format: string): ImportPolicy => (format === 'satchel' ? 'satchel' : 'add-only');

/** Written between the learner's note and an imported one when both are kept. */
export const NOTE_SEPARATOR = '\n\n---\n\n';
const NOTE_MAX = 20_000;

const blank = (s: string | null | undefined) => !s || !s.trim();

/**
 * The note after importing `theirs` over `mine`: `mine` when the file has none or holds nothing
 * new, `theirs` when `mine` is empty or `theirs` contains it, else both (clipped to 20,000 characters).
 */
export function keepBothNotes(mine: string | null, theirs: string | null): string | null {
  if (blank(mine)) return blank(theirs) ? mine : theirs;
  if (blank(theirs) || mine!.includes(theirs!)) return mine;
  if (theirs!.includes(mine!)) return theirs;
  return `${mine}${NOTE_SEPARATOR}${theirs}`.slice(0, NOTE_MAX);
}

const tagKeys = (tags: readonly string[]) => tags.map((x) => tagKey(x)).sort().join('\n');
const idSet = (ids: readonly string[]) => [...ids].sort().join();

/** Whether applying `patch` to `old` would change anything (tags by key, collections as a set). */
function changes(old: Capture, patch: CapturePatch): boolean {
  return Object.entries(patch).some(([k, v]) => {
    if (k === 'tags') return tagKeys(old.tags) !== tagKeys(v as string[]);
    if (k === 'collectionIds') return idSet(old.collectionIds) !== idSet(v as string[]);
    return JSON.stringify(old[k as keyof Capture] ?? null) !== JSON.stringify(v ?? null);
  });
}

/**
 * The library fields to write on `old` for the imported row `src` under `policy`, or null when the
 * import leaves it as it is. `mapCollections` turns the file's collection ids into the library's.
 */
export function libraryPatch(old: Capture, src: Capture, mapCollections: (ids: string[]) => string[], policy: ImportPolicy): CapturePatch | null {
  let patch: CapturePatch;
  if (policy === 'add-only') {
    const known = new Set(old.tags.map((x) => tagKey(x)));
    patch = {
      tags: [...old.tags, ...src.tags.filter((x) => !known.has(tagKey(x)))],
      collectionIds: [...new Set([...old.collectionIds, ...mapCollections(src.collectionIds)])],
      note: blank(old.note) && !blank(src.note) ? src.note : old.note,
    };
  } else {
    if (!(src.updatedAt > old.updatedAt)) return null;
    // Every library field the file has (lib/schema LIBRARY_FIELDS; an older file may lack newer ones).
    const fields: CapturePatch = Object.fromEntries(LIBRARY_FIELD_NAMES.filter((k) => src[k] !== undefined).map((k) => [k, src[k]]));
    patch = { ...fields, note: keepBothNotes(old.note, src.note), tags: src.tags, collectionIds: mapCollections(src.collectionIds) };
  }
  return changes(old, patch) ? patch : null;
}

/**
 * Imported links → Satchel `web` captures and collections (docs/import-export.md "Mapping"), in the
 * shape of a Satchel export so lib/db `planImport`/`applyImport` store them with the same dry run,
 * chunks, progress and idempotence: a link is keyed by its normalised URL (`web:<url>`, the key a
 * context-menu save of the page has), collections are matched by name.
 */
import { Capture, EXPORT_VERSION, normalizeTags, type Collection, type SatchelExport } from '../schema';
import { newId } from '../util/uuid';
import type { ImportedItem, ImportProblem } from './types';

const MAX_TEXT = 64 * 1024;
/** The personal scope before sign-in (lib/db `LOCAL_SCOPE`); lib/db imports into the scope it is asked for. */
const LOCAL_SCOPE_ID = 'personal:local';
const clip = (s: string | null, max: number) => (s === null ? null : s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** Several rows of one page (the same URL twice, or in two folders) become one: tags and collections joined, the earliest save kept. */
function mergeSame(items: readonly ImportedItem[]): ImportedItem[] {
  const byUrl = new Map<string, ImportedItem>();
  for (const it of items) {
    const key = it.url.slice(0, 512);
    const seen = byUrl.get(key);
    if (!seen) {
      byUrl.set(key, { ...it, tags: [...it.tags], collections: [...it.collections] });
      continue;
    }
    seen.tags.push(...it.tags);
    for (const c of it.collections) if (!seen.collections.includes(c)) seen.collections.push(c);
    seen.title ??= it.title;
    seen.text ||= it.text;
    seen.note ??= it.note;
    if (it.savedAt !== null && (seen.savedAt === null || it.savedAt < seen.savedAt)) seen.savedAt = it.savedAt;
  }
  return [...byUrl.values()];
}

/**
 * The captures and collections for `items` (personal scope; lib/db re-homes them to the scope it
 * imports into). A row that still fails the capture schema is left out and listed in `skipped`.
 * @param now epoch ms for rows the file gives no save time, and for the new collections.
 */
export function toCaptures(items: readonly ImportedItem[], now: number): { data: SatchelExport; skipped: ImportProblem[] } {
  const collections = new Map<string, Collection>();
  const collectionId = (raw: string): string => {
    const name = raw.trim().slice(0, 200);
    const k = name.toLocaleLowerCase();
    let c = collections.get(k);
    if (!c) {
      c = { id: newId(), scopeId: LOCAL_SCOPE_ID, name, inbox: false, createdAt: now, updatedAt: now, deletedAt: null };
      collections.set(k, c);
    }
    return c.id;
  };
  const captures: Capture[] = [];
  const skipped: ImportProblem[] = [];
  for (const it of mergeSame(items)) {
    const at = it.savedAt ?? now;
    const postId = it.url.slice(0, 512);
    const row: Capture = {
      platform: 'web', postId, permalink: it.url, permalinkMissing: false,
      author: it.author ? { name: clip(it.author, 256)!, handle: null, profileUrl: null, avatarUrl: null } : null,
      text: it.text.slice(0, MAX_TEXT), lang: null, postedAt: it.postedAt,
      media: it.image ? [{ kind: 'image', url: it.image, alt: null }] : [], links: [], hashtags: [], mentions: [], poll: null,
      truncated: it.text.length > MAX_TEXT, mediaMissing: false, title: clip(it.title, 512), quoted: null, quoteMissing: false,
      repostedBy: null, inReplyTo: null, thread: [], threadPartial: false,
      id: newId(), key: `web:${postId}`, scopeId: LOCAL_SCOPE_ID, intent: null, note: clip(it.note, 20_000),
      tags: normalizeTags(it.tags).slice(0, 100), collectionIds: [...new Set(it.collections.filter((c) => c.trim()).map(collectionId))].slice(0, 100),
      capturedAt: at, updatedAt: at, completedAt: null, deletedAt: null, reviewedAt: null, archivedAt: it.archived ? at : null, reflection: null, followUp: null,
    };
    const ok = Capture.safeParse(row);
    if (ok.success) captures.push(ok.data);
    else skipped.push({ line: null, path: it.url, message: `left out: ${ok.error.issues[0]?.path.join('.') ?? ''} ${ok.error.issues[0]?.message ?? ''}`.trim() });
  }
  return { data: { format: 'satchel', version: EXPORT_VERSION, exportedAt: new Date(now).toISOString(), captures, collections: [...collections.values()] }, skipped };
}

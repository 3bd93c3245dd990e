/** Longest tag after normalisation (SYNC.md 3.2 CaptureTag). */
export const MAX_TAG_LENGTH = 64;

/**
 * Normalises a tag as SYNC.md 3.2 requires: NFC, trimmed, inner whitespace collapsed, lowercased,
 * at most 64 characters. Returns null for a tag that is empty after normalising.
 */
export function normalizeTag(tag: string): string | null {
  const t = tag.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase().slice(0, MAX_TAG_LENGTH).trim();
  return t.length > 0 ? t : null;
}

/** Normalises a list of tags, dropping empties and duplicates while keeping first-seen order. */
export function normalizeTags(tags: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of tags) {
    const t = normalizeTag(raw);
    if (t !== null && !out.includes(t)) out.push(t);
  }
  return out;
}

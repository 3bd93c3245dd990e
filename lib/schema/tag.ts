/**
 * Tag normalisation, done once for the whole product (issue 3 "Organise"; docs/sync-protocol.md 3.2 CaptureTag).
 *
 * A tag has two forms:
 * - its **label**: what the learner typed, tidied (`normalizeTag`): NFC, trimmed, inner whitespace
 *   collapsed to one space, at most {@link MAX_TAG_LENGTH} characters. The first spelling a learner
 *   used is the label shown everywhere (`AI` stays `AI`).
 * - its **key** (`tagKey`): the label lowercased (locale-independent). Two tags are the same tag
 *   when their keys are equal, so `AI`, `ai` and ` Ai ` are one tag. The key is what goes on the
 *   wire (`addTag`/`removeTag` args) and what search and filters compare.
 * Any script and emoji are kept as they are (only case folds).
 */

/** Longest tag label after normalisation, in UTF-16 code units (docs/sync-protocol.md 3.2: <= 64). */
export const MAX_TAG_LENGTH = 64;

/** Cuts `s` to at most `max` UTF-16 units without splitting a surrogate pair. */
function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = max;
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--; // would leave a lone high surrogate
  return s.slice(0, end);
}

/**
 * The display label of a raw tag: NFC, trimmed, runs of whitespace collapsed to one space,
 * cut to 64 UTF-16 units (never inside a surrogate pair). Returns null when nothing is left.
 * Case is kept: this is the spelling shown to the learner.
 */
export function normalizeTag(raw: string): string | null {
  const t = cut(raw.normalize('NFC').replace(/\s+/gu, ' ').trim(), MAX_TAG_LENGTH).trim();
  return t.length > 0 ? t : null;
}

/**
 * The identity key of a tag: {@link normalizeTag} then lowercased (`toLowerCase`, locale-free, so
 * the Turkish `I` folds the same on every device), NFC again because lowercasing can decompose.
 * Returns null for a tag that is empty after normalising. `tagKey('AI') === tagKey(' ai ')`.
 */
export function tagKey(raw: string): string | null {
  const label = normalizeTag(raw);
  return label === null ? null : label.toLowerCase().normalize('NFC');
}

/** True when two raw tags are the same tag (equal non-null keys). */
export function sameTag(a: string, b: string): boolean {
  const ka = tagKey(a);
  return ka !== null && ka === tagKey(b);
}

/**
 * Normalises a list of raw tags into labels: empties dropped, duplicates (same key) dropped,
 * first-seen order and first spelling kept. `['AI', 'ai', ' Ai ', 'ml']` → `['AI', 'ml']`.
 */
export function normalizeTags(raw: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const r of raw) {
    const label = normalizeTag(r);
    if (label === null) continue;
    const key = label.toLowerCase().normalize('NFC');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(label);
  }
  return out;
}

/** Tags are trimmed, lower-cased, without a leading `#`, at most 64 characters. */
export function normaliseTag(raw: string): string {
  return raw.trim().replace(/^#+/, '').replace(/\s+/g, '-').toLowerCase().slice(0, 64);
}

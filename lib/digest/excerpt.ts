/** Longest excerpt of a post or comment in a digest, characters (docs/discussion.md "Digest"). */
export const EXCERPT_CHARS = 200;

/**
 * `text` on one line (runs of white space become one space), at most `max` characters: cut at the
 * last word boundary before `max` and ended with "…", so no word is cut (a single word longer than
 * `max` is cut inside, the only way to bound it). Plain text in, plain text out.
 */
export function excerptOf(text: string, max = EXCERPT_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1).replace(/[\uD800-\uDBFF]$/, ''); // never half an emoji
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * The content key of a post whose page shows no id (issue 9, docs/sites/linkedin.md "Posts without
 * an id"): `content:<32 hex>`, a 128-bit hash of the author and the normalised text.
 *
 * How it is made, so that the same post read twice gives the same key and two different posts never
 * share one:
 * - author part: the author's profile URL when the page shows one (stable across name changes and
 *   languages), else the display name, else the empty string;
 * - text part: the post text in Unicode NFKC, every run of white space turned into one space,
 *   trimmed, lower-cased (LinkedIn renders the same post with or without a trailing "…more", and
 *   mobile vs desktop layouts differ in line breaks only);
 * - a post with no text at all (an image or a video alone) uses its media instead: the URLs
 *   without query or fragment (LinkedIn signs them with an expiring `e=`/`t=` query; the path
 *   names the asset), in order. A post with text ignores its media, so its key never moves when
 *   images load later;
 * - both joined by U+0000 (which neither can hold) and hashed with two independent 64-bit FNV-1a
 *   variants (different offset bases), printed as 32 hex digits.
 * Pure and synchronous (content scripts have no sync crypto). Not a secret: it only has to be stable
 * and collision-free across one learner's library (2^-64 per pair).
 */

/** Prefix of every content key; a real platform id never starts with it. */
export const CONTENT_KEY_PREFIX = 'content:';

/** True when `postId` is a content key, not a platform id. */
export function isContentKey(postId: string | null | undefined): boolean {
  return typeof postId === 'string' && postId.startsWith(CONTENT_KEY_PREFIX);
}

/** The normalised text part of a content key (exported for tests). */
export function normaliseForKey(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, ' ').trim().toLowerCase();
}

const MASK = (1n << 64n) - 1n;
const PRIME = 0x100000001b3n;

function fnv1a64(bytes: Uint8Array, basis: bigint): bigint {
  let h = basis;
  for (const b of bytes) {
    h ^= BigInt(b);
    h = (h * PRIME) & MASK;
  }
  return h;
}

/**
 * `content:<32 hex>` for a post's author and text (see the module comment for how). Throws nothing;
 * an empty text still gives a key (the author part then carries it).
 */
export function contentKeyOf(post: { author: { profileUrl: string | null; name: string } | null; text: string; media?: readonly { url: string }[] }): string {
  const who = post.author?.profileUrl || post.author?.name || '';
  const text = normaliseForKey(post.text);
  const what = text || (post.media?.length ? `media ${post.media.map((m) => m.url.replace(/[?#].*$/s, '')).join(' ')}` : '');
  const bytes = new TextEncoder().encode(`${who}\u0000${what}`);
  const a = fnv1a64(bytes, 0xcbf29ce484222325n).toString(16).padStart(16, '0');
  const b = fnv1a64(bytes, 0x84222325cbf29ce4n).toString(16).padStart(16, '0');
  return `${CONTENT_KEY_PREFIX}${a}${b}`;
}

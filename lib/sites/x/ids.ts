/**
 * X status ids (snowflakes) and status URLs. Pure functions, no DOM (docs/architecture.md §6.3).
 *
 * A snowflake id carries its creation time: `ms = (id >> 22) + 1288834974657` (docs/sites/README.md §0 rule 4).
 * The raw fixtures keep that property after anonymisation (PROVENANCE.md: only the low 22 bits were
 * re-randomised), so `x-2023-12_thread_cell-1-of-3_plain-text` decodes to its own `time[datetime]`.
 */

/** Twitter's snowflake epoch, 2010-11-04T01:42:54.657Z, in ms. */
export const X_EPOCH_MS = 1288834974657n;

/**
 * Smallest snowflake status id. Older ids (before 2010-11-04) are plain sequence numbers that
 * carry no time, so decoding them would invent a date.
 */
export const FIRST_SNOWFLAKE_ID = 29700859247n;

/** Digits only, at most 20 (ids are unsigned 64-bit). */
const ID_RE = /^\d{1,20}$/;

/** True when `id` looks like an X status id (1–20 decimal digits). */
export function isStatusId(id: string): boolean {
  return ID_RE.test(id);
}

/**
 * The creation time encoded in a status id, as an ISO 8601 UTC string
 * (`"1734248650227779110"` → `"2023-12-11T16:27:53.000Z"`), or null when `id` is not a decimal
 * id, is older than snowflakes ({@link FIRST_SNOWFLAKE_ID}) or decodes to an impossible date.
 */
export function statusIdToIso(id: string): string | null {
  if (!isStatusId(id)) return null;
  const n = BigInt(id);
  if (n < FIRST_SNOWFLAKE_ID || n >= 1n << 64n) return null;
  const ms = Number((n >> 22n) + X_EPOCH_MS);
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** Host names X serves posts on (docs/sites/x.md §1.2, 2024-05 twitter.com → x.com). */
export const X_HOSTS: readonly string[] = ['x.com', 'twitter.com', 'mobile.x.com', 'mobile.twitter.com'];

/**
 * Path segments that look like `/<handle>` but are app routes, never user handles
 * (`/i/web/status/<id>`, `/home`, `/search?…`).
 */
const RESERVED = new Set(['i', 'home', 'search', 'explore', 'notifications', 'messages', 'settings', 'hashtag', 'compose', 'intent', 'share']);

/** A parsed status path: the author handle (null for `/i/web/status/<id>`) and the status id. */
export interface StatusRef {
  handle: string | null;
  id: string;
}

/**
 * Reads `/<handle>/status/<id>` (optionally followed by `/photo/1`, `/video/1`, `/analytics`, a
 * query or a hash) from a path or an absolute x.com/twitter.com URL. Returns null for anything else,
 * including other hosts. `/i/web/status/<id>` and `/i/status/<id>` give `handle: null`.
 */
export function parseStatusUrl(href: string): StatusRef | null {
  let path = href;
  if (/^https?:\/\//i.test(href)) {
    let u: URL;
    try { u = new URL(href); } catch { return null; }
    if (!X_HOSTS.includes(u.hostname.replace(/^www\./, ''))) return null;
    path = u.pathname;
  }
  const m = /^\/(?:i\/web|i|([A-Za-z0-9_]{1,50}))\/status(?:es)?\/(\d{1,20})(?:[/?#]|$)/.exec(path);
  if (!m) return null;
  const handle = m[1] && !RESERVED.has(m[1].toLowerCase()) ? m[1] : null;
  if (m[1] && !handle) return null;
  return { handle, id: m[2]! };
}

/** Canonical permalink of a post: `https://x.com/<handle>/status/<id>` (`/i/web/status/<id>` without handle). */
export function statusPermalink(handle: string | null, id: string): string {
  return handle ? `https://x.com/${handle}/status/${id}` : `https://x.com/i/web/status/${id}`;
}

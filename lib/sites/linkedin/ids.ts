/**
 * LinkedIn post ids: URN parsing, id → time, post URL shapes, and the SDUI feed's encoded id (the
 * comment bar's `componentkey`). Pure functions (no DOM), table-tested in `ids.test.ts`. Profile,
 * hashtag and wrapped-link URLs are in `urls.ts`.
 *
 * Why and where each source comes from: docs/sites/linkedin.md ("Post id"), and the fixtures in
 * tests/fixtures/linkedin/.
 */
import { safeDecode } from './urls';

/** The URN kinds that name a post. `activity` is preferred; `ugcPost`/`share` when that is all a page holds. */
export type PostUrnKind = 'activity' | 'ugcPost' | 'share';

/** A parsed post URN: `urn` is the canonical `urn:li:<kind>:<id>` string, `id` the decimal digits. */
export interface PostUrn {
  kind: PostUrnKind;
  id: string;
  urn: string;
}

const URN_RE = /urn:li:(activity|ugcPost|share):(\d{6,25})/;
const URN_RE_G = /urn:li:(activity|ugcPost|share):(\d{6,25})/g;

/**
 * The first post URN inside `s` (also when URL-encoded, e.g. `urn%3Ali%3Aactivity%3A123`), or null.
 * `urn:li:aggregate:…`, `urn:li:comment:…` on their own, and member URNs are not post URNs.
 */
export function parsePostUrn(s: string | null | undefined): PostUrn | null {
  if (!s) return null;
  const m = URN_RE.exec(s) ?? URN_RE.exec(safeDecode(s));
  if (!m) return null;
  const kind = m[1] as PostUrnKind;
  return { kind, id: m[2]!, urn: `urn:li:${kind}:${m[2]}` };
}

/** Every post URN in `s` (decoded first), in order of appearance, duplicates removed. */
export function allPostUrns(s: string | null | undefined): PostUrn[] {
  if (!s) return [];
  const seen = new Set<string>();
  const out: PostUrn[] = [];
  for (const m of safeDecode(s).matchAll(URN_RE_G)) {
    const urn = `urn:li:${m[1]}:${m[2]}`;
    if (seen.has(urn)) continue;
    seen.add(urn);
    out.push({ kind: m[1] as PostUrnKind, id: m[2]!, urn });
  }
  return out;
}

/**
 * Picks the URN to use as a post id from candidates listed best source first: the first `activity`
 * URN wins, else the first `ugcPost`/`share` URN (the contract's "or the share/ugcPost URN when that
 * is all the page holds"). Null for an empty list.
 */
export function preferActivity(candidates: readonly (PostUrn | null | undefined)[]): PostUrn | null {
  const list = candidates.filter((c): c is PostUrn => !!c);
  return list.find((c) => c.kind === 'activity') ?? list[0] ?? null;
}

/** Activity ids before this time are not LinkedIn activity ids (LinkedIn launched 2003). */
const MIN_MS = Date.UTC(2003, 0, 1);
/** ...nor ids that decode to more than a year after now (a random number, not an id). */
const FUTURE_SLACK_MS = 366 * 24 * 3600 * 1000;

/**
 * ISO 8601 UTC time encoded in a LinkedIn post id: `ms = id >> 22`. Verified on activity ids (the
 * three logged-in fixtures: 2024-09-18, 2025-08-28, 2026-07-23; the seven SDUI feed posts) and on
 * ugcPost ids (the SDUI feed's two ugcPost cards: "17h" and "5h" labels). BigInt because the ids
 * have 19 digits (beyond 2^53). Returns null for non-numeric input or a time outside
 * 2003 … now+1 year (a random number, not an id). `now` is injectable for tests.
 */
export function activityIdToIso(id: string, now: number = Date.now()): string | null {
  if (!/^\d{1,25}$/.test(id)) return null;
  const ms = Number(BigInt(id) >> 22n);
  if (ms < MIN_MS || ms > now + FUTURE_SLACK_MS) return null;
  return new Date(ms).toISOString();
}

/**
 * Post time from a URN, for every post URN kind: activity and ugcPost ids are verified (see
 * {@link activityIdToIso}); share ids come from the same generator (a share and the activity created
 * with it decode to times under a second apart, docs/sites/linkedin.md "Post time"). Null when the id
 * does not decode to a plausible time.
 */
export function postedAtFromUrn(urn: PostUrn | null, now?: number): string | null {
  return urn ? activityIdToIso(urn.id, now) : null;
}

/** The permalink LinkedIn itself uses for a post: `https://www.linkedin.com/feed/update/<urn>/`. */
export function permalinkFor(urn: string): string {
  return `https://www.linkedin.com/feed/update/${urn}/`;
}

/**
 * The post URN in a post URL, or null:
 * - `/feed/update/urn:li:activity:<id>/` (also ugcPost/share, also URL-encoded);
 * - `/posts/<vanity>_<slug>-activity-<id>-<4 chars>` (also `-ugcPost-<id>-`, `-share-<id>-`), the
 *   logged-out public post page and "Copy link to post" shape.
 * Other links (hashtag links with `highlightedUpdateUrns=`, which name *another* post, profile links)
 * give null.
 */
export function urnFromPostUrl(href: string | null | undefined): PostUrn | null {
  if (!href) return null;
  let path: string;
  try {
    path = new URL(href, 'https://www.linkedin.com/').pathname;
  } catch {
    return null;
  }
  path = safeDecode(path);
  const upd = /^\/feed\/update\/(urn:li:(?:activity|ugcPost|share):\d+)/.exec(path);
  if (upd) return parsePostUrn(upd[1]);
  const posts = /^\/posts\/[^/]*?-(activity|ugcPost|share)-(\d{6,25})(?:-[\w-]*)?\/?$/.exec(path);
  if (posts) return parsePostUrn(`urn:li:${posts[1]}:${posts[2]}`);
  return null;
}

/**
 * `breadcrumb.updateUrn` of a `data-view-tracking-scope` JSON value (Gen B, docs/sites/linkedin.md "Post id"; seen in
 * the 2025-08 and 2026-07 fixtures). The value is an array of events; malformed JSON gives null.
 */
export function urnFromTrackingScope(json: string | null | undefined): PostUrn | null {
  if (!json) return null;
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return null;
  }
  const events = Array.isArray(data) ? data : [data];
  for (const ev of events) {
    const urn = (ev as { breadcrumb?: { updateUrn?: unknown } } | null)?.breadcrumb?.updateUrn;
    if (typeof urn === 'string') {
      const p = parsePostUrn(urn);
      if (p) return p;
    }
  }
  return null;
}

/**
 * The activity URN in an SDUI comment `componentkey`
 * (`replaceableComment_urn:li:comment:(urn:li:activity:<id>,<cid>)`, the second Gen C source),
 * or in any other componentkey that embeds a post URN. Null for the usual opaque keys.
 */
export function urnFromComponentKey(key: string | null | undefined): PostUrn | null {
  return parsePostUrn(key);
}

/**
 * Normalises an SDUI list-item `componentkey` so the ~3 renders of one post share a key
 * (docs/sites/linkedin.md "SDUI card layout"): strips a leading `expanded` / `update-card-focus` and a trailing `FeedType_…`.
 */
export function normaliseComponentKey(key: string): string {
  return key.replace(/^(?:expanded|update-card-focus)/, '').replace(/FeedType_.*$/, '');
}


/** A URN that is exactly `urn:li:(activity|ugcPost|share):<digits>` and nothing else, or null. */
export function exactPostUrn(s: string | null | undefined): PostUrn | null {
  const m = s ? /^urn:li:(activity|ugcPost|share):(\d{6,25})$/.exec(s) : null;
  return m ? { kind: m[1] as PostUrnKind, id: m[2]!, urn: s! } : null;
}

// ---------------------------------------------------------------- SDUI encoded id

/**
 * Bytes of a base64 string in the standard (`+/`) or the URL-safe (`-_`) alphabet, not both, with
 * or without `=` padding (when present it completes the last group of 4). Null when malformed.
 * Decoded by the platform's `atob` (forgiving base64: padding optional, a lone 6-bit tail refused).
 */
export function base64Bytes(s: string): Uint8Array | null {
  if (!/^(?:[A-Za-z0-9+/]*|[A-Za-z0-9_-]*)={0,2}$/.test(s)) return null;
  try {
    return Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** Outer protobuf field tag → URN kind of the SDUI encoded id. Any other tag (a course card had 0x32) is not a post. */
const KEY_TAGS: Readonly<Record<number, PostUrnKind>> = { 0x0a: 'activity', 0x12: 'ugcPost' };

/**
 * The post URN encoded in the `<base64>` part of an SDUI comment-bar key (docs/sites/linkedin.md
 * "The SDUI encoded id"; all 7 posts of `linkedin-2026-05_sdui-home-feed_8-items_no-ids`):
 * a tiny protobuf, byte 0 = field tag (`0x0A` → `urn:li:activity`, `0x12` → `urn:li:ugcPost`),
 * byte 1 = length of the rest, then `0x08` and a varint holding the id zigzag-encoded (value = 2 × id).
 * Strict, null for anything else: another tag, a length that is not the rest of the bytes, an inner
 * tag other than `0x08`, a varint that is cut or followed by more bytes, an odd (negative) zigzag
 * value, or an id whose time (`id >> 22` ms) is not plausible ({@link activityIdToIso}, `now` injectable).
 */
export function decodeSduiPostKey(b64: string, now?: number): PostUrn | null {
  const b = base64Bytes(b64);
  if (!b || b.length < 4) return null;
  const kind = KEY_TAGS[b[0]!];
  if (!kind || b[1] !== b.length - 2 || b[2] !== 0x08) return null;
  let value = 0n;
  let i = 3;
  for (let shift = 0n; ; i++, shift += 7n) {
    if (i >= b.length || shift > 63n) return null; // cut varint, or longer than 64 bits
    value |= BigInt(b[i]! & 0x7f) << shift;
    if ((b[i]! & 0x80) === 0) break;
  }
  if (i !== b.length - 1 || (value & 1n) === 1n) return null; // trailing bytes; negative zigzag
  const id = (value >> 1n).toString();
  if (!activityIdToIso(id, now)) return null;
  return { kind, id, urn: `urn:li:${kind}:${id}` };
}

/** Marker between the encoded id and the card token in a comment-bar key. */
export const COMMENT_TOOLS = '-replaceableCommentTools';

/**
 * Splits an SDUI comment-bar key `<base64>-replaceableCommentTools<token>FeedType_…` into its
 * encoded id and its card token (normalised like a card key, {@link normaliseComponentKey}).
 * Null when `key` is not such a key.
 */
export function splitCommentToolsKey(key: string | null | undefined): { encoded: string; token: string } | null {
  const at = key ? key.indexOf(COMMENT_TOOLS) : -1;
  if (!key || at <= 0) return null;
  const token = normaliseComponentKey(key.slice(at + COMMENT_TOOLS.length));
  return token ? { encoded: key.slice(0, at), token } : null;
}

/**
 * The post URN of a comment-bar key, only when the key belongs to the card whose own normalised
 * componentkey token is `cardToken` (a key with another token, e.g. one left in a recycled card or
 * one of a reshared post, is never this card's id). Null otherwise or when the id does not decode.
 */
export function urnFromCommentToolsKey(key: string | null | undefined, cardToken: string, now?: number): PostUrn | null {
  const parts = splitCommentToolsKey(key);
  if (!parts || !cardToken || parts.token !== cardToken) return null;
  return decodeSduiPostKey(parts.encoded, now);
}

/**
 * LinkedIn ids and URLs: URN parsing, activity id → time, post/profile URL shapes.
 * Pure functions (no DOM), table-tested in `ids.test.ts`.
 *
 * Sources: shared/guide/SITE-DOM.md §0 rule 4 (id carries the time), §2.1 (id fallbacks), §2.2 (SDUI
 * componentkey), and the fixtures in tests/fixtures/linkedin/.
 */

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

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

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
 * ISO 8601 UTC time encoded in a LinkedIn activity id: `ms = id >> 22` (SITE-DOM.md §0 rule 4,
 * verified on the three logged-in fixtures: 2024-09-18, 2025-08-28, 2026-07-23). BigInt because the
 * ids have 19 digits (beyond 2^53). Returns null for non-numeric input or a time outside
 * 2003 … now+1 year. `now` is injectable for tests.
 */
export function activityIdToIso(id: string, now: number = Date.now()): string | null {
  if (!/^\d{1,25}$/.test(id)) return null;
  const ms = Number(BigInt(id) >> 22n);
  if (ms < MIN_MS || ms > now + FUTURE_SLACK_MS) return null;
  return new Date(ms).toISOString();
}

/**
 * Post time from a URN: decoded for `activity` URNs only. `ugcPost`/`share` ids are not verified to
 * carry the same clock (no fixture), so they give null rather than a guessed time.
 */
export function postedAtFromUrn(urn: PostUrn | null, now?: number): string | null {
  return urn && urn.kind === 'activity' ? activityIdToIso(urn.id, now) : null;
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
 * `breadcrumb.updateUrn` of a `data-view-tracking-scope` JSON value (Gen B, SITE-DOM.md §2.1; seen in
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
 * (`replaceableComment_urn:li:comment:(urn:li:activity:<id>,<cid>)`, SITE-DOM.md §2.2 option 1),
 * or in any other componentkey that embeds a post URN. Null for the usual opaque keys.
 */
export function urnFromComponentKey(key: string | null | undefined): PostUrn | null {
  return parsePostUrn(key);
}

/**
 * Normalises an SDUI list-item `componentkey` so the ~3 renders of one post share a key
 * (SITE-DOM.md §2.2): strips a leading `expanded` / `update-card-focus` and a trailing `FeedType_…`.
 */
export function normaliseComponentKey(key: string): string {
  return key.replace(/^(?:expanded|update-card-focus)/, '').replace(/FeedType_.*$/, '');
}

/** Kind of LinkedIn profile a URL points to, with its vanity name. */
export interface ProfileRef {
  kind: 'in' | 'company' | 'showcase' | 'school';
  vanity: string;
}

/**
 * The profile a LinkedIn URL names: `/in/<vanity>`, `/company/<vanity>`, `/showcase/<vanity>`,
 * `/school/<vanity>` on any `*.linkedin.com` host (the logged-out page links to `dk.linkedin.com`),
 * relative URLs resolved against www. `/in/<x>/recent-activity/…` still names `<x>`. Null otherwise.
 */
export function profileRef(href: string | null | undefined): ProfileRef | null {
  if (!href) return null;
  let u: URL;
  try {
    u = new URL(href, 'https://www.linkedin.com/');
  } catch {
    return null;
  }
  if (!/(^|\.)linkedin\.com$/i.test(u.hostname)) return null;
  const m = /^\/(in|company|showcase|school)\/([^/?#]+)/.exec(u.pathname);
  if (!m) return null;
  return { kind: m[1] as ProfileRef['kind'], vanity: safeDecode(m[2]!) };
}

/**
 * A profile link without tracking: `https://www.linkedin.com/<kind>/<vanity>` (query such as
 * `?miniProfileUrn=…`/`?trk=…`, hash, trailing slash and country subdomain removed). Null when
 * `href` is not a profile link.
 */
export function cleanProfileUrl(href: string | null | undefined): string | null {
  const ref = profileRef(href);
  return ref ? `https://www.linkedin.com/${ref.kind}/${encodeURIComponent(ref.vanity)}` : null;
}

/**
 * The handle stored for an author: the vanity of `/in/<vanity>` or `/company/<vanity>` (contract:
 * "else null"), so showcase/school pages give null.
 */
export function handleOf(href: string | null | undefined): string | null {
  const ref = profileRef(href);
  return ref && (ref.kind === 'in' || ref.kind === 'company') ? ref.vanity : null;
}

/**
 * The target of a logged-out page's wrapped link
 * (`https://www.linkedin.com/redir/redirect?url=<enc>&urlhash=…&trk=public_post-text`, seen in the
 * guest fixture), or null when `href` is not such a link or its target is not http(s).
 */
export function decodeRedirect(href: string | null | undefined): string | null {
  if (!href) return null;
  let u: URL;
  try {
    u = new URL(href, 'https://www.linkedin.com/');
  } catch {
    return null;
  }
  if (!/(^|\.)linkedin\.com$/i.test(u.hostname) || !/^\/redir\/redirect\/?$/.test(u.pathname)) return null;
  const target = u.searchParams.get('url');
  return target && /^https?:\/\//i.test(target) ? target : null;
}

/**
 * The hashtag a LinkedIn hashtag link names, without `#`: `keywords=` of `/feed/hashtag/?keywords=x`
 * (2024-09 fixture), the path segment of `/feed/hashtag/x/`, or a search link whose `keywords=`
 * starts with `#` (`/search/results/all/?keywords=%23x`, reported for SDUI feeds). Null for other links.
 */
export function hashtagOf(href: string | null | undefined): string | null {
  if (!href) return null;
  let u: URL;
  try {
    u = new URL(href, 'https://www.linkedin.com/');
  } catch {
    return null;
  }
  if (!/(^|\.)linkedin\.com$/i.test(u.hostname)) return null;
  if (/^\/search\/results\//.test(u.pathname)) {
    const kw = u.searchParams.get('keywords') ?? '';
    return kw.startsWith('#') && kw.length > 1 ? kw.slice(1).trim() || null : null;
  }
  const m = /^\/feed\/hashtag\/([^/?#]*)/.exec(u.pathname);
  if (!m) return null;
  const tag = (u.searchParams.get('keywords') ?? safeDecode(m[1]!)).replace(/^#/, '').trim();
  return tag || null;
}

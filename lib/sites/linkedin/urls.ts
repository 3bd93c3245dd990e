/**
 * LinkedIn URL shapes that are not post ids: profile links, hashtag links and the two ways LinkedIn
 * wraps an outbound link. Pure functions (no DOM), table-tested in `urls.test.ts`. Post URLs and
 * URNs are in `ids.ts`. Background: docs/sites/linkedin.md.
 */

/** `decodeURIComponent` that returns its input instead of throwing on a malformed escape. */
export function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** `href` parsed against www.linkedin.com when it is on `*.linkedin.com`, else null. */
function linkedinUrl(href: string | null | undefined): URL | null {
  if (!href) return null;
  let u: URL;
  try {
    u = new URL(href, 'https://www.linkedin.com/');
  } catch {
    return null;
  }
  return /(^|\.)linkedin\.com$/i.test(u.hostname) ? u : null;
}

/** Kind of LinkedIn profile a URL points to, with its vanity name. */
export interface ProfileRef {
  kind: 'in' | 'company' | 'showcase' | 'school';
  vanity: string;
}

/**
 * The profile a LinkedIn URL names: `/in/<vanity>`, `/company/<vanity>`, `/showcase/<vanity>`,
 * `/school/<vanity>` on any `*.linkedin.com` host (the logged-out page links to `dk.linkedin.com`),
 * relative URLs resolved against www. `/in/<x>/recent-activity/…` and `/company/<x>/posts/` (the
 * SDUI feed's author links, `linkedin-2026-05_sdui-home-feed…` fixture) still name `<x>`. Null otherwise.
 */
export function profileRef(href: string | null | undefined): ProfileRef | null {
  const u = linkedinUrl(href);
  const m = u && /^\/(in|company|showcase|school)\/([^/?#]+)/.exec(u.pathname);
  if (!m) return null;
  return { kind: m[1] as ProfileRef['kind'], vanity: safeDecode(m[2]!) };
}

/**
 * A profile link without tracking: `https://www.linkedin.com/<kind>/<vanity>` (query such as
 * `?miniProfileUrn=…`/`?trk=…`, hash, trailing path and country subdomain removed). Null when
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

/** Paths of LinkedIn's link wrappers whose `url=` parameter is the target. */
const WRAPPER_PATH = [
  // logged-out public post page: /redir/redirect?url=<enc>&urlhash=…&trk=public_post-text (guest fixture)
  /^\/redir\/redirect\/?$/,
  // SDUI feed, text links, link previews and the author's "Visit my website":
  // /safety/go/?url=<enc>&urlhash=…&mt=… (linkedin-2026-05_sdui-home-feed… fixture)
  /^\/safety\/go\/?$/,
];

/**
 * The target of a link LinkedIn wraps (`/redir/redirect?url=…` on logged-out pages,
 * `/safety/go/?url=…` on the SDUI feed), or null when `href` is not such a link on a linkedin.com
 * host or its target is not an absolute http(s) URL. The target may itself be an `lnkd.in` short
 * link: it is returned as is (following it would need the network).
 */
export function decodeRedirect(href: string | null | undefined): string | null {
  const u = linkedinUrl(href);
  if (!u || !WRAPPER_PATH.some((r) => r.test(u.pathname))) return null;
  const target = u.searchParams.get('url');
  if (!target || !/^https?:\/\/[^/?#\s]/i.test(target)) return null;
  try {
    new URL(target);
    return target;
  } catch {
    return null;
  }
}

/**
 * The hashtag a LinkedIn hashtag link names, without `#`: `keywords=` of `/feed/hashtag/?keywords=x`
 * (2024-09 fixture), the path segment of `/feed/hashtag/x/`, or a search link whose `keywords=`
 * starts with `#` (`/search/results/all/?keywords=%23x`, the SDUI feed fixture). Null for other links.
 */
export function hashtagOf(href: string | null | undefined): string | null {
  const u = linkedinUrl(href);
  if (!u) return null;
  if (/^\/search\/results\//.test(u.pathname)) {
    const kw = u.searchParams.get('keywords') ?? '';
    return kw.startsWith('#') && kw.length > 1 ? kw.slice(1).trim() || null : null;
  }
  const m = /^\/feed\/hashtag\/([^/?#]*)/.exec(u.pathname);
  if (!m) return null;
  const tag = (u.searchParams.get('keywords') ?? safeDecode(m[1]!)).replace(/^#/, '').trim();
  return tag || null;
}

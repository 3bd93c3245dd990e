/**
 * `url` if it is an absolute http(s) URL, else null. Use before rendering any captured URL as
 * an `href` so `javascript:`/`data:` URLs from a page can never become clickable.
 */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** The host name of an http(s) URL without a leading `www.`, or null. */
export function hostOf(url: string | null | undefined): string | null {
  const safe = safeHttpUrl(url);
  return safe ? new URL(safe).hostname.replace(/^www\./, '') : null;
}

/**
 * Where to look for a post whose own link is not known (a capture saved without its post id,
 * docs/decisions/0007): on LinkedIn the author's recent activity (`/in/<x>/recent-activity/all/`,
 * `/company/<x>/posts/`), elsewhere the author's profile. Null when `profileUrl` is not http(s).
 */
export function whereToFindPost(platform: string, profileUrl: string | null | undefined): string | null {
  const profile = safeHttpUrl(profileUrl);
  if (!profile) return null;
  const u = new URL(profile);
  if (platform === 'linkedin' && /(^|\.)linkedin\.com$/.test(u.hostname)) {
    const m = /^\/(in|company)\/([^/]+)/.exec(u.pathname);
    if (m) return `https://www.linkedin.com/${m[1]}/${m[2]}/${m[1] === 'in' ? 'recent-activity/all/' : 'posts/'}`;
  }
  return profile;
}

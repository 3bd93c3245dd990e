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

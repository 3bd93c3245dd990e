/**
 * The one key of a saved web page (a `web` capture's `postId`), shared by the context-menu save
 * (lib/platform/web-draft.ts) and the import of other tools' files (lib/import), so the same page
 * saved both ways is one capture. Pure.
 */

/** Query parameters that only track where a click came from; dropped so one page is one capture. */
const TRACKING = /^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid|igshid|ref_src)$/i;

/**
 * The URL that identifies a saved page: an absolute http(s) URL as the URL parser writes it (host
 * lower-cased, default port dropped), without its `#fragment` and without tracking parameters
 * (`utm_*`, `fbclid`, `gclid`…). Null for anything else (`javascript:`, `place:`, relative, or
 * longer than 2,048 characters). Captures saved before this key existed may carry the tracking
 * parameters in their `postId`; lib/db's import matches those through this function too.
 */
export function webPageKey(raw: string | null | undefined): string | null {
  const s = raw?.trim();
  if (!s) return null;
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  u.hash = '';
  for (const k of [...u.searchParams.keys()]) if (TRACKING.test(k)) u.searchParams.delete(k);
  const href = u.href;
  return href.length <= 2048 ? href : null;
}

/**
 * Which supported site a tab shows, from the content scripts' own match patterns (lib/sites/meta.ts):
 * the popup offers "Report this page" only there. Pure.
 */
import { SITE_IDS, SITE_META, type SiteId } from '../sites/meta';

/** True when `url` matches a WXT/Chrome match pattern (`https://x.com/*`, `https://*.engage.cloud.microsoft/*`). */
export function matchesPattern(pattern: string, url: string): boolean {
  const p = /^(\*|https?):\/\/([^/]+)(\/.*)$/.exec(pattern);
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (!p) return false;
  const [, scheme, host, path] = p as unknown as [string, string, string, string];
  if (scheme === '*' ? !/^https?:$/.test(u.protocol) : u.protocol !== `${scheme}:`) return false;
  const h = u.hostname;
  if (host.startsWith('*.') ? !(h === host.slice(2) || h.endsWith(host.slice(1))) : h !== host) return false;
  const glob = new RegExp(`^${path.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return glob.test(u.pathname + u.search);
}

/** The supported site of `url` (by the content scripts' match patterns), or null. */
export function siteOfUrl(url: string | undefined): SiteId | null {
  if (!url) return null;
  return SITE_IDS.find((id) => SITE_META[id].matches.some((m) => matchesPattern(m, url))) ?? null;
}

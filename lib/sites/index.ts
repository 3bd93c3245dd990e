import type { SiteAdapter } from './types';
import { linkedinAdapter } from './linkedin';
import { xAdapter } from './x';
import { yammerAdapter } from './yammer';

/** Every site adapter, one line each (docs/architecture.md 6.3 step 2); each has a row in ./meta.ts. */
export const ADAPTERS: readonly SiteAdapter[] = [linkedinAdapter, xAdapter, yammerAdapter];

/** The adapter for a page URL, or null when Satchel does not capture posts there. */
export function adapterForUrl(url: string): SiteAdapter | null {
  return ADAPTERS.find((a) => a.isSupportedPage(url)) ?? null;
}

export { CONTENT_MATCHES } from './matches';
export { SITE_META, PLATFORM_META, SITE_IDS, isSiteId, type SiteId, type SiteMeta, type PlatformMeta } from './meta';
export type { SiteAdapter, ExtractContext } from './types';
export { ExtractError } from './types';

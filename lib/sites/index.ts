import type { SiteAdapter } from './types';
import { linkedinAdapter } from './linkedin';
import { xAdapter } from './x';
import { yammerAdapter } from './yammer';

/** Every site adapter, one line each (ARCHITECTURE.md 6.3 step 2). */
export const ADAPTERS: readonly SiteAdapter[] = [linkedinAdapter, xAdapter, yammerAdapter];

/** The adapter for a page URL, or null when Satchel does not capture posts there. */
export function adapterForUrl(url: string): SiteAdapter | null {
  return ADAPTERS.find((a) => a.isSupportedPage(url)) ?? null;
}

export { CONTENT_MATCHES } from './matches';
export type { SiteAdapter, ExtractContext } from './types';
export { ExtractError } from './types';

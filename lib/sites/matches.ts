import { bySite, SITE_IDS, SITE_META, type SiteId } from './meta';

/**
 * Hosts Satchel runs on, by site, read from the site table (./meta.ts). Pure data, shared by
 * wxt.config.ts (manifest), the content-script entrypoints and the adapters.
 */
export const SITE_MATCHES: Readonly<Record<SiteId, readonly string[]>> = bySite((s) => s.matches);

/** Every content-script match pattern. */
export const CONTENT_MATCHES: string[] = SITE_IDS.flatMap((id) => [...SITE_META[id].matches]);
/** Host permissions: exactly the content-script hosts. Web captures use `activeTab` from the context menu. */
export const HOST_PERMISSIONS: string[] = CONTENT_MATCHES;

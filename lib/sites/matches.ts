/**
 * Hosts Satchel runs on. Pure data, shared by wxt.config.ts (manifest) and the registry.
 * Only the hosts Satchel needs (issue 2). Tests and the demo serve fixture pages under these same
 * https host names (self-signed certificate, `--host-resolver-rules`), so no test-only host is added.
 */
export const SITE_MATCHES = {
  linkedin: ['https://www.linkedin.com/*'],
  x: ['https://x.com/*', 'https://twitter.com/*', 'https://mobile.x.com/*', 'https://mobile.twitter.com/*'],
  yammer: ['https://web.yammer.com/*', 'https://www.yammer.com/*', 'https://engage.cloud.microsoft/*', 'https://*.engage.cloud.microsoft/*'],
} as const;

/** Every content-script match pattern. */
export const CONTENT_MATCHES: string[] = Object.values(SITE_MATCHES).flat();
/** Host permissions: exactly the content-script hosts. Web captures use `activeTab` from the context menu. */
export const HOST_PERMISSIONS: string[] = CONTENT_MATCHES;

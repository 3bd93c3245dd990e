import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { adapterForUrl } from '../lib/sites';
import { unrecognisedPosts } from '../lib/sites/post-like';
import { HEALTH_PROBE_GLOBAL } from '../lib/platform/health-probe';

/**
 * The capture health probe (issue 9 part 3), injected into a tab's content-script world by the popup
 * when it opens on a page a Satchel content script answers (lib/platform/health-probe.ts): leaves a
 * function that counts the post-like elements of the page that Satchel did not recognise, with the
 * adapter for the page's URL. Never part of the content scripts, which stay small and never walk the
 * whole page for this (docs/decisions/0005-content-script-size.md); it reads counts only.
 */
export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[HEALTH_PROBE_GLOBAL] = (): number | null => {
    const adapter = adapterForUrl(location.href);
    return adapter ? unrecognisedPosts(adapter, document) : null;
  };
});

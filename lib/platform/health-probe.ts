import { browser } from 'wxt/browser';
import { injectFile } from './scripting';

/** Path of the health probe bundle (entrypoints/health-probe.ts) inside the extension. */
export const HEALTH_PROBE_FILE = '/health-probe.js';
/** Where health-probe.js leaves its probe, a `() => number | null`, in the content scripts' isolated world. */
export const HEALTH_PROBE_GLOBAL = '__satchelHealthProbe';

/**
 * Runs the health probe (issue 9 part 3) in the top frame of tab `tabId`: injects health-probe.js
 * into the content-script world, then calls it there. Resolves with the number of post-like elements
 * the page shows that Satchel did not recognise (lib/sites/post-like.ts `unrecognisedPosts`), or null
 * on a page no adapter reads or when it could not run (no `scripting.executeScript` with a function
 * (Firefox MV2), no host access, the tab navigated away). Never rejects. Needs the `scripting`
 * permission and host access to the tab, which every content-script host has.
 */
export async function runHealthProbe(tabId: number): Promise<number | null> {
  try {
    if (!browser.scripting?.executeScript) return null;
    await injectFile(tabId, 0, HEALTH_PROBE_FILE);
    const [r] = await browser.scripting.executeScript({
      target: { tabId, frameIds: [0] },
      // Runs in the tab, in the content scripts' world: self-contained (the name is passed in).
      func: (name: string) => {
        const probe = (globalThis as Record<string, unknown>)[name];
        return typeof probe === 'function' ? (probe as () => number | null)() : null;
      },
      args: [HEALTH_PROBE_GLOBAL],
    });
    const n: unknown = r?.result;
    return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : null;
  } catch {
    return null;
  }
}

import { browser } from 'wxt/browser';
import { readReactPostUrn } from './react-probe-main';

/**
 * Runs {@link readReactPostUrn} for the element marked `data-satchel-probe="<probe>"` in the frame
 * that asked (`capture/probe-id`, issue 9): in the page's MAIN world on Chromium (MV3
 * `scripting.executeScript({ world: 'MAIN', func })`), in the content-script world with
 * `wrappedJSObject` on Firefox MV2 (`tabs.executeScript({ code })`). Only ever on the learner's
 * Save of a post whose page shows no id; never on page load. Resolves to the URN, or null.
 * @throws Error when the sender is not a content script in a tab, or the injection fails.
 */
export async function probePostUrn(sender: { tab?: { id?: number }; frameId?: number } | undefined, probe: string): Promise<string | null> {
  const tabId = sender?.tab?.id;
  if (tabId === undefined) throw new Error('capture/probe-id comes only from a content script in a tab');
  const frameId = sender?.frameId ?? 0;
  if (browser.scripting?.executeScript) {
    const [res] = await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, world: 'MAIN', func: readReactPostUrn, args: [probe] });
    return typeof res?.result === 'string' ? res.result : null;
  }
  const tabs = browser.tabs as unknown as { executeScript?: (tabId: number, d: { code: string; frameId: number }) => Promise<unknown[]> };
  if (!tabs.executeScript) throw new Error('this browser cannot read the page for a post id');
  const [res] = await tabs.executeScript(tabId, { code: `(${readReactPostUrn.toString()})(${JSON.stringify(probe)})`, frameId });
  return typeof res === 'string' ? res : null;
}

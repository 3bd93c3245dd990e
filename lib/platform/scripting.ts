import { browser } from 'wxt/browser';

/** Path of the control UI bundle (entrypoints/panel-ui.ts) inside the extension. */
export const CONTROL_UI_FILE = '/panel-ui.js';

/**
 * Runs the control UI bundle in the content-script world of one frame (`scripting.executeScript`
 * with `files` in MV3, `tabs.executeScript` in Firefox MV2; needs the `scripting` permission and
 * host access to the tab, which every content script host has). Resolves when it has run.
 * @throws Error with a reason when the sender has no tab (not a content script) or injection fails.
 */
export async function injectControlUi(sender: { tab?: { id?: number }; frameId?: number } | undefined): Promise<void> {
  const tabId = sender?.tab?.id;
  if (tabId === undefined) throw new Error('ui/load comes only from a content script in a tab');
  const frameId = sender?.frameId ?? 0;
  if (browser.scripting?.executeScript) {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [CONTROL_UI_FILE] });
    return;
  }
  // Firefox MV2 build (`npm run build:firefox`): no scripting namespace; tabs.executeScript runs
  // the file in the content-script sandbox of that frame.
  const tabs = browser.tabs as unknown as { executeScript?: (tabId: number, d: { file: string; frameId: number }) => Promise<unknown> };
  if (!tabs.executeScript) throw new Error('this browser cannot inject the save panel');
  await tabs.executeScript(tabId, { file: CONTROL_UI_FILE, frameId });
}

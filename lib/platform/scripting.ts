import { browser } from 'wxt/browser';

/** Path of the control UI bundle (entrypoints/panel-ui.ts) inside the extension. */
export const CONTROL_UI_FILE = '/panel-ui.js';

/**
 * Runs the control UI bundle in the content-script world of one frame (`scripting.executeScript`
 * with `files`; needs the `scripting` permission and host access to the tab, which every content
 * script host has). Resolves when it has run.
 * @throws Error with a reason when the sender has no tab (not a content script) or injection fails.
 */
export async function injectControlUi(sender: { tab?: { id?: number }; frameId?: number } | undefined): Promise<void> {
  const tabId = sender?.tab?.id;
  if (tabId === undefined) throw new Error('ui/load comes only from a content script in a tab');
  await browser.scripting.executeScript({ target: { tabId, frameIds: [sender?.frameId ?? 0] }, files: [CONTROL_UI_FILE] });
}

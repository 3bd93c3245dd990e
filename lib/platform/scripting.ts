import { browser } from 'wxt/browser';

/** Path of the control UI bundle (entrypoints/panel-ui.ts) inside the extension. */
export const CONTROL_UI_FILE = '/panel-ui.js';

/** A script file of this extension, as `scripting.executeScript` accepts it (WXT types the built paths). */
type ExtensionScript = NonNullable<Extract<Parameters<typeof browser.scripting.executeScript>[0], { files?: unknown }>['files']>[number];

/**
 * Runs an extension script file (e.g. `/panel-ui.js`) in the content-script world of one frame of a
 * tab: `scripting.executeScript` with `files` in MV3, `tabs.executeScript` in Firefox MV2 (the
 * `npm run build:firefox` build has no scripting namespace). Needs the `scripting` permission and
 * host access to the tab, which every content-script host has. Resolves when it has run.
 * @throws Error with a reason when this browser cannot inject, or the injection fails.
 */
export async function injectFile(tabId: number, frameId: number, file: ExtensionScript): Promise<void> {
  if (browser.scripting?.executeScript) {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [file] });
    return;
  }
  const tabs = browser.tabs as unknown as { executeScript?: (tabId: number, d: { file: string; frameId: number }) => Promise<unknown> };
  if (!tabs.executeScript) throw new Error(`this browser cannot inject ${file}`);
  await tabs.executeScript(tabId, { file, frameId });
}

/**
 * Runs the control UI bundle in the content-script world of the frame that sent `ui/load`
 * ({@link injectFile}). Resolves when it has run.
 * @throws Error with a reason when the sender has no tab (not a content script) or injection fails.
 */
export async function injectControlUi(sender: { tab?: { id?: number }; frameId?: number } | undefined): Promise<void> {
  const tabId = sender?.tab?.id;
  if (tabId === undefined) throw new Error('ui/load comes only from a content script in a tab');
  await injectFile(tabId, sender?.frameId ?? 0, CONTROL_UI_FILE);
}

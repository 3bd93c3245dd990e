import { browser, type Browser } from 'wxt/browser';

/**
 * Registers a listener for keyboard commands declared in the manifest (`commands`, e.g.
 * `save-post`). `tab` is the active tab when the browser passes it (Chrome does). Call at SW start.
 */
export function onCommand(listener: (command: string, tab: Browser.tabs.Tab | undefined) => void): void {
  browser.commands.onCommand.addListener(listener);
}

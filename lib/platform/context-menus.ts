import { browser, type Browser } from 'wxt/browser';

/** Where a context-menu item shows. */
export type Context = 'selection' | 'link' | 'page' | 'image';

/** One context-menu item: a stable id, its (translated) title and where it shows. */
export interface MenuItem {
  id: string;
  title: string;
  contexts: [Context, ...Context[]];
}

/** Pages the items appear on: ordinary web pages only. */
const WEB_PAGES = ['http://*/*', 'https://*/*'];

/**
 * (Re)creates Satchel's context-menu items: removes all, then creates `items` on http(s) pages.
 * Safe on every service-worker start (no duplicate-id errors). Resolves when done; errors are
 * reported through the returned promise.
 */
export async function createContextMenus(items: readonly MenuItem[]): Promise<void> {
  await browser.contextMenus.removeAll();
  for (const it of items) {
    browser.contextMenus.create({ id: it.id, title: it.title, contexts: it.contexts, documentUrlPatterns: WEB_PAGES });
  }
}

/** Click on a context-menu item: `info` from the browser, and the tab it was clicked in (if any). */
export type MenuClickListener = (info: Browser.contextMenus.OnClickData, tab: Browser.tabs.Tab | undefined) => void;

/** Registers a listener for clicks on any of the extension's context-menu items. Call at SW start. */
export function onContextMenuClick(listener: MenuClickListener): void {
  browser.contextMenus.onClicked.addListener(listener);
}

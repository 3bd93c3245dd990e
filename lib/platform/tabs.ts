import { browser, type Browser } from 'wxt/browser';

/** The active tab of the last focused window, or null. */
export async function getActiveTab(): Promise<Browser.tabs.Tab | null> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return tab ?? null;
}

/** Outcome of {@link sendToTab}: the content script's reply, or why there was none. */
export type TabReply = { delivered: true; reply: unknown } | { delivered: false; error: string };

/**
 * Sends `message` to the content script of tab `tabId` (top frame). Never rejects: a tab without
 * a Satchel content script ("Receiving end does not exist") gives `{ delivered: false, error }`.
 */
export async function sendToTab(tabId: number, message: unknown): Promise<TabReply> {
  try {
    const reply: unknown = await browser.tabs.sendMessage(tabId, message, { frameId: 0 });
    return { delivered: true, reply };
  } catch (e) {
    return { delivered: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * Sends `message` to every tab whose URL matches `urlPatterns` (the content-script hosts, which are
 * host permissions, so no `tabs` permission is needed). Fire-and-forget; failures are ignored.
 */
export async function broadcastToTabs(urlPatterns: string[], message: unknown): Promise<void> {
  let tabs: Browser.tabs.Tab[] = [];
  try {
    tabs = await browser.tabs.query({ url: urlPatterns });
  } catch {
    return;
  }
  await Promise.all(tabs.map((t) => (t.id === undefined ? null : sendToTab(t.id, message))));
}

/** Per-tab save feedback on the badge: lives with the rest of the badge in ./badge. */
export { flashBadge } from './badge';

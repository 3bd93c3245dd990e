/**
 * The toolbar icon's badge (docs/discussion.md "What's new and credit"): the global text is the
 * What's new unread count; a save from the context menu or the command flashes "✓" / "!" on its
 * own tab for a moment, after which that tab shows the global count again.
 */
import { browser } from 'wxt/browser';

/** Badge colour of the unread count (the theme's accent; white text on it passes contrast). */
export const BADGE_COLOR = '#b3261e';

/** The badge text of `count` unread items: '' for 0 (no badge), the number, '99+' above 99. Pure. */
export function badgeText(count: number): string {
  if (!Number.isFinite(count) || count <= 0) return '';
  return count > 99 ? '99+' : String(Math.floor(count));
}

/** Shows `count` as the global badge (every tab without a flash of its own). Never rejects. */
export async function showUnreadBadge(count: number): Promise<void> {
  try {
    await browser.action.setBadgeBackgroundColor({ color: BADGE_COLOR });
    await browser.action.setBadgeText({ text: badgeText(count) });
  } catch {
    /* the badge is a hint; a browser without it still works */
  }
}

/**
 * Shows `text` on the badge of tab `tabId` for `ms` milliseconds (save feedback), then gives that
 * tab back the global badge (Chrome: a per-tab `null` text falls back to the global one). Never rejects.
 */
export async function flashBadge(tabId: number, text: string, ms = 2000): Promise<void> {
  try {
    await browser.action.setBadgeText({ tabId, text });
    // `null` is what Chrome documents for "back to the global text"; the MV3 typings only say string.
    setTimeout(() => void browser.action.setBadgeText({ tabId, text: null as unknown as string }).catch(() => {}), ms);
  } catch {
    /* badge feedback is optional */
  }
}

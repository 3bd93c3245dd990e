import { browser } from 'wxt/browser';

/** Path of the first-run page inside the extension (entrypoints/welcome). */
export const WELCOME_PATH = '/welcome.html' as const;
/** localStorage key set when the learner leaves the first-run page with a choice (epoch ms). */
export const FIRST_RUN_DONE_KEY = 'satchel.firstRunDone';

/**
 * Opens the first-run page in a new tab when the extension is installed (`reason: 'install'`),
 * never on an update or a browser update. Call synchronously at service-worker start, so the
 * install event is not missed.
 */
export function openWelcomeOnInstall(): void {
  browser.runtime.onInstalled.addListener((details) => {
    if (details.reason !== 'install') return;
    void browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PATH) }).catch((e: unknown) => console.warn('[satchel] could not open the welcome page', e));
  });
}

/** Which browser's words to use for its shortcut settings. */
export type BrowserFamily = 'chrome' | 'firefox';

/** 'firefox' when the extension runs from moz-extension:// (Firefox), else 'chrome'. */
export function browserFamily(): BrowserFamily {
  try {
    return browser.runtime.getURL('/').startsWith('moz-extension:') ? 'firefox' : 'chrome';
  } catch {
    return 'chrome';
  }
}

/**
 * The key the learner set for a manifest command (e.g. `save-post` → "Alt+Shift+S"), '' when it has
 * none (unset, or taken by another extension), null when the browser cannot say.
 */
export async function commandShortcut(name: string): Promise<string | null> {
  try {
    const all = await browser.commands.getAll();
    const cmd = all.find((c) => c.name === name);
    return cmd ? cmd.shortcut ?? '' : null;
  } catch {
    return null;
  }
}

/**
 * Opens Chrome's keyboard-shortcut settings in a tab (`chrome://` pages cannot be opened by a link).
 * Resolves false when the browser refuses (Firefox has no such URL: say "about:addons → ⚙ → Manage
 * Extension Shortcuts" instead).
 */
export async function openShortcutSettings(): Promise<boolean> {
  try {
    await browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
    return true;
  } catch {
    return false;
  }
}

/** Marks the first run as done (the learner chose sign in or offline). Never throws. */
export function markFirstRunDone(now: number = Date.now()): void {
  try {
    localStorage.setItem(FIRST_RUN_DONE_KEY, String(now));
  } catch {
    // storage disabled: the page is shown only on install anyway
  }
}

/** Closes the tab this page runs in (the first-run page after "Use it offline"). Never rejects. */
export async function closeThisTab(): Promise<void> {
  try {
    const tab = await browser.tabs.getCurrent();
    if (tab?.id !== undefined) await browser.tabs.remove(tab.id);
    else window.close();
  } catch {
    window.close();
  }
}

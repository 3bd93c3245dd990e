import { browser } from 'wxt/browser';

/**
 * The theme of the extension pages (popup, library, options, welcome), applied before first paint.
 *
 * The choice is kept in the database (lib/db/settings.ts `themeChoice`, the source of truth, read
 * asynchronously) and mirrored here in `localStorage`, which every extension page shares (one
 * origin) and which can be read synchronously in a page's main.tsx before it renders. The page then
 * carries `data-theme="light" | "dark"` on `<html>` (absent for "system"), and components/theme.css
 * picks its tokens from it. A change on the options page reaches every open page through the
 * `storage` event.
 *
 * The in-page save panel runs in the sites' content-script world, which cannot read the extension's
 * localStorage, so the choice is mirrored a second time into `browser.storage.local` (same key),
 * which the panel reads when it opens and watches ({@link watchExtensionTheme}; issue 12).
 */

/** Same values as lib/db/settings.ts `ThemeChoice` (lib/platform may not import lib/db). */
export type StoredTheme = 'system' | 'light' | 'dark';

/** localStorage key of the mirrored theme choice. */
export const THEME_STORAGE_KEY = 'satchel.theme';

const CHOICES: readonly StoredTheme[] = ['system', 'light', 'dark'];

/** Anything with getItem/setItem (window.localStorage, or a fake in tests). */
type Store = Pick<Storage, 'getItem' | 'setItem'>;

function defaultStore(): Store | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage disabled: follow the system
  }
}

/** The mirrored theme choice, 'system' when none is stored or the value is unknown. Never throws. */
export function readStoredTheme(store: Store | null = defaultStore()): StoredTheme {
  let v: string | null = null;
  try {
    v = store?.getItem(THEME_STORAGE_KEY) ?? null;
  } catch {
    v = null;
  }
  return asChoice(v);
}

/**
 * Sets `data-theme` on `root` (default `document.documentElement`): 'light' or 'dark' for a fixed
 * choice; removed for 'system', so the stylesheet's `prefers-color-scheme` query decides.
 */
export function applyTheme(choice: StoredTheme, root: HTMLElement = document.documentElement): void {
  if (choice === 'system') delete root.dataset.theme;
  else root.dataset.theme = choice;
}

/**
 * The one-line theme boot of every extension page's main.tsx: reads the mirrored choice
 * synchronously, applies it before the first render, and follows later changes made in another
 * page (the `storage` event). Returns the applied choice.
 */
export function applyStoredTheme(): StoredTheme {
  const choice = readStoredTheme();
  applyTheme(choice);
  try {
    window.addEventListener('storage', (e) => {
      if (e.key === THEME_STORAGE_KEY || e.key === null) applyTheme(readStoredTheme());
    });
  } catch {
    // no window (never in a page): nothing to follow
  }
  return choice;
}

/**
 * Mirrors a theme choice (already saved with lib/db/settings.ts `setThemeChoice`) into
 * localStorage and applies it to this page at once (the `storage` event reaches only the others).
 */
export function storeTheme(choice: StoredTheme, store: Store | null = defaultStore()): void {
  try {
    store?.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // storage full or disabled: this page still changes; the options page re-mirrors the saved choice on its next open
  }
  applyTheme(choice);
  void mirrorToExtension(choice);
}

/** Writes the choice to browser.storage.local for the in-page save panel; never rejects. */
async function mirrorToExtension(choice: StoredTheme): Promise<void> {
  try {
    await browser.storage.local.set({ [THEME_STORAGE_KEY]: choice });
  } catch {
    // no extension storage (a test page): the panel keeps following the system
  }
}

/** A stored value as a choice: 'system' for anything unknown. */
function asChoice(v: unknown): StoredTheme {
  return CHOICES.includes(v as StoredTheme) ? (v as StoredTheme) : 'system';
}

/**
 * Calls `cb` with the theme choice mirrored in browser.storage.local (for the in-page save panel),
 * once read ('system' when none is stored or storage cannot be read) and again on every change.
 * Returns a function that stops watching. Never throws.
 */
export function watchExtensionTheme(cb: (choice: StoredTheme) => void): () => void {
  let alive = true;
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (alive && area === 'local' && THEME_STORAGE_KEY in changes) cb(asChoice(changes[THEME_STORAGE_KEY]!.newValue));
  };
  try {
    browser.storage.onChanged.addListener(onChanged);
    browser.storage.local.get(THEME_STORAGE_KEY).then(
      (got) => alive && cb(asChoice(got[THEME_STORAGE_KEY])),
      () => alive && cb('system'),
    );
  } catch {
    cb('system');
  }
  return () => {
    alive = false;
    try {
      browser.storage.onChanged.removeListener(onChanged);
    } catch {
      // the extension context is gone: nothing to remove
    }
  };
}

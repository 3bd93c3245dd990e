/** Device-local review settings kept in `kv` (not synced, no outbox). */
import type { SatchelDb } from './database';

/** kv key of the follow-up delay. */
export const FOLLOW_UP_DELAY_KEY = 'followUpDelayMs';
/** Default delay before a "tip to try" asks "Did you try it?": 3 days, in ms. */
export const DEFAULT_FOLLOW_UP_DELAY_MS = 3 * 24 * 60 * 60 * 1000;

/** The follow-up delay in ms (default {@link DEFAULT_FOLLOW_UP_DELAY_MS}). */
export async function followUpDelay(db: SatchelDb): Promise<number> {
  const v = (await db.kv.get(FOLLOW_UP_DELAY_KEY))?.value;
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : DEFAULT_FOLLOW_UP_DELAY_MS;
}

/**
 * Sets the follow-up delay (ms, integer, 0 to 365 days). Applies to tips marked from now on.
 * @throws RangeError for a negative, non-integer or larger value.
 */
export async function setFollowUpDelay(db: SatchelDb, ms: number): Promise<void> {
  if (!Number.isInteger(ms) || ms < 0 || ms > 365 * 24 * 3600_000) throw new RangeError(`follow-up delay must be an integer number of ms between 0 and 365 days, got ${ms}`);
  await db.kv.put({ key: FOLLOW_UP_DELAY_KEY, value: ms });
}

/** Reads a one-of-a-list setting from kv: the stored value when it is one of `choices`, else `fallback`. */
async function readChoice<T extends string>(db: SatchelDb, key: string, choices: readonly T[], fallback: T): Promise<T> {
  const v = (await db.kv.get(key))?.value;
  return choices.includes(v as T) ? (v as T) : fallback;
}

/** Stores a one-of-a-list setting. @throws RangeError (naming `what`) for a value outside `choices`. */
async function writeChoice<T extends string>(db: SatchelDb, key: string, choices: readonly T[], v: T, what: string): Promise<void> {
  if (!choices.includes(v)) throw new RangeError(`${what} must be one of ${choices.join(', ')}, got ${String(v)}`);
  await db.kv.put({ key, value: v });
}

/** How extension pages look: follow the system, or always light / dark. */
export type ThemeChoice = 'system' | 'light' | 'dark';
/** The theme choices, in the order the options page offers them. */
export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];
/** kv key of the theme choice (device-local). */
export const THEME_KEY = 'theme';

/** The theme choice (default 'system'). */
export const themeChoice = (db: SatchelDb): Promise<ThemeChoice> => readChoice(db, THEME_KEY, THEME_CHOICES, 'system');

/** Sets the theme choice. @throws RangeError for a value outside {@link THEME_CHOICES}. */
export const setThemeChoice = (db: SatchelDb, v: ThemeChoice): Promise<void> => writeChoice(db, THEME_KEY, THEME_CHOICES, v, 'theme');

/** Library list density: comfortable rows (avatar, image, note, quoted preview) or dense ones. */
export type Density = 'comfortable' | 'dense';
/** The densities, in the order the library offers them. */
export const DENSITIES: readonly Density[] = ['comfortable', 'dense'];
/** kv key of the library density (device-local). */
export const DENSITY_KEY = 'libraryDensity';

/** The library density (default 'comfortable'). */
export const libraryDensity = (db: SatchelDb): Promise<Density> => readChoice(db, DENSITY_KEY, DENSITIES, 'comfortable');

/** Sets the library density. @throws RangeError for a value outside {@link DENSITIES}. */
export const setLibraryDensity = (db: SatchelDb, v: Density): Promise<void> => writeChoice(db, DENSITY_KEY, DENSITIES, v, 'density');

/**
 * kv key of the single-key shortcuts switch (WCAG 2.1.4): `l` in the popup opens the library, `/` in
 * the library focuses search, and the library list's letter keys. Default on; off leaves only
 * shortcuts with a modifier (Alt+Shift+S, Ctrl+K) and the keys of a focused widget (arrows, Enter).
 */
export const SINGLE_KEY_SHORTCUTS_KEY = 'singleKeyShortcuts';

/** Whether single-key shortcuts are on (default true). */
export async function singleKeyShortcuts(db: SatchelDb): Promise<boolean> {
  const v = (await db.kv.get(SINGLE_KEY_SHORTCUTS_KEY))?.value;
  return typeof v === 'boolean' ? v : true;
}

/** Turns single-key shortcuts on or off. */
export async function setSingleKeyShortcuts(db: SatchelDb, on: boolean): Promise<void> {
  await db.kv.put({ key: SINGLE_KEY_SHORTCUTS_KEY, value: on === true });
}

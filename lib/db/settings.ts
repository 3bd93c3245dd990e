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

/** How extension pages look: follow the system, or always light / dark. */
export type ThemeChoice = 'system' | 'light' | 'dark';
/** The theme choices, in the order the options page offers them. */
export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];
/** kv key of the theme choice (device-local). */
export const THEME_KEY = 'theme';

/** The theme choice (default 'system'). */
export async function themeChoice(db: SatchelDb): Promise<ThemeChoice> {
  const v = (await db.kv.get(THEME_KEY))?.value;
  return THEME_CHOICES.includes(v as ThemeChoice) ? (v as ThemeChoice) : 'system';
}

/** Sets the theme choice. @throws RangeError for a value outside {@link THEME_CHOICES}. */
export async function setThemeChoice(db: SatchelDb, v: ThemeChoice): Promise<void> {
  if (!THEME_CHOICES.includes(v)) throw new RangeError(`theme must be one of ${THEME_CHOICES.join(', ')}, got ${String(v)}`);
  await db.kv.put({ key: THEME_KEY, value: v });
}

/** Library list density: comfortable rows (avatar, image, note, quoted preview) or dense ones. */
export type Density = 'comfortable' | 'dense';
/** The densities, in the order the library offers them. */
export const DENSITIES: readonly Density[] = ['comfortable', 'dense'];
/** kv key of the library density (device-local). */
export const DENSITY_KEY = 'libraryDensity';

/** The library density (default 'comfortable'). */
export async function libraryDensity(db: SatchelDb): Promise<Density> {
  const v = (await db.kv.get(DENSITY_KEY))?.value;
  return DENSITIES.includes(v as Density) ? (v as Density) : 'comfortable';
}

/** Sets the library density. @throws RangeError for a value outside {@link DENSITIES}. */
export async function setLibraryDensity(db: SatchelDb, v: Density): Promise<void> {
  if (!DENSITIES.includes(v)) throw new RangeError(`density must be one of ${DENSITIES.join(', ')}, got ${String(v)}`);
  await db.kv.put({ key: DENSITY_KEY, value: v });
}

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

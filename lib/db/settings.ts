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

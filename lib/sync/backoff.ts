/** Smallest retry delay, ms: the `chrome.alarms` minimum (docs/sync-protocol.md 3.9). */
export const MIN_RETRY_MS = 30_000;
/** Largest retry delay, ms (15 min). */
export const MAX_RETRY_MS = 15 * 60_000;

/**
 * Delay before retry number `attempt` (0 = first retry), ms: full jitter,
 * `max(30 s, random(0, min(15 min, 30 s · 2^attempt)))` (docs/sync-protocol.md 3.9). `random` returns [0, 1).
 * A server `Retry-After` (ms) wins when it is longer.
 */
export function retryDelayMs(attempt: number, random: () => number, retryAfterMs: number | null = null): number {
  const cap = Math.min(MAX_RETRY_MS, MIN_RETRY_MS * 2 ** Math.max(0, Math.min(attempt, 20)));
  const jittered = Math.max(MIN_RETRY_MS, Math.floor(random() * cap));
  return retryAfterMs !== null && retryAfterMs > jittered ? retryAfterMs : jittered;
}

/**
 * Parses an HTTP `Retry-After` value (seconds, or an HTTP date) into ms from `now`, or null when
 * absent or unreadable. Negative results become 0.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

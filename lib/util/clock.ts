/** A source of the current time in epoch milliseconds. Injected so tests can pin time. */
export type Clock = () => number;

/** The system clock: `Date.now()` (epoch ms, client clock; display and diagnostics only). */
export const systemClock: Clock = () => Date.now();

/**
 * A clock for tests that starts at `start` (epoch ms) and advances `step` ms on every read,
 * so successive writes get distinct, increasing timestamps.
 */
export function steppingClock(start: number, step = 1): Clock {
  let t = start - step;
  return () => (t += step);
}

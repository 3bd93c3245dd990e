/**
 * Per-account sign-in backoff (docs/sync-protocol.md 4 "Limits"): keyed by the digest of the
 * normalised email, whether or not an account has it, so the limiter tells nothing about accounts.
 *
 * Two counters of the shared limiter: `signin_fails` counts the attempts of the current streak
 * (taken before the password is checked, so parallel attempts cannot all slip in as "free"), and
 * `signin_gate` holds the wait. After `freeFailures` failures each further failure blocks the gate
 * for 1 s, 2 s, 4 s … up to `maxDelayS`; past the free attempts the gate also lets only one attempt
 * at a time through. A success clears both; the streak forgets itself `forgetAfterS` after it began.
 * So the right password waits at most `maxDelayS`, never longer.
 */
import type { SigninBackoff } from './config';
import { limiterKey, type RateDecision, type RateLimiter } from './rate-limit';

/** One attempt in progress: call {@link SigninAttempt.finish} with the outcome. */
export interface SigninAttempt {
  finish(ok: boolean): Promise<void>;
}

/** Seconds to wait after the `failures`-th consecutive failure: 0 while free, then 1, 2, 4 … ≤ `maxDelayS`. */
export function backoffDelayS(failures: number, cfg: SigninBackoff): number {
  if (cfg.maxDelayS === 0 || failures < cfg.freeFailures) return 0;
  return Math.min(2 ** Math.min(failures - cfg.freeFailures, 30), cfg.maxDelayS);
}

const NOOP: SigninAttempt = { finish: async () => {} };

/**
 * Starts a sign-in attempt for `email` (normalised by the caller).
 * @returns the attempt, or a refusal: `limited` while the account waits, `unavailable` when the
 * shared store fails (sign-in fails closed). Never throws.
 */
export async function beginSignin(limiter: RateLimiter, cfg: SigninBackoff, email: string): Promise<SigninAttempt | (RateDecision & { ok: false })> {
  if (cfg.maxDelayS === 0) return NOOP;
  const key = limiterKey(`email:${email}`);
  const fails = limiter.counter('signin_fails', 1_000_000, cfg.forgetAfterS);
  const gate = limiter.counter('signin_gate', 1, cfg.maxDelayS);
  let n: number;
  try {
    n = (await fails.penalty(key)).consumedPoints;
  } catch (e) {
    return limiter.refusal(e);
  }
  if (n > cfg.freeFailures) {
    try {
      // Passes only when no wait is running; holds others off while this attempt is checked.
      await gate.consume(key, 1, { customDuration: Math.max(1, backoffDelayS(n - 1, cfg)) });
    } catch (e) {
      await fails.reward(key).catch(() => undefined); // a refused attempt is not a failure
      return limiter.refusal(e);
    }
  }
  return {
    async finish(ok) {
      try {
        if (ok) {
          await Promise.all([fails.delete(key), gate.delete(key)]);
        } else {
          const wait = backoffDelayS(n, cfg);
          if (wait > 0) await gate.block(key, wait);
        }
      } catch {
        // The counters expire on their own; the answer to this attempt is already decided.
      }
    },
  };
}

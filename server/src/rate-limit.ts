/**
 * In-memory fixed-window rate limiter (docs/sync-protocol.md 4: in memory for one instance; Redis or PG for
 * replicas, see server/README.md). Keys are `<bucket>:<token|user|ip>`.
 */
import type { RateLimit } from './config';

/** Result of one {@link RateLimiter.hit}: allowed, or the seconds to wait (`Retry-After`). */
export type RateDecision = { ok: true } | { ok: false; retryAfterS: number };

/** Counts hits per key per window. `now` is injectable (epoch ms) for tests. */
export class RateLimiter {
  private windows = new Map<string, { start: number; count: number }>();
  constructor(private readonly now: () => number = Date.now) {}

  /** Records one hit for `key` under `limit`; a `max` of 0 disables the limit. */
  hit(key: string, limit: RateLimit): RateDecision {
    if (limit.max === 0) return { ok: true };
    const t = this.now();
    let w = this.windows.get(key);
    if (!w || t - w.start >= limit.windowMs) {
      w = { start: t, count: 0 };
      this.windows.set(key, w);
      if (this.windows.size > 100_000) this.sweep(t, limit.windowMs);
    }
    w.count++;
    if (w.count <= limit.max) return { ok: true };
    return { ok: false, retryAfterS: Math.max(1, Math.ceil((w.start + limit.windowMs - t) / 1000)) };
  }

  private sweep(t: number, windowMs: number): void {
    for (const [k, w] of this.windows) if (t - w.start >= windowMs) this.windows.delete(k);
  }
}

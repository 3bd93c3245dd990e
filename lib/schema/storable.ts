/**
 * The one rule for text that crosses the wire or reaches a store (docs/sync-protocol.md 3.3 "Text the
 * stores can hold"): U+0000 is removed and every lone UTF-16 surrogate becomes U+FFFD.
 *
 * Why: PostgreSQL `text` refuses U+0000 outright (a 500 and a wedged outbox, issue 10), and both
 * drivers encode strings as UTF-8, which cannot hold a lone surrogate, so SQLite and PostgreSQL
 * silently stored U+FFFD in some columns and the raw unit in JSON columns: server and client
 * disagreed. Stripping (not refusing) is chosen because such characters carry no meaning a learner
 * can see, and a post copied from a page must never be refused for one stray unit.
 *
 * Every string schema in `lib/schema` is built with {@link storable}, so the server's parse cleans
 * requests, and the client cleans what it writes locally with {@link toStorable} (or the same
 * schemas) before it queues, so both sides hold the same text.
 */
import { z } from 'zod';

/** Removes U+0000 and replaces lone surrogates with U+FFFD. Idempotent; returns `s` itself when already clean. */
export function toStorable(s: string): string {
  const noNul = s.includes('\u0000') ? s.replaceAll('\u0000', '') : s;
  return noNul.isWellFormed() ? noNul : noNul.toWellFormed();
}

/** True when {@link toStorable} would leave `s` unchanged. */
export const isStorable = (s: string): boolean => !s.includes('\u0000') && s.isWellFormed();

/**
 * A zod string that applies {@link toStorable} before any other check, so `.max()`, `.trim()` and
 * `.regex()` chained after it see the cleaned text. Use it for every string of the wire schema.
 */
export const storable = () => z.string().overwrite(toStorable);

/**
 * Applies {@link toStorable} to every string inside a JSON-like value (object keys too), for
 * values that are stored or queued as a whole. Arrays and plain objects are copied; other values
 * are returned as they are. Depth is bounded by the value itself (callers pass parsed wire data).
 */
export function deepStorable<T>(v: T): T {
  if (typeof v === 'string') return toStorable(v) as T;
  if (Array.isArray(v)) return v.map((x) => deepStorable(x)) as T;
  if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[toStorable(k)] = deepStorable(x);
    return out as T;
  }
  return v;
}

/**
 * The pull cookie (docs/sync-protocol.md 3.5): opaque to the client, base64url of `{v:1, s:{[scopeId]: version}}`.
 * Authz is recomputed on every pull, so a tampered cookie only changes what the tamperer receives.
 */

/** Current cookie format. A cookie of another `v` resets every scope (docs/sync-protocol.md 6 growth path). */
export const COOKIE_VERSION = 1;

/** Decoded cookie: per-scope cursor. `stale` when it was written by another cookie format. */
export interface Cursor {
  s: Record<string, number>;
  stale: boolean;
}

/** Encodes per-scope versions. */
export function encodeCookie(s: Record<string, number>): string {
  return Buffer.from(JSON.stringify({ v: COOKIE_VERSION, s }), 'utf8').toString('base64url');
}

/**
 * Decodes a cookie; null cookie = initial pull.
 * @returns null when the text is not a cookie at all (the route answers 400 invalid_cookie).
 */
export function decodeCookie(cookie: string | null): Cursor | null {
  if (cookie === null) return { s: {}, stale: false };
  try {
    const o = JSON.parse(Buffer.from(cookie, 'base64url').toString('utf8')) as unknown;
    if (typeof o !== 'object' || o === null) return null;
    const { v, s } = o as { v?: unknown; s?: unknown };
    if (v !== COOKIE_VERSION) return { s: {}, stale: true };
    if (typeof s !== 'object' || s === null || Array.isArray(s)) return null;
    const out: Record<string, number> = {};
    for (const [k, n] of Object.entries(s)) {
      if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0 || k.length > 80) return null;
      out[k] = n;
    }
    return { s: out, stale: false };
  } catch {
    return null;
  }
}

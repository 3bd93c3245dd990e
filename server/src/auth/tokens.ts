/**
 * Opaque device tokens `cap_<tokenId>_<secret>` (docs/sync-protocol.md 4): `tokenId` (24 hex chars) is stored
 * for lookup, the secret (32 random bytes, base64url) only as SHA-256 hex, compared in constant time.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh token and what to store for it. */
export interface IssuedToken {
  token: string;
  tokenId: string;
  /** hex SHA-256 of the secret */
  hash: string;
}

/** SHA-256 of `s` as lowercase hex. */
export const sha256Hex = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

/** Makes a new random device token. */
export function issueToken(): IssuedToken {
  const tokenId = randomBytes(12).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { token: `cap_${tokenId}_${secret}`, tokenId, hash: sha256Hex(secret) };
}

/** Splits a token into id and secret; null when it is not shaped like one. */
export function parseToken(token: string): { tokenId: string; secret: string } | null {
  const m = /^cap_([0-9a-f]{24})_([A-Za-z0-9_-]{43})$/.exec(token);
  return m ? { tokenId: m[1]!, secret: m[2]! } : null;
}

/** Constant-time check of `secret` against a stored hex SHA-256. */
export function secretMatches(secret: string, storedHex: string): boolean {
  const a = Buffer.from(sha256Hex(secret), 'hex');
  const b = Buffer.from(storedHex, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A random invite code (16 bytes, base64url, 22 chars); store only {@link sha256Hex} of it. */
export const newInviteCode = (): string => randomBytes(16).toString('base64url');

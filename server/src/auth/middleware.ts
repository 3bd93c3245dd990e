/**
 * Bearer device-token middleware: looks the token up by its public id, compares the secret's
 * SHA-256 in constant time, refuses revoked devices. Any failure is the same generic 401.
 */
import type { MiddlewareHandler } from 'hono';
import { limit, type AppEnv, type Ctx } from '../context';
import { unauthorized } from '../errors';
import { parseToken, secretMatches } from './tokens';

/** The bearer token of the request, split; @throws HttpError 401 when absent or malformed. */
export function bearerToken(c: Ctx): { tokenId: string; secret: string } {
  const m = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
  const parsed = m ? parseToken(m[1]!) : null;
  if (!parsed) throw unauthorized();
  return parsed;
}

/** The stored device fields a token check needs. */
export interface DeviceRow {
  id: string;
  user_id: string;
  token_hash: string;
  revoked_at: number | null;
  last_seen_at: number | null;
}

/**
 * Checks the token secret against the stored device (constant time), refuses revoked devices,
 * sets `c.var.auth` and refreshes `last_seen_at` at most once a minute.
 * @throws HttpError 401 (the same generic error for every failure)
 */
export async function admitDevice(c: Ctx, secret: string, dev: DeviceRow | undefined): Promise<void> {
  if (!dev || dev.revoked_at !== null || !secretMatches(secret, dev.token_hash)) throw unauthorized();
  c.set('auth', { userId: dev.user_id, deviceId: dev.id });
  const { store, now } = c.get('deps');
  const t = now();
  if (dev.last_seen_at === null || t - Number(dev.last_seen_at) > 60_000) {
    await store.db.updateTable('devices').set({ last_seen_at: t }).where('id', '=', dev.id).execute();
  }
}

/** Requires `Authorization: Bearer cap_…`; sets `c.var.auth`. @throws HttpError 401 */
export const requireDevice: MiddlewareHandler<AppEnv> = async (c, next) => {
  const parsed = bearerToken(c);
  const dev = await c.get('deps').store.db.selectFrom('devices').select(['id', 'user_id', 'token_hash', 'revoked_at', 'last_seen_at']).where('token_id', '=', parsed.tokenId).executeTakeFirst();
  await admitDevice(c, parsed.secret, dev);
  if (!c.req.path.startsWith('/v1/sync/')) await limit(c, 'api', dev!.id); // push and pull have their own buckets
  await next();
};

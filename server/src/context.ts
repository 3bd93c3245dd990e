/**
 * Shared Hono types and request helpers for the routes.
 */
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { z } from 'zod';
import type { Config } from './config';
import type { Store } from './db/open-store';
import { badRequest, HttpError } from './errors';
import type { RateLimiter } from './rate-limit';
import type { PushHooks } from './sync/push';

/** The authenticated caller (set by the bearer-token middleware). */
export interface AuthInfo {
  userId: string;
  deviceId: string;
}

/** Everything a route needs. */
export interface AppDeps {
  store: Store;
  config: Config;
  limiter: RateLimiter;
  /** epoch ms */
  now: () => number;
  /** one JSON object per line; never receives tokens, passwords, invite codes or stacks */
  log: (entry: Record<string, unknown>) => void;
  hooks: PushHooks;
}

/** Hono env of the app. */
export type AppEnv = { Variables: { auth: AuthInfo; deps: AppDeps } };
export type Ctx = Context<AppEnv>;

/**
 * Parses the JSON body with a strict zod schema.
 * @throws HttpError 400 `invalid_request` naming the first bad path (never echoing the value).
 */
export async function readBody<S extends z.ZodType>(c: Ctx, schema: S): Promise<z.infer<S>> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw badRequest('body must be JSON');
  }
  const r = schema.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw badRequest(`${i.path.join('.') || 'body'}: ${i.code === 'unrecognized_keys' ? 'unknown key' : i.message}`);
  }
  return r.data;
}

/** The client address for rate limits: the socket peer, or the first X-Forwarded-For hop when TRUST_PROXY is set. */
export function clientIp(c: Ctx, trustProxy: boolean): string {
  if (trustProxy) {
    const xff = c.req.header('x-forwarded-for');
    if (xff) return xff.split(',')[0]!.trim();
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // app.request() in tests has no socket
  }
}

/**
 * Counts one request against a limit.
 * @throws HttpError 429 `rate_limited` with `Retry-After` seconds.
 */
export async function limit(c: Ctx, bucket: keyof AppDeps['config']['rateLimits'], key: string): Promise<void> {
  const deps = c.get('deps');
  const d = await deps.limiter.hit(`${bucket}:${key}`, deps.config.rateLimits[bucket]);
  if (!d.ok) throw new HttpError(429, 'rate_limited', 'too many requests; retry later', {}, { 'Retry-After': String(d.retryAfterS) });
}

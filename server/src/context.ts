/**
 * Shared Hono types and request helpers for the routes.
 */
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { z } from 'zod';
import type { Config } from './config';
import type { Store } from './db/open-store';
import { badRequest, HttpError } from './errors';
import { clientAddress } from './client-address';
import type { RateDecision, RateLimiter } from './rate-limit';
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

/**
 * The client address key for per-address rate limits: the socket peer, or the `X-Forwarded-For`
 * entry `config.trustedProxyHops` places from the right (rules in server/src/client-address.ts).
 */
export function clientIp(c: Ctx): string {
  let peer = 'unknown'; // app.request() in tests has no socket
  try {
    peer = getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // keep 'unknown'
  }
  return clientAddress(c.req.header('x-forwarded-for'), peer, c.get('deps').config.trustedProxyHops);
}

/**
 * The error for a refused {@link RateDecision}: 429 `rate_limited`, or 503 `unavailable` when the
 * shared limiter store failed for a bucket that fails closed; both carry `Retry-After` seconds.
 */
export function refused(d: RateDecision & { ok: false }): HttpError {
  const headers = { 'Retry-After': String(d.retryAfterS) };
  if (d.reason === 'unavailable') return new HttpError(503, 'unavailable', 'temporarily unavailable; retry later', {}, headers);
  return new HttpError(429, 'rate_limited', 'too many requests; retry later', {}, headers);
}

/**
 * Counts one request against a limit.
 * @throws HttpError 429 `rate_limited` / 503 `unavailable` (see {@link refused}).
 */
export async function limit(c: Ctx, bucket: keyof AppDeps['config']['rateLimits'], key: string): Promise<void> {
  const deps = c.get('deps');
  const d = await deps.limiter.hit(bucket, key, deps.config.rateLimits[bucket]);
  if (!d.ok) throw refused(d);
}

/**
 * Refuses when `bucket` has no budget left for `key`, without spending any; pair it with
 * {@link limit} once the thing the budget counts was made.
 * @throws HttpError 429 `rate_limited` / 503 `unavailable` (see {@link refused}).
 */
export async function checkLimit(c: Ctx, bucket: keyof AppDeps['config']['rateLimits'], key: string): Promise<void> {
  const deps = c.get('deps');
  const d = await deps.limiter.peek(bucket, key, deps.config.rateLimits[bucket]);
  if (!d.ok) throw refused(d);
}

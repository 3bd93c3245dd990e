import { PROTOCOL_VERSION, SCHEMA_VERSION, PullResponse, PushResponse, DEFAULT_PULL_LIMIT } from '../schema/sync';
import { parseRetryAfter } from './backoff';
import type { HttpResult, OutboxItem, SyncAuth, SyncTransport } from './types';
import type { z } from 'zod';

/** `fetch` as the engine uses it (injected: the service worker's fetch, or a test double). */
export type Fetch = (url: string, init: { method: string; headers: Record<string, string>; body?: string; signal?: AbortSignal }) => Promise<{
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}>;

/** Options of {@link httpTransport}. */
export interface TransportOptions {
  fetch: Fetch;
  /** epoch ms clock (for HTTP-date Retry-After). */
  now?: () => number;
  /** Per request timeout, ms (docs/sync-protocol.md 3.9: 20 s). */
  timeoutMs?: number;
  /** Rows per pull page (≤ 1000). */
  pullLimit?: number;
}

/**
 * The sync HTTP client: `POST /v1/sync/push` and `/v1/sync/pull` with the device's bearer token.
 * Never throws: a network failure is `{ ok: false, status: 0, code: 'network' }`; an error answer
 * carries the server's `{ error: { code, message } }` and `Retry-After`; a 2xx whose body does not
 * match lib/schema is `{ ok: false, code: 'bad_response' }` (nothing is applied from it).
 */
export function httpTransport(opts: TransportOptions): SyncTransport {
  const now = opts.now ?? Date.now;
  async function post<T>(auth: SyncAuth, path: string, body: unknown, schema: z.ZodType<T>): Promise<HttpResult<T>> {
    let res: Awaited<ReturnType<Fetch>>;
    let text: string;
    try {
      res = await opts.fetch(`${auth.serverUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${auth.token}` },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(opts.timeoutMs ?? 20_000),
      });
      text = await res.text();
    } catch (e) {
      return { ok: false, status: 0, code: 'network', message: e instanceof Error ? e.message : String(e), retryAfterMs: null };
    }
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    if (res.status >= 200 && res.status < 300) {
      const parsed = schema.safeParse(json);
      if (parsed.success) return { ok: true, status: res.status, body: parsed.data };
      return { ok: false, status: res.status, code: 'bad_response', message: `unexpected answer from the server: ${parsed.error.issues[0]?.message ?? 'invalid'}`, retryAfterMs: null };
    }
    const err = (json as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    return {
      ok: false,
      status: res.status,
      code: typeof err?.code === 'string' ? err.code : null,
      message: typeof err?.message === 'string' ? err.message : `HTTP ${res.status}`,
      retryAfterMs: parseRetryAfter(res.headers.get('retry-after'), now()),
      body: json,
    };
  }
  return {
    push: (auth, mutations: readonly OutboxItem[]) =>
      post(auth, '/v1/sync/push', { protocolVersion: PROTOCOL_VERSION, schemaVersion: SCHEMA_VERSION, deviceId: auth.deviceId, mutations }, PushResponse),
    pull: (auth, cookie) =>
      post(auth, '/v1/sync/pull', { protocolVersion: PROTOCOL_VERSION, schemaVersion: SCHEMA_VERSION, deviceId: auth.deviceId, cookie, limit: opts.pullLimit ?? DEFAULT_PULL_LIMIT }, PullResponse),
  };
}

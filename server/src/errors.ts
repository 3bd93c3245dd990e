/**
 * Typed errors mapped to HTTP in one place (`app.onError`, docs/architecture.md 6.9 rule 6). The body is
 * always `{error:{code,message}}`; messages are fixed strings, never stack traces or secrets.
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** An error with an HTTP status and a stable machine code. `extra` is merged into `error` (e.g. `expectedSeq`). */
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** 400 with the first zod issue path (never the value itself). */
export const badRequest = (message: string) => new HttpError(400, 'invalid_request', message);
/** 401: the one generic authentication error (does not say whether an email or token exists). */
export const unauthorized = (message = 'authentication required') => new HttpError(401, 'unauthorized', message);
/** 403 */
export const forbidden = (message = 'not allowed') => new HttpError(403, 'forbidden', message);
/** 404: also used for rows the caller may not read, so existence never leaks. */
export const notFound = (message = 'not found') => new HttpError(404, 'not_found', message);

/**
 * A retryable store failure: SQLITE_BUSY, PG serialization failure (40001), deadlock (40P01), a
 * PG lock or statement timeout, a lost connection, or a unique violation from a cross-scope race. Push retries the mutation's transaction, then answers 503 (docs/sync-protocol.md 3.4).
 */
export class TransientStoreError extends Error {
  override name = 'TransientStoreError';
}

// 55P03 lock_timeout, 57014 statement_timeout (or a cancel), 25P03 idle_in_transaction_session_timeout
// (docs/sync-protocol.md 4 "Time limits"): waiting behind a stuck process is retried, then 503, never a 500.
const TRANSIENT_PG = new Set(['40001', '40P01', '57P01', '57P02', '57P03', '08000', '08003', '08006', '08001', '08004', '55P03', '57014', '25P03']);

// pg's own errors (no SQLSTATE) for a session that is gone, e.g. ended by 25P03 while this process
// was frozen: the pool drops that client, so the retry runs on a fresh connection.
const PG_CONNECTION_LOST = /^(Client has encountered a connection error and is not queryable|Connection terminated( unexpectedly)?)$/;

/** True for errors worth retrying (see {@link TransientStoreError}). */
export function isTransient(e: unknown): boolean {
  if (e instanceof TransientStoreError) return true;
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return e instanceof Error && PG_CONNECTION_LOST.test(e.message);
  // A unique violation means a concurrent writer in another scope took the same id first (two
  // scopes never share a lock); the retry re-checks and answers id_conflict instead of a 500.
  const raced = code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
  return raced || code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || TRANSIENT_PG.has(code) || code === 'ECONNRESET' || code === 'ECONNREFUSED';
}

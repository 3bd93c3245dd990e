/**
 * One guard in front of every route for input no store or parser should ever see (docs/sync-protocol.md
 * §4 "Validation", issue 10): path segments, query string, header sizes and the body's nesting depth.
 * It runs before authentication and before anything parses or serialises the request, so a hostile
 * value becomes a fixed 4xx here instead of a store error (PostgreSQL refuses U+0000 in text: 22021 →
 * 500) or a stack overflow (a few thousand nested arrays in push `args`) further in.
 *
 * Text inside a valid JSON body is not this guard's job: the lib/schema `storable()` strings clean it
 * (docs/sync-protocol.md §3.3 "Text the stores can hold").
 */
import type { MiddlewareHandler } from 'hono';
import { isStorable, MAX_PUSH_BYTES } from '../../lib/schema';
import { badRequest, HttpError, notFound } from './errors';

/** Deepest nesting of `[` / `{` a request body may have (a real push is about 8 deep). */
export const MAX_BODY_DEPTH = 64;
/** Longest path segment after percent-decoding, in UTF-16 units (ids are at most 36; invite codes 22). */
export const MAX_PATH_SEGMENT = 256;
/** Longest raw query string (no route reads one today), in characters. */
export const MAX_QUERY_CHARS = 2048;
/** Longest value of any one request header, in characters (Node's own limit for all headers is 16 KiB). */
export const MAX_HEADER_CHARS = 8192;

/** `decodeURIComponent` that answers null instead of throwing on bad percent-encoding or invalid UTF-8. */
function decodeStrict(s: string): string | null {
  if (!s.includes('%')) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

/** True when a decoded path segment or query part is text the stores can hold and not absurdly long. */
const holdable = (s: string | null, max: number): s is string => s !== null && s.length <= max && isStorable(s);

/**
 * The first problem of a URL's path and query, or null when both are clean.
 * `path`: a segment that cannot be decoded or held → `404` (no id like it can exist); `query` → `400`.
 */
export function urlProblem(rawUrl: string): 'path' | 'query' | null {
  const url = new URL(rawUrl);
  for (const seg of url.pathname.split('/')) if (!holdable(decodeStrict(seg), MAX_PATH_SEGMENT)) return 'path';
  const q = url.search.slice(1);
  if (q.length > MAX_QUERY_CHARS) return 'query';
  for (const part of q ? q.split(/[&=]/) : []) if (!holdable(decodeStrict(part.replaceAll('+', ' ')), MAX_QUERY_CHARS)) return 'query';
  return null;
}

/**
 * True when the JSON text in `bytes` nests `[`/`{` deeper than `max`. A linear scan over the UTF-8
 * bytes that skips string contents (escapes included); it does not check that the text is JSON.
 */
export function nestsDeeperThan(bytes: Uint8Array, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (inString) {
      if (b === 0x5c) i++; // backslash: skip the escaped byte
      else if (b === 0x22) inString = false;
    } else if (b === 0x22) inString = true;
    else if (b === 0x5b || b === 0x7b) {
      if (++depth > max) return true;
    } else if (b === 0x5d || b === 0x7d) depth--;
  }
  return false;
}

/** True for `application/json`, with or without parameters such as `charset=utf-8`. */
export const isJson = (type: string | undefined): boolean => /^application\/json\s*(;|$)/i.test(type?.trim() ?? '');

const tooLarge = () => new HttpError(413, 'payload_too_large', 'request body too large');

/** Reads a body stream into memory, at most `max` bytes. @throws HttpError 413 past `max`. */
async function readAtMost(body: ReadableStream<Uint8Array>, max: number): Promise<Uint8Array<ArrayBuffer>> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * The guard middleware. `maxBodyBytes` is the largest body any route accepts (default: a push's
 * 512 KiB; the routes keep their own smaller limits); the body is read once, checked, and handed on
 * as a fresh in-memory request.
 * @throws HttpError 404 `not_found` (path), 400 `invalid_request` (query, header, nesting), 413 `payload_too_large`,
 *   415 `unsupported_media_type` (a body that is not `application/json`).
 */
export function inputGuard(opts: { maxBodyBytes: number } = { maxBodyBytes: MAX_PUSH_BYTES }): MiddlewareHandler {
  return async (c, next) => {
    const problem = urlProblem(c.req.url);
    if (problem === 'path') throw notFound('not found');
    if (problem === 'query') throw badRequest('query string is not valid');
    for (const [, v] of c.req.raw.headers) if (v.length > MAX_HEADER_CHARS) throw badRequest('a request header is too large');
    const body = c.req.raw.body;
    if (body) {
      const declared = Number(c.req.header('content-length') ?? 0);
      if (declared > opts.maxBodyBytes) throw tooLarge();
      const bytes = await readAtMost(body, opts.maxBodyBytes);
      // Every body of this API is JSON. Refusing other types also keeps a web page from reaching
      // sign-in or sign-up with a "simple" cross-origin request, which needs no CORS preflight.
      if (bytes.length > 0 && !isJson(c.req.header('content-type'))) throw new HttpError(415, 'unsupported_media_type', 'send the body as application/json');
      if (nestsDeeperThan(bytes, MAX_BODY_DEPTH)) throw badRequest(`body: nested deeper than ${MAX_BODY_DEPTH} levels`);
      c.req.raw = new Request(c.req.raw, { body: bytes });
    }
    await next();
  };
}

/**
 * Viva Engage / Yammer ids (docs/sites/yammer.md). Pure, no DOM.
 *
 * New Yammer and Engage URLs carry ids as base64url-encoded JSON without padding:
 *   `eyJfdHlwZSI6IlRocmVhZCIsImlkIjoiMjQ1NDYzNzQ4MjU5ODQwMCJ9` → `{"_type":"Thread","id":"2454637482598400"}`.
 * The numeric id inside is the REST API id. A thread's id is the id of its starter message
 * (REST `thread_id` equals the first message's `id`), so a `/threads/` anchor identifies the starter.
 * Classic Yammer and `messageId=` parameters may carry the plain decimal id instead.
 */

/** A decoded Engage id: its `_type` (`Thread`, `Message`, `User`, `Group`, `Topic`...) and decimal id. */
export interface EngageId {
  type: string;
  id: string;
}

/** What kind of post a URL points at: a message (reply or starter) or a whole thread. */
export interface PostRef {
  kind: 'message' | 'thread';
  /** Decimal id string. */
  id: string;
}

const DIGITS = /^\d{1,30}$/;

/**
 * Decodes a base64url JSON id (`{"_type":…,"id":…}`), padding optional.
 * Returns null for anything else (not base64url, not JSON, no `_type`, id not decimal).
 * STRUCTURE.md §2: the tail differs with length (`…J9` vs `…In0`) — decode, never match the tail.
 */
export function decodeEngageId(token: string): EngageId | null {
  const s = token.trim();
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(s)) return null;
  let json: string;
  try {
    const b64 = s.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/');
    const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    json = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
  let obj: unknown;
  try {
    obj = JSON.parse(json);
  } catch {
    return null;
  }
  if (!obj || typeof obj !== 'object') return null;
  const rec = obj as Record<string, unknown>;
  const type = rec._type;
  const id = typeof rec.id === 'number' && Number.isSafeInteger(rec.id) ? String(rec.id) : rec.id;
  if (typeof type !== 'string' || !type || typeof id !== 'string' || !DIGITS.test(id)) return null;
  return { type, id };
}

/**
 * Encodes `{"_type":type,"id":id}` as base64url without padding — the form Engage puts in URLs.
 * @throws Error when `id` is not a decimal string.
 */
export function encodeEngageId(type: string, id: string): string {
  if (!DIGITS.test(id)) throw new Error(`yammer id must be decimal digits, got ${JSON.stringify(id)}`);
  const bytes = new TextEncoder().encode(JSON.stringify({ _type: type, id }));
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A path segment or query value that is either a plain decimal id or a base64url JSON id; returns the decimal id. */
function idOfToken(token: string | null | undefined, wantTypes?: readonly string[]): string | null {
  if (!token) return null;
  let t = token;
  try {
    t = decodeURIComponent(token);
  } catch {
    /* keep raw */
  }
  if (DIGITS.test(t)) return t;
  const dec = decodeEngageId(t);
  if (!dec) return null;
  if (wantTypes && !wantTypes.includes(dec.type)) return null;
  return dec.id;
}

/**
 * The post a Yammer/Engage URL points at, or null. Message references win over thread references
 * (a reply link can be `…/threads/<t>?messageId=<m>` or `…/threads/<t>/<m>`). Recognised (STRUCTURE.md §2, §5):
 * `/messages/<id>`, `messageId=<id>`, `/threads/<t>/<Message b64>`, `/threads/<id>`, `threadId=<id>`, and the classic
 * `#/Threads/show?threadId=<id>` fragment; `<id>` is decimal or base64url JSON.
 * `base` resolves relative hrefs; an unparsable URL gives null.
 */
export function postRefFromUrl(href: string, base?: string): PostRef | null {
  let u: URL;
  try {
    u = new URL(href, base);
  } catch {
    return null;
  }
  const msgSeg = u.pathname.match(/\/messages\/([^/?#]+)/i);
  const msg = idOfToken(urlParam(u, 'messageId')) ?? idOfToken(msgSeg ? msgSeg[1] : null) ?? idOfToken(threadMessageSegment(u.pathname), ['Message']);
  if (msg) return { kind: 'message', id: msg };
  const thread = threadIdOf(u);
  if (thread) return { kind: 'thread', id: thread };
  return null;
}

/** The `<Message b64>` segment of the reply permalink `/threads/<Thread b64>/<Message b64>` (docs/sites/yammer.md "Permalinks"), or null. */
function threadMessageSegment(pathname: string): string | null {
  const m = pathname.match(/\/threads\/[^/?#]+\/([^/?#]+)/i);
  return m ? m[1]! : null;
}

/** The thread id of a parsed URL: `threadId=` (query or classic fragment) or `/threads/<id>`; null when neither. */
function threadIdOf(u: URL): string | null {
  const seg = u.pathname.match(/\/threads\/([^/?#]+)/i);
  return idOfToken(urlParam(u, 'threadId')) ?? idOfToken(seg ? seg[1] : null);
}

/** A query parameter, case-insensitive, from the query or from a classic route fragment (`#/Threads/show?threadId=123`). */
function urlParam(u: URL, name: string): string | null {
  const hashQuery = new URLSearchParams(u.hash.includes('?') ? u.hash.slice(u.hash.indexOf('?') + 1) : '');
  for (const [k, v] of [...u.searchParams, ...hashQuery]) if (k.toLowerCase() === name.toLowerCase()) return v;
  return null;
}

/**
 * The thread a URL belongs to (decimal id), whether it points at the thread or at one message in it:
 * `/threads/<T>`, `/threads/<T>/<M>`, `/threads/<T>?messageId=<M>`, `threadId=<T>`. Null for URLs
 * that name no thread (`/messages/<M>`, feeds). Used for the page URL: a thread page opened at a
 * reply's permalink is still the thread's page, and its first post is still the starter.
 */
export function threadIdFromUrl(href: string, base?: string): string | null {
  try {
    return threadIdOf(new URL(href, base));
  } catch {
    return null;
  }
}

/** The user id of a `/main/users/<b64 {"_type":"User"}>` (or `/users/<digits>`) URL, or null. */
export function userIdFromUrl(href: string, base?: string): string | null {
  let u: URL;
  try {
    u = new URL(href, base);
  } catch {
    return null;
  }
  const m = u.pathname.match(/\/users\/([^/?#]+)/i);
  return m ? idOfToken(m[1], ['User']) : null;
}

/** Prefix of fallback ids. Real Viva Engage ids are decimal digits only, so `h:`-ids never collide with them. */
export const FALLBACK_ID_PREFIX = 'h:';

/**
 * Stable id for a post that exposes no permalink anchor (STRUCTURE.md §2, Threadcalm's rule):
 * `h:` + 16 hex digits of FNV-1a 64 over `author \u0000 time \u0000 first 200 chars of text`
 * (text whitespace-collapsed so re-renders that change line wrapping keep the id).
 * Collisions between posts would need the same author, same time and same opening text.
 */
export function fallbackPostId(author: string, time: string | null, text: string): string {
  const input = `${author.trim()}\u0000${time ?? ''}\u0000${text.replace(/\s+/g, ' ').trim().slice(0, 200)}`;
  let h = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  for (const b of new TextEncoder().encode(input)) {
    h ^= BigInt(b);
    h = (h * prime) & 0xffffffffffffffffn;
  }
  return FALLBACK_ID_PREFIX + h.toString(16).padStart(16, '0');
}

/** True when `id` came from {@link fallbackPostId} rather than the page. */
export function isFallbackId(id: string): boolean {
  return id.startsWith(FALLBACK_ID_PREFIX);
}

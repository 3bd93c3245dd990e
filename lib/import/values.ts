/**
 * Small readers shared by the format parsers: URLs, dates, tag lists, text. Pure.
 */
import { webPageKey } from '../schema/web-key';

/**
 * The URL that identifies a saved page (the capture's `postId` and permalink): lib/schema
 * {@link webPageKey}, the key a context-menu save of the page has. Null when not an http(s) address.
 */
export const normaliseUrl = webPageKey;

/**
 * A time from a file as epoch ms: a number (or digits) of seconds or milliseconds since 1970 (below
 * 10^11 counts as seconds), or an ISO 8601 / RFC 2822 date. Null when empty or unreadable.
 */
export function readTime(v: unknown): number | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number' || (typeof v === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(v))) {
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) return null;
    return Math.round(n < 1e11 ? n * 1000 : n);
  }
  if (typeof v !== 'string') return null;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : t;
}

/** {@link readTime} as ISO 8601 UTC, or null. */
export function readIso(v: unknown): string | null {
  const t = readTime(v);
  return t === null ? null : new Date(t).toISOString();
}

/** A list of tags written in one cell (`a, b`, `a|b`, `["a","b"]`): trimmed, empties dropped. */
export function splitTags(cell: string | null | undefined, separator: RegExp = /[,|]/): string[] {
  const s = (cell ?? '').trim();
  if (!s) return [];
  if (s.startsWith('[')) {
    try {
      const arr = JSON.parse(s) as unknown;
      if (Array.isArray(arr)) return arr.filter((x): x is string => typeof x === 'string').map((x) => x.trim()).filter(Boolean);
    } catch {
      // not JSON: split it as text
    }
  }
  return s.split(separator).map((x) => x.trim()).filter(Boolean);
}

/** Trimmed text, or null when empty or not a string. */
export const textOrNull = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** A note with highlights appended as quoted paragraphs (`> …`); null when both are empty. */
export function noteWithHighlights(note: string | null, highlights: readonly string[]): string | null {
  const parts = [note, ...highlights.filter((h) => h.trim()).map((h) => h.trim().split('\n').map((l) => `> ${l}`).join('\n'))].filter((p): p is string => !!p);
  return parts.length ? parts.join('\n\n') : null;
}

/**
 * An {@link import('./types').ImportProblem} message for a row whose URL is not a web address, as a
 * sentence that stands after "Line 3:" or a JSON path.
 * @param field where the file keeps the address ("the url column", "the link's href"), named when it is empty.
 */
export function badUrlMessage(raw: unknown, field = 'url'): string {
  const s = typeof raw === 'string' ? raw.trim() : '';
  if (!s) return `no web address (${field} is empty); skipped`;
  return `"${s.length > 60 ? `${s.slice(0, 60)}…` : s}" is not a web address (http or https); skipped`;
}

/**
 * Splits a comment's plain text into what {@link CommentText} renders (pure): text, http(s) links
 * and `@mentions` of the members the comment mentions. Nothing here is markup: every segment is a
 * string, and a link exists only for an `http://` or `https://` URL that lib/util/url.ts
 * `safeHttpUrl` accepts (never `javascript:`, `data:` or anything else).
 */
import { safeHttpUrl } from '../../lib/util/url';

/** A piece of a comment: text as written, a link (`href` is http(s)), or a mention of `userId`. */
export type CommentSegment =
  | { kind: 'text'; text: string }
  | { kind: 'link'; text: string; href: string }
  | { kind: 'mention'; text: string; userId: string };

/** An http(s) URL as people paste it; trailing punctuation is trimmed off below. */
const URL_SOURCE = String.raw`\bhttps?:\/\/[^\s<>"'\u00a0]+`;
/** Punctuation that ends a sentence rather than a URL. */
const TRAILING = /[.,;:!?'")\]}>]+$/u;

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Segments of `body`: http(s) URLs become links, `@Name` of a member in `mentioned` becomes a
 * mention (longest name first; not when followed by a letter or digit), the rest text. Joining
 * every segment's `text` gives `body` back exactly.
 */
export function segmentComment(body: string, mentioned: ReadonlyArray<{ userId: string; displayName: string }>): CommentSegment[] {
  const names = mentioned.filter((m) => m.displayName.trim()).sort((a, b) => b.displayName.length - a.displayName.length);
  const byName = new Map(names.map((m) => [m.displayName, m.userId]));
  const mentionSource = names.length ? `|@(${names.map((m) => escapeRe(m.displayName)).join('|')})(?![\\p{L}\\p{N}])` : '';
  const re = new RegExp(`(${URL_SOURCE})${mentionSource}`, 'giu');
  const out: CommentSegment[] = [];
  const text = (s: string) => {
    if (!s) return;
    const last = out[out.length - 1];
    if (last?.kind === 'text') last.text += s;
    else out.push({ kind: 'text', text: s });
  };
  let at = 0;
  for (const m of body.matchAll(re)) {
    const start = m.index;
    text(body.slice(at, start));
    if (m[1] !== undefined) {
      const raw = m[1].replace(TRAILING, '');
      const href = safeHttpUrl(raw);
      if (href) out.push({ kind: 'link', text: raw, href });
      else text(raw);
      at = start + raw.length;
    } else {
      const userId = byName.get(m[2]!) ?? [...byName.entries()].find(([n]) => n.toLocaleLowerCase() === m[2]!.toLocaleLowerCase())?.[1];
      if (userId) out.push({ kind: 'mention', text: m[0], userId });
      else text(m[0]);
      at = start + m[0].length;
    }
  }
  text(body.slice(at));
  return out;
}

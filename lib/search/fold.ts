/**
 * Text folding and tokenising shared by indexing, querying and highlighting, so all three agree
 * on what a "term" is. Pure; no dependencies.
 */

const MARKS = /\p{M}+/gu;

/**
 * Folds text for matching: NFD, combining marks removed, lowercased. `Café` → `cafe`,
 * `Ärger` → `arger`, `İstanbul` → `istanbul`. Emoji and other scripts pass through (only marks
 * and case fold). Note: in scripts where marks carry meaning (Devanagari vowel signs, Hebrew
 * points, Arabic harakat) they are folded away too, which makes search more forgiving, not less.
 */
export function foldText(s: string): string {
  return s.normalize('NFD').replace(MARKS, '').toLowerCase();
}

/**
 * One token of a text, with its position in the ORIGINAL string (UTF-16 offsets), so matches can
 * be highlighted in the text as written.
 */
export interface Token {
  /** The token as written. */
  text: string;
  /** Start offset in the original string. */
  start: number;
  /** End offset (exclusive). */
  end: number;
}

// A word is a run of letters/numbers/marks/connector punctuation; CJK ideographs, kana and Thai
// have no spaces between words, so each such character is its own token (a query of two of
// them then matches both, in any order); an emoji with its modifiers/ZWJ sequence is one token.
const TOKEN =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]|\p{Extended_Pictographic}(?:\uFE0F|\p{EMod}|\u200D\p{Extended_Pictographic}\uFE0F?)*|(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}])[\p{L}\p{N}\p{M}\p{Pc}])+/gu;

/** Splits text into tokens with their offsets (see {@link Token}). */
export function tokenize(s: string): Token[] {
  const out: Token[] = [];
  for (const m of s.matchAll(TOKEN)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/** The folded terms of a text, in order (what the index stores and the query looks up). */
export function terms(s: string): string[] {
  const out: string[] = [];
  for (const m of s.matchAll(TOKEN)) {
    const t = foldText(m[0]);
    if (t.length > 0) out.push(t);
  }
  return out;
}

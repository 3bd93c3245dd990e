/**
 * Placeholders for one report sample. Every map is keyed by the original, so the same name, handle,
 * id or text gets the same placeholder everywhere in the sample ("name twice" stays visible), but a
 * placeholder is made from a seeded generator and the order of first use, never from the original:
 * a placeholder cannot be turned back into what it replaced, nor matched against a list of guesses.
 */
import { STRUCTURAL_WORDS, PROTECTED_MARKERS, UI_WORDS } from './vocabulary';

/** A small seeded PRNG (mulberry32): numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `0 → a, 25 → z, 26 → aa, …`: the letter name of the n-th placeholder of a kind. */
export function letterName(n: number): string {
  let s = '';
  let k = n;
  do {
    s = String.fromCharCode(97 + (k % 26)) + s;
    k = Math.floor(k / 26) - 1;
  } while (k >= 0);
  return s;
}

const CONSONANTS = 'bdfgklmnprstvz';
const VOWELS = 'aeiou';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = LOWER.toUpperCase();

/** Twitter's snowflake epoch (ms); LinkedIn activity ids count from the Unix epoch. */
const X_EPOCH = 1288834974657n;
const SNOWFLAKE_MIN_MS = Date.UTC(2006, 0, 1);
const SNOWFLAKE_MAX_MS = Date.UTC(2040, 0, 1);

/** Length of a placeholder word for an original word of `n` letters (the length class, roughly). */
export function lengthClass(n: number): number {
  return n <= 3 ? n : Math.ceil(n / 4) * 4;
}

/** Every letter run of `s` in lower case (the words a sample must not keep). */
export function wordsOf(s: string): string[] {
  return (s.match(/\p{L}[\p{L}\p{M}]*/gu) ?? []).map((w) => w.toLowerCase());
}

/** Kinds of named placeholders, with how their names are made. */
const NAMED = {
  handle: (n: string) => `user_${n}`,
  member: (n: string) => `member-${n}`,
  company: (n: string) => `company-${n}`,
  school: (n: string) => `school-${n}`,
  showcase: (n: string) => `showcase-${n}`,
  tag: (n: string) => `tag${n}`,
  host: (n: string) => `site-${n}.example`,
  tenant: (n: string) => `tenant-${n}`,
} as const;
export type NamedKind = keyof typeof NAMED;

/** What a sample's placeholders must never equal: the original's words, and any part of its text. */
export interface Originals {
  /** Lower-case words of the original texts and attribute values. */
  words: ReadonlySet<string>;
  /** The original texts and attribute values, lower case, joined: no named placeholder occurs in it. */
  corpus: string;
}

/**
 * The placeholder maps of one sample.
 * @param seed makes the output reproducible (tests); the report UI passes a random one.
 * @param originals what no placeholder may be equal to (so a test can tell a left-over original
 *   from a placeholder, and a placeholder never looks like someone's real name from the page).
 */
export class Placeholders {
  private readonly rnd: () => number;
  private readonly texts = new Map<string, string>();
  private readonly digitRuns = new Map<string, string>();
  private readonly tokens = new Map<string, string>();
  private readonly names = new Map<string, string>();
  private readonly counts = new Map<NamedKind, number>();
  private readonly used = new Set<string>();

  private readonly avoid: ReadonlySet<string>;
  private readonly corpus: string;

  constructor(seed: number, originals: Originals = { words: new Set(), corpus: '' }) {
    this.rnd = seededRandom(seed);
    this.avoid = originals.words;
    this.corpus = originals.corpus;
  }

  /**
   * The placeholder of a whole text (trimmed; the white space around it is kept): letters become
   * made-up words of the same length class and case, digits are replaced (same digits, same
   * replacement), everything else (spaces, punctuation, emoji) stays. `fill` renders the inside;
   * the result is remembered per original.
   */
  text(s: string, fill: (core: string) => string): string {
    const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(s)!;
    const core = m[2]!;
    if (!core) return s;
    let out = this.texts.get(core);
    if (out === undefined) {
      out = fill(core);
      this.texts.set(core, out);
    }
    return m[1]! + out + m[3]!;
  }

  /** A made-up word for `word` (same length class, same capitalisation), never an original or UI word. */
  word(word: string): string {
    const len = lengthClass([...word].length);
    for (let attempt = 0; ; attempt++) {
      let w = '';
      let vowel = this.rnd() < 0.3;
      while (w.length < len) {
        const set = vowel ? VOWELS : CONSONANTS;
        w += set[Math.floor(this.rnd() * set.length)];
        vowel = !vowel;
      }
      if (attempt > 20) w = `${w.slice(0, -1)}q`;
      if ((!this.avoid.has(w) && !UI_WORDS.has(w)) || attempt > 20) return applyCase(word, w);
    }
  }

  /**
   * The replacement of a run of digits, same length (a leading zero stays a zero). Long ids that
   * decode as snowflakes (X status ids, LinkedIn activity ids) keep their time to the second in the
   * top bits, so a fixture's dates stay plausible; the rest is random. Never returns the original
   * when it has 4 digits or more.
   */
  digits(d: string): string {
    let out = this.digitRuns.get(d);
    if (out !== undefined) return out;
    out = this.snowflake(d) ?? '';
    for (let attempt = 0; !out || (out === d && d.length >= 4 && attempt < 50); attempt++) {
      out = '';
      for (let i = 0; i < d.length; i++) {
        const lead = i === 0 && d.length > 1;
        out += d[i] === '0' && lead ? '0' : String(lead ? 1 + Math.floor(this.rnd() * 9) : Math.floor(this.rnd() * 10));
      }
    }
    this.digitRuns.set(d, out);
    return out;
  }

  private snowflake(d: string): string | null {
    if (!/^[1-9][0-9]{16,19}$/.test(d)) return null;
    const id = BigInt(d);
    const ms = id >> 22n;
    for (const epoch of [X_EPOCH, 0n]) {
      const t = Number(ms + epoch);
      if (t < SNOWFLAKE_MIN_MS || t > SNOWFLAKE_MAX_MS) continue;
      const second = (ms / 1000n) * 1000n;
      const fresh = (second + BigInt(Math.floor(this.rnd() * 1000))) << 22n | BigInt(Math.floor(this.rnd() * 0x400000));
      const s = fresh.toString();
      if (s.length === d.length && s !== d) return s;
    }
    return null;
  }

  /** `user_a`, `member-b`, `tagc`, `site-a.example`…: the same original (any case) gets the same name. */
  named(kind: NamedKind, original: string): string {
    const key = `${kind}\u0000${original.toLowerCase()}`;
    let out = this.names.get(key);
    while (out === undefined || this.corpus.includes(out)) {
      const n = this.counts.get(kind) ?? 0;
      this.counts.set(kind, n + 1);
      out = NAMED[kind](letterName(n));
    }
    this.names.set(key, out);
    return out;
  }

  /**
   * An id-like value with its shape kept: structural words ({@link STRUCTURAL_WORDS}) and markers
   * ({@link PROTECTED_MARKERS}) stay, `%XX` escapes and punctuation stay, digit runs go through
   * {@link digits}, every other run of letters and digits becomes random characters of the same
   * classes (upper, lower, digit). With `loose`, all-capital words (enum constants such as
   * `MAIN_FEED`, `LIKE`) stay too. The same token always gets the same replacement.
   */
  scramble(value: string, loose = false): string {
    return value.replace(TOKEN, (tok) => {
      if (!/[A-Za-z0-9]/.test(tok) || tok.startsWith('%') || PROTECTED_MARKERS.includes(tok)) return tok;
      if (STRUCTURAL_WORDS.has(tok)) return tok;
      if (/^\d+$/.test(tok)) return this.digits(tok);
      if (loose && /^[A-Z]{2,24}$/.test(tok)) return tok;
      return this.token(tok);
    });
  }

  /** Same-shape random characters for one token, remembered. */
  private token(tok: string): string {
    let out = this.tokens.get(tok);
    if (out !== undefined) return out;
    for (let attempt = 0; out === undefined || ((out === tok || this.used.has(out) || this.avoid.has(out.toLowerCase())) && attempt < 50); attempt++) {
      out = '';
      for (const ch of tok) {
        const set = /[A-Z]/.test(ch) ? UPPER : /[a-z]/.test(ch) ? LOWER : /[0-9]/.test(ch) ? '0123456789' : null;
        out += set ? set[Math.floor(this.rnd() * set.length)] : ch;
      }
    }
    this.used.add(out);
    this.tokens.set(tok, out);
    return out;
  }
}

/** Tokens of an id-like value: protected markers, `%XX` escapes, runs of letters and digits (stopping before a marker), single other characters. */
const TOKEN = new RegExp(
  `${PROTECTED_MARKERS.map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')}|%[0-9A-Fa-f]{2}|(?:(?!${PROTECTED_MARKERS.map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})[A-Za-z0-9])+|[^]`,
  'g',
);

/** `model` with the capitalisation of `original`: ALL CAPS, Capitalised or lower. */
function applyCase(original: string, model: string): string {
  const letters = [...original];
  if (letters.length > 1 && original === original.toUpperCase() && original !== original.toLowerCase()) return model.toUpperCase();
  const first = letters[0] ?? '';
  if (first !== first.toLowerCase()) return model.charAt(0).toUpperCase() + model.slice(1);
  return model;
}

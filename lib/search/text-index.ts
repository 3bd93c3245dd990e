/**
 * The full-text part of the library search: FlexSearch (docs/decisions/0004-search-library.md)
 * holds the postings (term → documents, bucketed by a relevance slot); this module decides what a
 * term is (lib/search fold.ts), which slot a match lands in (field boosts), and combines the
 * query's terms over typed arrays, so a one-letter prefix matching 100,000 captures costs one
 * pass over one posting list, not a score object per document.
 *
 * Documents are small integers ("docnums") chosen by the caller; a replaced or removed document
 * is only marked dead (its postings stay until the index is rebuilt, ~1–2 KB per edit), because
 * FlexSearch's own removal scans every posting list.
 * Pure (no DOM, no Dexie).
 */
import { Index } from 'flexsearch';
import SearchableMap from 'minisearch/SearchableMap';
import { terms as foldedTerms } from './fold';
import { FIELD_BOOST, type SearchDoc } from './search-doc';

/** Proper prefixes of up to this many code points are indexed as their own terms (marked with {@link PREFIX_MARK}). */
export const SHORT_PREFIX = 3;
/** Suffix of an indexed proper-prefix term (cannot occur in a folded word). */
const PREFIX_MARK = '\u0001';
/** Relevance slots per term: 0 tags, 1 people, 2 the learner's words, 3–8 body (earlier = higher). */
const RESOLUTION = 9;
const BODY_SLOTS = RESOLUTION - 3;
/** Weight of a match in each slot: the field boost, decaying slightly along the body. */
const SLOT_WEIGHT = Float32Array.from([FIELD_BOOST.tags, FIELD_BOOST.people, FIELD_BOOST.mine, ...Array.from({ length: BODY_SLOTS }, (_, i) => FIELD_BOOST.body * (1 - i * 0.05))]);
/** Weight factors of the ways a query term can match an index term. */
const EXACT = 1;
const PREFIX = 0.8;
const FUZZY = 0.6;
/** Terms of this many code points or more also match index terms one edit away. */
export const FUZZY_MIN = 5;
/** At most this many query terms count (longer queries are cut: the rest cannot narrow much). */
const MAX_TERMS = 16;

/** One query term as the caller wants it matched. */
export interface TermQuery {
  /** Folded term (lib/search fold.ts `terms`). */
  term: string;
  /** Also match index terms starting with it (search as you type: the last term). */
  prefix: boolean;
}

/**
 * The answer of {@link TextIndex.query}: the matching docnums (unordered) and per-docnum data.
 * The arrays are scratch buffers reused by the next query: read them before querying again.
 */
export interface TextMatch {
  /** Matching live docnums, `docs[0..count)`, in no particular order. */
  docs: Int32Array;
  count: number;
  /** Relevance by docnum (valid for the matching docnums). */
  score: Float32Array;
  /** Bit i set by docnum: the doc matched `highlights[i]` (bit 31 collects the 32nd and later). */
  bits: Uint32Array;
  /** Folded terms to highlight, one per bit. */
  highlights: string[];
}

const codePoints = (s: string) => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

/** Full-text postings over docnums. See the module comment. */
export class TextIndex {
  private fx: Index;
  /** Every word ever indexed (a radix tree, for prefix expansion and typo tolerance). Never shrinks. */
  private vocab = new SearchableMap<true>();
  private known = new Set<string>();
  private alive = new Uint8Array(1024);
  private pending: { terms: string[]; bounds: [number, number, number] } | null = null;
  // Query scratch, by docnum.
  private level = new Uint32Array(1024);
  private best = new Float32Array(1024);
  private score = new Float32Array(1024);
  private bits = new Uint32Array(1024);
  private touched = new Int32Array(1024);
  private generation = 0;

  constructor() {
    this.fx = new Index({
      tokenize: 'strict',
      resolution: RESOLUTION,
      // Documents: the terms prepared in `add`; queries: one already-folded index term.
      encode: (text: string) => (this.pending ? this.pending.terms : [text]),
      score: (_content: string[], _term: string, i: number) => this.slotOf(i),
    });
  }

  private slotOf(i: number): number {
    const p = this.pending!;
    const [tags, people, mine] = p.bounds;
    if (i < tags) return 0;
    if (i < people) return 1;
    if (i < mine) return 2;
    const bodyLen = Math.max(1, p.terms.length - mine);
    return 3 + Math.min(BODY_SLOTS - 1, Math.floor(((i - mine) * BODY_SLOTS) / bodyLen));
  }

  private grow(n: number): void {
    if (n <= this.alive.length) return;
    let size = this.alive.length;
    while (size < n) size *= 2;
    const re = <T extends Uint8Array | Uint32Array | Float32Array | Int32Array>(a: T, make: (k: number) => T): T => {
      const b = make(size);
      b.set(a as never);
      return b;
    };
    this.alive = re(this.alive, (k) => new Uint8Array(k));
    this.level = re(this.level, (k) => new Uint32Array(k));
    this.best = re(this.best, (k) => new Float32Array(k));
    this.score = re(this.score, (k) => new Float32Array(k));
    this.bits = re(this.bits, (k) => new Uint32Array(k));
    this.touched = new Int32Array(size);
  }

  /** The index terms of a document: tags, people, mine, body, each word followed by its short proper prefixes. */
  private prepare(doc: Omit<SearchDoc, 'id'>): { terms: string[]; bounds: [number, number, number] } {
    const out: string[] = [];
    const seen = new Set<string>();
    const bounds: number[] = [];
    for (const field of [doc.tags, doc.people, doc.mine, doc.body]) {
      for (const t of foldedTerms(field)) {
        out.push(t);
        if (seen.has(t)) continue;
        seen.add(t);
        if (!this.known.has(t)) {
          this.known.add(t);
          this.vocab.set(t, true);
        }
        let prefix = '';
        let n = 0;
        for (const ch of t) {
          if (n > 0) out.push(prefix + PREFIX_MARK);
          if (++n > SHORT_PREFIX) break;
          prefix += ch;
        }
      }
      bounds.push(out.length);
    }
    return { terms: out, bounds: bounds as [number, number, number] };
  }

  /** Indexes `doc` under `docnum` (a fresh number: replacing means {@link remove} then add under a new one). */
  add(docnum: number, doc: Omit<SearchDoc, 'id'>): void {
    this.grow(docnum + 1);
    this.alive[docnum] = 1;
    this.pending = this.prepare(doc);
    try {
      if (this.pending.terms.length > 0) this.fx.add(docnum, 'doc');
    } finally {
      this.pending = null;
    }
  }

  /** Marks `docnum` dead: it never matches again. */
  remove(docnum: number): void {
    if (docnum < this.alive.length) this.alive[docnum] = 0;
  }

  /** The posting slots of one index term (FlexSearch's intermediate result: slot → docnums). */
  private postings(token: string): ReadonlyArray<readonly number[] | undefined> {
    const r = this.fx.search({ query: token, resolve: false }) as unknown as { result?: unknown };
    const slots = r.result;
    if (!Array.isArray(slots)) throw new Error('flexsearch: unexpected intermediate result (expected slot arrays); check the flexsearch version');
    return slots as Array<number[] | undefined>;
  }

  /** The ways `q` matches index terms: [index term, weight factor, highlight term]. */
  private variants(q: TermQuery): Array<[string, number, string]> {
    const out: Array<[string, number, string]> = [[q.term, EXACT, q.term]];
    const len = codePoints(q.term);
    if (q.prefix) {
      if (len <= SHORT_PREFIX) out.push([q.term + PREFIX_MARK, PREFIX, q.term]);
      else for (const k of this.vocab.atPrefix(q.term).keys()) if (k !== q.term) out.push([k, PREFIX, q.term]);
    }
    if (len >= FUZZY_MIN) {
      for (const [k] of this.vocab.fuzzyGet(q.term, 1)) if (k !== q.term && !(q.prefix && k.startsWith(q.term))) out.push([k, FUZZY, k]);
    }
    return out;
  }

  /**
   * Documents matching every query term (AND), each term matching exactly, by prefix (when
   * `prefix`) or, from {@link FUZZY_MIN} code points, with one typo. A document's score sums, per
   * query term, its best match: slot weight (field boost, position) × exact 1 / prefix 0.8 / typo 0.6.
   */
  query(queries: readonly TermQuery[]): TextMatch {
    const qs = queries.slice(0, MAX_TERMS);
    const highlights: string[] = [];
    const bitOf = new Map<string, number>();
    const bit = (h: string) => {
      let b = bitOf.get(h);
      if (b === undefined) {
        b = Math.min(highlights.length, 31);
        if (highlights.length < 32) highlights.push(h);
        bitOf.set(h, b);
      }
      return (1 << b) >>> 0;
    };
    if (this.generation > 0xffffffff / (MAX_TERMS + 1) - 2) {
      this.level.fill(0);
      this.generation = 0;
    }
    const base = ++this.generation * (MAX_TERMS + 1);
    const { alive, level, best, score, bits, touched } = this;
    let count = 0;
    for (let t = 0; t < qs.length; t++) {
      count = 0;
      const want = base + t;
      for (const [token, factor, h] of this.variants(qs[t]!)) {
        const b = bit(h);
        const slots = this.postings(token);
        for (let s = 0; s < slots.length; s++) {
          const ids = slots[s];
          if (!ids) continue;
          const w = SLOT_WEIGHT[s]! * factor;
          for (let k = 0; k < ids.length; k++) {
            const d = ids[k]!;
            if (alive[d] === 0 || (t > 0 && level[d] !== want)) continue;
            const cur = best[d]!;
            if (cur === 0) {
              touched[count++] = d;
              if (t === 0) bits[d] = 0;
              best[d] = w;
            } else if (w > cur) best[d] = w;
            bits[d]! |= b;
          }
        }
      }
      for (let k = 0; k < count; k++) {
        const d = touched[k]!;
        score[d] = (t === 0 ? 0 : score[d]!) + best[d]!;
        best[d] = 0;
        level[d] = want + 1;
      }
      if (count === 0) break;
    }
    return { docs: touched, count, score, bits, highlights };
  }

  /** Plain-JSON form: FlexSearch's export chunks, the vocabulary and the live docnums. */
  toJSON(): SerializedTextIndex {
    const chunks: Array<[string, string]> = [];
    this.fx.export((key: string, data: string) => void chunks.push([key, data]));
    const alive: number[] = [];
    for (let d = 0; d < this.alive.length; d++) if (this.alive[d]) alive.push(d);
    return { chunks, vocab: [...this.known], alive };
  }

  /** Restores {@link toJSON}'s output. */
  static fromJSON(json: SerializedTextIndex): TextIndex {
    const idx = new TextIndex();
    for (const [key, data] of json.chunks) idx.fx.import(key, data);
    for (const t of json.vocab) {
      idx.known.add(t);
      idx.vocab.set(t, true);
    }
    for (const d of json.alive) {
      idx.grow(d + 1);
      idx.alive[d] = 1;
    }
    return idx;
  }
}

/** Serialised {@link TextIndex}. */
export interface SerializedTextIndex {
  chunks: Array<[string, string]>;
  vocab: string[];
  alive: number[];
}

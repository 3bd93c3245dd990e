/**
 * Filters and facet counts over the in-memory capture table, built for 100,000 captures: every
 * faceted value is interned to a small integer once (when a capture is indexed) and stored in a
 * column by docnum (typed arrays for one-valued dimensions, small arrays for tags and
 * collections), so a query filters with array lookups and counts into typed arrays over a docnum
 * list instead of hashing strings or touching objects.
 */
import { tagKey } from '../schema';
import type { CaptureMeta } from './search-doc';
import type { FacetName, FacetValue, Facets, SearchFilters } from './types';

/** The faceted dimensions, in output order. */
export const FACET_NAMES: readonly FacetName[] = ['platform', 'intent', 'tag', 'collection', 'author', 'hasNote', 'incomplete', 'reviewed', 'archived'];
const BOOL: ReadonlyArray<FacetName> = ['hasNote', 'incomplete', 'reviewed', 'archived'];
/** Dimensions with several values per capture (tag, collection). */
const MULTI = new Set([2, 3]);
const ND = FACET_NAMES.length;

class Dict {
  index = new Map<string, number>();
  values: string[] = [];
  labels: string[] = [];
  code(value: string, label: string): number {
    let c = this.index.get(value);
    if (c === undefined) {
      c = this.values.length;
      this.index.set(value, c);
      this.values.push(value);
      this.labels.push(label);
    }
    return c;
  }
}

/** The `[value, label]` pairs of a meta in one dimension. */
function valuesOf(m: CaptureMeta, d: FacetName): Array<[string, string]> {
  switch (d) {
    case 'platform':
      return [[m.platform, m.platform]];
    case 'intent':
      return [[m.intent ?? 'none', m.intent ?? 'none']];
    case 'tag':
      return m.tagKeys.map((k, i) => [k, m.tagLabels[i] ?? k]);
    case 'collection':
      return m.collectionIds.map((c) => [c, c]);
    case 'author':
      return m.authorKey ? [[m.authorKey, m.authorLabel]] : [];
    default:
      return [[String(m[d]), String(m[d])]];
  }
}

const EMPTY: readonly number[] = [];

/** Inline value slots per docnum in a {@link MultiColumn}; captures with more spill into a Map. */
const STRIDE = 4;

/**
 * Several small-integer codes per docnum (tags, collections), stored flat and contiguous so a pass
 * over 100,000 docnums does not chase one small array per capture through the heap (which cost
 * more than everything else in the page): up to {@link STRIDE} codes inline, more in `spill`.
 */
class MultiColumn {
  private n = new Uint8Array(1024);
  private flat = new Int32Array(1024 * STRIDE);
  private spill = new Map<number, readonly number[]>();

  set(doc: number, codes: readonly number[]): void {
    if (doc >= this.n.length) {
      let size = this.n.length;
      while (size <= doc) size *= 2;
      const n = new Uint8Array(size);
      n.set(this.n);
      const flat = new Int32Array(size * STRIDE);
      flat.set(this.flat);
      this.n = n;
      this.flat = flat;
    }
    this.spill.delete(doc);
    if (codes.length > STRIDE) {
      this.n[doc] = 255;
      this.spill.set(doc, [...codes]);
      return;
    }
    this.n[doc] = codes.length;
    for (let i = 0; i < codes.length; i++) this.flat[doc * STRIDE + i] = codes[i]!;
  }

  /** Adds 1 to `counts[code]` for each code of `doc`. */
  count(doc: number, counts: Uint32Array): void {
    const k = this.n[doc]!;
    if (k === 255) {
      for (const c of this.spill.get(doc) ?? EMPTY) counts[c]!++;
      return;
    }
    const at = doc * STRIDE;
    for (let i = 0; i < k; i++) counts[this.flat[at + i]!]!++;
  }

  /** True when some code of `doc` is set in `mask`. */
  some(doc: number, mask: Uint8Array): boolean {
    const k = this.n[doc]!;
    if (k === 255) return (this.spill.get(doc) ?? EMPTY).some((c) => mask[c] === 1);
    const at = doc * STRIDE;
    for (let i = 0; i < k; i++) if (mask[this.flat[at + i]!] === 1) return true;
    return false;
  }
}

/** A compiled filter on one dimension (`d` = index in {@link FACET_NAMES}) or the date range (`d = -1`). */
interface Test {
  d: number;
  mask: Uint8Array;
}

/** Filtered docnums (in input order) and the facet counts. */
export interface FilterResult {
  /** Passing docnums, `passed[0..count)`, in input order. */
  passed: Int32Array;
  count: number;
  facets: Facets;
}

/** An empty {@link Facets}. */
export function emptyFacets(): Facets {
  return Object.fromEntries(FACET_NAMES.map((n) => [n, []])) as unknown as Facets;
}

/** Interning dictionaries, value columns by docnum, and the filter/count pass. One per {@link SearchIndex}. */
export class FacetTable {
  private dicts = FACET_NAMES.map(() => new Dict());
  /** One-valued dimensions: code by docnum (-1: no value / not set). */
  private cols: Int32Array[] = FACET_NAMES.map(() => new Int32Array(1024).fill(-1));
  /** Tag and collection codes by docnum: see {@link MultiColumn}. */
  private lists: MultiColumn[] = FACET_NAMES.map(() => new MultiColumn());
  /** Saved time by docnum (epoch ms). */
  capturedAt = new Float64Array(1024);
  /** Posted time by docnum (epoch ms; -Infinity when unknown). */
  postedAt = new Float64Array(1024);
  /** The meta by docnum (undefined: free). */
  metas: Array<CaptureMeta | undefined> = [];

  private grow(n: number): void {
    if (n <= this.capturedAt.length) return;
    let size = this.capturedAt.length;
    while (size < n) size *= 2;
    this.cols = this.cols.map((c) => {
      const b = new Int32Array(size).fill(-1);
      b.set(c);
      return b;
    });
    const f = (a: Float64Array) => {
      const b = new Float64Array(size);
      b.set(a);
      return b;
    };
    this.capturedAt = f(this.capturedAt);
    this.postedAt = f(this.postedAt);
  }

  /** Stores `meta` under `docnum`, interning its values (labels: the first one seen for a value is kept). */
  set(docnum: number, meta: CaptureMeta): void {
    this.grow(docnum + 1);
    this.metas[docnum] = meta;
    FACET_NAMES.forEach((name, d) => {
      const codes = valuesOf(meta, name).map(([v, l]) => this.dicts[d]!.code(v, l));
      if (MULTI.has(d)) this.lists[d]!.set(docnum, codes);
      else this.cols[d]![docnum] = codes[0] ?? -1;
    });
    this.capturedAt[docnum] = meta.capturedAt;
    this.postedAt[docnum] = meta.postedAt ?? -Infinity;
  }

  /** Frees `docnum`. */
  clear(docnum: number): void {
    this.metas[docnum] = undefined;
    for (let d = 0; d < ND; d++) {
      if (MULTI.has(d)) this.lists[d]!.set(docnum, EMPTY);
      else if (docnum < this.cols[d]!.length) this.cols[d]![docnum] = -1;
    }
  }

  private mask(d: number, values: readonly string[]): Uint8Array {
    const dict = this.dicts[d]!;
    const m = new Uint8Array(dict.values.length + 1);
    for (const v of values) {
      const c = dict.index.get(v);
      if (c !== undefined) m[c] = 1;
    }
    return m;
  }

  /** Compiles filters into per-dimension masks over value codes. */
  private compile(f: SearchFilters = {}): Test[] {
    const out: Test[] = [];
    const any = (d: number, values: readonly string[] | undefined) => {
      if (values && values.length > 0) out.push({ d, mask: this.mask(d, values) });
    };
    any(0, f.platforms);
    any(1, f.intents);
    any(2, f.tags?.map((t) => tagKey(t) ?? t));
    any(3, f.collections);
    any(4, f.authors);
    BOOL.forEach((name) => {
      const want = f[name as keyof SearchFilters] as boolean | undefined;
      if (want !== undefined) any(FACET_NAMES.indexOf(name), [String(want)]);
    });
    return out;
  }

  private passes(t: Test, doc: number): boolean {
    if (MULTI.has(t.d)) return this.lists[t.d]!.some(doc, t.mask);
    const c = this.cols[t.d]![doc]!;
    return c >= 0 && t.mask[c] === 1;
  }

  /**
   * Filters `docs[0..n)` and counts facets in one pass. A facet value's count is the number of
   * docs that pass every active filter EXCEPT the one of its own dimension (the usual
   * faceted-search rule: picking a second platform widens, so its count shows what it adds).
   * Returns the passing docnums in input order and the facets (each sorted by count, then label;
   * all empty when `countFacets` is false).
   */
  filterAndCount(docs: Int32Array, n: number, filters: SearchFilters | undefined, countFacets = true): FilterResult {
    const tests = this.compile(filters);
    const from = filters?.savedFrom ?? -Infinity;
    const to = filters?.savedTo ?? Infinity;
    const dated = filters?.savedFrom !== undefined || filters?.savedTo !== undefined;
    const passed = new Int32Array(n);
    let np = 0;
    const nt = tests.length;
    if (!countFacets) {
      if (nt === 0 && !dated) return { passed: docs.slice(0, n), count: n, facets: emptyFacets() };
      for (let k = 0; k < n; k++) {
        const doc = docs[k]!;
        if (dated && !(this.capturedAt[doc]! >= from && this.capturedAt[doc]! < to)) continue;
        let ok = true;
        for (let t = 0; t < nt && ok; t++) ok = this.passes(tests[t]!, doc);
        if (ok) passed[np++] = doc;
      }
      return { passed, count: np, facets: emptyFacets() };
    }
    const counts = this.dicts.map((d) => new Uint32Array(d.values.length));
    const cols = this.cols;
    const lists = this.lists;
    const bump = (doc: number, d: number) => {
      if (MULTI.has(d)) lists[d]!.count(doc, counts[d]!);
      else {
        const c = cols[d]![doc]!;
        if (c >= 0) counts[d]![c]!++;
      }
    };
    const tagCounts = counts[2]!;
    const colCounts = counts[3]!;
    const tagLists = lists[2]!;
    const colLists = lists[3]!;
    const singleCols = [0, 1, 4, 5, 6, 7, 8].map((d) => cols[d]!);
    const singleCounts = [0, 1, 4, 5, 6, 7, 8].map((d) => counts[d]!);
    const ns = singleCols.length;
    for (let k = 0; k < n; k++) {
      const doc = docs[k]!;
      let failed = -2;
      let fails = 0;
      if (dated && !(this.capturedAt[doc]! >= from && this.capturedAt[doc]! < to)) {
        failed = -1;
        fails = 1;
      }
      for (let t = 0; t < nt && fails < 2; t++) {
        const test = tests[t]!;
        if (!this.passes(test, doc)) {
          failed = test.d;
          fails++;
        }
      }
      if (fails === 0) {
        passed[np++] = doc;
        for (let s = 0; s < ns; s++) {
          const c = singleCols[s]![doc]!;
          if (c >= 0) singleCounts[s]![c]!++;
        }
        tagLists.count(doc, tagCounts);
        colLists.count(doc, colCounts);
      } else if (fails === 1 && failed >= 0) bump(doc, failed);
    }
    const facets = {} as Facets;
    FACET_NAMES.forEach((name, d) => {
      const dict = this.dicts[d]!;
      const cnt = counts[d]!;
      const list: FacetValue[] = [];
      for (let i = 0; i < cnt.length; i++) if (cnt[i]! > 0) list.push({ value: dict.values[i]!, label: dict.labels[i]!, count: cnt[i]! });
      facets[name] = list.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
    });
    return { passed, count: np, facets };
  }
}

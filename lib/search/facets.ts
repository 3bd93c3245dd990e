/**
 * Filters and facet counts over the in-memory capture table, built for 100,000 captures: every
 * faceted value is interned to a small integer once (when a capture is indexed), so a query
 * filters with array lookups and counts into typed arrays instead of hashing strings.
 */
import { tagKey } from '../schema';
import type { CaptureMeta } from './search-doc';
import type { FacetName, FacetValue, Facets, SearchFilters } from './types';

/** The faceted dimensions, in output order. */
export const FACET_NAMES: readonly FacetName[] = ['platform', 'intent', 'tag', 'collection', 'author', 'hasNote', 'incomplete', 'reviewed', 'archived'];
const BOOL: ReadonlyArray<FacetName> = ['hasNote', 'incomplete', 'reviewed', 'archived'];

/**
 * A capture as the facet table holds it: its meta plus interned value codes per dimension
 * (`codes[d]`, d = index in {@link FACET_NAMES}). Plain small-integer arrays: cheap to hold at
 * 100,000 captures and fast to scan.
 */
export interface CodedMeta {
  meta: CaptureMeta;
  codes: number[][];
  /** Scratch: relevance score of the current text query (valid only during one `search`). */
  score: number;
  /** Scratch: matched index terms of the current text query. */
  terms: string[];
}

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

type Test = (c: CodedMeta) => boolean;

/** Interning dictionaries plus the filter/count pass. One per {@link SearchIndex}. */
export class FacetTable {
  private dicts = FACET_NAMES.map(() => new Dict());

  /** Interns a meta's values (labels: the first one seen for a value is kept). */
  code(meta: CaptureMeta): CodedMeta {
    return { meta, codes: FACET_NAMES.map((d, i) => valuesOf(meta, d).map(([v, l]) => this.dicts[i]!.code(v, l))), score: 0, terms: [] };
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

  /** Compiles filters into `[dimension index or -1 for the date range, test]` pairs. */
  private compile(f: SearchFilters = {}): Array<[number, Test]> {
    const out: Array<[number, Test]> = [];
    const any = (d: number, values: readonly string[] | undefined) => {
      if (!values || values.length === 0) return;
      const m = this.mask(d, values);
      out.push([d, (c) => {
        const cs = c.codes[d]!;
        for (let i = 0; i < cs.length; i++) if (m[cs[i]!]) return true;
        return false;
      }]);
    };
    any(0, f.platforms);
    any(1, f.intents);
    any(2, f.tags?.map((t) => tagKey(t) ?? t));
    any(3, f.collections);
    any(4, f.authors);
    if (f.savedFrom !== undefined || f.savedTo !== undefined) {
      const from = f.savedFrom ?? -Infinity;
      const to = f.savedTo ?? Infinity;
      out.push([-1, (c) => c.meta.capturedAt >= from && c.meta.capturedAt < to]);
    }
    BOOL.forEach((name) => {
      const want = f[name as keyof SearchFilters] as boolean | undefined;
      if (want !== undefined) any(FACET_NAMES.indexOf(name), [String(want)]);
    });
    return out;
  }

  /**
   * Filters `candidates` and counts facets in one pass. A facet value's count is the number of
   * candidates that pass every active filter EXCEPT the one of its own dimension (the usual
   * faceted-search rule: picking a second platform widens, so its count shows what it adds).
   * Returns the passing entries in input order and the facets (each sorted by count, then label;
   * all empty when `countFacets` is false).
   */
  filterAndCount(candidates: readonly CodedMeta[], filters: SearchFilters | undefined, countFacets = true): { passed: CodedMeta[]; facets: Facets } {
    const tests = this.compile(filters);
    if (!countFacets) {
      const passed = tests.length === 0 ? [...candidates] : candidates.filter((c) => tests.every(([, t]) => t(c)));
      return { passed, facets: Object.fromEntries(FACET_NAMES.map((n) => [n, []])) as unknown as Facets };
    }
    const counts = this.dicts.map((d) => new Uint32Array(d.values.length));
    const bump = (c: CodedMeta, d: number) => {
      const cs = c.codes[d]!;
      const n = counts[d]!;
      for (let i = 0; i < cs.length; i++) n[cs[i]!]!++;
    };
    const passed: CodedMeta[] = [];
    const nd = FACET_NAMES.length;
    const nt = tests.length;
    for (let k = 0; k < candidates.length; k++) {
      const c = candidates[k]!;
      let failed = -2;
      let fails = 0;
      for (let t = 0; t < nt && fails < 2; t++) {
        const test = tests[t]!;
        if (!test[1](c)) {
          failed = test[0];
          fails++;
        }
      }
      if (fails === 0) {
        passed.push(c);
        const codes = c.codes;
        for (let d = 0; d < nd; d++) {
          const cs = codes[d]!;
          const n = counts[d]!;
          for (let i = 0; i < cs.length; i++) n[cs[i]!]!++;
        }
      } else if (fails === 1 && failed >= 0) bump(c, failed);
    }
    const facets = {} as Facets;
    FACET_NAMES.forEach((name, d) => {
      const dict = this.dicts[d]!;
      const n = counts[d]!;
      const list: FacetValue[] = [];
      for (let i = 0; i < n.length; i++) if (n[i]! > 0) list.push({ value: dict.values[i]!, label: dict.labels[i]!, count: n[i]! });
      facets[name] = list.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
    });
    return { passed, facets };
  }
}

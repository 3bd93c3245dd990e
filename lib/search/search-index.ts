/**
 * The library's search engine: MiniSearch (docs/decisions/0004-search-library.md) for ranked,
 * diacritics- and case-insensitive full text, plus an in-memory table of compact
 * {@link CaptureMeta} for filters, facet counts and sorting.
 *
 * Lifecycle for 100,000 captures (the popup must not wait for it):
 * - the UI lists the newest captures straight from Dexie (lib/db `listRecent`) at once;
 * - it builds the index in the background from lib/db `eachCaptureChunk` (chunks of ~500,
 *   `addAll` per chunk, yielding between chunks), reporting progress; `size` tells how far it is;
 * - afterwards it keeps it fresh incrementally: `upsert` the captures each mutation returns and
 *   `applyChanges(lib/db changedSince(watermark))` for writes made elsewhere (the background);
 * - `toJSON`/`fromJSON` allow persisting it (e.g. in lib/db kv) to skip the rebuild.
 * Pure (no Dexie, no DOM): depends on lib/schema and minisearch only.
 */
import MiniSearch, { type AsPlainObject } from 'minisearch';
import type { Capture } from '../schema';
import { foldText, tokenize } from './fold';
import { FIELD_BOOST, toMeta, toSearchDoc, type CaptureMeta, type SearchDoc } from './search-doc';
import { FacetTable, type CodedMeta } from './facets';
import type { Facets, SearchFilters, SearchHit, SearchQuery, SearchResult } from './types';

const FIELDS = ['body', 'people', 'mine', 'tags'] as const;

/** True when any filter is active (an empty array or undefined is no filter). */
function hasFilters(f: SearchFilters | undefined): boolean {
  if (!f) return false;
  return Object.values(f).some((v) => (Array.isArray(v) ? v.length > 0 : v !== undefined));
}

const bySavedDesc = (a: CodedMeta, b: CodedMeta) => b.meta.capturedAt - a.meta.capturedAt || (a.meta.id < b.meta.id ? 1 : -1);

/** Above this many captures a prefix needs one more letter before it expands (see {@link searchOptionsFor}). */
export const LARGE_INDEX = 25_000;

/**
 * Query-time tuning: AND of terms; prefix on the last term only (search as you type), from 3
 * letters, or 4 in a large index, because the expansion of a short stem touches a large share of
 * all captures and MiniSearch scores every match; one typo allowed in terms of 5+ letters.
 */
function searchOptionsFor(size: number) {
  const minPrefix = size > LARGE_INDEX ? 4 : 3;
  return {
    boost: FIELD_BOOST,
    combineWith: 'AND' as const,
    prefix: (term: string, i: number, all: string[]) => i === all.length - 1 && term.length >= minPrefix,
    fuzzy: (term: string) => (term.length >= 5 ? 1 : false),
    maxFuzzy: 1,
  };
}

function options() {
  return {
    idField: 'id',
    fields: [...FIELDS],
    storeFields: [] as string[],
    tokenize: (text: string) => tokenize(text).map((t) => t.text),
    processTerm: (term: string) => foldText(term) || null,
    autoVacuum: { minDirtCount: 1000, minDirtFactor: 0.1, batchSize: 1000, batchWait: 10 },
  };
}

/** Serialised form of a {@link SearchIndex} (plain JSON). */
export interface SerializedSearchIndex {
  version: 1;
  index: AsPlainObject;
  metas: CaptureMeta[];
}

/** Full-text index + facet table over captures. See the module comment for the lifecycle. */
export class SearchIndex {
  private ms: MiniSearch<SearchDoc>;
  private metas = new Map<string, CodedMeta>();
  private facets = new FacetTable();
  private bySaved: CodedMeta[] | null = null;
  /** Facet pass of the unfiltered, text-less view (the library's default), until the index changes. */
  private allView: { passed: CodedMeta[]; facets: Facets } | null = null;

  constructor(ms?: MiniSearch<SearchDoc>) {
    this.ms = ms ?? new MiniSearch<SearchDoc>(options());
  }

  /** Number of captures indexed. */
  get size(): number {
    return this.metas.size;
  }

  /** True when capture `id` is indexed. */
  has(id: string): boolean {
    return this.metas.has(id);
  }

  /** Adds or replaces a capture; a deleted capture (tombstone) is removed instead. */
  upsert(c: Capture): void {
    if (this.metas.has(c.id)) this.ms.discard(c.id);
    if (c.deletedAt !== null) {
      this.metas.delete(c.id);
    } else {
      this.ms.add(toSearchDoc(c));
      this.metas.set(c.id, this.facets.code(toMeta(c)));
    }
    this.changed();
  }

  /** Adds or replaces many captures (one chunk of a build). Tombstones are removed. */
  addAll(cs: readonly Capture[]): void {
    const fresh: SearchDoc[] = [];
    for (const c of cs) {
      if (this.metas.has(c.id) || c.deletedAt !== null) this.upsert(c);
      else {
        fresh.push(toSearchDoc(c));
        this.metas.set(c.id, this.facets.code(toMeta(c)));
      }
    }
    this.ms.addAll(fresh);
    this.changed();
  }

  /** Applies changed rows (lib/db `changedSince`): upserts live ones, removes tombstones. */
  applyChanges(cs: readonly Capture[]): void {
    for (const c of cs) this.upsert(c);
  }

  /** Removes a capture; unknown ids are ignored. */
  remove(id: string): void {
    if (!this.metas.has(id)) return;
    this.ms.discard(id);
    this.metas.delete(id);
    this.changed();
  }

  private changed(): void {
    this.bySaved = null;
    this.allView = null;
  }

  private savedOrder(): CodedMeta[] {
    this.bySaved ??= [...this.metas.values()].sort(bySavedDesc);
    return this.bySaved;
  }

  /**
   * Runs a query: text (ranked, AND of terms, prefix on the last term from 3 letters — 4 above
   * {@link LARGE_INDEX} captures —, one typo allowed in terms of 5+ letters), filters, sort and
   * page, with facet counts. Empty text lists everything
   * that passes the filters. Pure with respect to the index (no mutation).
   */
  search(q: SearchQuery = {}): SearchResult {
    const text = (q.text ?? '').trim();
    const limit = q.limit ?? 50;
    const offset = q.offset ?? 0;
    let candidates: CodedMeta[];
    // Per-query match data rides on the entries themselves (single-threaded, overwritten by the
    // next query): a Map keyed by id cost more than the facet pass at 100k captures.
    let textQuery = false;
    if (text && tokenize(text).length > 0) {
      textQuery = true;
      const results = this.ms.search(text, searchOptionsFor(this.metas.size));
      candidates = [];
      for (const r of results) {
        const m = this.metas.get(r.id as string);
        if (!m) continue;
        candidates.push(m);
        m.score = r.score;
        m.terms = r.terms;
      }
    } else {
      candidates = this.savedOrder();
    }
    const unfiltered = !textQuery && !hasFilters(q.filters);
    const view = unfiltered
      ? (this.allView ??= this.facets.filterAndCount(candidates, undefined))
      : this.facets.filterAndCount(candidates, q.filters, q.facets !== false);
    const passed = unfiltered && q.sort === 'posted' ? [...view.passed] : view.passed;
    const facets = view.facets;
    const sort = q.sort ?? 'relevance';
    if (sort === 'saved' && textQuery) passed.sort(bySavedDesc);
    else if (sort === 'posted') passed.sort((a, b) => (b.meta.postedAt ?? -Infinity) - (a.meta.postedAt ?? -Infinity) || bySavedDesc(a, b));
    // relevance: MiniSearch already returns by score desc; without text, candidates are by saved time.
    const page = passed.slice(offset, offset + limit);
    const hits: SearchHit[] = page.map((c) => ({ id: c.meta.id, score: textQuery ? c.score : 0, terms: textQuery ? c.terms : [] }));
    const terms = new Set<string>();
    for (const h of hits) for (const t of h.terms) terms.add(t);
    return { total: passed.length, hits, terms: [...terms], facets };
  }

  /** Plain-JSON form for persisting (see {@link SearchIndex.fromJSON}). */
  toJSON(): SerializedSearchIndex {
    return { version: 1, index: this.ms.toJSON(), metas: [...this.metas.values()].map((c) => c.meta) };
  }

  /**
   * Restores an index saved with {@link toJSON}.
   * @throws Error when `json` is not a version-1 serialised index.
   */
  static fromJSON(json: SerializedSearchIndex): SearchIndex {
    if (!json || json.version !== 1 || !Array.isArray(json.metas)) throw new Error('not a serialised Satchel search index (version 1)');
    const idx = new SearchIndex(MiniSearch.loadJS<SearchDoc>(json.index, options()));
    for (const m of json.metas) idx.metas.set(m.id, idx.facets.code(m));
    return idx;
  }
}

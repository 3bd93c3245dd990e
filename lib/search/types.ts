import type { Intent, Platform } from '../schema';

/**
 * Filters of a library search. Within one dimension the values are alternatives (any of them);
 * dimensions combine with AND. Omitted (undefined) or empty arrays = no filter on that dimension.
 */
export interface SearchFilters {
  platforms?: Platform[];
  /** `'none'` selects captures without an intent. */
  intents?: Array<Intent | 'none'>;
  /** Tag keys or spellings (folded with lib/schema `tagKey`). */
  tags?: string[];
  /** Collection ids. */
  collections?: string[];
  /** Author keys as facets give them (`<platform>:<handle or name, lowercased>`). */
  authors?: string[];
  /** Saved (`capturedAt`) on or after, epoch ms. */
  savedFrom?: number;
  /** Saved before, epoch ms (exclusive). */
  savedTo?: number;
  /** true: has a note; false: has none. */
  hasNote?: boolean;
  /** true: any completeness flag set; false: complete. */
  incomplete?: boolean;
  /** true: `reviewedAt` set; false: not reviewed. */
  reviewed?: boolean;
  /** true: archived only; false: not archived. Undefined: both. */
  archived?: boolean;
}

/** Sort orders: `relevance` (text queries; same as `saved` without text), newest saved, newest posted. */
export type SearchSort = 'relevance' | 'saved' | 'posted';

/** A library search: free text (may be empty), filters, sort and a page. */
export interface SearchQuery {
  text?: string;
  filters?: SearchFilters;
  /** Default `relevance`. */
  sort?: SearchSort;
  /** Page size; default 50. */
  limit?: number;
  /** Hits to skip; default 0. */
  offset?: number;
  /**
   * Count facets (default true). Pass false for the fastest keystroke answer and ask again with
   * true a moment later (e.g. when typing pauses): the facets then come back empty.
   */
  facets?: boolean;
}

/** One hit: the capture id (load the rows with lib/db `getCaptures`), its score and matched terms. */
export interface SearchHit {
  id: string;
  /** Relevance score (0 without text). */
  score: number;
  /** Folded terms this capture matched (the typed prefix for a prefix match); feed to `highlight`. */
  terms: string[];
}

/** A facet value with how many captures it would show given the OTHER active filters. */
export interface FacetValue {
  /** Filter value to pass back in {@link SearchFilters} (tag key, collection id, author key, 'true'/'false'...). */
  value: string;
  /** Display text: tag spelling, author name, platform id, intent id; the collection id for collections (the UI maps it to a name). */
  label: string;
  count: number;
}

/** Names of the faceted dimensions. */
export type FacetName = 'platform' | 'intent' | 'tag' | 'collection' | 'author' | 'hasNote' | 'incomplete' | 'reviewed' | 'archived';

/** Facet counts per dimension, each sorted by count (desc) then label. */
export type Facets = Record<FacetName, FacetValue[]>;

/** The answer to a {@link SearchQuery}. */
export interface SearchResult {
  /** Captures matching text and filters. */
  total: number;
  /** The requested page, in sort order. */
  hits: SearchHit[];
  /**
   * Every matching capture id in sort order (`total` of them; `hits` is the requested page of
   * it), for long windowed lists: cheap, no per-hit objects.
   */
  ids: string[];
  /** Folded terms to highlight (union over all matching captures): query terms as typed (prefixes light up longer words) and typo-matched index terms. */
  terms: string[];
  facets: Facets;
}

/**
 * The library's filter state and facet counts as the UI holds them. The container translates them
 * to the search layer's query; components only render them.
 */
export interface LibraryFilters {
  /** Platform ids (`x`, `linkedin`, …); empty = any. */
  platforms: string[];
  /** Learning intents; `none` = captures without one; empty = any. */
  intents: string[];
  /** Tag keys (facet values); any of them. */
  tags: string[];
  /** Author keys (facet values); empty = any. */
  authors: string[];
  /** Saved on or after this local date (`yyyy-mm-dd`), or null. */
  from: string | null;
  /** Saved on or before this local date (`yyyy-mm-dd`), or null. */
  to: string | null;
  hasNote: boolean;
  incomplete: boolean;
  /** Review state: any, waiting for review, reviewed. Archived captures show only with `archived`. */
  review: 'any' | 'unreviewed' | 'reviewed' | 'archived';
}

/** No filter at all. */
export const NO_FILTERS: LibraryFilters = { platforms: [], intents: [], tags: [], authors: [], from: null, to: null, hasNote: false, incomplete: false, review: 'any' };

/** One value of a facet: what to filter by, what to show, how many captures it would list. */
export interface FacetEntry {
  value: string;
  label: string;
  count: number;
}

/** Counts of captures per facet value within the current search (before that facet's own filter). */
export interface FacetCounts {
  platform: readonly FacetEntry[];
  intent: readonly FacetEntry[];
  tag: readonly FacetEntry[];
  author: readonly FacetEntry[];
  hasNote: number;
  incomplete: number;
  review: Readonly<Record<LibraryFilters['review'], number>>;
}

/** Result ordering. `relevance` applies only with a search text (else it falls back to saved). */
export type SortOrder = 'saved' | 'posted' | 'relevance';

/** True when any filter is set. */
export function hasFilters(f: LibraryFilters): boolean {
  return f.platforms.length + f.intents.length + f.tags.length + f.authors.length > 0 || !!f.from || !!f.to || f.hasNote || f.incomplete || f.review !== 'any';
}

/** `list` with `value` added or removed. */
export function toggle<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((x) => x !== value) : [...list, value];
}

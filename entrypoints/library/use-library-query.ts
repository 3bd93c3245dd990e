import { useMemo, useState } from 'preact/hooks';
import type { Collection } from '../../lib/schema';
import { NO_FILTERS, type LibraryFilters, type SortOrder } from '../../components/filters';
import type { CaptureStore, LibraryStore } from './use-library-store';
import { useListSelection } from './use-selection';
import * as data from './data';

/**
 * The library's query (search text, filters, collection, sort) and what it derives from the store:
 * the result and its ordered `ids`, the list's cursor and selection ({@link useListSelection}) with
 * the selected ids in list order, the collections with counts, the known tags and the first tip
 * follow-up due now. The search runs in the render that echoes the keystroke: lib/search answers one
 * in a few ms even at 100,000 captures (BENCHMARKS.md), and waiting for an effect after paint cost
 * a frame or two.
 */
export function useLibraryQuery(store: { current: CaptureStore }, version: number, status: LibraryStore['status'], collectionRows: Collection[]) {
  const [text, setText] = useState('');
  const [filters, setFilters] = useState<LibraryFilters>(NO_FILTERS);
  const [sort, setSort] = useState<SortOrder>('saved');
  const [collectionId, setCollectionId] = useState<string | null>(null);

  const query = useMemo(() => ({ text, filters, collectionId, sort }), [text, filters, collectionId, sort]);
  const result = useMemo(() => store.current.search?.query(query) ?? null, [query, version, status]);
  const ids = result?.ids ?? [];
  const { sel, setSel } = useListSelection(query, ids.length);

  const collections = useMemo(() => data.collectionViews(collectionRows, store.current.byId.values()), [collectionRows, version]);
  const knownTags = useMemo(() => data.knownTags(store.current.byId.values()), [version]);
  const selectedIds = useMemo(() => [...sel.selected].sort((a, b) => a - b).map((i) => ids[i]!).filter(Boolean), [sel, ids]);
  const dueFollowUp = useMemo(() => data.dueFollowUps(store.current.byId.values(), Date.now())[0] ?? null, [version]);

  return { text, setText, filters, setFilters, sort, setSort, collectionId, setCollectionId, result, ids, sel, setSel, selectedIds, collections, knownTags, dueFollowUp };
}

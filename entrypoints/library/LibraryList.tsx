import type { Ref } from 'preact';
import type { Capture } from '../../lib/schema';
import type { Translate } from '../../lib/util/i18n';
import type { Density } from '../../lib/db/settings';
import { VirtualList } from '../../components/VirtualList';
import { CaptureRow, rowHeightFor, rowText } from '../../components/CaptureRow';
import { BulkBar, type BulkBarProps } from '../../components/BulkBar';
import { clickRow, type ListSelection } from '../../components/selection';
import type { CreditView } from '../../components/team-views';
import type * as data from './data';

/** Props of {@link LibraryList}. */
export interface LibraryListProps {
  /** Ordered ids of the current query and the captures by id. */
  ids: readonly string[];
  byId: ReadonlyMap<string, Capture>;
  /** Everything loaded (the empty state shows when nothing is). */
  total: number;
  /** The selected collection holds no capture (its own empty state, not "no captures match"). */
  emptyCollection?: boolean;
  status: 'loading' | 'ready' | 'error';
  result: data.QueryResult | null;
  search: data.LibrarySearch | null;
  /** The search text (the list's `data-query`). */
  query: string;
  sel: ListSelection;
  setSel: (s: ListSelection) => void;
  /** A plain click opens the row's capture in the detail. */
  onOpen: (id: string) => void;
  /** Double click (and Enter, bound by the page) opens and focuses the detail. */
  onOpenRow: (index: number) => void;
  onKeyDown: (e: KeyboardEvent) => void;
  listRef: Ref<HTMLDivElement>;
  density: Density;
  /** The bulk bar's props, shown while more than one row is selected. */
  bulk: Omit<BulkBarProps, 't' | 'locale'> | null;
  /** In a team's library: who shared each capture. */
  creditOf?: (id: string) => CreditView;
  /** In the learner's own library: capture id → the teams it was shared into. */
  sharedTo?: ReadonlyMap<string, readonly string[]>;
  now: number;
  t: Translate;
  locale?: string;
}

/**
 * The library's list: the bulk bar, the empty and no-result states, and the windowed listbox of
 * capture rows at the chosen density (row height {@link rowHeightFor}).
 */
export function LibraryList(p: LibraryListProps) {
  const { t, locale, sel, ids } = p;
  const terms = p.result?.terms ?? [];
  return (
    <>
      {p.bulk ? <BulkBar {...p.bulk} t={t} locale={locale} /> : null}
      {p.status === 'ready' && p.total === 0 ? (
        <section class="empty" data-testid="library-empty">
          <h2>{t('popupEmptyTitle')}</h2>
          <p>{t('popupEmptyPosts')}</p>
          <p>{t('popupEmptyWeb')}</p>
        </section>
      ) : p.status === 'ready' && ids.length === 0 && p.emptyCollection ? (
        <p class="status" data-testid="collection-empty">{t('collectionEmpty')}</p>
      ) : p.status === 'ready' && ids.length === 0 ? (
        <p class="status" data-testid="no-results">{t('noResults')}</p>
      ) : null}
      <VirtualList
        count={ids.length}
        rowHeight={rowHeightFor(p.density)}
        activeIndex={sel.active}
        activeId={sel.active >= 0 ? `row-${sel.active}` : undefined}
        label={t('libraryListLabel')}
        listRef={p.listRef}
        onKeyDown={p.onKeyDown}
        testId="capture-list"
        query={p.query}
        renderRow={(i, style) => {
          const c = p.byId.get(ids[i]!)!;
          return (
            <CaptureRow
              key={c.id}
              capture={c}
              id={`row-${i}`}
              pos={i + 1}
              size={ids.length}
              selected={sel.selected.has(i)}
              active={sel.active === i}
              style={style}
              segments={terms.length && p.search ? p.search.segments(rowText(c), terms) : null}
              now={p.now}
              t={t}
              locale={locale}
              density={p.density}
              onClick={(e) => {
                p.setSel(clickRow(sel, i, { shift: e.shiftKey, ctrl: e.ctrlKey, meta: e.metaKey }));
                if (!e.shiftKey && !e.ctrlKey && !e.metaKey) p.onOpen(c.id);
              }}
              onDblClick={() => p.onOpenRow(i)}
              credit={p.creditOf?.(c.id)}
              sharedTo={p.sharedTo?.get(c.id)}
            />
          );
        }}
      />
    </>
  );
}

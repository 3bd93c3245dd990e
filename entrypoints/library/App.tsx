import { useState } from 'preact/hooks';
import type { SatchelDb } from '../../lib/db';
import type { Translate } from '../../lib/util/i18n';
import { LOCAL_SCOPE } from '../../lib/db';
import { ImportResumeNotice as ImportResumeBanner } from './transfer';
import { fmt } from '../../components/format';
import { libraryPage, openParam, useTeamExtras } from './team-pages';
import { digestHref } from './digest-page';
import { pageView } from './page-view';
import { useConversationStarter } from './starter';
import { useDiscussion } from './discussion-data';
import { useLibraryStore } from './use-library-store';
import { useLibraryQuery } from './use-library-query';
import { useLibraryNav } from './use-library-nav';
import { useTeamData } from './use-team-data';
import { useViewSettings } from './use-view-settings';
import { useLibraryActions } from './use-actions';
import { useReview } from './use-review';
import { byId, focusAfterRender } from './focus';
import { LibraryHeader } from './LibraryHeader';
import { LibrarySidebar } from './LibrarySidebar';
import { LibraryList } from './LibraryList';
import { DetailPane } from './DetailPane';
import { LibraryDialogs, type LibraryDialog } from './LibraryDialogs';
import { DueFollowUp } from './DueFollowUp';
import { ReviewPane } from './ReviewPane';
import { LibraryToast } from './LibraryToast';
import { libraryDialogProps } from './dialog-props';
import { collectionActions } from './collection-actions';
import { bulkActions } from './bulk-actions';
import * as data from './data';
import '../../components/discussion/discussion.css';

/** Props of the library page container. */
export interface AppProps {
  /** The extension's database (same origin as the service worker). */
  db: SatchelDb;
  t: Translate;
  /** BCP 47 UI locale for dates and numbers. */
  locale?: string;
}

/**
 * The library page (library.html): collections and filters on the left, the windowed list of
 * captures, the detail of the open capture on the right (a full-width view in a narrow window);
 * search as you type, bulk actions, the Review view, tip follow-ups, export and import. The parts
 * live beside it: data hooks (`use-*.ts`: the store, the query, keyboard and focus in
 * use-library-nav.ts) and the banner, sidebar, list, detail, review, dialogs and toast components.
 * After every action focus lands where a person expects it (issue 12).
 */
export function App({ db, t, locale }: AppProps) {
  const { store, version, status, collectionRows, absorb, reloadCollections } = useLibraryStore(db);
  const q = useLibraryQuery(store, version, status, collectionRows);
  const { ids, sel, setSel, selectedIds, collections, knownTags, dueFollowUp, result, collectionId } = q;
  const [openId, setOpenId] = useState<string | null>(() => openParam(location.search));
  // What's new, member pages and sharer credit (issue 11): pages by URL (entrypoints/library/team-pages.tsx).
  const [page] = useState(() => libraryPage(location.search));
  const scope = data.libraryScope();
  const inTeam = scope !== LOCAL_SCOPE;
  const team = useTeamExtras(db, scope, openId, page?.kind === 'member' ? page.userId : null);
  const teamData = useTeamData(db, openId, t);
  const view = useViewSettings(db);
  const [dialog, setDialog] = useState<LibraryDialog>(null);
  const now = Date.now();
  const actions = useLibraryActions(db, store, absorb, t, locale, () => focusAfterRender(nav.list));
  const { toast, setToast, run, edit, many } = actions;
  const review = useReview(() => store.current.byId.values(), (id) => store.current.byId.get(id) ?? null);
  const nav = useLibraryNav({ ids, sel, setSel, selectedIds, openId, setOpenId, deleteIds: actions.deleteIds, review, density: view.density, singleKeys: view.singleKeys, dialogOpen: dialog !== null, undo: toast?.undo ?? null });
  const { list } = nav;

  const open = openId ? store.current.byId.get(openId) ?? null : null;
  const starter = useConversationStarter(db, open, t);
  // The discussion of the open team capture (issue 11), live: a pulled reply appears without a reload.
  const discussion = useDiscussion(db, open, t);
  const reloadAll = async () => {
    absorb(await data.loadCaptures(db));
    await reloadCollections();
  };
  const setting = (write: () => Promise<void>) => void run(t('libErrSetting'), write);

  return (
    <div class={`lib${open && review.mode === 'list' ? ' has-detail' : ''}${nav.sideOpen ? ' side-open' : ''}`}>
      {/* A button, not a `#fragment` link: it moves focus itself (to the list, else the main area). */}
      <button type="button" class="skip-link" data-testid="skip-to-list" onClick={() => (list() ?? byId('lib-main'))?.focus()}>
        {t('skipToList')}
      </button>
      <LibraryHeader
        title={inTeam ? (teamData.scopes.find((x) => x.scopeId === scope)?.name ?? t('libraryTitle')) : t('libraryTitle')}
        text={q.text}
        onText={q.setText}
        resultCount={result ? ids.length : null}
        countText={fmt(t(ids.length === 1 ? 'captureCountOne' : 'captureCount'), { count: ids.length }, locale)}
        searchRef={nav.searchRef}
        searchShortcut={view.singleKeys ? '/' : undefined}
        onToResults={() => list()?.focus()}
        sort={q.sort}
        onSort={q.setSort}
        density={view.density}
        onDensity={(d) => setting(() => view.setDensity(d))}
        unreviewed={result?.facets.review.unreviewed ?? 0}
        onReview={() => { setOpenId(null); review.start(); }}
        onTags={() => setDialog({ kind: 'tags' })}
        onExport={() => setDialog({ kind: 'export', scope: 'all' })}
        onImport={() => setDialog({ kind: 'import' })}
        digestHref={inTeam ? digestHref(scope) : null}
        sideOpen={nav.sideOpen}
        onToggleSide={nav.toggleSide}
        t={t}
        locale={locale}
      />
      <ImportResumeBanner db={db} t={t} locale={locale} onImported={reloadAll} />

      <LibrarySidebar
        open={nav.sideOpen}
        onClose={nav.closeSide}
        scopeNav={{ scopes: teamData.scopes, current: page?.kind === 'whats-new' ? 'whats-new' : scope, whatsNew: team.whatsNew, members: team.members }}
        collections={{
          collections,
          total: store.current.byId.size,
          current: collectionId,
          onSelect: (id) => { q.setCollectionId(id); review.toList(); },
          ...collectionActions({ db, run, setToast, absorb, reloadCollections, nameOf: (id) => collections.find((c) => c.id === id)?.name ?? '', current: collectionId, setCurrent: q.setCollectionId, t }),
        }}
        filters={result ? { filters: q.filters, facets: result.facets, onChange: q.setFilters } : null}
        delayDays={view.delayDays}
        onDelayDays={(d) => setting(() => view.setDelayDays(d))}
        singleKeys={view.singleKeys}
        onSingleKeys={(on) => setting(() => view.setSingleKeys(on))}
        t={t}
        locale={locale}
      />

      <main id="lib-main" class="lib__main" aria-label={t('libraryMain')} tabIndex={-1}>
        {status === 'loading' ? <p class="status" role="status">{t('popupLoading')}</p> : null}
        {status === 'error' ? <p class="status error" role="alert">{t('popupError')}</p> : null}
        {dueFollowUp && review.mode === 'list' ? <DueFollowUp key={dueFollowUp.id} db={db} capture={dueFollowUp} many={many} onLeave={nav.leaveFollowUp} t={t} /> : null}
        {pageView({ db, page, scope, inTeam, search: location.search, t, locale }) ?? (review.mode === 'review' ? (
          <ReviewPane review={review} knownTags={knownTags} edit={edit} t={t} locale={locale} />
        ) : (
          <LibraryList
            ids={ids}
            byId={store.current.byId}
            total={store.current.byId.size}
            emptyCollection={collectionId !== null && ![...store.current.byId.values()].some((c) => c.collectionIds.includes(collectionId))}
            status={status}
            result={result}
            search={store.current.search}
            query={q.text}
            sel={sel}
            setSel={setSel}
            onOpen={setOpenId}
            onOpenRow={nav.openRow}
            onKeyDown={nav.onListKey}
            listRef={nav.listRef}
            density={view.density}
            bulk={sel.selected.size > 1 ? bulkActions({ db, many, ids: selectedIds, collections, onExport: () => setDialog({ kind: 'export', scope: 'selection' }), onDelete: () => void nav.deleteAndFocus(selectedIds), onClear: nav.clearSelection, t, locale }, sel.selected.size) : null}
            creditOf={inTeam ? (id) => team.credits.get(id)?.credit ?? { kind: 'unknown' } : undefined}
            sharedTo={inTeam ? undefined : teamData.sharedTo}
            now={now}
            t={t}
            locale={locale}
          />
        ))}
      </main>

      {open && review.mode === 'list' ? (
        <DetailPane
          capture={open}
          collections={collections}
          knownTags={knownTags}
          edit={(patch) => void edit(open.id, patch)}
          onDelete={nav.deleteOpen}
          onClose={nav.closeDetail}
          onShare={teamData.shareTargets.length && !inTeam ? () => setDialog({ kind: 'share', id: open.id }) : undefined}
          team={inTeam ? teamData : undefined}
          replaced={teamData.replaced}
          discussion={discussion}
          starter={starter}
          headingRef={nav.detailHeading}
          t={t}
          locale={locale}
        />
      ) : null}

      <LibraryDialogs
        db={db}
        dialog={dialog}
        onClose={() => setDialog(null)}
        {...libraryDialogProps({ db, dialog, store, ids, selectedIds, collections, collectionRows, collectionId, reloadAll, shareTargets: teamData.shareTargets, many, setToast, t })}
        t={t}
        locale={locale}
      />
      {toast ? <LibraryToast key={toast.message} toast={toast} onDismiss={() => setToast(null)} list={list} t={t} /> : null}
    </div>
  );
}

import { useMemo, useRef, useState } from 'preact/hooks';
import type { Capture } from '../../lib/schema';
import type { SatchelDb } from '../../lib/db';
import type { Translate } from '../../lib/util/i18n';
import { shareCapture, LOCAL_SCOPE } from '../../lib/db';
import { rowHeightFor } from '../../components/CaptureRow';
import { UndoToast } from '../../components/UndoToast';
import { ReviewView } from '../../components/ReviewView';
import { FollowUpPrompt } from '../../components/FollowUpPrompt';
import { ImportResumeNotice as ImportResumeBanner } from './transfer';
import type { ExportScope } from '../../components/ExportDialog';
import { fmt } from '../../components/format';
import { NO_FILTERS, type LibraryFilters, type SortOrder } from '../../components/filters';
import { keyRow } from '../../components/selection';
import { libraryPage, openParam, useTeamExtras, WhatsNewView, MemberView } from './team-pages';
import { DigestPage, digestHref, isDigestView } from './digest-page';
import { useConversationStarter } from './starter';
import { useDiscussion } from './discussion-data';
import { useLibraryStore } from './use-library-store';
import { useListSelection } from './use-selection';
import { useTeamData } from './use-team-data';
import { useViewSettings } from './use-view-settings';
import { useLibraryActions } from './use-actions';
import { useReview } from './use-review';
import { useLibraryKeys } from './use-library-keys';
import { byId, focusAfterRender } from './focus';
import { LibraryHeader, SIDE_TOGGLE_ID } from './LibraryHeader';
import { LibrarySidebar } from './LibrarySidebar';
import { LibraryList } from './LibraryList';
import { DetailPane } from './DetailPane';
import { LibraryDialogs, type LibraryDialog } from './LibraryDialogs';
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

/** True when `el` takes part in layout (a hidden toggle of a wide window does not). */
const shown = (el: HTMLElement | null): el is HTMLElement => !!el && el.getClientRects().length > 0;

/**
 * The library page (library.html): collections and filters on the left, the windowed list of
 * captures, the detail of the open capture on the right (a full-width view in a narrow window);
 * search as you type, bulk actions, the Review view, tip follow-ups, export and import. The parts
 * live beside it: data hooks (`use-*.ts`) and the banner, sidebar, list, detail and dialogs
 * components. After every action focus lands where a person expects it (issue 12).
 */
export function App({ db, t, locale }: AppProps) {
  const { store, version, status, collectionRows, absorb, reloadCollections } = useLibraryStore(db);
  const [text, setText] = useState('');
  const [filters, setFilters] = useState<LibraryFilters>(NO_FILTERS);
  const [sort, setSort] = useState<SortOrder>('saved');
  const [collectionId, setCollectionId] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(() => openParam(location.search));
  // What's new, member pages and sharer credit (issue 11): pages by URL (entrypoints/library/team-pages.tsx).
  const [page] = useState(() => libraryPage(location.search));
  const scope = data.libraryScope();
  const inTeam = scope !== LOCAL_SCOPE;
  const team = useTeamExtras(db, scope, openId, page?.kind === 'member' ? page.userId : null);
  const teamData = useTeamData(db, openId, t);
  const view = useViewSettings(db);
  const [dialog, setDialog] = useState<LibraryDialog>(null);
  // Narrow windows show the sidebar (libraries, collections, filters) as a disclosure.
  const [sideOpen, setSideOpen] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const detailHeading = useRef<HTMLHeadingElement>(null);
  const now = Date.now();
  const list = () => listRef.current;
  const actions = useLibraryActions(db, store, absorb, t, locale, () => focusAfterRender(list));
  const { toast, setToast, run, edit, many } = actions;
  const review = useReview(() => store.current.byId.values(), (id) => store.current.byId.get(id) ?? null);

  // The search runs in the render that echoes the keystroke: lib/search answers one in a few ms even
  // at 100,000 captures (BENCHMARKS.md), and waiting for an effect after paint cost a frame or two.
  const query = useMemo(() => ({ text, filters, collectionId, sort }), [text, filters, collectionId, sort]);
  const result = useMemo(() => store.current.search?.query(query) ?? null, [query, version, status]);
  const ids = result?.ids ?? [];
  const { sel, setSel } = useListSelection(query, ids.length);

  const collections = useMemo(() => data.collectionViews(collectionRows, store.current.byId.values()), [collectionRows, version]);
  const knownTags = useMemo(() => data.knownTags(store.current.byId.values()), [version]);
  const open = openId ? store.current.byId.get(openId) ?? null : null;
  const starter = useConversationStarter(db, open, t);
  // The discussion of the open team capture (issue 11), live: a pulled reply appears without a reload.
  const discussion = useDiscussion(db, open, t);
  const selectedIds = useMemo(() => [...sel.selected].sort((a, b) => a - b).map((i) => ids[i]!).filter(Boolean), [sel, ids]);
  const dueFollowUp = useMemo(() => data.dueFollowUps(store.current.byId.values(), Date.now())[0] ?? null, [version]);
  const collectionName = (id: string) => collections.find((c) => c.id === id)?.name ?? '';

  /** Back to the list, on the cursor row (the list is hidden under a narrow window's detail: focus once shown). */
  const focusList = () => {
    list()?.focus();
    if (document.activeElement !== list()) focusAfterRender(list);
  };
  const deleteAndFocus = async (targets: readonly string[]) => {
    if (!(await actions.deleteIds(targets))) return;
    if (openId && targets.includes(openId)) setOpenId(null);
    setSel({ ...sel, selected: new Set() });
    focusAfterRender(list); // on the row after the deleted one (the cursor keeps its index)
  };
  const openRow = (i: number) => {
    const id = ids[i];
    if (!id) return;
    setOpenId(id);
    focusAfterRender(() => detailHeading.current);
  };
  const closeDetail = () => {
    setOpenId(null);
    focusList();
  };
  const closeSide = () => {
    setSideOpen(false);
    focusAfterRender(() => byId(SIDE_TOGGLE_ID));
  };
  const clearSelection = () => {
    const inBar = !!document.activeElement?.closest('[data-testid="bulk-bar"]');
    setSel({ ...sel, selected: new Set() });
    if (inBar) focusAfterRender(list);
  };

  const onListKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      openRow(sel.active);
      return;
    }
    if (e.key === 'Delete') {
      e.preventDefault();
      void deleteAndFocus(selectedIds.length ? selectedIds : ids[sel.active] ? [ids[sel.active]!] : []);
      return;
    }
    const next = keyRow(sel, e.key, ids.length, { shift: e.shiftKey, ctrl: e.ctrlKey, meta: e.metaKey }, Math.max(1, Math.floor((list()?.clientHeight ?? 600) / rowHeightFor(view.density)) - 1));
    if (!next) return;
    e.preventDefault();
    setSel(next);
    // The detail follows the cursor when it is open and a single row moves.
    if (openId && !e.shiftKey && next.selected.size <= 1 && ids[next.active]) setOpenId(ids[next.active]!);
  };

  useLibraryKeys({
    dialogOpen: dialog !== null,
    singleKeys: view.singleKeys,
    undo: toast?.undo ?? null,
    focusSearch: () => {
      searchRef.current?.focus();
      searchRef.current?.select();
    },
    escape: [
      () => (sideOpen && shown(byId(SIDE_TOGGLE_ID)) ? (closeSide(), true) : false),
      () => (openId ? (closeDetail(), true) : false),
      () => (review.mode === 'review' ? (review.exit(), true) : false),
      () => (sel.selected.size > 1 ? (clearSelection(), true) : false),
    ],
  });

  const startReview = () => {
    setOpenId(null);
    review.start();
  };
  const pickForExport = (s: ExportScope, colId: string | null): Capture[] =>
    s === 'all' ? [...store.current.byId.values()]
    : s === 'collection' ? [...store.current.byId.values()].filter((c) => colId && c.collectionIds.includes(colId))
    : s === 'filter' ? ids.map((id) => store.current.byId.get(id)!)
    : selectedIds.map((id) => store.current.byId.get(id)!);
  const reloadAll = async () => {
    absorb(await data.loadCaptures(db));
    await reloadCollections();
  };
  const countText = fmt(t(ids.length === 1 ? 'captureCountOne' : 'captureCount'), { count: ids.length }, locale);
  const reviewId = review.capture?.id ?? null;
  const leaveFollowUp = () => {
    if (document.activeElement?.closest('[data-testid="followup"]')) focusAfterRender(list);
  };

  return (
    <div class={`lib${open && review.mode === 'list' ? ' has-detail' : ''}${sideOpen ? ' side-open' : ''}`}>
      {/* A button, not a `#fragment` link: it moves focus itself (to the list, else the main area). */}
      <button type="button" class="skip-link" data-testid="skip-to-list" onClick={() => (list() ?? byId('lib-main'))?.focus()}>
        {t('skipToList')}
      </button>
      <LibraryHeader
        title={inTeam ? (teamData.scopes.find((x) => x.scopeId === scope)?.name ?? t('libraryTitle')) : t('libraryTitle')}
        text={text}
        onText={setText}
        resultCount={result ? ids.length : null}
        countText={countText}
        searchRef={searchRef}
        searchShortcut={view.singleKeys ? '/' : undefined}
        onToResults={() => list()?.focus()}
        sort={sort}
        onSort={setSort}
        density={view.density}
        onDensity={(d) => void run(t('libErrSetting'), () => view.setDensity(d))}
        unreviewed={result?.facets.review.unreviewed ?? 0}
        onReview={startReview}
        onTags={() => setDialog({ kind: 'tags' })}
        onExport={() => setDialog({ kind: 'export', scope: 'all' })}
        onImport={() => setDialog({ kind: 'import' })}
        digestHref={inTeam ? digestHref(scope) : null}
        sideOpen={sideOpen}
        onToggleSide={() => (sideOpen ? closeSide() : setSideOpen(true))}
        t={t}
        locale={locale}
      />
      <ImportResumeBanner db={db} t={t} locale={locale} onImported={reloadAll} />

      <LibrarySidebar
        open={sideOpen}
        onClose={closeSide}
        scopeNav={{ scopes: teamData.scopes, current: page?.kind === 'whats-new' ? 'whats-new' : scope, whatsNew: team.whatsNew, members: team.members }}
        collections={{
          collections,
          total: store.current.byId.size,
          current: collectionId,
          onSelect: (id) => { setCollectionId(id); review.toList(); },
          ...collectionActions({ db, run, setToast, absorb, reloadCollections, nameOf: collectionName, current: collectionId, setCurrent: setCollectionId, t }),
        }}
        filters={result ? { filters, facets: result.facets, onChange: setFilters } : null}
        delayDays={view.delayDays}
        onDelayDays={(d) => void run(t('libErrSetting'), () => view.setDelayDays(d))}
        singleKeys={view.singleKeys}
        onSingleKeys={(on) => void run(t('libErrSetting'), () => view.setSingleKeys(on))}
        t={t}
        locale={locale}
      />

      <main id="lib-main" class="lib__main" aria-label={t('libraryMain')} tabIndex={-1}>
        {status === 'loading' ? <p class="status" role="status">{t('popupLoading')}</p> : null}
        {status === 'error' ? <p class="status error" role="alert">{t('popupError')}</p> : null}
        {dueFollowUp && review.mode === 'list' ? (
          <FollowUpPrompt
            key={dueFollowUp.id}
            capture={dueFollowUp}
            t={t}
            onAnswer={(answer) => { leaveFollowUp(); void many(fmt(t('libErrFollowUp'), { name: dueFollowUp.author?.name ?? dueFollowUp.key }), async () => [await data.answerFollowUp(db, dueFollowUp.id, answer)].filter((c): c is Capture => !!c), t('followUpSaved')); }}
            onLater={() => { leaveFollowUp(); void many(fmt(t('libErrFollowUp'), { name: dueFollowUp.author?.name ?? dueFollowUp.key }), async () => [await data.snoozeFollowUp(db, dueFollowUp.id)].filter((c): c is Capture => !!c)); }}
          />
        ) : null}
        {page?.kind === 'whats-new' ? (
          <WhatsNewView db={db} t={t} locale={locale} />
        ) : page?.kind === 'member' ? (
          <MemberView db={db} t={t} locale={locale} scopeId={scope} userId={page.userId} />
        ) : isDigestView(location.search) && inTeam ? (
          <DigestPage db={db} t={t} locale={locale} scopeId={scope} />
        ) : review.mode === 'review' ? (
          <ReviewView
            capture={review.capture}
            position={review.position}
            total={review.total}
            knownTags={knownTags}
            onTags={(tags) => reviewId && void edit(reviewId, { tags })}
            onReflection={(reflection) => reviewId && void edit(reviewId, { reflection })}
            onReviewed={() => { if (reviewId) void edit(reviewId, { reviewedAt: Date.now() }); review.next(); }}
            onArchive={() => { if (reviewId) void edit(reviewId, { archivedAt: Date.now() }); review.next(); }}
            onSkip={review.next}
            onExit={review.exit}
            t={t}
            locale={locale}
          />
        ) : (
          <LibraryList
            ids={ids}
            byId={store.current.byId}
            total={store.current.byId.size}
            emptyCollection={collectionId !== null && ![...store.current.byId.values()].some((c) => c.collectionIds.includes(collectionId))}
            status={status}
            result={result}
            search={store.current.search}
            query={text}
            sel={sel}
            setSel={setSel}
            onOpen={setOpenId}
            onOpenRow={openRow}
            onKeyDown={onListKey}
            listRef={listRef}
            density={view.density}
            bulk={sel.selected.size > 1 ? bulkActions({ db, many, ids: selectedIds, collections, onExport: () => setDialog({ kind: 'export', scope: 'selection' }), onDelete: () => void deleteAndFocus(selectedIds), onClear: clearSelection, t, locale }, sel.selected.size) : null}
            creditOf={inTeam ? (id) => team.credits.get(id)?.credit ?? { kind: 'unknown' } : undefined}
            sharedTo={inTeam ? undefined : teamData.sharedTo}
            now={now}
            t={t}
            locale={locale}
          />
        )}
      </main>

      {open && review.mode === 'list' ? (
        <DetailPane
          capture={open}
          collections={collections}
          knownTags={knownTags}
          edit={(patch) => void edit(open.id, patch)}
          onDelete={() => {
            // The cursor on the deleted row: after the delete it stands on the next one.
            const at = ids.indexOf(open.id);
            if (at >= 0) setSel({ ...sel, active: at });
            void deleteAndFocus([open.id]);
          }}
          onClose={closeDetail}
          onShare={teamData.shareTargets.length && !inTeam ? () => setDialog({ kind: 'share', id: open.id }) : undefined}
          team={inTeam ? teamData : undefined}
          replaced={teamData.replaced}
          discussion={discussion}
          starter={starter}
          headingRef={detailHeading}
          t={t}
          locale={locale}
        />
      ) : null}

      <LibraryDialogs
        db={db}
        dialog={dialog}
        onClose={() => setDialog(null)}
        transfer={{
          pick: pickForExport,
          counts: { all: store.current.byId.size, collection: 0, filter: ids.length, selection: selectedIds.length || null },
          collections,
          collectionRows,
          collectionId,
          onImported: reloadAll,
        }}
        tags={dialog?.kind === 'tags' ? data.tagCounts(store.current.byId.values()) : []}
        onRenameTag={(from, to) => void many(fmt(t('libErrRenameTag'), { tag: from }), () => data.renameTag(db, from, to), fmt(t('tagRenamed'), { from, to }))}
        shareTargets={teamData.shareTargets}
        shareCapture={dialog?.kind === 'share' ? store.current.byId.get(dialog.id) ?? null : null}
        onShare={async (scopeId, colId, note, asQuestion) => {
          if (dialog?.kind !== 'share') return;
          // The box says whether the team copy is a question to discuss (lib/db/share.ts `intent`).
          await shareCapture(db, dialog.id, scopeId, { ...(colId ? { collectionId: colId } : {}), note, intent: asQuestion ? 'question' : null });
          setToast({ message: fmt(t('shareDone'), { team: teamData.shareTargets.find((x) => x.scopeId === scopeId)?.name ?? '' }) });
        }}
        t={t}
        locale={locale}
      />
      {toast ? (
        <UndoToast
          key={toast.message}
          message={toast.message}
          error={toast.error}
          onUndo={toast.undo}
          onDismiss={() => {
            const inToast = !!document.activeElement?.closest('[data-testid="toast"]');
            setToast(null);
            if (inToast) focusAfterRender(list, () => byId('lib-main'));
          }}
          t={t}
        />
      ) : null}
    </div>
  );
}

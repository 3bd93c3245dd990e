import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Capture, Collection } from '../../lib/schema';
import type { SatchelDb } from '../../lib/db';
import type { Translate } from '../../lib/util/i18n';
import { VirtualList } from '../../components/VirtualList';
import { CaptureRow, ROW_HEIGHT } from '../../components/CaptureRow';
import { CaptureDetail } from '../../components/CaptureDetail';
import { SearchBox } from '../../components/SearchBox';
import { FilterPanel } from '../../components/FilterPanel';
import { CollectionsSidebar } from '../../components/CollectionsSidebar';
import { BulkBar } from '../../components/BulkBar';
import { UndoToast } from '../../components/UndoToast';
import { ReviewView } from '../../components/ReviewView';
import { FollowUpPrompt } from '../../components/FollowUpPrompt';
import type { ExportScope } from '../../components/ExportDialog';
import { TransferDialogs } from './transfer';
import { ImportResumeBanner } from '../../components/ImportResumeBanner';
import { TagsManager } from '../../components/TagsManager';
import { FollowUpSetting } from '../../components/FollowUpSetting';
import { ShareDialog, type ShareTarget } from '../../components/ShareDialog';
import { ScopeNav, type ScopeLink } from '../../components/ScopeNav';
import { liveQuery } from 'dexie';
import { captureRight, listTeamScopes, shareCapture, LOCAL_SCOPE } from '../../lib/db';
import { creditOf, readMembers } from '../../lib/db/members';
import { libraryPage, openParam, useTeamExtras, WhatsNewView, MemberView } from './team-pages';
import { DigestPage, digestHref, isDigestView } from './digest-page';
import { useConversationStarter } from './starter';
import { fmt } from '../../components/format';
import { NO_FILTERS, type LibraryFilters, type SortOrder } from '../../components/filters';
import { clampSelection, clickRow, initialSelection, keyRow, type ListSelection } from '../../components/selection';
import type { CaptureRight, CollectionView } from '../../components/capture-view';
import * as data from './data';
import { useDiscussion } from './discussion-data';
import '../../components/discussion/discussion.css';

/** Props of the library page container. */
export interface AppProps {
  /** The extension's database (same origin as the service worker). */
  db: SatchelDb;
  t: Translate;
  /** BCP 47 UI locale for dates and numbers. */
  locale?: string;
}

type Dialog = null | { kind: 'export'; scope: ExportScope } | { kind: 'import' } | { kind: 'tags' } | { kind: 'share'; id: string };
interface Toast {
  message: string;
  undo?: () => void;
}

/** True when keys typed at `el` are text (so `/` is a character there, not the search shortcut). */
const isTyping = (el: EventTarget | null) =>
  el instanceof HTMLElement &&
  (el.isContentEditable || /^(TEXTAREA|SELECT)$/.test(el.tagName) || (el instanceof HTMLInputElement && !/^(checkbox|radio|button|submit|reset|file|range|color)$/.test(el.type)));

/**
 * The library page (library.html): collections and filters on the left, the windowed list of
 * captures, the detail of the open capture on the right; search as you type, bulk actions, the
 * Review view, tip follow-ups, export and import. Loads every live capture once into an in-memory
 * search, then follows changes through the `updatedAt` index.
 */
export function App({ db, t, locale }: AppProps) {
  const store = useRef({ byId: new Map<string, Capture>(), search: null as data.LibrarySearch | null, maxUpdated: 0 });
  const [version, setVersion] = useState(0);
  const [status, setStatus] = useState<'loading' | 'ready' | 'error'>('loading');
  const [collectionRows, setCollectionRows] = useState<Collection[]>([]);
  const [text, setText] = useState('');
  const [filters, setFilters] = useState<LibraryFilters>(NO_FILTERS);
  const [sort, setSort] = useState<SortOrder>('saved');
  const [collectionId, setCollectionId] = useState<string | null>(null);
  // The selection belongs to one query: a new query starts fresh in the same render (no second pass).
  const [selState, setSelState] = useState<{ q: unknown; s: ListSelection }>({ q: null, s: initialSelection(0) });
  const [openId, setOpenId] = useState<string | null>(() => openParam(location.search));
  // What's new, member pages and sharer credit (issue 11): pages by URL (entrypoints/library/team-pages.tsx).
  const [page] = useState(() => libraryPage(location.search));
  const team = useTeamExtras(db, data.libraryScope(), openId, page?.kind === 'member' ? page.userId : null);
  const [mode, setMode] = useState<'list' | 'review'>('list');
  const [review, setReview] = useState<{ queue: string[]; pos: number }>({ queue: [], pos: 0 });
  const [dialog, setDialog] = useState<Dialog>(null);
  const [toast, setToast] = useState<Toast | null>(null);
  const [delayDays, setDelayDays] = useState<number | null>(null);
  // Narrow windows hide the sidebar (collections, filters, libraries) behind a toggle.
  const [sideOpen, setSideOpen] = useState(false);
  // The learner's library and their teams' libraries, side by side (issue 4).
  const [scopes, setScopes] = useState<ScopeLink[]>([]);
  useEffect(() => {
    const sub = liveQuery(() => listTeamScopes(db)).subscribe({
      next: (teams) => setScopes([{ scopeId: LOCAL_SCOPE, name: t('scopeMine'), href: 'library.html' }, ...teams.map((x) => ({ scopeId: x.id, name: x.name, href: `library.html?scope=${encodeURIComponent(x.id)}` }))]),
      error: (e: unknown) => console.error('[satchel] teams', e),
    });
    return () => sub.unsubscribe();
  }, [db, t]);
  // Notes a later edit on another device replaced (kept as conflicts by sync, docs/sync-protocol.md 3.7).
  const [replaced, setReplaced] = useState<{ id: string; notes: string[] } | null>(null);
  useEffect(() => {
    if (!openId) return;
    const id = openId;
    const sub = liveQuery(() => db.noteConflicts.where('captureId').equals(id).toArray()).subscribe({
      next: (rows) => setReplaced({ id, notes: rows.filter((r) => r.resolvedAt === null && r.overwrittenNote).sort((a, b) => b.createdAt - a.createdAt).map((r) => r.overwrittenNote!) }),
      error: (e: unknown) => console.error('[satchel] note conflicts', e),
    });
    return () => sub.unsubscribe();
  }, [db, openId]);
  // In a team's library: who shared the open capture (server owner of the copy, docs/sync-protocol.md 9.1).
  // and what the learner may change on it (lib/db/team-rights.ts: the server's role table).
  const [sharedBy, setSharedBy] = useState<{ id: string; name: string | null; right: CaptureRight } | null>(null);
  useEffect(() => {
    if (!openId || data.libraryScope() === LOCAL_SCOPE) return;
    let live = true;
    void (async () => {
      const owner = (await db.syncMeta.get(openId))?.ownerUserId;
      const credit = creditOf((await readMembers(db, data.libraryScope())).members, owner);
      const right = await captureRight(db, { id: openId, scopeId: data.libraryScope() });
      if (live) setSharedBy({ id: openId, name: credit.kind === 'named' ? credit.name : credit.kind === 'hidden' ? t('creditHiddenName') : null, right });
    })();
    return () => {
      live = false;
    };
  }, [db, openId]);
  // Teams the learner can share into (issue 4): from the last sync, with their collections.
  const [shareTargets, setShareTargets] = useState<ShareTarget[]>([]);
  useEffect(() => {
    const sub = liveQuery(async (): Promise<ShareTarget[]> => {
      const teams = (await listTeamScopes(db)).filter((x) => x.role !== 'viewer');
      const cols = teams.length ? await db.collections.where('scopeId').anyOf(teams.map((x) => x.id)).filter((c) => c.deletedAt === null).toArray() : [];
      return teams.map((x) => ({ scopeId: x.id, name: x.name, collections: cols.filter((c) => c.scopeId === x.id).map((c) => ({ id: c.id, name: c.name })) }));
    }).subscribe({ next: setShareTargets, error: (e: unknown) => console.error('[satchel] teams', e) });
    return () => sub.unsubscribe();
  }, [db]);
  useEffect(() => void data.followUpDelayDays(db).then(setDelayDays, () => setDelayDays(null)), [db]);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const detailHeading = useRef<HTMLHeadingElement>(null);
  const now = Date.now();

  const bump = () => setVersion((v) => v + 1);
  const absorb = useCallback((rows: readonly Capture[]) => {
    const s = store.current;
    const live: Capture[] = [];
    const gone: string[] = [];
    for (const c of rows) {
      s.maxUpdated = Math.max(s.maxUpdated, c.updatedAt);
      if (c.deletedAt) {
        s.byId.delete(c.id);
        gone.push(c.id);
      } else {
        s.byId.set(c.id, c);
        live.push(c);
      }
    }
    s.search?.upsert(live);
    s.search?.remove(gone);
    bump();
  }, []);

  const reloadCollections = useCallback(async () => setCollectionRows(await data.loadCollectionRows(db)), [db]);

  // Load once, then follow changes (saves from the service worker, edits in another tab).
  useEffect(() => {
    let stop = () => {};
    let alive = true;
    (async () => {
      try {
        const s = store.current;
        s.search = data.createSearch([]);
        let chunks = 0;
        const watermark = await data.streamCaptures(db, (rows) => {
          if (!alive) return;
          for (const c of rows) s.byId.set(c.id, c);
          s.search!.addChunk(rows);
          // Show the newest at once, then refresh now and then while the rest loads.
          if (chunks++ % 10 === 0) {
            setStatus('ready');
            bump();
          }
        });
        if (!alive) return;
        s.maxUpdated = Math.max(s.maxUpdated, watermark);
        await reloadCollections();
        setStatus('ready');
        bump();
        stop = data.watchChanges(db, () => store.current.maxUpdated, absorb);
      } catch (e) {
        console.error('[satchel] library could not load', e);
        setStatus('error');
      }
    })();
    return () => {
      alive = false;
      stop();
    };
  }, [db]);

  // The search runs in the render that echoes the keystroke: lib/search answers one in a few ms even
  // at 100,000 captures (BENCHMARKS.md), and waiting for an effect after paint cost a frame or two.
  const searchText = text;
  const query = useMemo(() => ({ text: searchText, filters, collectionId, sort }), [searchText, filters, collectionId, sort]);
  const result = useMemo(() => store.current.search?.query(query) ?? null, [query, version, status]);
  const ids = result?.ids ?? [];

  // A new query puts the cursor back on top; a data change only clamps it.
  const sel: ListSelection = selState.q === query ? clampSelection(selState.s, ids.length) : initialSelection(ids.length);
  const setSel = (next: ListSelection | ((s: ListSelection) => ListSelection)) =>
    setSelState((old) => {
      const base = old.q === query ? old.s : initialSelection(ids.length);
      return { q: query, s: typeof next === 'function' ? next(base) : next };
    });

  const collections: CollectionView[] = useMemo(() => data.collectionViews(collectionRows, store.current.byId.values()), [collectionRows, version]);
  const knownTags = useMemo(() => data.knownTags(store.current.byId.values()), [version]);
  const open = openId ? store.current.byId.get(openId) ?? null : null;
  const starter = useConversationStarter(db, open, t);
  // The discussion of the open team capture (issue 11), live: a pulled reply appears without a reload.
  const discussion = useDiscussion(db, open, t);
  const selectedIds = useMemo(() => [...sel.selected].sort((a, b) => a - b).map((i) => ids[i]!).filter(Boolean), [sel, ids]);
  const dueFollowUp = useMemo(() => data.dueFollowUps(store.current.byId.values(), Date.now())[0] ?? null, [version]);
  const unreviewed = result?.facets.review.unreviewed ?? 0;

  const fail = (e: unknown) => {
    console.error('[satchel] library write failed', e);
    setToast({ message: `${t('writeFailed')} ${e instanceof Error ? e.message : String(e)}` });
  };
  const edit = async (id: string, patch: data.CaptureEdit) => {
    try {
      const c = await data.editCapture(db, id, patch);
      if (c) absorb([c]);
    } catch (e) {
      fail(e);
    }
  };
  const many = async (work: () => Promise<readonly Capture[]>, message?: string) => {
    try {
      absorb(await work());
      if (message) setToast({ message });
    } catch (e) {
      fail(e);
    }
  };

  const deleteIds = async (targets: string[]) => {
    if (targets.length === 0) return;
    try {
      const undo = await data.deleteCaptures(db, targets);
      absorb(targets.map((id) => ({ ...store.current.byId.get(id)!, deletedAt: Date.now() })).filter((c) => c.id));
      if (openId && targets.includes(openId)) setOpenId(null);
      setSel((s) => ({ ...s, selected: new Set() }));
      setToast({
        message: fmt(t(targets.length === 1 ? 'deletedOne' : 'deletedMany'), { count: targets.length }, locale),
        undo: async () => {
          setToast(null);
          try {
            absorb(await undo());
          } catch (e) {
            fail(e);
          }
        },
      });
    } catch (e) {
      fail(e);
    }
  };

  const openRow = (i: number) => {
    const id = ids[i];
    if (!id) return;
    setOpenId(id);
    requestAnimationFrame(() => detailHeading.current?.focus());
  };
  const closeDetail = () => {
    setOpenId(null);
    listRef.current?.focus(); // the list is always mounted in list mode: focus it now, not later (a later focus could steal a `/`)
  };

  const onListKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      openRow(sel.active);
      return;
    }
    if (e.key === 'Delete') {
      e.preventDefault();
      void deleteIds(selectedIds.length ? selectedIds : ids[sel.active] ? [ids[sel.active]!] : []);
      return;
    }
    const next = keyRow(sel, e.key, ids.length, { shift: e.shiftKey, ctrl: e.ctrlKey, meta: e.metaKey }, Math.max(1, Math.floor((listRef.current?.clientHeight ?? 600) / ROW_HEIGHT) - 1));
    if (!next) return;
    e.preventDefault();
    setSel(next);
    // The detail follows the cursor when it is open and a single row moves.
    if (openId && !e.shiftKey && next.selected.size <= 1 && ids[next.active]) setOpenId(ids[next.active]!);
  };

  // `/` focuses search; Esc closes the detail or leaves review.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (dialog) return;
      if ((e.key === 'z' || e.key === 'Z') && (e.ctrlKey || e.metaKey) && !isTyping(e.target) && toast?.undo) {
        // Ctrl/Cmd+Z undoes the last delete while its toast shows.
        e.preventDefault();
        toast.undo();
      } else if (e.key === '/' && !isTyping(e.target)) {
        e.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      } else if (e.key === 'Escape' && !e.defaultPrevented) {
        if (openId) {
          e.preventDefault();
          closeDetail();
        } else if (mode === 'review') {
          e.preventDefault();
          setMode('list');
        } else if (sel.selected.size > 1) {
          setSel((s) => ({ ...s, selected: new Set() }));
        }
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [dialog, openId, mode, sel, toast]);

  const startReview = () => {
    const queue = data.reviewQueue(store.current.byId.values());
    setReview({ queue, pos: 0 });
    setOpenId(null);
    setMode('review');
  };
  const reviewId = review.queue[review.pos] ?? null;
  const reviewCapture = reviewId ? store.current.byId.get(reviewId) ?? null : null;
  const nextReview = () => setReview((r) => ({ ...r, pos: r.pos + 1 }));

  const pickForExport = (scope: ExportScope, colId: string | null): Capture[] =>
    scope === 'all' ? [...store.current.byId.values()]
    : scope === 'collection' ? [...store.current.byId.values()].filter((c) => colId && c.collectionIds.includes(colId))
    : scope === 'filter' ? ids.map((id) => store.current.byId.get(id)!)
    : selectedIds.map((id) => store.current.byId.get(id)!);

  const countText = fmt(t(ids.length === 1 ? 'captureCountOne' : 'captureCount'), { count: ids.length }, locale);

  return (
    <div class={`lib${open && mode === 'list' ? ' has-detail' : ''}`}>
      <header class="lib__top">
        <button type="button" class="btn btn--small lib__side-toggle" aria-expanded={sideOpen} aria-controls="lib-side" onClick={() => setSideOpen((o) => !o)} data-testid="side-toggle">
          {t('sidebarToggle')}
        </button>
        <h1 class="lib__brand">{data.libraryScope() === LOCAL_SCOPE ? t('libraryTitle') : (scopes.find((x) => x.scopeId === data.libraryScope())?.name ?? t('libraryTitle'))}</h1>
        <SearchBox value={text} onInput={setText} resultCount={result ? ids.length : null} countText={countText} inputRef={searchRef} onToResults={() => listRef.current?.focus()} t={t} />
        <label class="sort">
          <span>{t('sortLabel')}</span>
          <select class="input input--small" value={sort} onChange={(e) => setSort((e.currentTarget as HTMLSelectElement).value as SortOrder)} data-testid="sort">
            <option value="saved">{t('sortSaved')}</option>
            <option value="posted">{t('sortPosted')}</option>
            <option value="relevance">{t('sortRelevance')}</option>
          </select>
        </label>
        <nav class="lib__actions" aria-label={t('libraryActions')}>
          <button type="button" class="btn btn--primary" onClick={startReview} data-testid="start-review">
            {fmt(t('reviewStart'), { count: unreviewed }, locale)}
          </button>
          <button type="button" class="btn" onClick={() => setDialog({ kind: 'tags' })}>{t('tagsManagerOpen')}</button>
          <button type="button" class="btn" onClick={() => setDialog({ kind: 'export', scope: 'all' })}>{t('exportOpen')}</button>
          <button type="button" class="btn" onClick={() => setDialog({ kind: 'import' })}>{t('importOpen')}</button>
          {data.libraryScope() !== LOCAL_SCOPE ? <a class="btn" href={digestHref(data.libraryScope())} data-testid="open-digest">{t('digestOpen')}</a> : null}
        </nav>
      </header>
      <ImportResumeBanner db={db} t={t} locale={locale} onImported={async () => { absorb(await data.loadCaptures(db)); await reloadCollections(); }} />

      <aside id="lib-side" class={`lib__side${sideOpen ? ' is-open' : ''}`} aria-label={t('sidebarLabel')}>
        <ScopeNav scopes={scopes} current={page?.kind === 'whats-new' ? 'whats-new' : data.libraryScope()} t={t} locale={locale} whatsNew={team.whatsNew} members={team.members} />
        <CollectionsSidebar
          collections={collections}
          total={store.current.byId.size}
          current={collectionId}
          onSelect={(id) => { setCollectionId(id); setMode('list'); }}
          onCreate={(name) => void data.createCollection(db, name).then(reloadCollections, fail)}
          onRename={(id, name) => void data.renameCollection(db, id, name).then(reloadCollections, fail)}
          onDelete={(id) => {
            const name = collections.find((c) => c.id === id)?.name ?? '';
            void data.deleteCollection(db, id).then(async (touched) => {
              absorb(touched);
              if (collectionId === id) setCollectionId(null);
              await reloadCollections();
              setToast({ message: fmt(t('collectionDeleted'), { name }) });
            }, fail);
          }}
          t={t}
          locale={locale}
        />
        {result ? <FilterPanel filters={filters} facets={result.facets} onChange={setFilters} t={t} locale={locale} /> : null}
        <section class="settings" aria-labelledby="settings-h">
          <h2 id="settings-h">{t('settingsTitle')}</h2>
          <FollowUpSetting days={delayDays} onChange={(d) => void data.setFollowUpDelayDays(db, d).then(() => setDelayDays(d), fail)} t={t} />
        </section>
      </aside>

      <main class="lib__main" aria-label={t('libraryMain')}>
        {status === 'loading' ? <p class="status" role="status">{t('popupLoading')}</p> : null}
        {status === 'error' ? <p class="status error" role="alert">{t('popupError')}</p> : null}
        {dueFollowUp && mode === 'list' ? (
          <FollowUpPrompt
            key={dueFollowUp.id}
            capture={dueFollowUp}
            t={t}
            onAnswer={(answer) => void many(async () => [await data.answerFollowUp(db, dueFollowUp.id, answer)].filter((c): c is Capture => !!c), t('followUpSaved'))}
            onLater={() => void many(async () => [await data.snoozeFollowUp(db, dueFollowUp.id)].filter((c): c is Capture => !!c))}
          />
        ) : null}
        {page?.kind === 'whats-new' ? (
          <WhatsNewView db={db} t={t} locale={locale} />
        ) : page?.kind === 'member' ? (
          <MemberView db={db} t={t} locale={locale} scopeId={data.libraryScope()} userId={page.userId} />
        ) : isDigestView(location.search) && data.libraryScope() !== LOCAL_SCOPE ? (
          <DigestPage db={db} t={t} locale={locale} scopeId={data.libraryScope()} />
        ) : mode === 'review' ? (
          <ReviewView
            capture={reviewCapture}
            position={review.pos + 1}
            total={review.queue.length}
            knownTags={knownTags}
            onTags={(tags) => reviewId && void edit(reviewId, { tags })}
            onReflection={(reflection) => reviewId && void edit(reviewId, { reflection })}
            onReviewed={() => { if (reviewId) void edit(reviewId, { reviewedAt: Date.now() }); nextReview(); }}
            onArchive={() => { if (reviewId) void edit(reviewId, { archivedAt: Date.now() }); nextReview(); }}
            onSkip={nextReview}
            onExit={() => { setMode('list'); requestAnimationFrame(() => listRef.current?.focus()); }}
            t={t}
            locale={locale}
          />
        ) : (
          <>
            {sel.selected.size > 1 ? (
              <BulkBar
                count={sel.selected.size}
                collections={collections}
                onTag={(tag) => void many(() => data.addTagTo(db, selectedIds, tag), fmt(t('bulkTagged'), { count: selectedIds.length, tag }, locale))}
                onAddToCollection={(cid) => void many(() => data.addToCollection(db, cid, selectedIds), fmt(t('bulkCollected'), { count: selectedIds.length, name: collections.find((c) => c.id === cid)?.name ?? '' }, locale))}
                onExport={() => setDialog({ kind: 'export', scope: 'selection' })}
                onDelete={() => void deleteIds(selectedIds)}
                onClear={() => setSel((s) => ({ ...s, selected: new Set() }))}
                t={t}
                locale={locale}
              />
            ) : null}
            {status === 'ready' && store.current.byId.size === 0 ? (
              <section class="empty" data-testid="library-empty">
                <h2>{t('popupEmptyTitle')}</h2>
                <p>{t('popupEmptyPosts')}</p>
                <p>{t('popupEmptyWeb')}</p>
              </section>
            ) : status === 'ready' && ids.length === 0 ? (
              <p class="status" data-testid="no-results">{t('noResults')}</p>
            ) : null}
            <VirtualList
              count={ids.length}
              rowHeight={ROW_HEIGHT}
              activeIndex={sel.active}
              activeId={sel.active >= 0 ? `row-${sel.active}` : undefined}
              label={t('libraryListLabel')}
              listRef={listRef}
              onKeyDown={onListKey}
              testId="capture-list"
              query={searchText}
              renderRow={(i, style) => {
                const c = store.current.byId.get(ids[i]!)!;
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
                    segments={result && result.terms.length ? store.current.search!.segments(c.text.slice(0, 240).replace(/\s+/g, ' '), result.terms) : null}
                    now={now}
                    t={t}
                    locale={locale}
                    onClick={(e) => {
                      const next = clickRow(sel, i, { shift: e.shiftKey, ctrl: e.ctrlKey, meta: e.metaKey });
                      setSel(next);
                      if (!e.shiftKey && !e.ctrlKey && !e.metaKey) setOpenId(c.id);
                    }}
                    onDblClick={() => openRow(i)}
                    credit={data.libraryScope() === LOCAL_SCOPE ? undefined : team.credits.get(c.id)?.credit ?? { kind: 'unknown' }}
                  />
                );
              }}
            />
          </>
        )}
      </main>

      {open && mode === 'list' ? (
        <aside class="lib__detail" aria-label={t('detailLabel')}>
          <CaptureDetail
            key={open.id}
            capture={open}
            collections={collections}
            knownTags={knownTags}
            t={t}
            locale={locale}
            headingRef={detailHeading}
            onTags={(tags) => void edit(open.id, { tags })}
            onIntent={(intent) => void edit(open.id, { intent })}
            onCollections={(collectionIds) => void edit(open.id, { collectionIds })}
            onNote={(note) => void edit(open.id, { note })}
            onReflection={(reflection) => void edit(open.id, { reflection })}
            onReviewed={(r) => void edit(open.id, { reviewedAt: r ? Date.now() : null })}
            onArchived={(a) => void edit(open.id, { archivedAt: a ? Date.now() : null })}
            onDelete={() => void deleteIds([open.id])}
            sharedBy={data.libraryScope() === LOCAL_SCOPE ? undefined : sharedBy?.id === open.id ? sharedBy.name : null}
            right={data.libraryScope() === LOCAL_SCOPE ? 'all' : sharedBy?.id === open.id ? sharedBy.right : 'none'}
            replacedNotes={replaced?.id === open.id ? replaced.notes.filter((n) => n !== open.note) : undefined}
            onShare={shareTargets.length && data.libraryScope() === LOCAL_SCOPE ? () => setDialog({ kind: 'share', id: open.id }) : undefined}
            onClose={closeDetail}
            discussion={discussion}
            starter={starter}
          />
        </aside>
      ) : null}

      {dialog?.kind === 'export' || dialog?.kind === 'import' ? (
        <TransferDialogs
          db={db}
          dialog={dialog}
          pick={pickForExport}
          counts={{ all: store.current.byId.size, collection: 0, filter: ids.length, selection: selectedIds.length || null }}
          collections={collections}
          collectionRows={collectionRows}
          collectionId={collectionId}
          onImported={async () => {
            absorb(await data.loadCaptures(db));
            await reloadCollections();
          }}
          onClose={() => setDialog(null)}
          t={t}
          locale={locale}
        />
      ) : null}
      {dialog?.kind === 'tags' ? (
        <TagsManager
          tags={knownTagCounts(store.current.byId.values())}
          onRename={(from, to) => void many(() => data.renameTag(db, from, to), fmt(t('tagRenamed'), { from, to }))}
          onClose={() => setDialog(null)}
          t={t}
          locale={locale}
        />
      ) : null}
      {dialog?.kind === 'share' ? (
        <ShareDialog
          targets={shareTargets}
          initialNote={store.current.byId.get(dialog.id)?.note ?? null}
          initialQuestion={store.current.byId.get(dialog.id)?.intent === 'question'}
          t={t}
          onShare={async (scopeId, colId, note, asQuestion) => {
            // The box says whether the team copy is a question to discuss (lib/db/share.ts `intent`).
            await shareCapture(db, dialog.id, scopeId, { ...(colId ? { collectionId: colId } : {}), note, intent: asQuestion ? 'question' : null });
            setToast({ message: fmt(t('shareDone'), { team: shareTargets.find((x) => x.scopeId === scopeId)?.name ?? '' }) });
          }}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {toast ? <UndoToast key={toast.message} message={toast.message} onUndo={toast.undo} onDismiss={() => setToast(null)} t={t} /> : null}
    </div>
  );
}

/** Tags with counts, most used first (labels as stored). */
function knownTagCounts(captures: Iterable<Capture>): Array<[string, number]> {
  const m = new Map<string, number>();
  for (const c of captures) for (const tag of c.tags) m.set(tag, (m.get(tag) ?? 0) + 1);
  return [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

import { useEffect, useState } from 'preact/hooks';
import { SyncStatus, syncStatusOf, type SyncStatusView } from '../../components/options/SyncStatus';
import { readSyncAuth, readSyncState, countPending } from '../../lib/db/sync-state';
import { openOptionsPage, sendToBackground } from '../../lib/platform/runtime';
import { liveQuery } from 'dexie';
import type { Capture, Collection } from '../../lib/schema';
import { type SatchelDb, listRecent, listCollections, recentTags, updateCapture, PAGE_SIZE } from '../../lib/db';
import { countUnreviewed, dueFollowUps, answerFollowUp } from '../../lib/db/review';
import { singleKeyShortcuts } from '../../lib/db/settings';
import type { Translate } from '../../lib/util/i18n';
import { CaptureList } from '../../components/CaptureList';
import { TeamFeed, type TeamFeedItem } from '../../components/TeamFeed';
import { listTeamCaptures } from '../../lib/db';
import { sharedToTeams } from '../../lib/db/shared-to';
import { FollowUpPrompt } from '../../components/FollowUpPrompt';
import { QuickEdit } from '../../components/QuickEdit';
import { Logo } from '../../components/Logo';
import { fmt } from '../../components/format';
import { readSnapshot, writeSnapshot } from './snapshot';
import { PopupReport } from '../report-ui/containers';
import { judgeHealth } from '../../lib/capture/health-judge';
import type { CaptureHealth } from '../../lib/messages/to-content';
import { askPageHealth, PageHealthLine } from './page-health';
import { PopupWhatsNew } from './whats-new';
import { memberHref } from '../library/whats-new-data';

/** Props of the popup container. */
export interface AppProps {
  /** The extension's database (same origin as the service worker, so the same IndexedDB). */
  db: SatchelDb;
  t: Translate;
  /** BCP 47 UI locale for dates. */
  locale?: string;
  /** Reads how capture went on the active tab's page (default: asks its content script); null when no content script answers. */
  pageHealth?: () => Promise<CaptureHealth | null>;
}

/** A capture saved this recently (ms) gets the quick tag/collect/note panel. */
export const FRESH_MS = 15 * 60_000;
/** Captures in the popup's first paint (a 600 px popup shows about four; more load on "Show more"). */
export const FIRST_PAGE = 20;
/** Path of the library page (WXT unlisted page entrypoints/library). */
export const LIBRARY_PATH = '/library.html';

/** `cached`: the first paint from the localStorage snapshot, before the database answered. */
type State = { status: 'loading' } | { status: 'error' } | { status: 'ready'; captures: Capture[]; hasMore: boolean; cached?: boolean };

function initialState(): State {
  const snap = readSnapshot();
  return snap && snap.length > 0 ? { status: 'ready', captures: snap, hasMore: false, cached: true } : { status: 'loading' };
}
interface Extras {
  waiting: number;
  due: Capture[];
  collections: Collection[];
  tags: string[];
}

/** Opens the library page in a new tab. */
export function openLibrary(): void {
  window.open(LIBRARY_PATH, '_blank', 'noopener');
}

/**
 * Popup container. The first page of newest captures comes straight from the `capturedAt` index
 * (no search index, no full scan), so the list paints at once; the review count (stage index
 * count), due tip follow-ups, collections and recent tags load after it. Keeps the list live while
 * open (saves from the service worker show up), pages older ones in on "Show more", offers quick
 * intent/tag/collect/note for a fresh save, and opens the library ("Open library", or the L key
 * unless single-key shortcuts are off, WCAG 2.1.4: lib/db/settings.ts `singleKeyShortcuts`).
 */
export function App({ db, t, locale, pageHealth = askPageHealth }: AppProps) {
  const [limit, setLimit] = useState(FIRST_PAGE);
  const [state, setState] = useState<State>(initialState);
  const [extras, setExtras] = useState<Extras | null>(null);
  const [now] = useState(() => Date.now());

  useEffect(() => {
    // One extra row tells whether there is more, without counting the table.
    const sub = liveQuery(() => listRecent(db, limit + 1)).subscribe({
      next: (rows) => {
        const live = rows.filter((c) => !c.deletedAt);
        setState({ status: 'ready', captures: live.slice(0, limit), hasMore: live.length > limit });
        writeSnapshot(live);
      },
      error: (e: unknown) => {
        console.error('[satchel] popup could not read the library', e);
        setState({ status: 'error' });
      },
    });
    return () => sub.unsubscribe();
  }, [db, limit]);

  // Secondary figures, after the list: never in the way of the first paint.
  const listed = state.status === 'error' || (state.status === 'ready' && !state.cached);
  useEffect(() => {
    if (!listed) return;
    const sub = liveQuery(async (): Promise<Extras> => {
      const [waiting, due, collections, tags] = await Promise.all([countUnreviewed(db), dueFollowUps(db, Date.now()), listCollections(db), recentTags(db)]);
      return { waiting, due, collections: collections.filter((c) => c.deletedAt === null), tags };
    }).subscribe({
      next: setExtras,
      error: (e: unknown) => console.error('[satchel] popup figures failed', e),
    });
    return () => sub.unsubscribe();
  }, [db, listed]);

  // Sync status (issue 4): synced, pending count, offline, or the error and what to do. Only once
  // signed in; live, so it updates as the background syncs.
  const [sync, setSync] = useState<SyncStatusView | null>(null);
  useEffect(() => {
    if (!listed) return;
    const sub = liveQuery(async () => {
      const [auth, st, pending] = await Promise.all([readSyncAuth(db), readSyncState(db), countPending(db)]);
      return auth ? syncStatusOf({ signedIn: true, pending, online: navigator.onLine, lastError: st.lastError, lastSyncedAt: st.lastSyncedAt }) : null;
    }).subscribe({ next: setSync, error: (e: unknown) => console.error('[satchel] popup sync status failed', e) });
    return () => sub.unsubscribe();
  }, [db, listed]);

  // From your teams (issue 4): the newest captures colleagues shared, after the learner's own list.
  // "Shared to <team>" on the learner's own items (issue 12): one read per change, not per item.
  const [sharedTo, setSharedTo] = useState<Map<string, string[]>>(() => new Map());
  useEffect(() => {
    if (!listed) return; // after the first list, like the team feed: the popup's first paint waits on nothing else
    const sub = liveQuery(() => sharedToTeams(db)).subscribe({ next: setSharedTo, error: (e: unknown) => console.error('[satchel] popup shared-to failed', e) });
    return () => sub.unsubscribe();
  }, [db, listed]);
  const [teamItems, setTeamItems] = useState<TeamFeedItem[]>([]);
  useEffect(() => {
    if (!listed) return;
    const sub = liveQuery(() => listTeamCaptures(db, 5)).subscribe({ next: (rows) => setTeamItems(rows.map((v) => ({ ...v, memberHref: v.credit.kind === 'named' && v.sharedByUserId ? memberHref(v.capture.scopeId, v.sharedByUserId) : null }))), error: (e: unknown) => console.error('[satchel] popup teams failed', e) });
    return () => sub.unsubscribe();
  }, [db, listed]);

  // This page (issue 9 part 3): the active tab's capture health, kept whole for what else the
  // popup may show about the page; the line appears only when something is off.
  const [page, setPage] = useState<CaptureHealth | null>(null);
  useEffect(() => {
    let open = true;
    pageHealth().then((h) => open && setPage(h), (e: unknown) => console.warn('[satchel] popup could not read the page health', e));
    return () => {
      open = false;
    };
  }, [pageHealth]);

  // Single-key shortcuts (WCAG 2.1.4): on by default, the options page can turn them off.
  const [letterKeys, setLetterKeys] = useState(true);
  useEffect(() => {
    let open = true;
    singleKeyShortcuts(db).then((on) => open && setLetterKeys(on), (e: unknown) => console.warn('[satchel] popup could not read the shortcut setting', e));
    return () => {
      open = false;
    };
  }, [db]);

  useEffect(() => {
    if (!letterKeys) return;
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement | null;
      if (el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName))) return;
      if ((e.key === 'l' || e.key === 'L') && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        openLibrary();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [letterKeys]);

  const fresh = state.status === 'ready' && !state.cached && state.captures[0] && now - state.captures[0].capturedAt < FRESH_MS ? state.captures[0] : null;
  const due = extras?.due[0] ?? null;
  const write = (p: Promise<unknown>) => void p.catch((e: unknown) => console.error('[satchel] popup write failed', e));

  return (
    <main class="popup" data-list-source={state.status === 'ready' ? (state.cached ? 'snapshot' : 'db') : state.status}>
      <header class="popup__head">
        <h1 class="popup__brand"><Logo size={20} />{t('popupTitle')}</h1>
        <a class="btn btn--small" href={LIBRARY_PATH} target="_blank" rel="noopener" aria-keyshortcuts={letterKeys ? 'L' : undefined} title={letterKeys ? `${t('libraryOpen')} (L)` : undefined} data-testid="open-library">
          {t('libraryOpen')}
        </a>
      </header>
      {extras && (extras.waiting > 0 || extras.due.length > 0) ? (
        // Nothing waiting and no follow-up due: no line ("0 waiting for review" is noise, issue 12 audit).
        <p class="popup__figures" data-testid="popup-figures">
          {extras.waiting > 0 ? <span data-testid="waiting-count">{fmt(t('popupWaiting'), { count: extras.waiting }, locale)}</span> : null}
          {extras.waiting > 0 && extras.due.length > 0 ? ' · ' : null}
          {extras.due.length > 0 ? <span data-testid="followup-count">{fmt(t(extras.due.length === 1 ? 'popupFollowUpsOne' : 'popupFollowUps'), { count: extras.due.length }, locale)}</span> : null}
        </p>
      ) : null}
      <PageHealthLine issue={judgeHealth(page)} t={t} locale={locale} />
      <PopupReport t={t} />
      {sync ? (
        <div class="popup__sync" data-testid="popup-sync">
          <SyncStatus status={sync} t={t} locale={locale} compact onSyncNow={() => sendToBackground({ type: 'sync/now' })} onSignIn={() => void openOptionsPage()} />
        </div>
      ) : null}
      <PopupWhatsNew db={db} t={t} locale={locale} enabled={listed} />
      {due ? (
        <FollowUpPrompt key={due.id} capture={due} t={t} onAnswer={(a) => write(answerFollowUp(db, due.id, a))} onLater={() => write(updateCapture(db, due.id, { followUp: { ...due.followUp!, dueAt: Date.now() + 24 * 3600_000 } }))} />
      ) : null}
      {fresh && extras ? (
        <QuickEdit
          key={fresh.id}
          capture={fresh}
          collections={extras.collections.map((c) => ({ id: c.id, name: c.name, count: null, isInbox: c.inbox }))}
          knownTags={extras.tags}
          onIntent={(intent) => write(updateCapture(db, fresh.id, { intent }))}
          onTags={(tags) => write(updateCapture(db, fresh.id, { tags }))}
          onCollections={(collectionIds) => write(updateCapture(db, fresh.id, { collectionIds }))}
          onNote={(note) => write(updateCapture(db, fresh.id, { note }))}
          t={t}
        />
      ) : null}
      {state.status === 'loading' ? (
        <p class="status" role="status">{t('popupLoading')}</p>
      ) : state.status === 'error' ? (
        <p class="status status--error" role="alert">{t('popupError')}</p>
      ) : (
        <CaptureList
          captures={state.captures}
          now={now}
          t={t}
          locale={locale}
          hasMore={state.hasMore}
          sharedTo={sharedTo}
          onShowMore={() => setLimit((n) => n + PAGE_SIZE)}
        />
      )}
      <TeamFeed items={teamItems} t={t} locale={locale} />
    </main>
  );
}

import { useState } from 'preact/hooks';
import { SyncStatus } from '../../components/options/SyncStatus';
import { openOptionsPage, sendToBackground } from '../../lib/platform/runtime';
import { type SatchelDb, updateCapture, PAGE_SIZE } from '../../lib/db';
import { answerFollowUp } from '../../lib/db/review';
import type { Translate } from '../../lib/util/i18n';
import { CaptureList } from '../../components/CaptureList';
import { TeamFeed } from '../../components/TeamFeed';
import { FollowUpPrompt } from '../../components/FollowUpPrompt';
import { QuickEdit } from '../../components/QuickEdit';
import { Logo } from '../../components/Logo';
import { PopupReport } from '../report-ui/containers';
import { judgeHealth } from '../../lib/capture/health-judge';
import type { CaptureHealth } from '../../lib/messages/to-content';
import { askPageHealth, PageHealthLine } from './page-health';
import { PopupWhatsNew } from './whats-new';
import { usePopupList, usePopupExtras } from './use-popup-data';
import { LIBRARY_PATH, useLibraryKey } from './use-library-key';
import { usePageHealth } from './use-page-health';
import { PopupFigures } from './PopupFigures';

export { FIRST_PAGE } from './use-popup-data';
export { LIBRARY_PATH, openLibrary } from './use-library-key';

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

/**
 * Popup container. The first page of newest captures comes straight from the `capturedAt` index
 * (no search index, no full scan), so the list paints at once; the review count (stage index
 * count), due tip follow-ups, collections and recent tags load after it. Keeps the list live while
 * open (saves from the service worker show up), pages older ones in on "Show more", offers quick
 * intent/tag/collect/note for a fresh save, and opens the library ("Open library", or the L key
 * unless single-key shortcuts are off, WCAG 2.1.4: lib/db/settings.ts `singleKeyShortcuts`). The reads
 * live beside it: use-popup-data.ts (list and what follows it), use-library-key.ts, use-page-health.ts.
 */
export function App({ db, t, locale, pageHealth = askPageHealth }: AppProps) {
  const { state, listed, showMore } = usePopupList(db);
  const { extras, sync, sharedTo, teamItems } = usePopupExtras(db, listed);
  const [now] = useState(() => Date.now());
  const page = usePageHealth(pageHealth);
  const letterKeys = useLibraryKey(db);

  const fresh = state.status === 'ready' && !state.cached && state.captures[0] && now - state.captures[0].capturedAt < FRESH_MS ? state.captures[0] : null;
  const due = extras?.due[0] ?? null;
  const write = (p: Promise<unknown>) => void p.catch((e: unknown) => console.error('[satchel] popup write failed', e));

  return (
    <main class="popup" data-list-source={state.status === 'ready' ? (state.cached ? 'snapshot' : 'db') : state.status} data-page-health={page.settled ? 'settled' : 'pending'}>
      <header class="popup__head">
        <h1 class="popup__brand"><Logo size={20} />{t('popupTitle')}</h1>
        <a class="btn btn--small" href={LIBRARY_PATH} target="_blank" rel="noopener" aria-keyshortcuts={letterKeys ? 'L' : undefined} title={letterKeys ? `${t('libraryOpen')} (L)` : undefined} data-testid="open-library">
          {t('libraryOpen')}
        </a>
      </header>
      {extras ? <PopupFigures waiting={extras.waiting} due={extras.due.length} t={t} locale={locale} /> : null}
      <PageHealthLine issue={judgeHealth(page.health)} t={t} locale={locale} />
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
          onShowMore={() => showMore(PAGE_SIZE)}
        />
      )}
      <TeamFeed items={teamItems} t={t} locale={locale} />
    </main>
  );
}

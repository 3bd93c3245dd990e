import { useEffect, useState } from 'preact/hooks';
import { liveQuery } from 'dexie';
import type { Capture } from '../../lib/schema';
import { type SatchelDb, listRecent, PAGE_SIZE } from '../../lib/db';
import type { Translate } from '../../lib/util/i18n';
import { CaptureList } from '../../components/CaptureList';

/** Props of the popup container. */
export interface AppProps {
  /** The extension's database (same origin as the service worker, so the same IndexedDB). */
  db: SatchelDb;
  t: Translate;
  /** BCP 47 UI locale for dates. */
  locale?: string;
}

type State = { status: 'loading' } | { status: 'error' } | { status: 'ready'; captures: Capture[]; hasMore: boolean };

/**
 * Popup container: reads the newest captures straight from Dexie (first {@link PAGE_SIZE} through
 * the capturedAt index, never the whole table), keeps them live while open (saves from the service
 * worker show up), and pages older ones in on "Show more".
 */
export function App({ db, t, locale }: AppProps) {
  const [limit, setLimit] = useState(PAGE_SIZE);
  const [state, setState] = useState<State>({ status: 'loading' });

  useEffect(() => {
    // One extra row tells whether there is more, without counting the table.
    const sub = liveQuery(() => listRecent(db, limit + 1)).subscribe({
      next: (rows) => setState({ status: 'ready', captures: rows.slice(0, limit), hasMore: rows.length > limit }),
      error: (e: unknown) => {
        console.error('[satchel] popup could not read the library', e);
        setState({ status: 'error' });
      },
    });
    return () => sub.unsubscribe();
  }, [db, limit]);

  return (
    <main class="popup">
      <header class="popup__head">
        <h1>{t('popupTitle')}</h1>
      </header>
      {state.status === 'loading' ? (
        <p class="status" role="status">{t('popupLoading')}</p>
      ) : state.status === 'error' ? (
        <p class="status status--error" role="alert">{t('popupError')}</p>
      ) : (
        <CaptureList
          captures={state.captures}
          now={Date.now()}
          t={t}
          locale={locale}
          hasMore={state.hasMore}
          onShowMore={() => setLimit((n) => n + PAGE_SIZE)}
        />
      )}
    </main>
  );
}

/**
 * The popup's What's new section (issue 11, docs/discussion.md "What's new and credit"): the unread
 * count and the first few unread items of unmuted teams, each opening its capture in the library
 * (which marks it read), and "See all" for the library's What's new view. Shown only when signed
 * in and in a team.
 */
import { useEffect, useState } from 'preact/hooks';
import { liveQuery } from 'dexie';
import type { SatchelDb } from '../../lib/db';
import type { Translate } from '../../lib/util/i18n';
import { pluralKey } from '../../lib/util/i18n';
import { markRead } from '../../lib/db/whats-new';
import { WhatsNewItemLine } from '../../components/WhatsNew';
import { fmt } from '../../components/format';
import { loadWhatsNew, WHATS_NEW_HREF, type WhatsNewData } from '../library/whats-new-data';

/** Unread items the popup lists. */
export const POPUP_WHATS_NEW = 3;

/** Props of {@link PopupWhatsNew}. */
export interface PopupWhatsNewProps {
  db: SatchelDb;
  t: Translate;
  locale?: string;
  /** start reading only after the popup's first paint */
  enabled: boolean;
}

/** What's new in the popup, live. */
export function PopupWhatsNew({ db, t, locale, enabled }: PopupWhatsNewProps) {
  const [data, setData] = useState<WhatsNewData | null>(null);
  useEffect(() => {
    if (!enabled) return;
    const sub = liveQuery(() => loadWhatsNew(db)).subscribe({ next: setData, error: (e: unknown) => console.error('[satchel] popup whats new', e) });
    return () => sub.unsubscribe();
  }, [db, enabled]);
  if (!data || data.teams.length === 0) return null;
  const first = data.entries.filter((e) => e.item.unread && !e.item.muted).slice(0, POPUP_WHATS_NEW);
  const now = Date.now();
  return (
    <section class="whats-new whats-new--popup" aria-labelledby="popup-whats-new-h" data-testid="popup-whats-new">
      <header class="whats-new__head">
        <h2 id="popup-whats-new-h">{t('whatsNewTitle')}</h2>
        <span data-testid="popup-whats-new-count">{fmt(t(pluralKey('whatsNewUnread', data.unread, locale)), { count: data.unread }, locale)}</span>
        <a class="btn btn--small" href={WHATS_NEW_HREF} target="_blank" rel="noopener" data-testid="popup-whats-new-all">{t('whatsNewSeeAll')}</a>
      </header>
      {first.length === 0 ? <p class="muted">{t('whatsNewEmpty')}</p> : (
        <ul>
          {first.map((e) => <WhatsNewItemLine key={e.item.id} entry={e} now={now} t={t} locale={locale} target="_blank" onOpen={(x) => void markRead(db, [x.item.id]).catch((err: unknown) => console.error('[satchel] mark read', err))} />)}
        </ul>
      )}
    </section>
  );
}

import { useEffect, useRef } from 'preact/hooks';
import type { Translate } from '../../lib/util/i18n';
import { CollectionsSidebar, type CollectionsSidebarProps } from '../../components/CollectionsSidebar';
import { FilterPanel, type FilterPanelProps } from '../../components/FilterPanel';
import { FollowUpSetting } from '../../components/FollowUpSetting';
import { ScopeNav, type ScopeNavProps } from '../../components/ScopeNav';

/** Props of {@link LibrarySidebar}. */
export interface LibrarySidebarProps {
  /** Open in a narrow window (a disclosure under the banner); wide windows always show it. */
  open: boolean;
  /** Closes the narrow sidebar (its close button); the page returns focus to the toggle. */
  onClose: () => void;
  scopeNav: Omit<ScopeNavProps, 't' | 'locale'>;
  collections: Omit<CollectionsSidebarProps, 't' | 'locale'>;
  /** The filters (null while the first query runs). */
  filters: Omit<FilterPanelProps, 't' | 'locale'> | null;
  delayDays: number | null;
  onDelayDays: (days: number) => void;
  /** Single-key shortcuts (WCAG 2.1.4): `/` focuses search when on. */
  singleKeys: boolean;
  onSingleKeys: (on: boolean) => void;
  t: Translate;
  locale?: string;
}

/**
 * The library's sidebar: libraries (own and teams'), collections, filters and the page's settings.
 * In a narrow window it is a disclosure opened from the banner's toggle: opening moves focus to its
 * close button, Esc or the close button closes it (the page returns focus to the toggle).
 */
export function LibrarySidebar(p: LibrarySidebarProps) {
  const { t, locale } = p;
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (p.open) close.current?.focus();
  }, [p.open]);
  return (
    <aside id="lib-side" class={`lib__side${p.open ? ' is-open' : ''}`} aria-label={t('sidebarLabel')} data-testid="lib-side">
      <button ref={close} type="button" class="btn btn--small lib__side-close" onClick={p.onClose} data-testid="side-close">
        {t('sidebarClose')}
      </button>
      <ScopeNav {...p.scopeNav} t={t} locale={locale} />
      <CollectionsSidebar {...p.collections} t={t} locale={locale} />
      {p.filters ? <FilterPanel {...p.filters} t={t} locale={locale} /> : null}
      <section class="settings" aria-labelledby="settings-h">
        <h2 id="settings-h">{t('settingsTitle')}</h2>
        <FollowUpSetting days={p.delayDays} onChange={p.onDelayDays} t={t} />
        <label class="check setting">
          <input type="checkbox" checked={p.singleKeys} onChange={(e) => p.onSingleKeys((e.currentTarget as HTMLInputElement).checked)} data-testid="single-keys" />
          <span class="check__label">{t('singleKeysLabel')}</span>
        </label>
      </section>
    </aside>
  );
}

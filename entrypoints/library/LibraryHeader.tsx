import type { Ref } from 'preact';
import type { Translate } from '../../lib/util/i18n';
import type { Density } from '../../lib/db/settings';
import { DENSITIES } from '../../lib/db/settings';
import { SearchBox } from '../../components/SearchBox';
import { Logo } from '../../components/Logo';
import type { SortOrder } from '../../components/filters';
import { fmt } from '../../components/format';
import { REVIEW_BUTTON_ID } from './use-review';

/** DOM id of the narrow-window sidebar toggle (focus returns to it when the sidebar closes). */
export const SIDE_TOGGLE_ID = 'lib-side-toggle';

/** Props of {@link LibraryHeader}. */
export interface LibraryHeaderProps {
  title: string;
  text: string;
  onText: (text: string) => void;
  /** Results for the current search (null while loading) and the sentence saying so. */
  resultCount: number | null;
  countText: string;
  searchRef: Ref<HTMLInputElement>;
  /** The key that focuses search (`/`), or undefined when single-key shortcuts are off. */
  searchShortcut?: string;
  /** ↓ or Enter in the search box: to the results. */
  onToResults: () => void;
  sort: SortOrder;
  onSort: (s: SortOrder) => void;
  density: Density;
  onDensity: (d: Density) => void;
  /** Captures waiting for review (the Review button's count). */
  unreviewed: number;
  onReview: () => void;
  onTags: () => void;
  onExport: () => void;
  onImport: () => void;
  /** The team digest's address, in a team's library. */
  digestHref: string | null;
  /** The narrow-window sidebar disclosure. */
  sideOpen: boolean;
  onToggleSide: () => void;
  t: Translate;
  locale?: string;
}

const DENSITY_KEY: Record<Density, string> = { comfortable: 'densityComfortable', dense: 'densityDense' };

/**
 * The library's banner: the sidebar toggle (narrow windows), the title, search, sort, the density
 * choice (Comfortable / Dense, stored per device) and the page actions (Review, Tags, Export, Import,
 * the team digest). The only `banner` landmark of the page.
 */
export function LibraryHeader(p: LibraryHeaderProps) {
  const { t, locale } = p;
  return (
    <header class="lib__top">
      <button type="button" id={SIDE_TOGGLE_ID} class="btn btn--small lib__side-toggle" aria-expanded={p.sideOpen} aria-controls="lib-side" onClick={p.onToggleSide} data-testid="side-toggle">
        {t('sidebarToggle')}
      </button>
      <h1 class="lib__brand" dir="auto"><Logo size={20} class="lib__logo" />{p.title}</h1>
      <SearchBox value={p.text} onInput={p.onText} resultCount={p.resultCount} countText={p.countText} inputRef={p.searchRef} onToResults={p.onToResults} shortcut={p.searchShortcut} t={t} />
      <label class="sort">
        <span>{t('sortLabel')}</span>
        <select class="input input--small" value={p.sort} onChange={(e) => p.onSort((e.currentTarget as HTMLSelectElement).value as SortOrder)} data-testid="sort">
          <option value="saved">{t('sortSaved')}</option>
          <option value="posted">{t('sortPosted')}</option>
          <option value="relevance">{t('sortRelevance')}</option>
        </select>
      </label>
      <fieldset class="density" data-testid="density">
        <legend class="sr-only">{t('densityLabel')}</legend>
        {DENSITIES.map((d) => (
          <label key={d} class={`density__opt${p.density === d ? ' is-on' : ''}`}>
            <input type="radio" name="lib-density" value={d} checked={p.density === d} onChange={() => p.onDensity(d)} />
            <span>{t(DENSITY_KEY[d])}</span>
          </label>
        ))}
      </fieldset>
      <nav class="lib__actions" aria-label={t('libraryActions')}>
        <button type="button" id={REVIEW_BUTTON_ID} class="btn btn--primary" onClick={p.onReview} data-testid="start-review">
          {fmt(t('reviewStart'), { count: p.unreviewed }, locale)}
        </button>
        <button type="button" class="btn" onClick={p.onTags} data-testid="open-tags">{t('tagsManagerOpen')}</button>
        <button type="button" class="btn" onClick={p.onExport} data-testid="open-export">{t('exportOpen')}</button>
        <button type="button" class="btn" onClick={p.onImport} data-testid="open-import">{t('importOpen')}</button>
        {p.digestHref ? <a class="btn" href={p.digestHref} data-testid="open-digest">{t('digestOpen')}</a> : null}
      </nav>
    </header>
  );
}

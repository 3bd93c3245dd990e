import type { Ref } from 'preact';
import type { Translate } from '../lib/util/i18n';

/** Props of {@link SearchBox}. */
export interface SearchBoxProps {
  value: string;
  onInput: (text: string) => void;
  /** Results for the current text, announced politely; null while unknown. */
  resultCount: number | null;
  /** The count sentence, e.g. "12 captures". */
  countText: string;
  inputRef?: Ref<HTMLInputElement>;
  /** Arrow down/Enter in the box: move to the results. */
  onToResults?: () => void;
  /** The page's key that focuses the box (`/`), announced with `aria-keyshortcuts`; none when single-key shortcuts are off. */
  shortcut?: string;
  t: Translate;
}

/**
 * The search-as-you-type box of the library (role `search`). `/` anywhere focuses it while
 * single-key shortcuts are on (the container binds that and passes `shortcut`); Esc clears it; ↓
 * moves to the results.
 */
export function SearchBox({ value, onInput, resultCount, countText, inputRef, onToResults, shortcut, t }: SearchBoxProps) {
  return (
    <div role="search" class="search">
      <label class="sr-only" for="library-search">{t('searchLabel')}</label>
      <input
        id="library-search"
        ref={inputRef}
        type="search"
        class="input search__input"
        placeholder={t('searchPlaceholder')}
        aria-keyshortcuts={shortcut}
        autocomplete="off"
        spellcheck={false}
        value={value}
        data-testid="search"
        onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && value) {
            e.preventDefault();
            e.stopPropagation();
            onInput('');
          } else if ((e.key === 'ArrowDown' || e.key === 'Enter') && onToResults) {
            e.preventDefault();
            onToResults();
          }
        }}
      />
      <span class="search__count" role="status" aria-live="polite" data-testid="result-count">
        {resultCount === null ? '' : countText}
      </span>
    </div>
  );
}

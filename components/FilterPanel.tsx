import { useRef, useState } from 'preact/hooks';
import type { Translate } from '../lib/util/i18n';
import { fmt } from './format';
import { SITE_NAME_KEY } from './SiteIcon';
import { intentLabelKey } from './cards/IntentChip';
import { hasFilters, toggle, type FacetCounts, type FacetEntry, type LibraryFilters } from './filters';

/** Props of {@link FilterPanel}. */
export interface FilterPanelProps {
  filters: LibraryFilters;
  facets: FacetCounts;
  onChange: (f: LibraryFilters) => void;
  t: Translate;
  locale?: string;
  /** Values shown per long facet (tags, authors) before "Show all". Default 8. */
  shortList?: number;
}

function CheckList({ legend, name, entries, chosen, label, onToggle, locale, shortList, t }: {
  legend: string;
  name: string;
  entries: readonly FacetEntry[];
  chosen: readonly string[];
  label: (e: FacetEntry) => string;
  onToggle: (v: string) => void;
  locale?: string;
  shortList: number;
  t: Translate;
}) {
  const [all, setAll] = useState(false);
  // Chosen values stay visible even when their count dropped to 0.
  const shown = (all ? entries : entries.slice(0, shortList)).slice();
  for (const c of chosen) if (!shown.some((e) => e.value === c)) shown.push(entries.find((e) => e.value === c) ?? { value: c, label: c, count: 0 });
  if (shown.length === 0) return null;
  return (
    <fieldset class="facet" data-facet={name}>
      <legend>{legend}</legend>
      {shown.map((e) => (
        <label key={e.value} class="check">
          <input type="checkbox" checked={chosen.includes(e.value)} onChange={() => onToggle(e.value)} />
          <span class="check__label" dir="auto">{label(e)}</span>
          <span class="count" aria-label={fmt(t('filterCountLabel'), { count: e.count }, locale)}>{e.count.toLocaleString(locale)}</span>
        </label>
      ))}
      {entries.length > shortList ? (
        <button type="button" class="btn btn--small btn--ghost" aria-expanded={all} onClick={() => setAll(!all)}>
          {t(all ? 'filterShowFewer' : 'filterShowAll')}
        </button>
      ) : null}
    </fieldset>
  );
}

/**
 * Filters with counts: platform, intent, tag, author (check lists), saved-date range, has note,
 * incomplete, and review state. Counts come from the search layer for the current search text.
 * "Clear filters" leaves focus on the first review choice.
 */
export function FilterPanel({ filters: f, facets, onChange, t, locale, shortList = 8 }: FilterPanelProps) {
  const box = useRef<HTMLElement>(null);
  const set = (patch: Partial<LibraryFilters>) => onChange({ ...f, ...patch });
  const REVIEW: Array<[LibraryFilters['review'], string]> = [
    ['any', 'filterReviewAny'],
    ['unreviewed', 'filterReviewUnreviewed'],
    ['reviewed', 'filterReviewReviewed'],
    ['archived', 'filterReviewArchived'],
  ];
  return (
    <section ref={box} class="filters" aria-label={t('filtersTitle')} data-testid="filters">
      <div class="filters__head">
        <h2>{t('filtersTitle')}</h2>
        {hasFilters(f) ? (
          <button
            type="button"
            class="btn btn--small btn--ghost"
            data-testid="filters-clear"
            onClick={() => {
              onChange({ ...f, platforms: [], intents: [], tags: [], authors: [], from: null, to: null, hasNote: false, incomplete: false, review: 'any' });
              // The button goes away with the filters: focus moves to the first choice, "Any" (issue 12).
              setTimeout(() => box.current?.querySelector<HTMLElement>('input[name="review"]')?.focus(), 0);
            }}
          >
            {t('filtersClear')}
          </button>
        ) : null}
      </div>
      <fieldset class="facet" data-facet="review">
        <legend>{t('filterReview')}</legend>
        {REVIEW.map(([v, key]) => (
          <label key={v} class="check">
            <input type="radio" name="review" checked={f.review === v} onChange={() => set({ review: v })} />
            <span class="check__label">{t(key)}</span>
            <span class="count">{facets.review[v].toLocaleString(locale)}</span>
          </label>
        ))}
      </fieldset>
      <CheckList legend={t('filterPlatform')} name="platform" entries={facets.platform} chosen={f.platforms} label={(e) => t(SITE_NAME_KEY[e.value as keyof typeof SITE_NAME_KEY] ?? e.label)} onToggle={(v) => set({ platforms: toggle(f.platforms, v) })} locale={locale} shortList={shortList} t={t} />
      <CheckList legend={t('filterIntent')} name="intent" entries={facets.intent} chosen={f.intents} label={(e) => (e.value === 'none' ? t('filterIntentNone') : t(intentLabelKey(e.value) ?? e.label))} onToggle={(v) => set({ intents: toggle(f.intents, v) })} locale={locale} shortList={shortList} t={t} />
      <CheckList legend={t('filterTag')} name="tag" entries={facets.tag} chosen={f.tags} label={(e) => `#${e.label}`} onToggle={(v) => set({ tags: toggle(f.tags, v) })} locale={locale} shortList={shortList} t={t} />
      <CheckList legend={t('filterAuthor')} name="author" entries={facets.author} chosen={f.authors} label={(e) => e.label} onToggle={(v) => set({ authors: toggle(f.authors, v) })} locale={locale} shortList={shortList} t={t} />
      <fieldset class="facet">
        <legend>{t('filterMore')}</legend>
        <label class="check">
          <input type="checkbox" checked={f.hasNote} onChange={() => set({ hasNote: !f.hasNote })} />
          <span class="check__label">{t('filterHasNote')}</span>
          <span class="count">{facets.hasNote.toLocaleString(locale)}</span>
        </label>
        <label class="check">
          <input type="checkbox" checked={f.incomplete} onChange={() => set({ incomplete: !f.incomplete })} />
          <span class="check__label">{t('filterIncomplete')}</span>
          <span class="count">{facets.incomplete.toLocaleString(locale)}</span>
        </label>
      </fieldset>
      <fieldset class="facet facet--dates">
        <legend>{t('filterSaved')}</legend>
        <label class="date">
          <span>{t('filterFrom')}</span>
          <input type="date" class="input" value={f.from ?? ''} max={f.to ?? undefined} onChange={(e) => set({ from: (e.currentTarget as HTMLInputElement).value || null })} />
        </label>
        <label class="date">
          <span>{t('filterTo')}</span>
          <input type="date" class="input" value={f.to ?? ''} min={f.from ?? undefined} onChange={(e) => set({ to: (e.currentTarget as HTMLInputElement).value || null })} />
        </label>
      </fieldset>
    </section>
  );
}

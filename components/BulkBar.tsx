import { useState } from 'preact/hooks';
import type { Translate } from '../lib/util/i18n';
import { fmt } from './format';
import type { CollectionView } from './capture-view';

/** Props of {@link BulkBar}. */
export interface BulkBarProps {
  count: number;
  collections: readonly CollectionView[];
  onTag: (tag: string) => void;
  onAddToCollection: (id: string) => void;
  onExport: () => void;
  onDelete: () => void;
  onClear: () => void;
  t: Translate;
  locale?: string;
}

/** Actions on the selected captures: add a tag, add to a collection, export, delete, clear. */
export function BulkBar(p: BulkBarProps) {
  const { t } = p;
  const [tag, setTag] = useState('');
  const [col, setCol] = useState('');
  return (
    <section class="bulk" aria-label={t('bulkTitle')} data-testid="bulk-bar">
      <strong class="bulk__count" aria-live="polite">{fmt(t('bulkSelected'), { count: p.count }, p.locale)}</strong>
      <form class="inline-form" onSubmit={(e) => { e.preventDefault(); if (tag.trim()) { p.onTag(tag.trim()); setTag(''); } }}>
        <label class="sr-only" for="bulk-tag">{t('bulkTagLabel')}</label>
        <input id="bulk-tag" class="input input--small" placeholder={t('bulkTagLabel')} value={tag} maxLength={64} onInput={(e) => setTag((e.currentTarget as HTMLInputElement).value)} />
        <button type="submit" class="btn btn--small">{t('bulkTag')}</button>
      </form>
      <form class="inline-form" onSubmit={(e) => { e.preventDefault(); if (col) p.onAddToCollection(col); }}>
        <label class="sr-only" for="bulk-collection">{t('bulkCollectionLabel')}</label>
        <select id="bulk-collection" class="input input--small" value={col} onChange={(e) => setCol((e.currentTarget as HTMLSelectElement).value)}>
          <option value="">{t('bulkCollectionLabel')}</option>
          {p.collections.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
        </select>
        <button type="submit" class="btn btn--small" disabled={!col}>{t('bulkCollect')}</button>
      </form>
      <button type="button" class="btn btn--small" onClick={p.onExport}>{t('bulkExport')}</button>
      <button type="button" class="btn btn--small btn--danger" onClick={p.onDelete}>{t('bulkDelete')}</button>
      <button type="button" class="btn btn--small btn--ghost" onClick={p.onClear}>{t('bulkClear')}</button>
    </section>
  );
}

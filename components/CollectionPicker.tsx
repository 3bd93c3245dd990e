import type { Translate } from '../lib/util/i18n';
import type { CollectionView } from './capture-view';

/** Props of {@link CollectionPicker}. */
export interface CollectionPickerProps {
  collections: readonly CollectionView[];
  /** Ids of the collections the capture is in. */
  value: readonly string[];
  onChange: (ids: string[]) => void;
  t: Translate;
}

/** The collections a capture sits in, as a group of checkboxes (a capture can be in several). */
export function CollectionPicker({ collections, value, onChange, t }: CollectionPickerProps) {
  if (collections.length === 0) return <p class="muted">{t('collectionsNone')}</p>;
  return (
    <fieldset class="picker">
      <legend class="sr-only">{t('collectionsTitle')}</legend>
      {collections.map((c) => {
        const on = value.includes(c.id);
        return (
          <label key={c.id} class="check">
            <input type="checkbox" checked={on} onChange={() => onChange(on ? value.filter((x) => x !== c.id) : [...value, c.id])} />
            <span dir="auto">{c.name}</span>
          </label>
        );
      })}
    </fieldset>
  );
}

import { useState } from 'preact/hooks';
import type { Translate } from '../SaveButton';

/** Props of {@link CollectionsField}. */
export interface CollectionsFieldProps {
  collectionIds: string[];
  recentCollections: { id: string; name: string }[];
  onCollections: (ids: string[]) => void;
  onCreateCollection: (name: string) => void;
  t: Translate;
}

/**
 * The save panel's Collections group: recent collections as toggle chips (`aria-pressed`) and a box
 * that creates a collection on Enter (trimmed, at most 200 characters).
 */
export function CollectionsField({ collectionIds, recentCollections, onCollections, onCreateCollection, t }: CollectionsFieldProps) {
  const [colDraft, setColDraft] = useState('');
  return (
    <fieldset class="satchel-group">
      <legend>{t('savePanelCollections')}</legend>
      {recentCollections.length > 0 && (
        <div class="satchel-chips">
          {recentCollections.map((c) => {
            const on = collectionIds.includes(c.id);
            return (
              <button
                type="button"
                key={c.id}
                class="satchel-chip"
                aria-pressed={on}
                onClick={() => onCollections(on ? collectionIds.filter((x) => x !== c.id) : [...collectionIds, c.id])}
              >
                {c.name}
              </button>
            );
          })}
        </div>
      )}
      <input
        class="satchel-input"
        type="text"
        value={colDraft}
        aria-label={t('savePanelNewCollection')}
        placeholder={t('savePanelNewCollection')}
        maxLength={200}
        onInput={(e) => setColDraft((e.currentTarget as HTMLInputElement).value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && colDraft.trim()) {
            e.preventDefault();
            onCreateCollection(colDraft.trim());
            setColDraft('');
          }
        }}
      />
    </fieldset>
  );
}

import { useState } from 'preact/hooks';
import type { Intent } from '../lib/schema';
import type { Translate } from '../lib/util/i18n';
import { TagEditor } from './TagEditor';
import { CollectionPicker } from './CollectionPicker';
import { TextField } from './TextField';
import { IntentChips } from './IntentChips';
import { sourceOf, type CaptureView, type CollectionView } from './capture-view';

/** Props of {@link QuickEdit}. */
export interface QuickEditProps {
  /** The capture just saved. */
  capture: CaptureView;
  collections: readonly CollectionView[];
  knownTags: readonly string[];
  /** Sets the learning intent (null: none), as the save panel does. */
  onIntent: (intent: Intent | null) => void;
  onTags: (tags: string[]) => void;
  onCollections: (ids: string[]) => void;
  onNote: (note: string | null) => void;
  t: Translate;
}

/**
 * The popup's "Just saved" panel: pick the learning intent (the save panel's four, as toggle
 * buttons), tag, collect and note a fresh save without leaving the popup. Compact so the list stays
 * in view: a title line and the intents; "Add tags / note" (a disclosure button) opens the tags,
 * collections and note.
 */
export function QuickEdit({ capture: c, collections, knownTags, onIntent, onTags, onCollections, onNote, t }: QuickEditProps) {
  const [open, setOpen] = useState(false);
  return (
    <section class="quick" aria-labelledby="quick-h" data-testid="quick-edit" data-capture-key={c.key}>
      <h2 id="quick-h">
        {t('popupJustSaved')}: <span dir="auto">{sourceOf(c)}</span>
      </h2>
      <div class="quick__row">
        <fieldset class="quick__intent">
          <legend class="sr-only">{t('savePanelIntentLabel')}</legend>
          <IntentChips value={c.intent} onChange={onIntent} t={t} class="quick__chips" chipClass="btn btn--small" />
        </fieldset>
        <button type="button" class="quick__more" aria-expanded={open} aria-controls="quick-more-fields" onClick={() => setOpen((o) => !o)} data-testid="quick-more">
          {t('popupQuickMore')}
        </button>
      </div>
      <div id="quick-more-fields" hidden={!open}>
        {open ? (
          <>
            <div class="field">
              <span class="field__label">{t('tagsLabel')}</span>
              <TagEditor tags={c.tags} known={knownTags} onChange={onTags} t={t} idPrefix="quick" />
            </div>
            <div class="field">
              <span class="field__label">{t('collectionsTitle')}</span>
              <CollectionPicker collections={collections} value={c.collectionIds} onChange={onCollections} t={t} />
            </div>
            <TextField label={t('detailNote')} value={c.note} onCommit={onNote} rows={2} placeholder={t('savePanelNotePlaceholder')} testId="quick-note" savedText={t('savedShort')} />
          </>
        ) : null}
      </div>
    </section>
  );
}

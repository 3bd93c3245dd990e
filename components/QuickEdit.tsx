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
 * buttons), tag, collect and note a fresh save without leaving the popup.
 */
export function QuickEdit({ capture: c, collections, knownTags, onIntent, onTags, onCollections, onNote, t }: QuickEditProps) {
  return (
    <section class="quick" aria-labelledby="quick-h" data-testid="quick-edit" data-capture-key={c.key}>
      <h2 id="quick-h">
        {t('popupJustSaved')}: <span dir="auto">{sourceOf(c)}</span>
      </h2>
      <fieldset class="field quick__intent">
        <legend class="field__label">{t('savePanelIntentLabel')}</legend>
        <IntentChips value={c.intent} onChange={onIntent} t={t} class="quick__chips" chipClass="btn btn--small" />
      </fieldset>
      <div class="field">
        <span class="field__label">{t('tagsLabel')}</span>
        <TagEditor tags={c.tags} known={knownTags} onChange={onTags} t={t} idPrefix="quick" />
      </div>
      <div class="field">
        <span class="field__label">{t('collectionsTitle')}</span>
        <CollectionPicker collections={collections} value={c.collectionIds} onChange={onCollections} t={t} />
      </div>
      <TextField label={t('detailNote')} value={c.note} onCommit={onNote} rows={2} placeholder={t('savePanelNotePlaceholder')} testId="quick-note" savedText={t('savedShort')} />
    </section>
  );
}

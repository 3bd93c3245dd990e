import type { Translate } from '../lib/util/i18n';
import { TagEditor } from './TagEditor';
import { CollectionPicker } from './CollectionPicker';
import { TextField } from './TextField';
import { sourceOf, type CaptureView, type CollectionView } from './capture-view';

/** Props of {@link QuickEdit}. */
export interface QuickEditProps {
  /** The capture just saved. */
  capture: CaptureView;
  collections: readonly CollectionView[];
  knownTags: readonly string[];
  onTags: (tags: string[]) => void;
  onCollections: (ids: string[]) => void;
  onNote: (note: string | null) => void;
  t: Translate;
}

/** The popup's "Just saved" panel: tag, collect and note a fresh save without leaving the popup. */
export function QuickEdit({ capture: c, collections, knownTags, onTags, onCollections, onNote, t }: QuickEditProps) {
  return (
    <section class="quick" aria-labelledby="quick-h" data-testid="quick-edit" data-capture-key={c.key}>
      <h2 id="quick-h">
        {t('popupJustSaved')}: <span dir="auto">{sourceOf(c)}</span>
      </h2>
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

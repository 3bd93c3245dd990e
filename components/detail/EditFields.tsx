/**
 * The learner's own fields of a capture they may change (CaptureDetail with `right: 'all'`):
 * intent, tags, collections, note (with notes another device replaced), reflection, the follow-up
 * answer, and the review, archive, share and delete actions.
 */
import type { Intent } from '../../lib/schema';
import { TagEditor } from '../TagEditor';
import { CollectionPicker } from '../CollectionPicker';
import { TextField } from '../TextField';
import { INTENTS } from '../IntentChips';
import type { CaptureDetailProps } from '../CaptureDetail';

/** The editable fields and actions; props are CaptureDetail's own. */
export function EditFields(p: CaptureDetailProps) {
  const { capture: c, t } = p;
  return (
      <>
      <section class="detail__section">
        <label class="field">
          <span class="field__label">{t('detailIntent')}</span>
          <select class="input" value={c.intent ?? ''} data-testid="detail-intent" onChange={(e) => p.onIntent(((e.currentTarget as HTMLSelectElement).value || null) as Intent | null)}>
            <option value="">{t('filterIntentNone')}</option>
            {INTENTS.map((i) => <option key={i.value} value={i.value}>{t(i.key)}</option>)}
          </select>
        </label>
      </section>
      <section class="detail__section" aria-label={t('tagsLabel')}>
        <h3>{t('tagsLabel')}</h3>
        <TagEditor tags={c.tags} known={p.knownTags} onChange={p.onTags} t={t} idPrefix={`d-${c.id}`} />
      </section>
      <section class="detail__section">
        <h3>{t('collectionsTitle')}</h3>
        <CollectionPicker collections={p.collections} value={c.collectionIds} onChange={p.onCollections} t={t} />
      </section>
      <section class="detail__section">
        <TextField label={t(p.sharedBy !== undefined ? 'detailTeamNote' : 'detailNote')} value={c.note} onCommit={p.onNote} placeholder={t('savePanelNotePlaceholder')} testId="detail-note" savedText={t('savedShort')} />
        {p.replacedNotes?.length ? (
          <div class="detail__replaced" data-testid="detail-replaced-notes">
            <p class="muted">{t('detailReplacedNotes')}</p>
            <ul>
              {p.replacedNotes.map((n, i) => (
                <li key={i}>
                  <span class="detail__replaced-text" dir="auto">{n}</span>{' '}
                  <button type="button" class="btn btn--small" onClick={() => p.onNote(n)}>{t('detailUseReplacedNote')}</button>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <TextField label={t('reviewReflection')} value={c.reflection ?? null} onCommit={p.onReflection} placeholder={t('reviewReflectionPlaceholder')} testId="detail-reflection" savedText={t('savedShort')} />
        {c.followUp?.answer ? (
          <div class="followup-answer">
            <h3>{t('followUpAnswerTitle')}</h3>
            <p class="post-text" dir="auto">{c.followUp.answer}</p>
          </div>
        ) : null}
      </section>
      <div class="detail__actions">
        <button type="button" class="btn" aria-pressed={!!c.reviewedAt} onClick={() => p.onReviewed(!c.reviewedAt)}>
          {t(c.reviewedAt ? 'reviewMarkUnreviewed' : 'reviewMarkReviewed')}
        </button>
        <button type="button" class="btn" onClick={() => p.onArchived(!c.archivedAt)}>
          {t(c.archivedAt ? 'detailUnarchive' : 'reviewArchive')}
        </button>
        {p.onShare ? <button type="button" class="btn" onClick={p.onShare} data-testid="detail-share">{t('shareOpen')}</button> : null}
        <button type="button" class="btn btn--danger" onClick={p.onDelete}>{t('detailDelete')}</button>
      </div>
      </>
  );
}

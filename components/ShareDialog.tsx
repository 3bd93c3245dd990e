import { useId, useState } from 'preact/hooks';
import { pluralKey, type Translate } from '../lib/util/i18n';
import { Modal } from './Modal';
import { Name } from './Bdi';
import { fmt } from './format';
import './cards/share.css';

/** A team the learner may share into (editor or owner), with its collections. */
export interface ShareTarget {
  /** `team:<id>` */
  scopeId: string;
  name: string;
  collections: ReadonlyArray<{ id: string; name: string }>;
}

/** Props of {@link ShareDialog}. */
export interface ShareDialogProps {
  targets: readonly ShareTarget[];
  /** The learner's own note, offered as the starting "why this is worth reading". */
  initialNote: string | null;
  /** Start with "share as a question to discuss" ticked (the learner saved it with intent `question`). */
  initialQuestion?: boolean;
  t: Translate;
  /** Resolves when shared; rejects with an Error whose message is shown. */
  onShare: (scopeId: string, collectionId: string | null, note: string | null, asQuestion: boolean) => Promise<void>;
  onClose: () => void;
}

/**
 * "Share to a team", styled like the other dialogs: the team as a list of radio cards (name and how
 * many collections it has), then — when that team has collections — one of them in a labelled select,
 * "Ask the team" (share as a question to discuss), and why it is worth reading; then share.
 * The team gets a copy (docs/sync-protocol.md 9.1); the learner's own capture is unchanged. Presentational.
 */
export function ShareDialog({ targets, initialNote, initialQuestion = false, t, onShare, onClose }: ShareDialogProps) {
  const [scopeId, setScopeId] = useState(targets[0]?.scopeId ?? '');
  const [collectionId, setCollectionId] = useState('');
  const [note, setNote] = useState(initialNote ?? '');
  const [asQuestion, setAsQuestion] = useState(initialQuestion);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const target = targets.find((x) => x.scopeId === scopeId);
  const id = useId();
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!scopeId || busy) return;
    setBusy(true);
    setError(null);
    try {
      await onShare(scopeId, collectionId || null, note.trim() ? note : null, asQuestion);
      onClose();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  };
  return (
    <Modal title={t('shareTitle')} onClose={onClose} t={t} testId="share-dialog">
      <form class="share" onSubmit={submit}>
        <fieldset class="facet share__teams">
          <legend>{t('shareTeam')}</legend>
          <div class="share__team-list">
            {targets.map((x, i) => (
              <label key={x.scopeId} class={`share__team${x.scopeId === scopeId ? ' is-checked' : ''}`}>
                <input type="radio" name={`${id}-team`} value={x.scopeId} checked={x.scopeId === scopeId} aria-describedby={`${id}-n${i}`} onChange={() => { setScopeId(x.scopeId); setCollectionId(''); }} />
                <span class="share__team-name" dir="auto"><Name name={x.name} /></span>
                {/* The count is the radio's description, not part of its name ("Cohort A", "1 collection"). */}
                <span class="count" id={`${id}-n${i}`} aria-hidden="true">{fmt(t(pluralKey('shareTeamCollections', x.collections.length)), { count: x.collections.length })}</span>
              </label>
            ))}
          </div>
        </fieldset>
        {target && target.collections.length > 0 ? (
          <label class="field">
            <span class="field__label">{t('shareCollection')}</span>
            <select class="input" value={collectionId} onChange={(e) => setCollectionId((e.target as HTMLSelectElement).value)}>
              <option value="">{t('shareNoCollection')}</option>
              {target.collections.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
          </label>
        ) : null}
        <label class="check share__question">
          <input type="checkbox" checked={asQuestion} onChange={(e) => setAsQuestion((e.target as HTMLInputElement).checked)} />
          <span>{t('shareAsQuestion')}</span>
        </label>
        <label class="field">
          <span class="field__label">{t(asQuestion ? 'shareQuestion' : 'shareWhy')}</span>
          <textarea class="input" rows={3} dir="auto" value={note} placeholder={t(asQuestion ? 'shareQuestionPlaceholder' : 'shareWhyPlaceholder')} onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} />
        </label>
        <p class="muted small">{t('shareHint')}</p>
        {error ? <p class="status status--error" role="alert">{error}</p> : null}
        <div class="modal__actions">
          <button type="button" class="btn" onClick={onClose}>{t('optCancel')}</button>
          <button type="submit" class="btn btn--primary" disabled={!scopeId || busy}>{t('shareSubmit')}</button>
        </div>
      </form>
    </Modal>
  );
}

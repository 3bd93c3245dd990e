import { useId, useState } from 'preact/hooks';
import type { Translate } from '../lib/util/i18n';
import { Modal } from './Modal';

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
 * "Share to a team": pick the team (and one of its collections), say why it is worth reading, share.
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
        <div class="field">
          <label for={`${id}-team`}>{t('shareTeam')}</label>
          <select id={`${id}-team`} value={scopeId} onChange={(e) => { setScopeId((e.target as HTMLSelectElement).value); setCollectionId(''); }}>
            {targets.map((x) => <option value={x.scopeId}>{x.name}</option>)}
          </select>
        </div>
        <div class="field">
          <label for={`${id}-col`}>{t('shareCollection')}</label>
          <select id={`${id}-col`} value={collectionId} onChange={(e) => setCollectionId((e.target as HTMLSelectElement).value)}>
            <option value="">{t('shareNoCollection')}</option>
            {(target?.collections ?? []).map((c) => <option value={c.id}>{c.name}</option>)}
          </select>
        </div>
        <div class="field field--check">
          <input id={`${id}-q`} type="checkbox" checked={asQuestion} onChange={(e) => setAsQuestion((e.target as HTMLInputElement).checked)} />
          <label for={`${id}-q`}>{t('shareAsQuestion')}</label>
        </div>
        <div class="field">
          <label for={`${id}-why`}>{t(asQuestion ? 'shareQuestion' : 'shareWhy')}</label>
          <textarea id={`${id}-why`} rows={4} dir="auto" value={note} placeholder={t(asQuestion ? 'shareQuestionPlaceholder' : 'shareWhyPlaceholder')} onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} />
        </div>
        <p class="muted">{t('shareHint')}</p>
        {error ? <p class="status status--error" role="alert">{error}</p> : null}
        <div class="modal__actions">
          <button type="button" class="btn" onClick={onClose}>{t('optCancel')}</button>
          <button type="submit" class="btn btn--primary" disabled={!scopeId || busy}>{t('shareSubmit')}</button>
        </div>
      </form>
    </Modal>
  );
}

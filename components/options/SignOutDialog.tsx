import { useState } from 'preact/hooks';
import type { Translate } from '../../lib/util/i18n';
import { fmt } from '../format';
import { Modal } from '../Modal';
import type { ActionResult } from './types';
import { useActionError } from './action-errors';

/** Props of {@link SignOutDialog}. */
export interface SignOutDialogProps {
  /** Changes in the outbox that have not reached the server. */
  pending: number;
  /** Captures in the local library. */
  captures: number;
  /** Signs out; `removeLibrary` also clears the local library. */
  onConfirm: (removeLibrary: boolean) => Promise<ActionResult>;
  onClose: () => void;
  t: Translate;
  locale?: string;
}

/**
 * Sign out, choosing to keep the local library (default: nothing is lost, unsynced changes are
 * sent after the next sign-in) or to remove it from this browser. Removing says how many captures
 * go and warns, with the count, that pending changes that never reached the server would be lost.
 */
export function SignOutDialog({ pending, captures, onConfirm, onClose, t, locale }: SignOutDialogProps) {
  const [remove, setRemove] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useActionError<string>();
  return (
    <Modal title={t('optSignOutTitle')} onClose={onClose} t={t} testId="sign-out-dialog">
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          if (busy) return;
          setBusy(true);
          setError(null);
          const r = await onConfirm(remove);
          setBusy(false);
          if (!r.ok) setError(r.error);
        }}
      >
        <fieldset>
          <legend>{t('optSignOutQuestion')}</legend>
          <label class="opt-choice">
            <input type="radio" name="library" value="keep" checked={!remove} onChange={() => setRemove(false)} />
            <span>
              <strong>{t('optKeepLibrary')}</strong>
              <span class="small muted opt-choice__help">{t('optKeepLibraryHelp')}</span>
            </span>
          </label>
          <label class="opt-choice">
            <input type="radio" name="library" value="remove" checked={remove} onChange={() => setRemove(true)} aria-describedby={remove ? 'remove-warning' : undefined} />
            <span>
              <strong>{t('optRemoveLibrary')}</strong>
              <span class="small muted opt-choice__help">{captures > 0 ? fmt(t('optRemoveLibraryHelp'), { n: captures }, locale) : t('optRemoveLibraryHelpEmpty')}</span>
            </span>
          </label>
        </fieldset>
        {remove && pending > 0 && (
          <p id="remove-warning" class="opt-warning" role="alert">
            {fmt(t(pending === 1 ? 'optPendingLossOne' : 'optPendingLossMany'), { n: pending }, locale)}
          </p>
        )}
        {remove && pending === 0 && <p id="remove-warning" class="small muted">{t('optNothingPending')}</p>}
        {error && <p class="opt-error" role="alert">{error}</p>}
        <div class="modal__actions">
          <button type="button" class="btn" onClick={onClose}>{t('optCancel')}</button>
          <button type="submit" class={`btn ${remove ? 'btn--danger' : 'btn--primary'}`} disabled={busy}>
            {t(remove ? 'optSignOutRemove' : 'optSignOutKeep')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

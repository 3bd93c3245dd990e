import type { Translate } from '../../lib/util/i18n';
import { UndoToast } from '../../components/UndoToast';
import type { Toast } from './use-actions';
import { byId, focusAfterRender } from './focus';

/**
 * The library's toast (components/UndoToast.tsx): a result, an error, or a delete with its Undo.
 * Dismissed while focus was inside it, focus goes to the list, else the main area (issue 12).
 */
export function LibraryToast({ toast, onDismiss, list, t }: { toast: Toast; onDismiss: () => void; list: () => HTMLElement | null; t: Translate }) {
  return (
    <UndoToast
      message={toast.message}
      error={toast.error}
      onUndo={toast.undo}
      onDismiss={() => {
        const inToast = !!document.activeElement?.closest('[data-testid="toast"]');
        onDismiss();
        if (inToast) focusAfterRender(list, () => byId('lib-main'));
      }}
      t={t}
    />
  );
}

import type { Translate } from '../SaveButton';
import type { ThreadOffer } from '../SavePanel';

/**
 * The save panel footer's "Save thread" button, per {@link ThreadOffer}: nothing for `none`;
 * `aria-disabled` (not `disabled`: that drops keyboard focus to the page) while saving and once saved.
 */
export function ThreadButton({ thread, onSaveThread, t }: { thread: ThreadOffer; onSaveThread: () => void; t: Translate }) {
  if (thread === 'none') return null;
  return (
    <button
      type="button"
      class="satchel-secondary"
      aria-disabled={thread === 'saving' || thread === 'saved'}
      onClick={() => (thread === 'available' || thread === 'failed') && onSaveThread()}
    >
      {t(thread === 'saving' ? 'savePanelThreadSaving' : thread === 'saved' ? 'savePanelThreadSaved' : 'savePanelSaveThread')}
    </button>
  );
}

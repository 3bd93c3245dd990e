import { useEffect, useRef, useState } from 'preact/hooks';
import { SAVE_BUTTON_LABEL, SAVE_BUTTON_TEXT, type SaveButtonStatus } from './save-button-labels';

export type { SaveButtonStatus } from './save-button-labels';

/** Reads a UI string by its messages.json key (browser.i18n.getMessage in the extension). */
export type Translate = (key: string, substitutions?: string[]) => string;

/** Props of {@link SaveButton}. */
export interface SaveButtonProps {
  status: SaveButtonStatus;
  /** Reason of the last failure, shown as the button's description when `status` is `failed`. */
  error?: string | null;
  /** Whether the save panel is open (`aria-expanded`). */
  expanded?: boolean;
  /** Pressed by mouse, touch or keyboard; `viaKeyboard` is true for Enter/Space (the panel then takes focus). */
  onActivate: (viaKeyboard: boolean) => void;
  /**
   * Where announcements go instead of the button's own live region: the content script keeps one
   * region per control that outlives this component (issue 12), and this one then renders none.
   */
  onAnnounce?: (text: string) => void;
  t: Translate;
}

const LABEL = SAVE_BUTTON_LABEL;
const TEXT = SAVE_BUTTON_TEXT;

/**
 * The one-click Save control that sits in a post's action row: a real `<button>` named
 * "Save to Satchel" / "Saved in Satchel" for screen readers, with a polite live announcement when a
 * save the learner made finishes or fails (not for states learnt from the library on load).
 * Renders `button.satchel-btn.is-<status>` (its visible text a plain text node; the icon is drawn
 * by the stylesheet from the `is-<status>` class, entrypoints/content/style.css) followed by the
 * live region `span.satchel-sr` (none when `onAnnounce` is given).
 */
export function SaveButton({ status, error, expanded, onActivate, onAnnounce, t }: SaveButtonProps) {
  const prev = useRef(status);
  const [announce, setAnnounce] = useState('');
  const say = onAnnounce ?? setAnnounce;
  useEffect(() => {
    if (prev.current === 'saving' && status === 'saved') say(t('saveButtonSaved'));
    else if (status === 'failed' && prev.current !== 'failed') say(`${t('saveButtonFailed')}. ${error ?? ''}`.trim());
    prev.current = status;
  }, [status, error, t]);
  const label = t(LABEL[status]);
  const reason = status === 'failed' && error ? error : null;
  return (
    <>
      <button
        type="button"
        class={`satchel-btn is-${status}`}
        aria-label={label}
        aria-expanded={expanded}
        aria-busy={status === 'saving' ? 'true' : undefined}
        aria-description={reason ?? undefined}
        title={reason ? `${label}: ${reason}` : label}
        onClick={(e) => onActivate(e.detail === 0)}
      >
        {t(TEXT[status])}
      </button>
      {onAnnounce ? null : <span class="satchel-sr" role="status" aria-live="polite">{announce}</span>}
    </>
  );
}

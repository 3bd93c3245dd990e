import { useEffect, useRef, useState } from 'preact/hooks';
import type { Translate } from '../../lib/util/i18n';
import type { ActionResult } from './types';
import { useActionError } from './action-errors';

/** Props of {@link InlineConfirm}. */
export interface InlineConfirmProps {
  /** Text of the button and of the confirming button, e.g. "Revoke". */
  label: string;
  /** Accessible name of the button when its text alone is ambiguous ("Revoke the viewer invite…"). */
  buttonLabel?: string;
  /** The question asked before acting, e.g. "Leave Guild? …". */
  question: string;
  /** Runs the action; its error (words) is shown next to the button. */
  onConfirm: () => Promise<ActionResult>;
  /** Why the action is not possible now; the button is disabled and this is shown next to it. */
  blockedReason?: string | null;
  /** Disables the button without a reason (e.g. another action of the panel is running). */
  disabled?: boolean;
  /** Unique id prefix in the page (for aria-describedby). */
  id: string;
  t: Translate;
}

/**
 * A destructive button that asks first, in place (like the device sign-out in DevicesList): the
 * button opens a group with the question, the confirming button and Cancel. Confirming runs
 * `onConfirm`; the group closes whether it worked or not, and a failure is shown next to the
 * button (role alert), not at the top of the panel. Focus goes to the confirming button when the
 * question opens, and back to the button when it closes.
 */
export function InlineConfirm({ label, buttonLabel, question, onConfirm, blockedReason, disabled, id, t }: InlineConfirmProps) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useActionError<string>();
  const confirmBtn = useRef<HTMLButtonElement>(null);
  const openBtn = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    if (asking) confirmBtn.current?.focus();
    else if (wasAsking.current) openBtn.current?.focus();
    wasAsking.current = asking;
  }, [asking]);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    const r = await onConfirm();
    setBusy(false);
    setAsking(false);
    if (!r.ok) setError(r.error);
  };
  const reasonId = `${id}-reason`;
  return (
    <span class="inline-confirm">
      {asking ? (
        <span class="inline-actions" role="group" aria-label={question}>
          <span class="small">{question}</span>
          <button ref={confirmBtn} type="button" class="btn btn--small btn--danger" disabled={busy} onClick={() => void confirm()}>{label}</button>
          <button type="button" class="btn btn--small" disabled={busy} onClick={() => setAsking(false)}>{t('optCancel')}</button>
        </span>
      ) : (
        <span class="inline-actions">
          <button
            ref={openBtn}
            type="button"
            class="btn btn--small btn--danger"
            aria-label={buttonLabel}
            disabled={disabled || !!blockedReason}
            aria-describedby={blockedReason ? reasonId : undefined}
            onClick={() => {
              if (disabled || blockedReason) return;
              setError(null);
              setAsking(true);
            }}
          >
            {label}
          </button>
          {blockedReason && <span id={reasonId} class="small muted">{blockedReason}</span>}
        </span>
      )}
      {error && <span class="opt-error inline-confirm__error" role="alert">{error}</span>}
    </span>
  );
}

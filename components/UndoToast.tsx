import { useEffect, useRef } from 'preact/hooks';
import type { Translate } from '../lib/util/i18n';

/** Props of {@link UndoToast}. */
export interface UndoToastProps {
  message: string;
  /** Undo is offered when given. */
  onUndo?: () => void;
  /** Called when the toast times out or is closed; the change then becomes final. */
  onDismiss: () => void;
  /** An error (announced as an alert, shown in the error colours). */
  error?: boolean;
  /** How long the toast stays, ms. Default 8000. */
  timeoutMs?: number;
  t: Translate;
}

/**
 * A status toast (an alert for an error) with an Undo button ("3 captures deleted · Undo"). It stays while hovered or
 * focused, so keyboard users can reach Undo, and otherwise dismisses itself after `timeoutMs`.
 */
export function UndoToast({ message, onUndo, onDismiss, error = false, timeoutMs = 8000, t }: UndoToastProps) {
  const held = useRef(false);
  const box = useRef<HTMLDivElement>(null);
  // focusin/focusout listened directly: Preact's onFocusIn maps to a "FocusIn" event in some DOMs.
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const hold = () => (held.current = true);
    const release = () => (held.current = false);
    el.addEventListener('focusin', hold);
    el.addEventListener('focusout', release);
    return () => {
      el.removeEventListener('focusin', hold);
      el.removeEventListener('focusout', release);
    };
  }, []);
  const dismiss = useRef(onDismiss);
  dismiss.current = onDismiss;
  useEffect(() => {
    let left = timeoutMs;
    const step = 250;
    const timer = setInterval(() => {
      if (held.current) return;
      left -= step;
      if (left <= 0) {
        clearInterval(timer);
        dismiss.current();
      }
    }, step);
    return () => clearInterval(timer);
  }, [message, timeoutMs]);
  return (
    <div
      ref={box}
      class={`toast${error ? ' toast--error' : ''}`}
      role={error ? 'alert' : 'status'}
      data-testid="toast"
      onMouseEnter={() => (held.current = true)}
      onMouseLeave={() => (held.current = false)}
    >
      <span>{message}</span>
      {onUndo ? (
        <button type="button" class="btn btn--small" onClick={onUndo}>{t('undo')}</button>
      ) : null}
      <button type="button" class="btn btn--small btn--ghost" aria-label={t('toastClose')} onClick={() => dismiss.current()}>×</button>
    </div>
  );
}

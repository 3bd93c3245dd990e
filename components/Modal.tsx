import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Translate } from '../lib/util/i18n';

/** Props of {@link Modal}. */
export interface ModalProps {
  title: string;
  onClose: () => void;
  children: ComponentChildren;
  t: Translate;
  testId?: string;
  /**
   * Where focus goes when the dialog closes and the element that had focus before it opened (the
   * button that opened it) is gone. Default: the page's `main`, else nothing.
   */
  returnFocus?: () => HTMLElement | null;
}

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';
const FIELD = 'input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled])';

/** Open dialogs, innermost last: only the innermost one traps focus and answers Esc. */
const stack: HTMLElement[] = [];

/** Not inside a `hidden` part (a closed suggestion list); checked without layout, so it also holds in jsdom. */
const usable = (el: HTMLElement) => !el.closest('[hidden]');

/** Focusable elements of `box`, in document order. */
function focusables(box: HTMLElement): HTMLElement[] {
  return [...box.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(usable);
}

/** The dialog's first field, else its first focusable element, else the dialog itself. */
function initialTarget(box: HTMLElement): HTMLElement {
  const field = [...box.querySelectorAll<HTMLElement>(FIELD)].find(usable);
  return field ?? focusables(box)[0] ?? box;
}

/**
 * A modal dialog (`role=dialog`, `aria-modal`, named by its heading). Focus moves to its first field
 * (else its first button) on open and back to where it was on close (or to `returnFocus`). The
 * focus trap survives re-renders: when the focused element is removed (a row turning into a form),
 * focus returns into the dialog, Tab and Shift+Tab cycle inside it, and focus that reaches the page
 * behind is pulled back. Esc closes it from anywhere while it is the innermost dialog, unless a
 * field inside used the key first (it stops or marks the event). Its head is a `div`: a dialog is not
 * a second banner landmark. Used by every dialog of the extension pages.
 */
export function Modal({ title, onClose, children, t, testId, returnFocus }: ModalProps) {
  const box = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;
  const back = useRef(returnFocus);
  back.current = returnFocus;
  const headingId = useRef(`modal-h-${Math.random().toString(36).slice(2, 10)}`).current;

  // A layout effect: the trap and Esc work from the render that shows the dialog (a plain effect
  // waits for a paint, and a key pressed before it reached the page behind).
  useLayoutEffect(() => {
    const el = box.current!;
    const before = document.activeElement as HTMLElement | null;
    stack.push(el);
    const top = () => stack[stack.length - 1] === el;
    initialTarget(el).focus();
    // Focus that fell out of the dialog (its element was removed) or reached the page behind comes back.
    const reclaim = () => {
      if (!top()) return;
      const a = document.activeElement;
      if (!a || a === document.body || !el.contains(a)) initialTarget(el).focus();
    };
    const onFocusIn = (e: FocusEvent) => {
      if (top() && e.target instanceof Node && !el.contains(e.target)) initialTarget(el).focus();
    };
    const mo = new MutationObserver(reclaim);
    mo.observe(el, { childList: true, subtree: true });
    const onKey = (e: KeyboardEvent) => {
      if (!top()) return;
      if (e.key === 'Escape') {
        if (e.defaultPrevented) return;
        e.preventDefault();
        close.current();
      } else if (e.key === 'Tab') {
        const all = focusables(el);
        const a = document.activeElement as HTMLElement | null;
        if (all.length === 0) {
          e.preventDefault();
          el.focus();
          return;
        }
        const first = all[0]!;
        const last = all[all.length - 1]!;
        if (!a || !el.contains(a) || a === el) {
          e.preventDefault();
          (e.shiftKey ? last : first).focus();
        } else if (e.shiftKey && a === first) {
          e.preventDefault();
          last.focus();
        } else if (!e.shiftKey && a === last) {
          e.preventDefault();
          first.focus();
        }
      }
    };
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('keydown', onKey);
    return () => {
      mo.disconnect();
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('keydown', onKey);
      stack.splice(stack.indexOf(el), 1);
      const target = before && before.isConnected && before !== document.body ? before : (back.current?.() ?? document.querySelector<HTMLElement>('main[tabindex]'));
      target?.focus?.();
    };
  }, []);

  return (
    <div class="backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div ref={box} class="modal" role="dialog" aria-modal="true" aria-labelledby={headingId} tabIndex={-1} data-testid={testId}>
        <div class="modal__head">
          <h2 id={headingId}>{title}</h2>
          <button type="button" class="btn btn--ghost" aria-label={t('dialogClose')} title={t('dialogClose')} onClick={onClose}>×</button>
        </div>
        {children}
      </div>
    </div>
  );
}

import { useEffect, useRef, useState } from 'preact/hooks';
import type { RefObject } from 'preact';
import type { CloseReason } from '../SavePanel';

/** What {@link usePanelClose} needs from the panel. */
export interface PanelCloseOptions {
  /** The panel's root element: presses inside it are not "outside". */
  root: RefObject<HTMLElement | null>;
  /** Presses on this element do not count as "outside" either (the Save button). */
  anchor?: Element | null;
  /** The note as the panel opened with it. */
  initialNote: string;
  /** Called with the note (null when blank) once it changed, on blur and on close. */
  onNote: (note: string | null) => void;
  onClose: (reason: CloseReason) => void;
}

/**
 * The save panel's note draft and its ways to close (components/SavePanel.tsx): `close` sends a
 * changed note first, then `onClose`; a pointer press outside the panel closes it with `outside`
 * (listened in the capture phase because the host stops propagation); `onKeyDown` closes on Esc.
 * The panel never closes by itself (docs/decisions/0010-save-panel-timing.md).
 */
export function usePanelClose(o: PanelCloseOptions) {
  const [note, setNote] = useState(o.initialNote);
  const noteRef = useRef({ value: o.initialNote, sent: o.initialNote });
  noteRef.current.value = note;
  const onClose = useRef(o.onClose);
  onClose.current = o.onClose;

  const commitNote = () => {
    const n = noteRef.current;
    if (n.value !== n.sent) {
      n.sent = n.value;
      o.onNote(n.value.trim() ? n.value : null);
    }
  };
  const close = (reason: CloseReason) => {
    commitNote();
    onClose.current(reason);
  };
  const closeRef = useRef(close);
  closeRef.current = close;

  useEffect(() => {
    const doc = o.root.current?.ownerDocument;
    if (!doc) return;
    const onDown = (e: Event) => {
      const path = e.composedPath();
      if (o.root.current && path.includes(o.root.current)) return;
      if (o.anchor && path.includes(o.anchor)) return;
      closeRef.current('outside');
    };
    doc.addEventListener('pointerdown', onDown, true);
    return () => doc.removeEventListener('pointerdown', onDown, true);
  }, [o.anchor]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      close('escape');
    }
  };

  return { note, setNote, commitNote, close, onKeyDown };
}

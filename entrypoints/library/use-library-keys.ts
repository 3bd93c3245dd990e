import { useEffect, useRef } from 'preact/hooks';
import { isTyping } from './focus';

/** What the page-wide keys act on, read at key time. */
export interface LibraryKeyTargets {
  /** A dialog is open: it owns the keys (components/Modal.tsx). */
  dialogOpen: boolean;
  /** Single-key shortcuts are on (lib/db/settings.ts `singleKeyShortcuts`, WCAG 2.1.4). */
  singleKeys: boolean;
  /** The last delete's Undo, while its toast shows. */
  undo: (() => void) | null;
  focusSearch: () => void;
  /** Esc, in order: the narrow sidebar, the detail, Review, a multi-selection. Each returns true when it acted. */
  escape: Array<() => boolean>;
}

/**
 * The library's page-wide keys: `/` focuses search (only with single-key shortcuts on, never while
 * typing), Ctrl/Cmd+Z undoes the last delete while its toast shows, Esc closes the innermost
 * thing open. Keys of focused widgets (the list's arrows, a field's Esc) come first: they stop or
 * mark the event, and this handler respects that.
 */
export function useLibraryKeys(targets: LibraryKeyTargets): void {
  const ref = useRef(targets);
  ref.current = targets;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const k = ref.current;
      if (k.dialogOpen || e.defaultPrevented) return;
      if ((e.key === 'z' || e.key === 'Z') && (e.ctrlKey || e.metaKey) && !e.altKey && !isTyping(e.target) && k.undo) {
        e.preventDefault();
        k.undo();
      } else if (e.key === '/' && k.singleKeys && !e.ctrlKey && !e.metaKey && !e.altKey && !isTyping(e.target)) {
        e.preventDefault();
        k.focusSearch();
      } else if (e.key === 'Escape') {
        for (const step of k.escape) {
          if (step()) {
            e.preventDefault();
            return;
          }
        }
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}

import { useEffect, useState } from 'preact/hooks';
import type { SatchelDb } from '../../lib/db';
import { singleKeyShortcuts } from '../../lib/db/settings';

/** Path of the library page (WXT unlisted page entrypoints/library). */
export const LIBRARY_PATH = '/library.html';

/** Opens the library page in a new tab. */
export function openLibrary(): void {
  window.open(LIBRARY_PATH, '_blank', 'noopener');
}

/**
 * Single-key shortcuts (WCAG 2.1.4): on by default, the options page can turn them off
 * (lib/db/settings.ts `singleKeyShortcuts`). While on, L (outside text fields, without Ctrl, ⌘ or
 * Alt) opens the library. Returns whether they are on (the link then announces the key).
 */
export function useLibraryKey(db: SatchelDb): boolean {
  const [letterKeys, setLetterKeys] = useState(true);
  useEffect(() => {
    let open = true;
    singleKeyShortcuts(db).then((on) => open && setLetterKeys(on), (e: unknown) => console.warn('[satchel] popup could not read the shortcut setting', e));
    return () => {
      open = false;
    };
  }, [db]);

  useEffect(() => {
    if (!letterKeys) return;
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement | null;
      if (el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName))) return;
      if ((e.key === 'l' || e.key === 'L') && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        openLibrary();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [letterKeys]);
  return letterKeys;
}

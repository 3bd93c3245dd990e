import { useEffect, useState } from 'preact/hooks';
import { watchExtensionTheme, type StoredTheme } from '../../lib/platform/theme';

/**
 * The save panel's theme, 'light' or 'dark' (issue 12, red team finding 10): the learner's theme
 * choice from the options page (mirrored into browser.storage.local by lib/platform/theme.ts), or
 * the system's colour scheme for "system". Read when the panel opens and followed while it is open
 * (a change of the choice or of the system scheme). Until the stored choice is read the system's
 * scheme applies. The panel's stylesheet (./panel.css) picks its dark palette from
 * `data-theme="dark"` on the panel's layer.
 */
export function usePanelTheme(win: Window = window): 'light' | 'dark' {
  const [choice, setChoice] = useState<StoredTheme>('system');
  const [systemDark, setSystemDark] = useState(() => prefersDark(win));
  useEffect(() => watchExtensionTheme(setChoice), []);
  useEffect(() => {
    const mq = typeof win.matchMedia === 'function' ? win.matchMedia('(prefers-color-scheme: dark)') : null;
    if (!mq) return;
    const onChange = () => setSystemDark(mq.matches);
    onChange();
    mq.addEventListener('change', onChange);
    return () => mq.removeEventListener('change', onChange);
  }, [win]);
  return effectiveTheme(choice, systemDark);
}

/** The theme a choice gives: the choice itself, or for 'system' the system's scheme. */
export function effectiveTheme(choice: StoredTheme, systemDark: boolean): 'light' | 'dark' {
  return choice === 'system' ? (systemDark ? 'dark' : 'light') : choice;
}

function prefersDark(win: Window): boolean {
  return typeof win.matchMedia === 'function' && win.matchMedia('(prefers-color-scheme: dark)').matches;
}

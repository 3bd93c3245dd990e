import { useEffect, useState } from 'preact/hooks';
import type { Translate } from '../../lib/util/i18n';
import { browserFamily, closeThisTab, commandShortcut, markFirstRunDone, openShortcutSettings } from '../../lib/platform/first-run';
import { openOptionsPage } from '../../lib/platform/runtime';
import { WelcomeView } from '../../components/welcome/WelcomeView';

/** The manifest command whose key the page shows (wxt.config.ts `commands`). */
const SAVE_COMMAND = 'save-post';

/** First-run container: reads the real shortcut, wires the choices to lib/platform. */
export function App({ t }: { t: Translate }) {
  const [shortcut, setShortcut] = useState<string | null>(null);
  useEffect(() => void commandShortcut(SAVE_COMMAND).then(setShortcut), []);
  return (
    <WelcomeView
      t={t}
      shortcut={shortcut}
      family={browserFamily()}
      onOpenShortcuts={() => void openShortcutSettings()}
      onSignIn={() => {
        markFirstRunDone();
        void openOptionsPage();
      }}
      onOffline={() => {
        markFirstRunDone();
        void closeThisTab();
      }}
    />
  );
}

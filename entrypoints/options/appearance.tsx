import { useEffect, useState } from 'preact/hooks';
import type { SatchelDb } from '../../lib/db';
import { libraryDensity, setLibraryDensity, setSingleKeyShortcuts, setThemeChoice, singleKeyShortcuts, themeChoice } from '../../lib/db/settings';
import { storeTheme } from '../../lib/platform/theme';
import type { Translate } from '../../lib/util/i18n';
import { AppearanceSection, type AppearanceValues } from '../../components/options/AppearanceSection';

/**
 * The options page's Appearance section, bound to lib/db/settings.ts. The saved theme is mirrored
 * into localStorage (lib/platform/theme.ts) on load, so a page that boots before the database
 * answers still paints in the right theme, and on every change, which open pages follow at once.
 */
export function Appearance({ db, t }: { db: SatchelDb; t: Translate }) {
  const [values, setValues] = useState<AppearanceValues | null>(null);
  useEffect(() => {
    void (async () => {
      const [theme, density, singleKey] = await Promise.all([themeChoice(db), libraryDensity(db), singleKeyShortcuts(db)]);
      storeTheme(theme);
      setValues({ theme, density, singleKeyShortcuts: singleKey });
    })();
  }, [db]);
  if (!values) return null;
  const change = async (next: AppearanceValues) => {
    setValues(next);
    if (next.theme !== values.theme) {
      storeTheme(next.theme);
      await setThemeChoice(db, next.theme);
    }
    if (next.density !== values.density) await setLibraryDensity(db, next.density);
    if (next.singleKeyShortcuts !== values.singleKeyShortcuts) await setSingleKeyShortcuts(db, next.singleKeyShortcuts);
  };
  return <AppearanceSection values={values} onChange={(v) => void change(v)} t={t} />;
}

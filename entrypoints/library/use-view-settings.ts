import { useEffect, useState } from 'preact/hooks';
import { liveQuery } from 'dexie';
import type { SatchelDb } from '../../lib/db';
import { libraryDensity, setLibraryDensity, setSingleKeyShortcuts, singleKeyShortcuts, type Density } from '../../lib/db/settings';
import * as data from './data';

/** The library's device-local view settings, live (a change on the options page shows at once). */
export interface ViewSettings {
  density: Density;
  setDensity: (d: Density) => Promise<void>;
  /** Single-key shortcuts (`/` focuses search) are on (WCAG 2.1.4: they can be turned off). */
  singleKeys: boolean;
  setSingleKeys: (on: boolean) => Promise<void>;
  /** The tip follow-up delay in whole days (null while loading or unreadable). */
  delayDays: number | null;
  setDelayDays: (days: number) => Promise<void>;
}

/** Reads and writes the view settings of lib/db/settings.ts (device-local, in `kv`). */
export function useViewSettings(db: SatchelDb): ViewSettings {
  const [density, setDensityState] = useState<Density>('comfortable');
  const [singleKeys, setSingleKeysState] = useState(true);
  const [delayDays, setDelayDaysState] = useState<number | null>(null);
  useEffect(() => {
    const sub = liveQuery(async () => ({ density: await libraryDensity(db), singleKeys: await singleKeyShortcuts(db) })).subscribe({
      next: (v) => {
        setDensityState(v.density);
        setSingleKeysState(v.singleKeys);
      },
      error: (e: unknown) => console.error('[satchel] view settings', e),
    });
    return () => sub.unsubscribe();
  }, [db]);
  useEffect(() => void data.followUpDelayDays(db).then(setDelayDaysState, () => setDelayDaysState(null)), [db]);
  return {
    density,
    setDensity: async (d) => {
      setDensityState(d);
      await setLibraryDensity(db, d);
    },
    singleKeys,
    setSingleKeys: async (on) => {
      setSingleKeysState(on);
      await setSingleKeyShortcuts(db, on);
    },
    delayDays,
    setDelayDays: async (days) => {
      await data.setFollowUpDelayDays(db, days);
      setDelayDaysState(days);
    },
  };
}

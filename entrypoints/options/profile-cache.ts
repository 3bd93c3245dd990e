import type { SatchelDb } from '../../lib/db';
import type { AccountView, DeviceView, TeamView } from '../../components/options/types';

/** What the options page last loaded from the server for the signed-in account. */
export interface Profile {
  account: AccountView;
  teams: TeamView[];
  devices: DeviceView[];
}

/** A {@link Profile} with when it was loaded (epoch ms). */
export interface CachedProfile {
  profile: Profile;
  at: number;
}

/** kv key of the last loaded profile (device-local, never synced; removed at sign-out). */
export const PROFILE_CACHE_KEY = 'optionsProfile';

/**
 * The last profile loaded for `userId`, or null (none, another account's, or a row of another
 * shape). Lets the page keep the account, devices and teams on screen, marked as possibly out of
 * date, while the server does not answer (issue 12).
 */
export async function readCachedProfile(db: SatchelDb, userId: string): Promise<CachedProfile | null> {
  const v = (await db.kv.get(PROFILE_CACHE_KEY))?.value as Partial<CachedProfile> | undefined;
  const p = v?.profile;
  if (!p || typeof v.at !== 'number' || p.account?.userId !== userId || !Array.isArray(p.teams) || !Array.isArray(p.devices)) return null;
  return { profile: p, at: v.at };
}

/** Keeps `profile` as loaded at `at` (epoch ms). */
export async function writeCachedProfile(db: SatchelDb, profile: Profile, at: number): Promise<void> {
  await db.kv.put({ key: PROFILE_CACHE_KEY, value: { profile, at } });
}

/** Forgets the cached profile (sign-out: the next account must not see it). */
export async function clearCachedProfile(db: SatchelDb): Promise<void> {
  await db.kv.delete(PROFILE_CACHE_KEY);
}

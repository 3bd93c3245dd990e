import { useEffect, useState } from 'preact/hooks';
import type { SatchelDb } from '../../lib/db';
import type { StoredSyncAuth } from '../../lib/db/sync-state';
import type { ApiClient } from '../../lib/sync/api-client';
import { readCachedProfile, writeCachedProfile, type Profile } from './profile-cache';
import type { Words } from './words';

/** A failed profile load the page shows, and whether signing in again is the way out (a 401). */
export interface ProfileError {
  text: string;
  signIn: boolean;
}

/**
 * The signed-in account's profile (`/v1/me` and `/v1/devices` through `client`), loaded whenever the
 * token changes and kept in the device cache (./profile-cache.ts). When the server is down or
 * unreachable (status 0 or 5xx) the last known profile stays, with `profileAt` (epoch ms) to mark it
 * possibly out of date, and `unreachable` set (issue 12); any other failure becomes `profileError`.
 * Signed out (`auth` null): nothing.
 */
export function useProfile(db: SatchelDb, auth: StoredSyncAuth | null, client: ApiClient | null, words: Words) {
  const [profile, setProfile] = useState<Profile | null>(null);
  const [profileError, setProfileError] = useState<ProfileError | null>(null);
  const [profileAt, setProfileAt] = useState<number | null>(null);
  const [unreachable, setUnreachable] = useState(false);

  const loadProfile = async (): Promise<void> => {
    if (!client || !auth) return;
    try {
      const [me, dev] = await Promise.all([client.me(), client.devices()]);
      const next: Profile = { account: { userId: me.user.id, email: me.user.email, displayName: me.user.displayName }, teams: me.teams, devices: dev.devices };
      const at = Date.now();
      setProfile(next);
      setProfileAt(at);
      setProfileError(null);
      setUnreachable(false);
      await writeCachedProfile(db, next, at);
    } catch (e) {
      const status = (e as { status?: number }).status ?? -1;
      if (status === 0 || status >= 500) {
        // The server is down or unreachable: keep what we know, never the sign-in form.
        setUnreachable(true);
        setProfileError(null);
        const cached = await readCachedProfile(db, auth.userId);
        if (cached) setProfile((cur) => cur ?? cached.profile);
        if (cached) setProfileAt((cur) => cur ?? cached.at);
      } else {
        setUnreachable(false);
        setProfileError({ text: words(e), signIn: status === 401 });
      }
    }
  };
  useEffect(() => {
    if (auth) void loadProfile();
    else {
      setProfile(null);
      setProfileAt(null);
      setUnreachable(false);
    }
  }, [auth?.token]);

  return { profile, profileAt, profileError, unreachable, loadProfile, clearProfileError: () => setProfileError(null) };
}

import { useState } from 'preact/hooks';
import type { SatchelDb } from '../../lib/db';
import { clearSyncAuth, countPending, countLocalCaptures, clearLocalLibrary } from '../../lib/db/sync-state';
import type { ApiClient } from '../../lib/sync/api-client';
import type { ActionResult } from '../../components/options/types';
import { clearCachedProfile } from './profile-cache';
import type { Words } from './words';

/** What {@link useSignOut} needs from the options page. */
export interface SignOutOptions {
  db: SatchelDb;
  /** The signed-in client, or null. */
  client: ApiClient | null;
  words: Words;
  /** Signed out, the library kept or removed (the notice's i18n key): back to sign-in. */
  onSignedOut: (noticeKey: 'optSignedOutRemoved' | 'optSignedOutKept') => void;
  /** The dead token was dropped after a 401: back to sign-in. */
  onTokenDropped: () => void;
}

/**
 * Signing out of the options page: `openSignOut` counts the unsynced changes and local captures
 * for the dialog (`signingOut`, null while closed); `signOut` tells the server (a 401 means already
 * signed out; any other failure keeps the learner signed in, with words), forgets the token and the
 * cached profile and, when asked, the local library. `signInAgain` after a 401 on the account page
 * forgets the dead token and offers sign-in again (the outbox is kept).
 */
export function useSignOut({ db, client, words, onSignedOut, onTokenDropped }: SignOutOptions) {
  const [signingOut, setSigningOut] = useState<{ pending: number; captures: number } | null>(null);

  const openSignOut = async () => setSigningOut({ pending: await countPending(db), captures: await countLocalCaptures(db) });

  const signOut = async (removeLibrary: boolean): Promise<ActionResult> => {
    if (client) {
      try {
        await client.signOut();
      } catch (e) {
        // Already signed out on the server (401): fine. Anything else: stay signed in, say why.
        const status = (e as { status?: number }).status;
        if (status !== 401) return { ok: false, error: words(e, 'sign-out') };
      }
    }
    try {
      await clearSyncAuth(db);
      await clearCachedProfile(db);
      if (removeLibrary) await clearLocalLibrary(db);
    } catch (e) {
      return { ok: false, error: words(e) };
    }
    setSigningOut(null);
    onSignedOut(removeLibrary ? 'optSignedOutRemoved' : 'optSignedOutKept');
    return { ok: true, value: undefined };
  };

  const signInAgain = async () => {
    await clearSyncAuth(db);
    await clearCachedProfile(db);
    onTokenDropped();
  };

  return { signingOut, openSignOut, closeSignOut: () => setSigningOut(null), signOut, signInAgain };
}

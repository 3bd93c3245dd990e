import type { Translate } from '../../lib/util/i18n';
import { fmt } from '../../components/format';
import { friendlyTime } from '../../lib/util/time';
import type { Profile } from './profile-cache';
import type { ProfileError } from './use-profile';

/** Props of {@link AccountCard}. */
export interface AccountCardProps {
  /** The loaded (or last known) profile; null while loading or when nothing is known. */
  profile: Profile | null;
  serverUrl: string;
  /** The server did not answer: the profile shown may be out of date. */
  unreachable: boolean;
  /** When the shown profile was loaded (epoch ms). */
  profileAt: number | null;
  profileError: ProfileError | null;
  onRetry: () => void;
  onSignInAgain: () => void;
  onSignOut: () => void;
  t: Translate;
  locale?: string;
}

/**
 * The options page's "Signed in" card (heading `signed-in-title`, focused when the step opens):
 * name, email and server; "may be out of date" with the load time when the server does not
 * answer (issue 12); a failed load with Retry (and Sign in after a 401); Sign out.
 */
export function AccountCard({ profile, serverUrl, unreachable, profileAt, profileError, onRetry, onSignInAgain, onSignOut, t, locale }: AccountCardProps) {
  return (
    <section class="opt-card" aria-labelledby="signed-in-title">
      <h2 id="signed-in-title" tabIndex={-1}>{t('optSignedInTitle')}</h2>
      {profile ? (
        <dl class="opt-facts" data-testid="account">
          <dt>{t('optDisplayName')}</dt>
          <dd>{profile.account.displayName}</dd>
          <dt>{t('optEmail')}</dt>
          <dd>{profile.account.email}</dd>
          <dt>{t('optServerLabel')}</dt>
          <dd>{serverUrl}</dd>
        </dl>
      ) : unreachable ? <p class="muted">{t('optProfileUnknown')}</p> : !profileError && <p class="muted">{t('optLoading')}</p>}
      {unreachable && profile && profileAt !== null && (
        <p class="opt-warning" data-testid="profile-stale">{fmt(t('optProfileStale'), { time: friendlyTime(profileAt, Date.now(), locale) }, locale)}</p>
      )}
      {profileError && (
        <div class="opt-error" role="alert">
          <p>{profileError.text}</p>
          <div class="inline-actions">
            <button type="button" class="btn btn--small" onClick={onRetry}>{t('optRetry')}</button>
            {profileError.signIn && <button type="button" class="btn btn--small" onClick={onSignInAgain}>{t('syncSignIn')}</button>}
          </div>
        </div>
      )}
      <div class="inline-actions">
        <button type="button" class="btn" onClick={onSignOut}>{t('optSignOut')}</button>
      </div>
    </section>
  );
}

import type { Translate } from '../../lib/util/i18n';
import type { SiteId } from '../../lib/sites/meta';
import { Logo } from '../Logo';
import { SiteDemo } from './SiteDemo';
import './welcome.css';

/** Props of {@link WelcomeView}. */
export interface WelcomeViewProps {
  t: Translate;
  /**
   * The key set for "Save the post in view" (`browser.commands.getAll()`): e.g. "Alt+Shift+S"; ''
   * when none is set; null while unknown.
   */
  shortcut: string | null;
  /** Chrome opens its shortcut page from a button; Firefox gets the way there in words. */
  family: 'chrome' | 'firefox';
  /** Opens the browser's keyboard-shortcut settings (Chrome). */
  onOpenShortcuts: () => void;
  /** Opens the options page to sign in. */
  onSignIn: () => void;
  /** Marks the first run done and closes the page. */
  onOffline: () => void;
}

const SITES: readonly SiteId[] = ['linkedin', 'x', 'yammer'];

/**
 * The first-run page (opened once, on install): what Satchel does on each supported site (a drawing
 * of the Save control per site), the keyboard shortcut and where to change it, and the two ways to
 * start: sign in to sync, or use it offline. Presentational: props in, callbacks out.
 */
export function WelcomeView({ t, shortcut, family, onOpenShortcuts, onSignIn, onOffline }: WelcomeViewProps) {
  return (
    <main class="welcome">
      <header class="welcome__head">
        <Logo size={48} />
        <div>
          <h1>{t('welcomeTitle')}</h1>
          <p class="welcome__lead">{t('welcomeLead')}</p>
        </div>
      </header>

      <section class="welcome__section" aria-labelledby="welcome-sites">
        <h2 id="welcome-sites">{t('welcomeSitesTitle')}</h2>
        <p class="muted">{t('welcomeSitesIntro')}</p>
        <ul class="welcome__sites">
          {SITES.map((s) => <li key={s}><SiteDemo site={s} t={t} /></li>)}
        </ul>
      </section>

      <section class="welcome__section" aria-labelledby="welcome-keys">
        <h2 id="welcome-keys">{t('welcomeKeysTitle')}</h2>
        <p data-testid="welcome-shortcut">
          {shortcut === null ? t('welcomeKeysUnknown') : shortcut === '' ? t('welcomeKeysNone') : (
            <>{t('welcomeKeysPress')} <kbd class="welcome__kbd">{shortcut}</kbd> {t('welcomeKeysWhat')}</>
          )}
        </p>
        {family === 'chrome' ? (
          <p>
            <button type="button" class="btn" onClick={onOpenShortcuts}>{t('welcomeKeysOpen')}</button>
          </p>
        ) : (
          <p class="muted">{t('welcomeKeysFirefox')}</p>
        )}
      </section>

      <section class="welcome__section" aria-labelledby="welcome-start">
        <h2 id="welcome-start">{t('welcomeStartTitle')}</h2>
        <div class="welcome__choices">
          <div class="welcome__choice">
            <h3>{t('welcomeSyncTitle')}</h3>
            <p class="muted">{t('welcomeSyncText')}</p>
            <button type="button" class="btn btn--primary" onClick={onSignIn}>{t('welcomeSignIn')}</button>
          </div>
          <div class="welcome__choice">
            <h3>{t('welcomeOfflineTitle')}</h3>
            <p class="muted">{t('welcomeOfflineText')}</p>
            <button type="button" class="btn" onClick={onOffline}>{t('welcomeOffline')}</button>
          </div>
        </div>
      </section>
    </main>
  );
}

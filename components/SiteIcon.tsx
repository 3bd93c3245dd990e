import type { Platform } from '../lib/schema';
import type { Translate } from '../lib/util/i18n';

/** messages.json key of each platform's display name. */
export const SITE_NAME_KEY: Record<Platform, string> = {
  linkedin: 'siteLinkedin',
  x: 'siteX',
  yammer: 'siteYammer',
  web: 'siteWeb',
};

const GLYPH: Record<Platform, string> = { linkedin: 'in', x: 'X', yammer: 'VE', web: '◎' };

/** Props of {@link SiteIcon}. */
export interface SiteIconProps {
  platform: Platform;
  t: Translate;
}

/**
 * A small square badge for the site a capture came from (monogram on the site's colour, set by
 * CSS class `site-icon--<platform>`). It is an image for assistive technology, named by the site.
 */
export function SiteIcon({ platform, t }: SiteIconProps) {
  return (
    <span class={`site-icon site-icon--${platform}`} role="img" aria-label={t(SITE_NAME_KEY[platform])} title={t(SITE_NAME_KEY[platform])}>
      <span aria-hidden="true">{GLYPH[platform]}</span>
    </span>
  );
}

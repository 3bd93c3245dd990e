import type { Platform } from '../lib/schema';
import type { Translate } from '../lib/util/i18n';
import { PLATFORM_META, WEB_META, bySite } from '../lib/sites/meta';

/** messages.json key of each platform's display name (from the site table, lib/sites/meta.ts). */
export const SITE_NAME_KEY: Readonly<Record<Platform, string>> = { ...bySite((m) => m.nameKey), web: WEB_META.nameKey };

/** Props of {@link SiteIcon}. */
export interface SiteIconProps {
  platform: Platform;
  t: Translate;
}

/**
 * A small square badge for the site a capture came from: the site's monogram on its colour, both
 * from the site table (lib/sites/meta.ts). The colour is given as the custom property
 * `--site-colour`, which components/theme.css `.site-icon` paints (no style sheet holds a site's
 * colour: tests/site-table-copies.test.ts). It is an image for assistive technology, named by the site.
 */
export function SiteIcon({ platform, t }: SiteIconProps) {
  const meta = PLATFORM_META[platform];
  const name = t(meta.nameKey);
  return (
    <span class={`site-icon site-icon--${platform}`} style={{ '--site-colour': meta.colour }} role="img" aria-label={name} title={name}>
      <span aria-hidden="true">{meta.glyph}</span>
    </span>
  );
}

import type { Platform } from '../lib/schema';
import type { Translate } from '../lib/util/i18n';
import { PLATFORM_META } from '../lib/sites/meta';

/** messages.json key of each platform's display name (from the site table, lib/sites/meta.ts). */
export const SITE_NAME_KEY = Object.fromEntries(Object.entries(PLATFORM_META).map(([p, m]) => [p, m.nameKey])) as Readonly<Record<Platform, string>>;

/** Props of {@link SiteIcon}. */
export interface SiteIconProps {
  platform: Platform;
  t: Translate;
}

/**
 * A small square badge for the site a capture came from: the site's monogram on its colour, both
 * from the site table (lib/sites/meta.ts); the class `site-icon--<platform>` carries the rest of
 * its look. It is an image for assistive technology, named by the site.
 */
export function SiteIcon({ platform, t }: SiteIconProps) {
  const meta = PLATFORM_META[platform];
  const name = t(meta.nameKey);
  return (
    <span class={`site-icon site-icon--${platform}`} style={{ background: meta.colour }} role="img" aria-label={name} title={name}>
      <span aria-hidden="true">{meta.glyph}</span>
    </span>
  );
}

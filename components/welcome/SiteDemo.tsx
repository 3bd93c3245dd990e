import type { Translate } from '../../lib/util/i18n';
import { SITE_META, type SiteId } from '../../lib/sites/meta';

/** Props of {@link SiteDemo}. */
export interface SiteDemoProps {
  site: SiteId;
  t: Translate;
}

/** The site's own action row, in the order the site shows it; Satchel's Save comes last. */
const ACTIONS: Record<SiteId, readonly string[]> = {
  linkedin: ['welcomeActLike', 'welcomeActComment', 'welcomeActRepost'],
  x: ['welcomeActReply', 'welcomeActRepost', 'welcomeActLike'],
  yammer: ['welcomeActLike', 'welcomeActReply', 'welcomeActShare'],
};

/**
 * A small drawing of a post on `site` (HTML and CSS only, no remote images) with Satchel's Save
 * control in the post's own action row, as the content script places it, and a caption in words.
 * The drawing is decorative (`aria-hidden`); the caption says what it shows. The site's colour comes
 * from the site table as `--site-colour` (welcome.css paints the brand badge and accent line with it).
 */
export function SiteDemo({ site, t }: SiteDemoProps) {
  const meta = SITE_META[site];
  return (
    <figure class={`site-demo site-demo--${site}`} style={{ '--site-colour': meta.colour }} data-testid={`site-demo-${site}`}>
      <div class="site-demo__post" aria-hidden="true">
        <div class="site-demo__bar">
          <span class="site-demo__brand">{meta.glyph}</span>
          <span class="site-demo__site">{t(meta.nameKey)}</span>
        </div>
        <div class="site-demo__author">
          <span class="site-demo__avatar" />
          <span class="site-demo__name">{t('welcomeDemoAuthor')}</span>
        </div>
        <p class="site-demo__text">{t('welcomeDemoText')}</p>
        <div class="site-demo__actions">
          {ACTIONS[site].map((k) => <span key={k} class="site-demo__act">{t(k)}</span>)}
          <span class="site-demo__save"><span class="site-demo__glyph" />{t('saveButtonTextSave')}</span>
        </div>
      </div>
      <figcaption class="site-demo__caption">{t(`welcomeDemoCaption_${site}`)}</figcaption>
    </figure>
  );
}

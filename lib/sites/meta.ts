import type { Platform } from '../schema';

/**
 * Everything Satchel knows about each supported site besides its adapter, in one table: display
 * name, content-script match patterns, the attributes that carry post ids, and the badge colour and
 * glyph. Pure data: no zod, no DOM, no adapter code, so the content script, components, wxt.config.ts
 * (through ./matches.ts) and tests can all read it. tests/architecture.test.ts checks that every
 * site here has an adapter and a content script (`entrypoints/<id>.content.ts`) and the other way
 * round.
 */

/** A site with an adapter and a content script. */
export type SiteId = Exclude<Platform, 'web'>;

/** How the UI shows a platform (every capture has one, including `web`). */
export interface PlatformMeta {
  /** messages.json key of the display name (components translate it). */
  readonly nameKey: string;
  /** Badge background (components/SiteIcon.tsx): the site's own brand colour, white glyph on it. */
  readonly colour: string;
  /** Badge monogram. */
  readonly glyph: string;
}

/** A supported site: {@link PlatformMeta} plus what the content script needs. */
export interface SiteMeta extends PlatformMeta {
  /** Brand name for the content script's own strings ("LinkedIn"); brand names are not translated. */
  readonly name: string;
  /** WXT/Chrome match patterns of the site's content script, and the extension's host permissions. */
  readonly matches: readonly string[];
  /**
   * Attributes whose change can mean that an element now shows another post (a virtualised list
   * reuses it, docs/sites/x.md 1.3): the capture controller observes these (and only these: X rewrites
   * `style` on every scroll). Listed per site after what the adapter's `postId` reads.
   */
  readonly idAttributes: readonly string[];
  /**
   * The least height (CSS px) of the site's fixed top bar, which the save panel keeps clear of besides
   * what it measures on the page (entrypoints/content/control-ui.tsx `pageTopBar`): LinkedIn's global
   * navigation is about 52 px, Viva Engage's suite header about 48 px; X has a left column and no top bar.
   */
  readonly topBarPx: number;
}

/**
 * The supported sites. Only the hosts Satchel needs (issue 2). Tests and the demo serve fixture
 * pages under these same https host names (self-signed certificate, `--host-resolver-rules`), so no
 * test-only host is added.
 */
export const SITE_META = {
  linkedin: {
    name: 'LinkedIn',
    nameKey: 'siteLinkedin',
    matches: ['https://www.linkedin.com/*'],
    // URN attributes (selectors.ts `urnAttrs`), Gen C `componentkey`, post links, tracking scope.
    idAttributes: ['href', 'data-urn', 'data-id', 'data-activity-urn', 'data-attributed-urn', 'data-entity-urn', 'componentkey', 'data-view-tracking-scope'],
    colour: '#0a66c2',
    glyph: 'in',
    topBarPx: 52,
  },
  x: {
    name: 'X',
    nameKey: 'siteX',
    matches: ['https://x.com/*', 'https://twitter.com/*', 'https://mobile.x.com/*', 'https://mobile.twitter.com/*'],
    // The status link around `<time>` and its `datetime` (a recycled cell rewrites both).
    idAttributes: ['href', 'datetime'],
    colour: '#000',
    glyph: 'X',
    topBarPx: 0,
  },
  yammer: {
    name: 'Viva Engage',
    nameKey: 'siteYammer',
    matches: ['https://web.yammer.com/*', 'https://www.yammer.com/*', 'https://engage.cloud.microsoft/*', 'https://*.engage.cloud.microsoft/*'],
    // Message/thread links; the fallback id hashes the time (`datetime`).
    idAttributes: ['href', 'datetime', 'data-id'],
    colour: '#4f52b2',
    glyph: 'VE',
    topBarPx: 48,
  },
} as const satisfies Record<SiteId, SiteMeta>;

/** Captures of any other web page (context menu, shortcut on a page without a content script). */
export const WEB_META: PlatformMeta = { nameKey: 'siteWeb', colour: '#4b5563', glyph: '◎' };

/** How the UI shows each platform. */
export const PLATFORM_META: Readonly<Record<Platform, PlatformMeta>> = { ...SITE_META, web: WEB_META };

/** The ids of every supported site, in table order. */
export const SITE_IDS = Object.keys(SITE_META) as SiteId[];

/** A record with `pick(meta, id)` for every supported site. */
export function bySite<T>(pick: (meta: SiteMeta, id: SiteId) => T): Record<SiteId, T> {
  const out = {} as Record<SiteId, T>;
  for (const id of SITE_IDS) out[id] = pick(SITE_META[id], id);
  return out;
}

/** True when `id` names a supported site. */
export function isSiteId(id: string): id is SiteId {
  return Object.hasOwn(SITE_META, id);
}

/**
 * LinkedIn selectors, named by role (ARCHITECTURE.md 6.3). Variants are arrays, best first, one
 * comment per variant (generation / page type). Never a hashed class name (SITE-DOM.md §0 rule 1):
 * only LinkedIn's stable BEM classes, `data-*` attributes, ARIA and URL shapes.
 *
 * Generations (SITE-DOM.md §2): A = Ember/artdeco, B = hybrid (A plus tracking-scope wrapper and some
 * hashed classes), C = SDUI React (hashed classes only, `data-testid`/`componentkey`/ARIA).
 * Guest = the logged-out public post page.
 */

/** Joins variants into one selector list. */
export const any = (variants: readonly string[]): string => variants.join(', ');

// ---------------------------------------------------------------- post roots

/** Gen A/B post root. */
export const postRootAB = [
  // Gen A/B: all 3 logged-in fixtures (role=article in feeds, role=region on 2024 activity pages).
  // TODO [2027-06-01]: Gen C replaces this on the home feed since 2025-10 (SITE-DOM.md §2.3); drop Gen A/B
  // once no page type serves it (check activity pages, which rolled back to it on 2026-05-14).
  'div.feed-shared-update-v2[data-urn]',
] as const;

/** Gen B wrapper; used as the root only when it holds no `postRootAB` (SITE-DOM.md §2.1 fallback). */
export const postWrapperB = [
  // Gen B: 2025-08 feed and 2026-07 activity fixtures (carries data-view-tracking-scope).
  '[data-view-name="feed-full-update"]',
] as const;

/** Gen C feed container (SITE-DOM.md §2.2; synthetic sdui fixtures). */
export const feedListC = [
  // Gen C home feed (2025-10 →).
  'div[data-testid="mainFeed"]',
] as const;
/** Gen C post candidates (list items); see postMarkerC for the filter. */
export const postItemC = [
  // Gen C: any list item of the main feed; kept only when it shows a post marker (postMarkerC).
  'div[data-testid="mainFeed"] div[role="listitem"]',
  // Gen C search results and other SDUI lists: items keyed with a FeedType_ suffix.
  'div[role="listitem"][componentkey*="FeedType_"]',
] as const;
/** Something only a post (not a suggestion/ad module) has, Gen C. */
export const postMarkerC = [
  '[data-testid="expandable-text-box"]',
  'button[aria-label^="Open control menu for post by "]',
  'p[componentkey^="feed-commentary"]',
] as const;

/** Guest (logged-out) public post page: the commentary marks the post (guest fixture). */
export const guestCommentary = [
  '[data-test-id="main-feed-activity-card__commentary"]',
] as const;
/** Guest page post container, best first. `article` is the upstream-trimmed fixture's only container. */
export const guestRoot = [
  // reported on full guest pages (not in the trimmed fixture)
  '[data-activity-urn]',
  '[data-test-id="main-feed-activity-card"]',
  'article',
] as const;
/** Guest page parts that are comments, never the post (guest fixture: `p.comment__text`). */
export const guestComments = ['.comment', '.comment__text', '[data-test-id*="comment"]'] as const;

// ---------------------------------------------------------------- ids

/** Attributes holding the post URN directly. */
export const urnAttrs = ['data-urn', 'data-id', 'data-activity-urn', 'data-attributed-urn'] as const;
/** Elements with tracking JSON whose `breadcrumb.updateUrn` is the post id (Gen B; Gen C when present). */
export const trackingScope = '[data-view-tracking-scope]';
/** Links that may carry the post id in their URL (`/feed/update/urn…`, `/posts/…-activity-<id>-…`). */
export const postLinks = 'a[href*="/feed/update/"], a[href*="/posts/"], a[href*="urn%3Ali%3A"], a[href*="urn:li:"]';
/** SDUI elements with a componentkey (comments embed `urn:li:activity:<id>`, SITE-DOM.md §2.2 (1)). */
export const componentKeyed = '[componentkey]';

// ---------------------------------------------------------------- nested content that is not the post

/**
 * The reshared post inside a repost (Gen A/B) and other blocks whose contents belong to someone
 * else: reads of the main post skip them (SITE-DOM.md §0 rule 2).
 */
export const resharedAB = [
  // Gen A/B mini update (reported, modelled in the repost synthetic fixture)
  '.update-components-mini-update-v2',
  // Gen A/B older reshare wrapper
  '.feed-shared-update-v2__update-content-wrapper',
] as const;
/** Gen C reshared post (reported `data-view-name` values; unverified, used as an extra). */
export const resharedC = ['[data-view-name="feed-reshare"]', '[data-view-name="feed-reshared-update"]'] as const;
/** Comments under a post. */
export const comments = [
  '.feed-shared-update-v2__comments-container',
  '.comments-comments-list',
  '[componentkey^="replaceableComment_"]',
] as const;

// ---------------------------------------------------------------- header context ("X reposted this")

/** Header line above the author ("X reposted this", "X commented on this", "X likes this"). */
export const headerText = [
  // Gen A/B: 2024-09 fixture ("Member X commented on this")
  '.update-components-header__text-view',
  // Gen C: reported data-view-name (unverified)
  '[data-view-name="feed-header-text"]',
] as const;
/** The whole header block, whose links are the header actor's, never the author's. */
export const headerBlock = ['.update-components-header', '[data-view-name="feed-header-text"]'] as const;

// ---------------------------------------------------------------- author

/** Gen A/B actor block (class `update-components-actor` is hashed in Gen B, its children are not). */
export const actorContainer = ['.update-components-actor__container', '.update-components-actor'] as const;
/** Gen A/B: the link holding the author's name; name and URL are read from this same element. */
export const actorMetaLink = ['a.update-components-actor__meta-link', '.update-components-actor__meta a[href]'] as const;
/** Gen A/B: the visible copy of the name, inside actorMetaLink. */
export const actorName = [
  // Gen A/B 2025-08, 2026-07 (title > hashed span > span[dir=ltr])
  '.update-components-actor__title span[dir="ltr"] > span[aria-hidden="true"]',
  // Gen A 2024-09
  '.update-components-actor__name span[aria-hidden="true"]',
  '.update-components-actor__title',
  '.update-components-actor__name',
] as const;
/** Gen A/B avatar link of the actor (all 3 logged-in fixtures). */
export const actorAvatarLink = ['a.update-components-actor__image'] as const;
/** Gen A/B avatar image of the actor (all 3 logged-in fixtures). */
export const actorAvatarImg = ['img.update-components-actor__avatar-image', '.update-components-actor__avatar img', 'a.update-components-actor__image img'] as const;
/** Localised label prefix of the post menu (Gen A/B/C); English only, add languages here. */
export const controlMenuPrefixes = ['Open control menu for post by '] as const;
/** The post's "…" menu button, whose label names the author (all fixtures; Gen C reported). */
export const controlMenuButton = 'button[aria-label^="Open control menu for post by "]';

/** Guest page author (reported `data-tracking-control-name` values; the trimmed fixture has none). */
/** Guest page author name link (reported). */
export const guestActorName = ['a[data-tracking-control-name="public_post_feed-actor-name"]'] as const;
/** Guest page author avatar (reported). */
export const guestActorImage = ['a[data-tracking-control-name="public_post_feed-actor-image"] img'] as const;

// ---------------------------------------------------------------- text

/** Post text. Full text is in the DOM; the "…more" toggle only removes a CSS clamp (never click). */
export const postText = [
  // Gen A/B: all 3 logged-in fixtures
  '.update-components-update-v2__commentary',
  '.feed-shared-update-v2__description .update-components-text',
  '.update-components-text',
  // TODO [2027-06-01]: drop when no page serves the pre-2023 description class (no fixture, reported).
  '.feed-shared-update-v2__description',
  // Gen C (SITE-DOM.md §2.2)
  '[data-testid="expandable-text-box"]',
  'p[componentkey^="feed-commentary"]',
  // Guest page
  '[data-test-id="main-feed-activity-card__commentary"]',
] as const;
/** "…more"/"see more" toggles: skipped when reading text. */
export const seeMoreButton = [
  '.feed-shared-inline-show-more-text__see-more-less-toggle',
  '[data-testid="expandable-text-button"]',
  'button',
] as const;

// ---------------------------------------------------------------- media and cards

/** Image blocks of a post (images read at the largest size present). */
export const imageContainer = [
  // Gen A/B single and multi image (2024-09 fixture)
  '.update-components-image',
  // Gen C (reported data-view-name)
  '[data-view-name="feed-update-image"]',
] as const;
/** Video blocks of a post (poster read, never the `blob:`/signed playlist src). */
export const videoContainer = [
  // Gen A/B native video (2026-07 fixture, video.js)
  '.update-components-linkedin-video',
  // Gen C (reported)
  '[data-view-name="feed-update-video"]',
] as const;
/** The video.js poster layers (background-image url), used when `video[poster]` is missing. */
export const videoPosterLayer = '.vjs-poster, .vjs-poster-background';
/** Link preview cards: title + link. */
export const articleCard = [
  // Gen A/B link preview (reported)
  '.update-components-article',
  '.update-components-article-first-party',
  // Gen C (reported data-view-name)
  '[data-view-name="feed-update-article"]',
] as const;
/** Title inside a link preview card. */
export const articleTitle = ['.update-components-article__title', '[class*="article__title"]', 'h2', 'h3'] as const;

// ---------------------------------------------------------------- reshared post (quoted)

/** Gen A/B reshared post block (reported; repost synthetic fixture). */
export const miniUpdate = ['.update-components-mini-update-v2'] as const;
/** Link from the mini update to the reshared post's page: its URL carries the reshared post's id. */
export const miniUpdateDetailsLink = ['a.update-components-mini-update-v2__link-to-details-page', 'a[href*="/feed/update/"]'] as const;
/** Marker of a reshared post that LinkedIn says is gone (reported, no fixture). */
export const miniUpdateUnavailable = ['.update-components-mini-update-v2__unavailable', '.feed-shared-update-v2__unavailable'] as const;

// ---------------------------------------------------------------- action row

/** Gen A/B social action bar (Like / Comment / Repost / Send), where Save is placed. */
export const actionBar = [
  // Gen A/B: 2024-09 and 2025-08 fixtures
  '.feed-shared-social-action-bar',
  // Gen A/B older. TODO [2027-06-01]: drop when no page serves it (no fixture since 2024-09).
  '.feed-shared-social-actions',
] as const;
/** Gen C action buttons (ARIA; reported): the row is their nearest common ancestor. */
export const actionButtonsC = [
  'button[aria-label^="Reaction button state"]',
  'button[aria-label="Comment"]',
  'button[aria-label="Repost"]',
  'button[aria-label="Send"]',
  'button[aria-label^="Send in a private message"]',
] as const;

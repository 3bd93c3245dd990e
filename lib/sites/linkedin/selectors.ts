/**
 * LinkedIn selectors, named by role (docs/architecture.md 6.3). Variants are arrays, best first, one
 * comment per variant (generation / page type). Never a hashed class name (docs/sites/linkedin.md "Three generations"):
 * only LinkedIn's stable BEM classes, `data-*` attributes, ARIA and URL shapes.
 *
 * Generations: A = Ember/artdeco, B = hybrid (A plus tracking-scope wrapper and some
 * hashed classes), C = SDUI React (hashed classes only, `data-testid`/`componentkey`/ARIA).
 * Guest = the logged-out public post page. Background and evidence: docs/sites/linkedin.md.
 */
import { LABEL_PACKS } from './labels';

/** Joins variants into one selector list. */
export const any = (variants: readonly string[]): string => variants.join(', ');

// ---------------------------------------------------------------- post roots

/** Gen A/B post root. */
export const postRootAB = [
  // Gen A/B: all 3 logged-in fixtures (role=article in feeds, role=region on 2024 activity pages).
  // TODO [2027-06-01]: Gen C replaces this on the home feed since 2025-10 (docs/sites/linkedin.md); drop Gen A/B
  // once no page type serves it (check activity pages, which rolled back to it on 2026-05-14).
  'div.feed-shared-update-v2[data-urn]',
] as const;

/** Gen B wrapper; used as the root only when it holds no `postRootAB` (Gen B fallback). */
export const postWrapperB = [
  // Gen B: 2025-08 feed and 2026-07 activity fixtures (carries data-view-tracking-scope).
  '[data-view-name="feed-full-update"]',
] as const;

/** Gen C feed container (SDUI feed fixture). */
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
/**
 * Buttons whose label names the post's author: the "…" menu and (Gen C) the hide button, in every
 * language of labels.ts. Seen on every post of the real captures; absent on the course card.
 */
export const authorLabelButton = LABEL_PACKS.flatMap((p) => [`button[aria-label^="${p.controlMenu}"]`, `button[aria-label^="${p.hidePost}"]`]);
/**
 * Something only a post (not a suggestion, course or ad module) has, Gen C: the text box (all text
 * posts of the SDUI feed fixture) or a button naming the author (also image-only posts, any language).
 */
export const postMarkerC: readonly string[] = [
  '[data-testid="expandable-text-box"]',
  'p[componentkey^="feed-commentary"]',
  ...authorLabelButton,
];

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
/**
 * Gen C comment bar whose key encodes the post id: `<base64>-replaceableCommentTools<token>FeedType_…`,
 * in `componentkey` (every post of the SDUI feed fixture) or, in some layouts, `id` (reported).
 */
export const commentToolsKey = '[componentkey*="-replaceableCommentTools"], [id*="-replaceableCommentTools"]';
/** Gen C loaded comment: `replaceableComment_urn:li:comment:(urn:li:activity:<id>,<cid>)` in `componentkey` or `id`. */
export const loadedComment = '[componentkey^="replaceableComment_"], [id^="replaceableComment_"]';

// ---------------------------------------------------------------- nested content that is not the post

/**
 * The reshared post inside a repost (Gen A/B) and other blocks whose contents belong to someone
 * else: reads of the main post skip them.
 */
export const resharedAB = [
  // Gen A/B mini update (reported, modelled in the repost synthetic fixture)
  '.update-components-mini-update-v2',
  // Gen A/B older reshare wrapper
  '.feed-shared-update-v2__update-content-wrapper',
] as const;
/** Gen C reshared post (reported `data-view-name` values; unverified, used as an extra). */
export const resharedC = ['[data-view-name="feed-reshare"]', '[data-view-name="feed-reshared-update"]'] as const;
/**
 * Gen C: the reshared post's text link to its own page (`/feed/update/urn:li:share:<id>`), which marks
 * the reshared part of a reshare with commentary (reported by several projects; modelled in the
 * `…sdui_reshare…` synthetic fixture). The part is the marker's largest ancestor without the card's own content.
 */
export const reshareMarkerC = '[componentkey^="feed-original-share-description"]';
/** Comments under a post. */
export const comments = [
  '.feed-shared-update-v2__comments-container',
  '.comments-comments-list',
  '[componentkey^="replaceableComment_"]',
  '[id^="replaceableComment_"]',
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
/** Gen C post time: the `<p>` holding the visibility icon ("5h •", "4h • Edited •"), any language. */
export const timeVisibilityIcon = LABEL_PACKS.map((p) => `svg[aria-label^="${p.visibility}"]`).join(', ');

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
  // Gen C (SDUI feed fixture)
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
  // Gen C: the video.js player itself (SDUI feed fixture: `blob:` src, poster as a <picture> <img>)
  '[data-vjs-player]',
] as const;
/** The video.js poster layers (background-image url), used when `video[poster]` is missing. */
export const videoPosterLayer = '.vjs-poster, .vjs-poster-background';
/** The video.js poster as an image (Gen C, SDUI feed fixture), used when `video[poster]` is missing. */
export const videoPosterImg = 'picture img';
/** Gen C post images, avatars and logos all sit in `<figure>`s; which are the post's is decided by place (media.ts). */
export const figureC = 'figure';
/** Gen C document (carousel) page not loaded yet: a list item holding a loader (SDUI feed fixture, 2-page document). */
export const pageLoaderC = 'li [data-testid="loader"]';
/** Links LinkedIn wraps: `/safety/go/?url=` (Gen C text links, link previews) and `/redir/redirect?url=` (guest page). */
export const wrappedLink = 'a[href*="/safety/go"], a[href*="/redir/redirect"]';
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
/**
 * Gen C action buttons: the row is their nearest common ancestor. By icon first (LinkedIn's icon ids,
 * SDUI feed fixture: the Comment/Repost buttons have no aria-label there, and icons are not localised),
 * then by English ARIA (reported).
 */
export const actionButtonsC = [
  'button:has(svg[id^="thumbs-up"])',
  'button:has(svg[id="comment-small"])',
  'button:has(svg[id="repost-small"])',
  'a:has(svg[id="send-privately-small"])',
  'button[aria-label^="Reaction button state"]',
  'button[aria-label="Comment"]',
  'button[aria-label="Repost"]',
  'button[aria-label="Send"]',
  'button[aria-label^="Send in a private message"]',
] as const;

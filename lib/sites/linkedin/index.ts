import type { SiteAdapter } from '../types';
import { SITE_MATCHES } from '../matches';
import { extractPost, findActionRow, postUrnOf } from './extract';
import { findPostRoots, postRootOf } from './roots';

const FEED_PATH = /^\/(?:feed|preload)\/?$/;
const POST_PAGE_PATH = [
  /^\/feed\/update\/(?:urn:li:|urn%3Ali%3A)(?:activity|ugcPost|share)(?::|%3A)\d+\/?$/i,
  // /posts/<vanity>_<slug>-activity-<id>-xxxx (logged-in and logged-out public post pages)
  /^\/posts\/[^/]+-(?:activity|ugcPost|share)-\d+(?:-[\w-]*)?\/?$/,
];
const ACTIVITY_PATH = [
  // /in/<vanity>/recent-activity/ and its tabs (2024-09 comments tab, 2026-07 "all" fixtures)
  /^\/in\/[^/]+\/recent-activity(?:\/[\w-]+)?\/?$/,
  // company page posts tab
  /^\/company\/[^/]+\/posts\/?$/,
];

/**
 * True for LinkedIn pages where posts appear: the home feed (`/feed/`, and `/preload/` that some
 * accounts get, SITE-DOM.md §0 rule 6), single post pages (`/feed/update/urn:li:…`, `/posts/…-activity-<id>-…`,
 * also logged out), member activity pages (`/in/<x>/recent-activity/…`) and company post pages
 * (`/company/<x>/posts/`). Only `https://www.linkedin.com` (the content-script match). Pure.
 */
export function isSupportedPage(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol !== 'https:' || u.hostname !== 'www.linkedin.com') return false;
  const path = u.pathname;
  return FEED_PATH.test(path) || POST_PAGE_PATH.some((r) => r.test(path)) || ACTIVITY_PATH.some((r) => r.test(path));
}

/**
 * The LinkedIn site adapter (ARCHITECTURE.md 6.3). Handles Gen A/B (Ember, `data-urn`), Gen C
 * (SDUI, hashed classes, id recovered from tracking data/links or refused) and the logged-out public
 * post page; see `extract.ts` for the per-field sources and `selectors.ts` for the variants.
 */
export const linkedinAdapter: SiteAdapter = {
  id: 'linkedin',
  matches: SITE_MATCHES.linkedin,
  isSupportedPage,
  findPosts: findPostRoots,
  postRootOf,
  postId: (postEl, ctx) => postUrnOf(postEl, ctx)?.urn ?? null,
  extract: extractPost,
  actionRow: findActionRow,
};

/*
 * Test pages
 *
 * Fixtures (tests/fixtures/linkedin/, see PROVENANCE.md):
 * - linkedin-2024-09_activity-comments_header-context_image_see-more.html
 *     Gen A activity page, "X commented on this" header (not a repost), image, hashtags, see-more
 * - linkedin-2025-08_feed_post-text-only_see-more_hybrid-hashed-classes.html
 *     Gen B home feed, tracking-scope id, @mention, see-more
 * - linkedin-2026-07_activity-posts_video_see-more_tracking-scope_lnkd-in.html
 *     Gen B activity page, video poster (src is a signed playlist URL), lnkd.in link, see-more
 * - linkedin-2026-07_guest-public-post-page_commentary_redirect-links_UPSTREAM-TRIMMED.html
 *     logged-out public post page, /redir/redirect links decoded, id from the page URL
 * - linkedin-2026-11_feed_repost-header_suggested-profile_mention_reshare-mini-update_article-card_lazy-image__synthetic.html
 *     Gen B: repost header + suggested profile + @mention above the author; reshare with commentary
 *     (quoted mini update), "likes this" header, article card, srcset and lazy placeholder image
 * - linkedin-2026-11_feed_sdui-hashed-classes_id-from-tracking-comment-key-post-link_dedup-expanded__synthetic.html
 *     Gen C: no data-urn, id recovered from tracking scope / comment componentkey / /posts/ link,
 *     expanded duplicate render found once, suggestion list item ignored
 * - linkedin-2026-11_feed_sdui-hashed-classes_no-id-anywhere_refused__synthetic.html
 *     Gen C: no id anywhere → save refused with a clear message
 *
 * Live pages (manual checks, logged in unless noted):
 * - https://www.linkedin.com/feed/  (Gen B or Gen C depending on the account's rollout)
 * - https://www.linkedin.com/preload/  (home feed for some accounts)
 * - https://www.linkedin.com/in/<vanity>/recent-activity/all/
 * - https://www.linkedin.com/in/<vanity>/recent-activity/comments/
 * - https://www.linkedin.com/company/linkedin/posts/
 * - https://www.linkedin.com/feed/update/urn:li:activity:<id>/  (any post's "Copy link to post")
 * - https://www.linkedin.com/posts/<vanity>_<slug>-activity-<id>-<xxxx>  (open logged out for the guest page)
 */

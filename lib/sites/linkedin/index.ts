import type { SiteAdapter } from '../types';
import { SITE_MATCHES } from '../matches';
import type { ExtractContext } from '../types';
import { extractPost, findActionRow } from './extract';
import { contentKeyC } from './extract-c';
import { postUrnOf, recoveredUrn } from './post-id';
import { findPostRoots, genOf, postRootOf } from './roots';
import { layoutOf } from './layout';

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
  // search results, All and Posts tabs (SDUI list items keyed `…FeedType_FLAGSHIP_SEARCH`, `…search…` fixture)
  /^\/search\/results\/(?:all|content)\/?$/,
];

/**
 * True for LinkedIn pages where posts appear: the home feed (`/feed/`, and `/preload/` that some
 * accounts get), single post pages (`/feed/update/urn:li:…`, `/posts/…-activity-<id>-…`,
 * also logged out), member activity pages (`/in/<x>/recent-activity/…`), company post pages
 * (`/company/<x>/posts/`) and search results (`/search/results/all|content/`). Only
 * `https://www.linkedin.com` (the content-script match). Pure.
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
 * The id `extract` gives the same root: the page's post URN, else `ctx.recoveredId` when it is a
 * post URN, else (Gen C only) the content key of the card's author and text, so a card whose page
 * shows no id still gets a Save control (docs/sites/linkedin.md "Posts without an id"). Author and
 * text are read only for such cards. Null when there is no id and no author.
 */
export function postIdOf(postEl: Element, ctx: ExtractContext): string | null {
  const urn = postUrnOf(postEl, ctx) ?? recoveredUrn(ctx);
  if (urn) return urn.urn;
  return genOf(postEl) === 'c' ? contentKeyC(postEl, ctx) : null;
}

/**
 * The LinkedIn site adapter (docs/architecture.md 6.3). Handles Gen A/B (Ember, `data-urn`), Gen C
 * (SDUI, hashed classes, id decoded from the comment bar's key, else loaded comments, the click-time
 * probe or the content key) and the logged-out public post page. docs/sites/linkedin.md explains
 * each source; `extract.ts` lists the per-field readers and `selectors.ts` the variants.
 */
export const linkedinAdapter: SiteAdapter = {
  id: 'linkedin',
  matches: SITE_MATCHES.linkedin,
  isSupportedPage,
  findPosts: findPostRoots,
  postRootOf,
  postId: postIdOf,
  extract: extractPost,
  actionRow: findActionRow,
  layoutOf, // capture health (issue 9 part 3): ./layout.ts
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
 *     Gen C (reported structure): no data-urn, id recovered from tracking scope / comment componentkey /
 *     /posts/ link, expanded duplicate render found once, suggestion list item ignored
 * - linkedin-2026-11_feed_sdui-hashed-classes_no-id-anywhere_content-key__synthetic.html
 *     Gen C: no id anywhere → saved by its content key, permalinkMissing
 * - linkedin-2026-05_sdui-home-feed_8-items_no-ids.html  (REAL SDUI home feed, saved page)
 *     7 posts + 1 course card: ids decoded from the comment bar's componentkey (activity and ugcPost),
 *     figure images, video.js poster, 2-page document with a loading page, safety/go links,
 *     "Suggested"/"Promoted"/"likes this"/"loves this" headers, literal-newline text, math-bold text
 * - linkedin-2026-12_feed_sdui_reshare-with-commentary_quoted-share-link_id-inside-reshare-not-outer__synthetic.html
 *     Gen C reshare with commentary → quoted (share id, author, text, media, link preview); an id-less
 *     outer card whose reshared part holds a share link and a same-token comment key
 * - linkedin-2026-12_feed_sdui_loaded-comments_comment-key-of-another-card__synthetic.html
 *     Gen C: a comment bar with another card's token is ignored; loaded comments give the id
 *     (componentkey and id layouts, activity and ugcPost)
 * - linkedin-2026-12_feed_sdui_pt-BR_no-english-labels_repost-header_image-only-post__synthetic.html
 *     Gen C in Brazilian Portuguese: pt-BR label pack, repost header, an image-only post found by its menu label
 * - linkedin-2026-12_feed_sdui_comment-key-does-not-decode_content-key_image-only-keyed-by-media__synthetic.html
 *     Gen C: keys that must not decode → content keys (distinct per author/text); a text-less card keyed by its image
 * - linkedin-2026-12_feed_sdui_renders-2-3-times_base-render-first-without-comment-bar-or-action-row__synthetic.html
 *     Gen C: a post rendered as 2-3 list items, base stub first → one root (the render with the action row), real id
 * - linkedin-2026-12_search_sdui_flagship-search_comment-bar-beside-list-item__synthetic.html
 *     Gen C search results (FeedType_FLAGSHIP_SEARCH, no mainFeed); a comment bar beside its list item
 * (lib/sites/linkedin/sdui-variants.test.ts edits the real capture at test time for the other variants.)
 *
 * Live pages (manual checks, logged in unless noted):
 * - https://www.linkedin.com/feed/  (Gen B or Gen C depending on the account's rollout; switch the UI
 *   language to Português (Brasil) to check the pt-BR label pack)
 * - https://www.linkedin.com/preload/  (home feed for some accounts)
 * - https://www.linkedin.com/in/<vanity>/recent-activity/all/
 * - https://www.linkedin.com/in/<vanity>/recent-activity/comments/
 * - https://www.linkedin.com/company/linkedin/posts/
 * - https://www.linkedin.com/search/results/content/?keywords=<words>  (posts search results)
 * - https://www.linkedin.com/feed/update/urn:li:activity:<id>/  (any post's "Copy link to post")
 * - https://www.linkedin.com/posts/<vanity>_<slug>-activity-<id>-<xxxx>  (open logged out for the guest page)
 */

/**
 * The X/Twitter site adapter (docs/architecture.md §6.3). Selectors in `selectors.ts`; post roots and the
 * quote block in `roots.ts`, the id in `post-id.ts`, the action row in `action-row.ts`; the draft in
 * `extract.ts`, one file per field (`author`, `text`, `links`, `media`, `poll`, `header`, `article`,
 * `quoted`); self-threads in `thread.ts`; snowflake ids in `ids.ts`. What it reads and from where:
 * docs/sites/x.md.
 */
import type { SiteAdapter } from '../types';
import { SITE_MATCHES } from '../matches';
import { X_HOSTS } from './ids';
import { findActionRow } from './action-row';
import { extractPost } from './extract';
import { readPostId } from './post-id';
import { layoutOf } from './layout';
import { findPostRoots, postRootOf } from './roots';
import { extractSelfThread } from './thread';

/**
 * True for https pages on x.com, twitter.com, mobile.x.com and mobile.twitter.com (the hosts of
 * {@link SITE_MATCHES}.x). Every path counts: posts appear on timelines, profiles, search, lists and
 * status pages, and X is an SPA that never reloads between them (docs/sites/README.md §0 rule 6).
 */
export function isXPage(url: string): boolean {
  let u: URL;
  try { u = new URL(url); } catch { return false; }
  return u.protocol === 'https:' && X_HOSTS.includes(u.hostname.toLowerCase());
}

/** X/Twitter: posts are `article[data-testid="tweet"]` (and an X Article's read view on its own page), ids are status ids (snowflakes). */
export const xAdapter: SiteAdapter = {
  id: 'x',
  matches: SITE_MATCHES.x,
  isSupportedPage: isXPage,
  findPosts: findPostRoots,
  postRootOf,
  postId: (postEl, ctx) => readPostId(postEl, ctx),
  extract: extractPost,
  actionRow: findActionRow,
  extractThread: extractSelfThread,
  layoutOf,
};

/*
 * Test pages
 *
 * Fixtures (tests/fixtures/x/, provenance in PROVENANCE.md there; what each case means: docs/sites/x.md):
 * - x-2023-10_timeline_reposted-by-you_show-more_mention_OLD-css-1dbjc4n — repost, Show more (truncated), mention, old class era
 * - x-2023-11_timeline_poll_finished — closed poll
 * - x-2023-12_conversation_cell-1_parent, x-2023-12_conversation_cell-2_reply — reply cells without "Replying to"
 * - x-2023-12_thread_cell-{1,2,3}-of-3_plain-text — self-thread cells, one per file
 * - x-2023-12_timeline_quote_show-more_quoted-reply-with-gif_emoji-img — quote, quoted reply truncated, GIF, emoji in name
 * - x-2023-12_timeline_reposted-by-you_socialContext_video — repost, video preview
 * - x-2023-12_timeline_single-image_tco-link-split-spans — image, link split into hidden spans
 * - x-2024-01_timeline_brand_link-card-carousel_6-images — carousel of 6 link cards
 * - x-2024-01_timeline_link-card-small_tco — small link card behind t.co
 * - x-2024-06_timeline_quote_quoted-4-videos_show-more_hashtag_emoji-img — quote with 4 videos, emoji img in text
 * - x-2025-10_status-page-focal_link-card__tweetyoink — focal post on a status page, large link card
 * - x-2025-10_timeline_quote_quoted-has-image__tweetyoink — quoted id via /photo/1
 * - x-2025-10_timeline_quote_quoted-has-video__tweetyoink — quoted video (blob: src, poster kept)
 * - x-2026-11_status-page_long-post-complete__synthetic — same post as the 2023-10 one, complete on its status page
 * - x-2026-11_status-page_self-thread-3-parts_reply-by-other__synthetic — self-thread + someone else's reply
 * - x-2026-11_timeline_emoji-skin-tone_hashtags_tco-split__synthetic — emoji img + skin-tone emoji, hashtags, t.co split spans
 * - x-2026-11_timeline_quote_quoted-unavailable__synthetic — quote of a post that is now unavailable
 * - x-2026-11_timeline_refused_empty-post_no-author_no-id__synthetic — posts that must be refused (empty, no author, no id)
 * - x-2026-11_status-page_article-read-view_headings-lists-link__synthetic — X Article on its status page: read view nested in the focal post, every block kind
 * - x-2026-11_article-page_read-view-standalone_itemprop-author__synthetic — X Article on its own page: the read view alone, byline metas, id from /analytics
 * - x-2026-11_timeline_article-preview-card__synthetic — X Article as a timeline card: title + preview, truncated
 * - x-2026-11_timeline_photo-placeholder-without-img__synthetic — photo slots with no <img> yet (mediaMissing)
 * - x-2026-11_timeline_photo-grid-2x2_dom-order-1-3-2-4_gap__synthetic — media ordered by /photo/N; a missing N sets mediaMissing
 *
 * Live pages for manual checks (public, may change or disappear):
 * - https://x.com/home and https://x.com/<you>/with_replies (reposts, quotes, Show more)
 * - https://x.com/XDevelopers — profile timeline with link cards
 * - https://x.com/search?q=filter%3Apolls&f=live — polls
 * - https://x.com/search?q=filter%3Anative_video&f=live — videos (blob: src, poster)
 * - https://x.com/search?q=filter%3Aquote&f=live — quote posts
 * - https://x.com/<handle>/status/<id> of any long post or self-thread — focal post, thread
 * - https://x.com/<handle>/articles (a profile's Articles tab, reported) — article cards; open one for its status page and its
 *   own page https://x.com/<handle>/article/<id> (read view)
 * - any post with 4 photos — /photo/1…4 in a 2×2 grid (DOM order 1, 3, 2, 4)
 * - https://twitter.com/XDevelopers and https://mobile.x.com/XDevelopers — legacy/mobile hosts redirect to x.com
 */

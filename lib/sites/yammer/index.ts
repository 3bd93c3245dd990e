import type { SiteAdapter } from '../types';
import { SITE_MATCHES } from '../matches';
import { actionRow, extract, extractThread, findPosts, postId } from './extract';
import { layoutOf } from './layout';

/**
 * True for Viva Engage / Yammer pages where posts can appear (STRUCTURE.md §1, Threadcalm @match list):
 * `https://web.yammer.com/main/…` (new Yammer), any `https://www.yammer.com/…` page (classic links,
 * redirects), `https://engage.cloud.microsoft/…` and `https://<sub>.engage.cloud.microsoft/…`.
 * The embed widget (`/embed/…`) is a cross-origin iframe (STRUCTURE.md §1) and is not a page we capture from.
 * Pure; an unparsable URL gives false.
 */
export function isSupportedPage(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol !== 'https:') return false;
  const host = u.hostname.toLowerCase();
  if (host === 'web.yammer.com') return u.pathname === '/main' || u.pathname.startsWith('/main/');
  if (host === 'www.yammer.com') return true;
  if (host === 'engage.cloud.microsoft' || host.endsWith('.engage.cloud.microsoft')) return !u.pathname.startsWith('/embed/');
  return false;
}

/**
 * Viva Engage (formerly Yammer) adapter. Posts are found by their `[data-testid="overflow-set"]`
 * action rows (docs/sites/yammer.md §3); starters and replies are separate posts; ids are the
 * decoded base64url JSON message ids (ids.ts). See extract.ts for each field's sources.
 */
export const yammerAdapter: SiteAdapter = {
  id: 'yammer',
  matches: SITE_MATCHES.yammer,
  isSupportedPage,
  findPosts,
  postId,
  extract,
  actionRow,
  extractThread,
  layoutOf,
};

/*
 * Test pages
 *
 * Fixtures (tests/fixtures/yammer/, all MODELLED from public descriptions, docs/sites/yammer.md, not captured):
 * - yammer-2026-11_community-feed_see-more_image_link_reply-preview   engage.cloud.microsoft group feed, role=article layout
 * - yammer-2026-11_thread-page_nested-replies_show-previous           engage.cloud.microsoft thread page, <article> layout, nested replies
 * - yammer-2022-06_group-feed_no-article_new-yammer-v7                web.yammer.com group feed, no role=article anywhere, hash-id fallback, refused skeleton
 * - yammer-2022-06_thread-page_no-article_sibling-replies              web.yammer.com thread page, replies siblings of .qaThreadStarter
 *
 * Live URL shapes for manual checks (ids are base64url JSON, STRUCTURE.md §2):
 * - https://engage.cloud.microsoft/main/groups/<b64 {"_type":"Group","id":"…"}>/all        community feed
 * - https://engage.cloud.microsoft/main/threads/<b64 {"_type":"Thread","id":"…"}>          thread page
 * - https://engage.cloud.microsoft/main/org/<tenant-domain>/threads/<b64>?trk_copy_link=V2  "Copy link" form
 * - https://engage.cloud.microsoft/main/feed                                                home feed
 * - https://web.yammer.com/main/org/<tenant-domain>/groups/<b64>/new                        new Yammer group feed
 * - https://web.yammer.com/main/users/<b64 {"_type":"User","id":"…"}>                       profile (storyline)
 * - https://www.yammer.com/<network>/#/Threads/show?threadId=<id>                           classic (redirects)
 */

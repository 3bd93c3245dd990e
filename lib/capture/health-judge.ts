import type { CaptureHealth } from '../messages/to-content';

/**
 * Whether something is off with capture on a page, from its health counters (issue 9 part 3).
 * Pure; the popup shows its answer as one "This page" line, and nothing when it is null.
 */

/**
 * A page's capture health as the popup judges it: the content script's counters, and how many
 * post-like elements of the page Satchel did not recognise (lib/sites/post-like.ts
 * `unrecognisedPosts`, run by the health probe the popup injects when it opens; absent when the
 * probe could not run).
 */
export type PageHealth = CaptureHealth & { postsUnrecognised?: number };

/**
 * What is off, worst first: `none-found` the page shows posts and Satchel recognised none of them;
 * `unread` posts could not be read at all; `unfound` some of the posts shown were not recognised;
 * `partial` posts were read without their author or content; `layout` posts were read in a layout
 * the adapter does not know (they may be saved incomplete). `count` is the number of posts concerned.
 */
export type PageHealthIssue = { kind: 'none-found' | 'unread' | 'unfound' | 'partial' | 'layout'; site: string; count: number };

/** Posts that cannot be read (or were not recognised) make the page "off" from this many on, or from this share of the posts met. */
const UNREAD_MIN = 3;
const UNREAD_SHARE = 0.2;

/** At least {@link UNREAD_MIN} of `n`, or at least {@link UNREAD_SHARE} of the `of` posts met (so one odd card in a long feed says nothing). */
const many = (n: number, of: number) => n >= UNREAD_MIN || (n > 0 && n >= UNREAD_SHARE * of);

/**
 * The issue worth telling the learner about, or null when all is well (or unknown). Deliberately
 * quiet: posts without an id (saved by content, linked later) and missing times or links are
 * expected on some sites and are not issues; neither is a refusal by the background (the control
 * already says why).
 * - `none-found`: no post root was found, yet the site's probe sees post-like elements
 *   (`postsUnrecognised`): the worst site change, after which Satchel would otherwise say nothing.
 * - `unread`: post roots with no id and no content key, and posts whose Save was refused because a
 *   required part could not be read (once per post: lib/capture/health.ts). A Save that failed this way always
 *   counts; otherwise {@link many} of the posts met.
 * - `unfound`: some posts were found, and {@link many} more post-like elements were not recognised.
 * - `partial`: drafts read with no author or with no content at all; the count is the larger.
 *   Media not loaded yet is NOT an issue of the page: sites load images, videos and document pages
 *   lazily (a LinkedIn document's second page only loads when paged to), the capture is flagged
 *   `mediaMissing` and completed on a later visit (found by a fresh-eyes trial on the real SDUI
 *   feed: a healthy page was reported).
 * - `layout`: posts whose draft was read in a layout `SiteAdapter.layoutOf` does not know. Their
 *   details may or may not be complete, so the line says the layout is new, not that details are missing.
 */
export function judgeHealth(h: PageHealth | null | undefined): PageHealthIssue | null {
  if (!h || !h.site) return null;
  const site = h.site;
  const unfound = h.postsUnrecognised ?? 0;
  if (h.postsFound === 0 && unfound > 0) return { kind: 'none-found', site, count: unfound };
  const failedSaves = h.savesRefused.unreadable;
  const unread = h.postsUnreadable + failedSaves;
  if (failedSaves > 0 || many(unread, h.postsFound)) return { kind: 'unread', site, count: unread };
  if (many(unfound, h.postsFound + unfound)) return { kind: 'unfound', site, count: unfound };
  const partial = Math.max(h.emptyFields.author, h.emptyFields.text);
  if (partial > 0) return { kind: 'partial', site, count: partial };
  return h.unknownLayouts > 0 ? { kind: 'layout', site, count: h.unknownLayouts } : null;
}

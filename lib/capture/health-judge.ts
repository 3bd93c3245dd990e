import type { CaptureHealth } from '../messages/to-content';

/**
 * Whether something is off with capture on a page, from its health counters (issue 9 part 3).
 * Pure; the popup shows its answer as one "This page" line, and nothing when it is null.
 */

/** What is off: posts could not be read at all, or were saved without some of their details. */
export type PageHealthIssue = { kind: 'unread' | 'partial'; site: string; count: number };

/** Posts that cannot be read make the page "off" from this many on, or from this share of the posts met. */
const UNREAD_MIN = 3;
const UNREAD_SHARE = 0.2;

/**
 * The issue worth telling the learner about, or null when all is well (or unknown). Deliberately
 * quiet: posts without an id (saved by content, linked later) and missing times or links are
 * expected on some sites and are not issues; neither is a refusal by the background (the control
 * already says why).
 * - `unread`: post roots with no id and no content key, and posts whose Save was refused because a
 *   required part could not be read (once per post: lib/capture/health.ts). A Save that failed this way always
 *   counts; otherwise at least {@link UNREAD_MIN} posts, or {@link UNREAD_SHARE} of the posts met
 *   (so one odd card in a long feed says nothing).
 * - `partial`: drafts read with no author or with no content at all, and posts read in a layout the
 *   adapter does not know; the count is the largest of those. Media not loaded yet is NOT an issue
 *   of the page: sites load images, videos and document pages lazily (a LinkedIn document's second
 *   page only loads when paged to), the capture is flagged `mediaMissing` and completed on a later
 *   visit (found by a fresh-eyes trial on the real SDUI feed: a healthy page was reported).
 */
export function judgeHealth(h: CaptureHealth | null | undefined): PageHealthIssue | null {
  if (!h || !h.site) return null;
  const failedSaves = h.savesRefused.unreadable;
  const unread = h.postsUnreadable + failedSaves;
  if (failedSaves > 0 || unread >= UNREAD_MIN || (unread > 0 && unread >= UNREAD_SHARE * h.postsFound)) {
    return { kind: 'unread', site: h.site, count: unread };
  }
  const partial = Math.max(h.emptyFields.author, h.emptyFields.text, h.unknownLayouts);
  return partial > 0 ? { kind: 'partial', site: h.site, count: partial } : null;
}

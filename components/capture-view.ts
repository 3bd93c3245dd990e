import type { Capture } from '../lib/schema';
import { safeHttpUrl, whereToFindPost } from '../lib/util/url';

/**
 * A capture as the review UI shows it: the stored lib/schema {@link Capture}, review fields
 * included (`reviewedAt`, `archivedAt`, `reflection`, `followUp`).
 */
export type CaptureView = Capture;

/** A collection as the UI shows it. `count`: captures in it (null when unknown). */
export interface CollectionView {
  id: string;
  name: string;
  count: number | null;
  /** The default collection for fresh saves (cannot be deleted or renamed). */
  isInbox?: boolean;
}

/**
 * Where "Open original" goes: the capture's permalink (`find: false`); for a capture saved without
 * its post id (`permalinkMissing`, issue 9) a place to find it instead (`find: true`) — on LinkedIn
 * the author's recent activity (`/in/<x>/recent-activity/all/`, `/company/<x>/posts/`), elsewhere
 * the author's profile. Null when there is nothing safe (http(s)) to open.
 */
export function originalLink(c: Pick<Capture, 'permalink' | 'platform' | 'author' | 'permalinkMissing'>): { href: string; find: boolean } | null {
  const href = safeHttpUrl(c.permalink);
  if (href) return { href, find: false };
  if (!c.permalinkMissing) return null;
  const find = whereToFindPost(c.platform, c.author?.profileUrl);
  return find ? { href: find, find: true } : null;
}

/** Who to show as a capture's source: author name, else page title, else host, else key. */
export function sourceOf(c: Capture): string {
  if (c.author?.name) return c.author.name;
  if (c.title) return c.title;
  try {
    return new URL(c.permalink ?? '').hostname.replace(/^www\./, '');
  } catch {
    return c.key;
  }
}

/** When the post was published, epoch ms, from the stored ISO `postedAt`; null when unknown or unreadable. */
export function postedMs(c: Pick<Capture, 'postedAt'>): number | null {
  if (!c.postedAt) return null;
  const ms = Date.parse(c.postedAt);
  return Number.isNaN(ms) ? null : ms;
}

/**
 * What the learner may change on a capture, as lib/db/team-rights.ts `captureRight` answers it:
 * `all`, `file` (only add it to collections) or `none` (read only).
 */
export type CaptureRight = 'all' | 'file' | 'none';

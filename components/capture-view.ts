import type { Capture } from '../lib/schema';

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

/** Completeness flags and their messages.json keys, in display order. */
export const FLAG_KEYS = [
  ['truncated', 'flagTruncated'],
  ['mediaMissing', 'flagMediaMissing'],
  ['quoteMissing', 'flagQuoteMissing'],
  ['threadPartial', 'flagThreadPartial'],
] as const;

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

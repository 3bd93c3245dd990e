import type { Capture, CaptureDraft } from '../schema';
import { mergeDraftContent } from '../schema/merge-draft';

export { FLAGS, isIncomplete, fuller, type Flag } from '../schema/merge-draft';

/**
 * Merges a re-captured draft of the same post into the stored capture, keeping the fuller version
 * of each part (text, media, quote, thread) and filling fields the stored row lacks. Library fields
 * (id, scope, key, intent, note, tags, collections, capturedAt) are never touched.
 *
 * Returns the merged capture and `changed` (false when the draft adds nothing; the row is then
 * returned as is). Sets `updatedAt = now` on change and `completedAt = now` when a flag went from
 * set to clear. Pure.
 */
export function mergeDraft(old: Capture, d: CaptureDraft, now: number): { capture: Capture; changed: boolean } {
  const r = mergeDraftContent(old, d);
  if (!r.changed) return { capture: old, changed: false };
  return { capture: { ...r.draft, updatedAt: now, completedAt: r.completed ? now : old.completedAt }, changed: true };
}

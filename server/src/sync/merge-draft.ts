/**
 * Server side of `completeCapture`: per content part, the fuller version wins. Mirrors
 * lib/db/merge.ts `mergeDraft` (the client's optimistic reducer) so both sides reach the same
 * content; the server may import only lib/schema (ARCHITECTURE.md 6.2), hence the copy.
 */
import type { CaptureDraft } from '../../../lib/schema';

const FLAGS = ['truncated', 'mediaMissing', 'quoteMissing', 'threadPartial'] as const;

/** New part replaces old only if at least as large and it fixes the flag, or (same flag) is strictly larger. */
function fuller(oldFlag: boolean, oldSize: number, newFlag: boolean, newSize: number): boolean {
  if (newSize < oldSize) return false;
  if (oldFlag && !newFlag) return true;
  if (oldFlag === newFlag) return newSize > oldSize;
  return false;
}

const quotedSize = (q: CaptureDraft['quoted']) => (q ? 1 + q.text.length + q.media.length : 0);
const threadSize = (t: CaptureDraft['thread']) => t.reduce((n, p) => n + 1 + p.text.length, 0);

/**
 * Merges draft `d` into stored content `old` (same post). Returns the merged draft, whether it
 * changed, and whether a completeness flag went from set to clear. Pure.
 */
export function mergeDraftContent(old: CaptureDraft, d: CaptureDraft): { draft: CaptureDraft; changed: boolean; completed: boolean } {
  const next: CaptureDraft = { ...old };
  let changed = false;
  const set = <K extends keyof CaptureDraft>(k: K, v: CaptureDraft[K]) => {
    if (JSON.stringify(next[k]) !== JSON.stringify(v)) {
      next[k] = v;
      changed = true;
    }
  };
  if (fuller(old.truncated, old.text.length, d.truncated, d.text.length)) {
    set('text', d.text);
    set('truncated', d.truncated);
    if (d.links.length >= old.links.length) set('links', d.links);
    if (d.hashtags.length >= old.hashtags.length) set('hashtags', d.hashtags);
    if (d.mentions.length >= old.mentions.length) set('mentions', d.mentions);
  }
  if (fuller(old.mediaMissing, old.media.length, d.mediaMissing, d.media.length)) {
    set('media', d.media);
    set('mediaMissing', d.mediaMissing);
  }
  if (fuller(old.quoteMissing, quotedSize(old.quoted), d.quoteMissing, quotedSize(d.quoted))) {
    set('quoted', d.quoted);
    set('quoteMissing', d.quoteMissing);
  }
  if (fuller(old.threadPartial, threadSize(old.thread), d.threadPartial, threadSize(d.thread))) {
    set('thread', d.thread);
    set('threadPartial', d.threadPartial);
  }
  if (old.author === null && d.author !== null) set('author', d.author);
  if (old.lang === null && d.lang !== null) set('lang', d.lang);
  if (old.postedAt === null && d.postedAt !== null) set('postedAt', d.postedAt);
  if (old.title === null && d.title !== null) set('title', d.title);
  if (old.poll === null && d.poll !== null) set('poll', d.poll);
  if (old.repostedBy === null && d.repostedBy !== null) set('repostedBy', d.repostedBy);
  if (old.inReplyTo === null && d.inReplyTo !== null) set('inReplyTo', d.inReplyTo);
  return { draft: changed ? next : old, changed, completed: FLAGS.some((f) => old[f] && !next[f]) };
}

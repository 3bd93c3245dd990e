/**
 * "Fuller wins": how a later capture of the same post completes a stored one. One copy for the
 * extension and the server (lib/schema may be imported by both; docs/architecture.md 6.2).
 */
import { captureKey, type CaptureDraft, type QuotedDraft } from './capture';
import { contentKeyOf, isContentKey } from './content-key';

/**
 * The completeness flags of a capture (docs/decisions/0001): text cut, media not loaded, quote not
 * readable, thread partial, and (issue 9) no post id on the page, so no permalink yet.
 */
export const FLAGS = ['truncated', 'mediaMissing', 'quoteMissing', 'threadPartial', 'permalinkMissing'] as const;
/** One completeness flag name. */
export type Flag = (typeof FLAGS)[number];

/**
 * What a capture can lack, in display order: its own {@link FLAGS}, and the quoted post's own cut
 * text (`quotedTruncated`, the quote's `truncated`) and missing media (`quotedMediaMissing`, the
 * quote's `mediaMissing`). The quote's two count like the capture's (docs/cards.md "Completeness
 * flags"): a later read fills them in ({@link mergeDraftContent}), and the UI names them.
 */
export const CAPTURE_FLAGS = ['truncated', 'mediaMissing', 'quoteMissing', 'threadPartial', 'quotedTruncated', 'quotedMediaMissing', 'permalinkMissing'] as const;
/** One name of {@link CAPTURE_FLAGS}. */
export type CaptureFlag = (typeof CAPTURE_FLAGS)[number];

/** The fields {@link flagsOf} reads: the flags, and the quoted post's two (`quoted` may be absent). */
export type Flagged = Pick<CaptureDraft, Flag> & { quoted?: Pick<QuotedDraft, 'truncated' | 'mediaMissing'> | null };

/** The completeness flags set on a capture (or draft), in {@link CAPTURE_FLAGS} order; empty when complete. Pure. */
export function flagsOf(c: Flagged): CaptureFlag[] {
  const set = (f: CaptureFlag): boolean =>
    f === 'quotedTruncated' ? !!c.quoted?.truncated : f === 'quotedMediaMissing' ? !!c.quoted?.mediaMissing : !!c[f];
  return CAPTURE_FLAGS.filter(set);
}

/** True when a capture (or draft) still lacks something: any completeness flag is set, the quoted post's included ({@link flagsOf}). */
export function isIncomplete(c: Flagged): boolean {
  return flagsOf(c).length > 0;
}

/**
 * True when `d` reads the post stored as `old`: the same key (`<platform>:<postId>`), or — issue 9 —
 * `old` was saved without an id (`permalinkMissing`, postId = content key) and `d` is the same post
 * met later with its id: same platform and `contentKeyOf(d)` equals the stored content key. Two
 * different id-less posts never match (their content keys differ). Pure; used by the extension and
 * by the server's `completeCapture` so that neither mixes two posts.
 */
export function isSamePost(old: Pick<CaptureDraft, 'platform' | 'postId' | 'permalinkMissing'>, d: CaptureDraft): boolean {
  if (captureKey(old) === captureKey(d)) return true;
  return !!old.permalinkMissing && !d.permalinkMissing && !!d.permalink && old.platform === d.platform && contentKeyOf(d) === old.postId;
}

/**
 * True when `d` was read without an id (`permalinkMissing`, postId = content key) and `stored` is
 * that post already kept with its real id: same platform, and the stored content's key
 * (`contentKeyOf`) equals `d.postId`. The other direction of {@link isSamePost}'s id-less case, for
 * the server's `createCapture` when the device that saved the post id-less had not yet pulled the
 * capture with the id (docs/sync-protocol.md 3.11). Merging `d` into `stored` never takes its key
 * (`mergeDraftContent` fills an id only into an id-less capture). Pure.
 */
export function isIdlessReadOf(stored: CaptureDraft, d: Pick<CaptureDraft, 'platform' | 'postId' | 'permalinkMissing'>): boolean {
  return !!d.permalinkMissing && isContentKey(d.postId) && !stored.permalinkMissing && !isContentKey(stored.postId) && stored.platform === d.platform && contentKeyOf(stored) === d.postId;
}

/**
 * Whether a new part should replace a stored one. A part is its content size and its
 * "incomplete" flag. The new part wins only if it is at least as large AND either fixes the flag
 * or (same flag) is strictly larger. So a truncated text never replaces a full one, and an equal
 * re-save changes nothing.
 */
export function fuller(oldFlag: boolean, oldSize: number, newFlag: boolean, newSize: number): boolean {
  if (newSize < oldSize) return false;
  if (oldFlag && !newFlag) return true;
  if (oldFlag === newFlag) return newSize > oldSize;
  return false;
}

const quotedSize = (q: CaptureDraft['quoted']) => (q ? 1 + q.text.length + q.media.length : 0);

/** The same quoted post in both reads: both readable and with the same id (a quote without an id: the same link). */
const sameQuoted = (a: QuotedDraft, b: QuotedDraft) =>
  !a.unavailable && !b.unavailable && a.platform === b.platform && (a.postId !== null ? a.postId === b.postId : a.permalink !== null && a.permalink === b.permalink);

/**
 * The quoted post merged part by part when both reads hold the same one: its text (with links,
 * hashtags, mentions) and its media each kept by {@link fuller} on their own flag, so a read that
 * cuts the quote's text still brings its photo, and the other way round; fields the stored quote
 * lacks are filled. Returns `old` itself when nothing is fuller.
 */
function mergeQuoted(old: QuotedDraft, d: QuotedDraft): QuotedDraft {
  let next = old;
  if (fuller(old.truncated, old.text.length, d.truncated, d.text.length)) {
    next = { ...next, text: d.text, truncated: d.truncated };
    if (d.links.length >= old.links.length) next.links = d.links;
    if (d.hashtags.length >= old.hashtags.length) next.hashtags = d.hashtags;
    if (d.mentions.length >= old.mentions.length) next.mentions = d.mentions;
  }
  if (fuller(old.mediaMissing, old.media.length, d.mediaMissing, d.media.length)) next = { ...next, media: d.media, mediaMissing: d.mediaMissing };
  for (const k of ['author', 'lang', 'postedAt', 'poll'] as const) {
    if (next[k] === null && d[k] !== null) next = { ...next, [k]: d[k] };
  }
  return next;
}
const threadSize = (t: CaptureDraft['thread']) => t.reduce((n, p) => n + 1 + p.text.length, 0);

/**
 * Merges a re-captured draft `d` of the same post into stored content `old`, keeping the fuller
 * version of each part (text with its links/hashtags/mentions, media, quote — part by part when both
 * reads hold the same quoted post, so its photo or its whole text fills in on its own — thread) and filling
 * fields `old` lacks (first capture wins for present ones); an id-less capture (`permalinkMissing`)
 * takes the draft's id and permalink (check {@link isSamePost} first: this function does not). Returns the merged object (`old`
 * itself when nothing changed; any extra fields of `old` are carried over), whether it changed,
 * and whether a completeness flag went from set to clear. Pure. Used by the extension
 * (lib/db/merge.ts, re-saves and quiet completion) and by the server (`completeCapture`), so
 * both reach the same content.
 */
export function mergeDraftContent<T extends CaptureDraft>(old: T, d: CaptureDraft): { draft: T; changed: boolean; completed: boolean } {
  const next: T = { ...old };
  let changed = false;
  const set = <K extends keyof CaptureDraft>(k: K, v: CaptureDraft[K]) => {
    const cur = next as CaptureDraft;
    if (JSON.stringify(cur[k]) !== JSON.stringify(v)) {
      cur[k] = v;
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
  if (old.quoted && d.quoted && sameQuoted(old.quoted, d.quoted)) {
    set('quoted', mergeQuoted(old.quoted, d.quoted));
    if (old.quoteMissing && !d.quoteMissing) set('quoteMissing', false);
  } else if (fuller(old.quoteMissing, quotedSize(old.quoted), d.quoteMissing, quotedSize(d.quoted))) {
    set('quoted', d.quoted);
    set('quoteMissing', d.quoteMissing);
  }
  if (fuller(old.threadPartial, threadSize(old.thread), d.threadPartial, threadSize(d.thread))) {
    set('thread', d.thread);
    set('threadPartial', d.threadPartial);
  }
  if (old.permalinkMissing && !d.permalinkMissing && d.permalink) {
    // Issue 9: the post saved without an id is met with it: the id and permalink are filled in.
    set('postId', d.postId);
    set('permalink', d.permalink);
    set('permalinkMissing', false);
    // The time an id-less post was saved with is read from the card's "18h" label (approximate,
    // docs/sites/linkedin.md "Post time"); the id's time is exact and wins.
    if (d.postedAt !== null) set('postedAt', d.postedAt);
  }
  if (old.author === null && d.author !== null) set('author', d.author);
  if (old.lang === null && d.lang !== null) set('lang', d.lang);
  if (old.postedAt === null && d.postedAt !== null) set('postedAt', d.postedAt);
  if (old.title === null && d.title !== null) set('title', d.title);
  if (old.poll === null && d.poll !== null) set('poll', d.poll);
  if (old.repostedBy === null && d.repostedBy !== null) set('repostedBy', d.repostedBy);
  if (old.inReplyTo === null && d.inReplyTo !== null) set('inReplyTo', d.inReplyTo);
  const cleared = new Set(flagsOf(next));
  return { draft: changed ? next : old, changed, completed: flagsOf(old).some((f) => !cleared.has(f)) };
}

/**
 * The self-thread around a post on an X status page: the run of consecutive posts by the same author,
 * saved as one draft with `thread` parts (docs/sites/x.md "Replies and threads").
 */
import type { CaptureDraft, ThreadPart } from '../../schema';
import { ExtractError, type ExtractContext } from '../types';
import { findActionRow } from './action-row';
import { readAuthor } from './author';
import { clean, ownerOf } from './dom';
import { extractPost } from './extract';
import { parseStatusUrl } from './ids';
import { findPostRoots, findQuoteBlock } from './roots';
import * as S from './selectors';

/** The part of a thread that a draft gives. */
function toPart(d: CaptureDraft): ThreadPart {
  return {
    postId: d.postId, permalink: d.permalink, author: d.author, text: d.text,
    postedAt: d.postedAt, media: d.media, links: d.links, truncated: d.truncated,
  };
}

/** The lower-cased handle of a post's author (outside its quote block), or null. */
function authorHandle(postEl: Element): string | null {
  const quote = findQuoteBlock(postEl);
  return readAuthor({ root: postEl, exclude: quote?.el ?? null })?.handle?.toLowerCase() ?? null;
}

/** Reply count from the action bar's label ("1 reply, 22 views"), null when unreadable. */
function replyCount(postEl: Element): number | null {
  const label = findActionRow(postEl)?.getAttribute('aria-label') ?? '';
  const m = /([\d,]+)\s+repl(y|ies)\b/i.exec(label);
  if (m) return Number(m[1]!.replace(/,/g, ''));
  return label ? 0 : null;
}

/** True when a "Show replies"-like control sits between `after` and `before` (or the end of `within`), outside any post. */
function showRepliesBetween(within: ParentNode, after: Element, before: Element | null): boolean {
  for (const el of within.querySelectorAll('[role="button"], button, [role="link"], a')) {
    if (ownerOf(el)) continue;
    if (!(after.compareDocumentPosition(el) & 4)) continue; // 4 = DOCUMENT_POSITION_FOLLOWING
    if (before && !(el.compareDocumentPosition(before) & 4)) continue;
    if (S.showRepliesText.test(clean(el.textContent ?? ''))) return true;
  }
  return false;
}

/**
 * On a status page (`/<handle>/status/<id>`), the self-thread around `postEl`: the consecutive posts
 * (document order) by `postEl`'s author in the conversation, as one draft built from the first part,
 * with every part in `thread`. A post by anyone else ends the run, so other people's replies are never
 * parts. Returns null off status pages and when the run is a single post with nothing more to load.
 *
 * `threadPartial` is true when (rule, checked in this order):
 * 1. the first part says "Replying to @<same author>" — earlier parts are not loaded;
 * 2. a "Show replies" / "Show more replies" / "Show" control follows the last part before the next post;
 * 3. the last part is the last post loaded and its action bar counts ≥ 1 reply — the conversation
 *    continues beyond what the page has loaded;
 * 4. a later part could not be read (it is left out).
 * Source: x-2026-11_status-page_self-thread-3-parts_reply-by-other__synthetic (cells of
 * x-2023-12_thread_cell-{1,2,3}-of-3_plain-text on one page).
 */
export function extractSelfThread(postEl: Element, ctx: ExtractContext): CaptureDraft | null {
  if (!parseStatusUrl(ctx.url)) return null;
  const container = postEl.closest(S.anyOf(S.conversation)) ?? ctx.document;
  const posts = findPostRoots(container);
  const at = posts.indexOf(postEl);
  const who = authorHandle(postEl);
  if (at < 0 || !who) return null;
  let start = at;
  while (start > 0 && authorHandle(posts[start - 1]!) === who) start--;
  let end = at;
  while (end + 1 < posts.length && authorHandle(posts[end + 1]!) === who) end++;
  const run = posts.slice(start, end + 1);

  const first = extractPost(run[0]!, ctx);
  const parts: ThreadPart[] = [toPart(first)];
  let unreadable = false;
  for (const el of run.slice(1)) {
    try { parts.push(toPart(extractPost(el, ctx))); } catch (e) {
      if (!(e instanceof ExtractError)) throw e;
      unreadable = true;
    }
  }
  const last = run[run.length - 1]!;
  const next = posts[end + 1] ?? null;
  const partial =
    first.inReplyTo?.handle?.toLowerCase() === who ||
    showRepliesBetween(container, last, next) ||
    (next === null && (replyCount(last) ?? 0) > 0) ||
    unreadable;
  if (parts.length < 2 && !partial) return null;
  return { ...first, thread: parts, threadPartial: partial };
}

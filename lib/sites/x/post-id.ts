/**
 * The status id of an X post, from its permalink, its analytics link, the page URL or its photo links,
 * re-read on every call because timeline cells are recycled (docs/sites/x.md §1.1 "Status id", §1.3).
 */
import type { ExtractContext } from '../types';
import { all, POST_OR_QUOTE, type Scope } from './dom';
import { parseStatusUrl, type StatusRef } from './ids';
import { findQuotedPost } from './roots';
import * as S from './selectors';

/**
 * Status id and author handle of a post, with the source used. Order (docs/sites/x.md §1.1):
 * 1. the `/status/<id>` link wrapping `<time>`; 2. the `/status/<id>/analytics` link (timelines);
 * 3. the page URL, for the focal post of a status page (`tabindex="-1"`, x-2025-10_status-page-focal_…);
 * 4. the post's own `/status/<id>/photo/<n>` links.
 */
export function readStatusRef(postEl: Element, scope: Scope, pageUrl: string | null): { ref: StatusRef; via: string } | null {
  // The status links that wrap a <time>, found from the (few) <time> elements up.
  for (const time of all(scope, 'time')) {
    const a = time.closest(S.statusLink);
    if (!a || !scope.root.contains(a) || (scope.exclude && scope.exclude.contains(a))) continue;
    const ref = parseStatusUrl(a.getAttribute('href') ?? '');
    if (ref) return { ref, via: 'permalink' };
  }
  for (const a of all(scope, S.analyticsLink)) {
    const ref = parseStatusUrl(a.getAttribute('href') ?? '');
    if (ref) return { ref, via: 'analyticsLink' };
  }
  if (pageUrl && postEl.getAttribute('tabindex') === '-1') {
    const ref = parseStatusUrl(pageUrl);
    if (ref) return { ref, via: 'pageUrl' };
  }
  for (const a of all(scope, S.anyOf(S.mediaStatusLink))) {
    const ref = parseStatusUrl(a.getAttribute('href') ?? '');
    if (ref) return { ref, via: 'mediaStatusLink' };
  }
  return null;
}

/**
 * Fast path of {@link readStatusRef}'s first rule for the scan hot path: the status id of the
 * post's first `<time>` when it belongs to this post, sits in no quote block at all (so it cannot be
 * the quoted post's) and is wrapped in a status link; else undefined and the caller takes the full
 * rules. Gives the same answer as they would.
 */
function ownPermalinkId(postEl: Element): string | undefined {
  const time = postEl.querySelector('time');
  if (!time || time.closest(POST_OR_QUOTE) !== postEl) return undefined;
  const a = time.closest(S.statusLink); // X wraps the <time> in its permalink
  if (!a || !postEl.contains(a)) return undefined;
  return parseStatusUrl(a.getAttribute('href') ?? '')?.id;
}

/** The status id of a post root, re-read from the DOM on every call (elements are recycled, docs/sites/x.md §1.3). */
export function readPostId(postEl: Element, ctx: Pick<ExtractContext, 'url'>): string | null {
  const fast = ownPermalinkId(postEl);
  if (fast !== undefined) return fast;
  return readStatusRef(postEl, { root: postEl, exclude: findQuotedPost(postEl) }, ctx.url)?.ref.id ?? null;
}

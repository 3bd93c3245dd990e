/**
 * The action row of an X post (`div[role="group"]`: reply, repost, like, views, bookmark), where the
 * Save control is placed. Pure DOM in, element out; docs/sites/x.md §1.1 "Action row".
 */
import { all, POST_OR_QUOTE } from './dom';
import { readStatusRef } from './post-id';
import { findQuotedPost } from './roots';
import * as S from './selectors';

/**
 * The post's own action bar (`div[role="group"]` with "N replies, N reposts, …"), or null. Carousels
 * are `role=group` too and are skipped (x-2024-01_timeline_brand_link-card-carousel_6-images). A bar
 * outside the quote block wins; upstream's hand-edited x-2025-10_timeline_quote_quoted-has-video__tweetyoink
 * nests the post's bar inside the quote, so then the bar holding this post's analytics link, else the last bar.
 */
export function findActionRow(postEl: Element): Element | null {
  // Fast path (every scan of a feed asks): the last bar of this post that sits in no quote block
  // at all is the answer without working out which block is the quoted post.
  const found = postEl.querySelectorAll(S.actionRow);
  for (let i = found.length - 1; i >= 0; i--) {
    const b = found[i]!;
    const owner = b.closest(POST_OR_QUOTE);
    if (owner === postEl) return b; // neither in a nested post nor in a quote block
    if (owner && owner.matches(S.postRoot)) continue; // a nested post's bar
    break; // a bar inside a quote block: decide below
  }
  const quote = findQuotedPost(postEl);
  const bars = all({ root: postEl, exclude: null }, S.actionRow);
  const outside = bars.filter((b) => !(quote && quote.contains(b)));
  if (outside.length) return outside[outside.length - 1]!;
  const id = readStatusRef(postEl, { root: postEl, exclude: quote }, null)?.ref.id;
  return bars.find((b) => id && b.querySelector(`a[href*="/status/${id}/analytics"]`)) ?? bars[bars.length - 1] ?? null;
}

/**
 * The lines above an X post's text: who reposted it ("… reposted") and whom it replies to ("Replying
 * to @x"). docs/sites/x.md "Reposts", §1.1 "Reply".
 */
import { textOf } from '../../dom/text';
import type { CaptureDraft } from '../../schema';
import { all, clean, HANDLE_PATH, HANDLE_TEXT, one, type Scope } from './dom';
import * as S from './selectors';

/** "You reposted" header → reposter; other social contexts ("Pinned") → null. The author stays the original's. */
export function readRepostedBy(scope: Scope): CaptureDraft['repostedBy'] {
  const ctxEl = one(scope, S.socialContext);
  if (!ctxEl) return null;
  const text = clean(textOf(ctxEl));
  if (!S.repostedText.test(text)) return null;
  const href = ctxEl.closest('a[href]')?.getAttribute('href') ?? ctxEl.querySelector('a[href]')?.getAttribute('href');
  const handle = href ? HANDLE_PATH.exec(href)?.[1] : undefined;
  return { name: text.replace(S.repostedText, '') || handle || text, profileUrl: handle ? `https://x.com/${handle}` : null };
}

/** "Replying to @a and @b" above the text (timelines) → the first handle. */
export function readInReplyTo(scope: Scope): CaptureDraft['inReplyTo'] {
  for (const el of all(scope, 'div[dir]')) {
    if (el.closest(S.postText) || !S.replyingToText.test(clean(el.textContent ?? ''))) continue;
    for (const m of el.querySelectorAll('a, span')) {
      const h = HANDLE_TEXT.exec(clean(m.textContent ?? ''));
      if (h) return { postId: null, handle: h[1]!, permalink: null };
    }
  }
  return null;
}

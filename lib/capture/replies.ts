import type { ContentToBackground, ErrorReply, ReplyFor } from '../messages';
import { isSiteId, SITE_META } from '../sites/meta';
import { isExtractError, type ExtractField } from '../sites/types';
import type { Send, Translate } from './types';

/**
 * Reading the background's replies. Replies are typed per message (`ReplyFor` in lib/messages,
 * through {@link Send}); these guards still check at run time, because a reply can also be
 * `undefined` (no listener answered) when the background is restarting.
 */

/** True when `reply` is the success reply of its message. */
export function isOk<R extends { ok: boolean }>(reply: R | null | undefined): reply is Extract<R, { ok: true }> {
  return typeof reply === 'object' && reply !== null && reply.ok === true;
}

/** The reason of an error reply, or null when there is none to show. */
export function errorOf(reply: { ok: boolean; error?: unknown } | null | undefined): string | null {
  const e = typeof reply === 'object' && reply !== null ? reply.error : null;
  return typeof e === 'string' && e ? e : null;
}

/** A reason a person can read for a thrown error or rejected message. */
export function reasonOf(err: unknown, t: Translate): string {
  const msg = err instanceof Error ? err.message : typeof err === 'string' ? err : '';
  if (/context invalidated|receiving end does not exist/i.test(msg)) return t('errorReload');
  return msg || t('errorNoAnswer');
}

/** The UI string (public/_locales/en/messages.json) naming each part a post can lack, with the site as `$1`. */
const UNREADABLE_KEY: Record<ExtractField, string> = { author: 'saveFailedAuthor', text: 'saveFailedText', postId: 'saveFailedId' };

/**
 * What a learner reads when a Save could not read the post (`err`, thrown by the adapter's
 * extract): one plain sentence for the part that could not be read (author, text, id; any other
 * throw: the post), naming the site (the ExtractError's, else `site`, a platform id), then how
 * "Report this page" helps. The developer message (selector names) never shows here: the caller
 * logs it, and health counts the refusal (issue 9).
 */
export function unreadableReason(err: unknown, site: string, t: Translate): string {
  const x = isExtractError(err) ? err : null;
  const id = x ? x.site : site;
  const name = isSiteId(id) ? SITE_META[id].name : id;
  const key = (x && UNREADABLE_KEY[x.field]) || 'saveFailedPost';
  return `${t(key, [name])} ${t('saveFailedReport')}`;
}

/** Sends `msg`; a rejection (no background, context invalidated) becomes an error reply with a readable reason. */
export function request<M extends ContentToBackground>(rt: { send: Send; t: Translate }, msg: M): Promise<ReplyFor<M['type']>> {
  return rt.send(msg).catch((err: unknown): ErrorReply => ({ ok: false, error: reasonOf(err, rt.t) }));
}

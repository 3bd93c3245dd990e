import type { ContentToBackground, ErrorReply, ReplyFor } from '../messages';
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

/** Sends `msg`; a rejection (no background, context invalidated) becomes an error reply with a readable reason. */
export function request<M extends ContentToBackground>(rt: { send: Send; t: Translate }, msg: M): Promise<ReplyFor<M['type']>> {
  return rt.send(msg).catch((err: unknown): ErrorReply => ({ ok: false, error: reasonOf(err, rt.t) }));
}

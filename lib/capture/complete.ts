import type { CaptureDraft } from '../schema';
import type { PostEntry } from './entries';
import { keyOf } from './keys';
import { isOk } from './replies';
import type { Runtime } from './runtime';

/** How many times per page view a saved-but-incomplete post is re-read looking for a fuller version. */
const COMPLETE_ATTEMPTS = 3;

/** Quiet completion (allowed: the learner already saved this post). */
export interface Completer {
  /** When `e`'s capture is saved but incomplete, re-reads the post and sends a fuller version. */
  tryComplete(e: PostEntry): void;
  /** A new page view may hold a fuller version: every key gets its attempts back. */
  reset(): void;
}

/** The quiet completion part of the flow. */
export function createCompleter(rt: Runtime): Completer {
  const attempts = new Map<string, number>();
  return {
    tryComplete(e) {
      const st = rt.keys.get(e.key);
      const tries = attempts.get(e.key) ?? 0;
      const a = rt.adapter;
      if (!a || !st.incomplete || st.status !== 'saved' || tries >= COMPLETE_ATTEMPTS) return;
      attempts.set(e.key, tries + 1);
      let draft: CaptureDraft;
      try {
        draft = a.extract(e.el, rt.ctx());
      } catch {
        return; // not readable now; maybe on a later scan
      }
      rt.health.draftRead(draft, e.el, a);
      if (draft.truncated || keyOf(draft.platform, draft.postId) !== e.key) return; // not fuller here
      attempts.set(e.key, COMPLETE_ATTEMPTS); // once per page view
      const key = e.key;
      rt.send({ type: 'capture/complete', draft }).then(
        (reply) => {
          if (rt.signal.aborted || !isOk(reply)) return;
          st.incomplete = false;
          st.truncated = reply.capture.truncated;
          rt.entries.renderKey(key);
        },
        (err) => rt.log('capture/complete failed', err),
      );
    },
    reset: () => attempts.clear(),
  };
}

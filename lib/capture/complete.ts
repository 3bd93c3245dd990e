import type { CaptureDraft } from '../schema';
import type { PostEntry } from './entries';
import { isFullerRead, lacksPart } from './fuller';
import { idleCallback } from './idle';
import { applyStored, keyOf, type KeyState } from './keys';
import { isOk } from './replies';
import type { Runtime } from './runtime';

/** How many quiet completions per page view one saved-but-incomplete post may send. */
const COMPLETE_ATTEMPTS = 3;

/** Quiet completion (allowed: the learner already saved this post). */
export interface Completer {
  /**
   * `e` is on the page and its subtree is new or changed: when its capture is saved but lacks a
   * part (text cut, media missing, quote missing, thread partial), re-reads it in idle time and
   * sends the read when it is fuller than what is stored.
   */
  tryComplete(e: PostEntry): void;
  /** A new page view may hold a fuller version: every key gets its attempts back. */
  reset(): void;
}

/**
 * The quiet completion part of the flow. A post saved while its photo was still loading is
 * completed as soon as the photo appears, in the same page view (issue 9 part 2). Only reads
 * that are fuller than the stored capture (fuller.ts) are sent, and only those use one of the
 * page view's {@link COMPLETE_ATTEMPTS}; a read that is not fuller costs one extract, and only
 * happens when the post changed. The scan calls {@link Completer.tryComplete} for saved,
 * incomplete posts only, so nothing else is ever read.
 */
export function createCompleter(rt: Runtime): Completer {
  const sent = new Map<string, number>(); // key → completions sent in this page view
  const due = new Set<PostEntry>();
  let scheduled = false;
  const idle = rt.deps.idle ?? idleCallback;

  const wanted = (st: KeyState, key: string) => st.incomplete && st.status === 'saved' && (sent.get(key) ?? 0) < COMPLETE_ATTEMPTS;

  function schedule(): void {
    if (scheduled || rt.signal.aborted) return;
    scheduled = true;
    idle(() => {
      scheduled = false;
      const batch = [...due];
      due.clear();
      for (const e of batch) {
        try {
          if (rt.entries.get(e.el) === e) read(e); // still this post's control
        } catch (err) {
          rt.log('quiet completion failed', err);
        }
      }
    });
  }

  /** Reads `e` now and sends the draft when it is fuller than the stored capture. */
  function read(e: PostEntry): void {
    const key = e.key;
    const st = rt.keys.get(key);
    const a = rt.adapter;
    if (!a || rt.signal.aborted || !wanted(st, key)) return;
    let draft: CaptureDraft;
    try {
      draft = a.extract(e.el, rt.ctx());
    } catch {
      return; // not readable now; maybe after the next change
    }
    rt.health.draftRead(draft, e.el, a);
    if (keyOf(draft.platform, draft.postId) !== key || !fullerThanStored(st, draft)) return;
    sent.set(key, (sent.get(key) ?? 0) + 1);
    rt.send({ type: 'capture/complete', draft }).then(
      (reply) => {
        if (rt.signal.aborted || !isOk(reply)) return;
        applyStored(st, reply.capture);
        rt.entries.renderKey(key);
      },
      (err) => rt.log('capture/complete failed', err),
    );
  }

  return {
    tryComplete(e) {
      if (!rt.adapter || !wanted(rt.keys.get(e.key), e.key)) return;
      due.add(e);
      schedule();
    },
    reset() {
      sent.clear();
      due.clear();
    },
  };
}

/**
 * Whether `d` is worth sending for the key state `st`. With the stored capture known (a save or
 * completion reply), exactly when it is fuller (fuller.ts). Known only from a status answer: when
 * `d` lacks nothing, or its text is whole where the stored one is cut.
 */
function fullerThanStored(st: KeyState, d: CaptureDraft): boolean {
  if (st.stored) return isFullerRead(st.stored, d);
  return !lacksPart(d) || (st.truncated && !d.truncated);
}

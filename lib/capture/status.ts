import type { StatusReply } from '../messages';
import type { PostEntry } from './entries';
import { isOk } from './replies';
import type { Runtime } from './runtime';

/** `capture/status` accepts at most this many keys per message. */
const STATUS_CHUNK = 500;

/** What a status answer asks of the other parts of the flow. */
export interface StatusHooks {
  /** A post shown as saved is incomplete: maybe complete it quietly. */
  tryComplete(e: PostEntry): void;
  /** One answer, with the keys of that question found not saved. */
  answered?(reply: StatusReply, unsaved: readonly string[]): void;
}

/** Asks the background which post keys are saved (only keys leave the page before a click). */
export interface Status {
  /** Ask about `key` with the next batch. */
  want(key: string): void;
  /** Send the pending questions after a short debounce (one message per batch of a scan). */
  soon(): void;
  /** Another view saved or deleted these keys: ask again. */
  savedElsewhere(keys: readonly string[]): void;
  /** Cancels a pending batch (invalidation). */
  stop(): void;
}

/** The status part of the flow. */
export function createStatus(rt: Runtime, hooks: StatusHooks): Status {
  const pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | null = null;

  function soon(): void {
    if (timer || pending.size === 0 || rt.signal.aborted) return;
    timer = setTimeout(() => {
      timer = null;
      void flush();
    }, rt.deps.statusDelayMs ?? 150);
  }

  async function flush(): Promise<void> {
    const all = [...pending];
    pending.clear();
    for (let i = 0; i < all.length; i += STATUS_CHUNK) {
      const chunk = all.slice(i, i + STATUS_CHUNK);
      for (const k of chunk) rt.keys.get(k).known = true; // asked; not asked again unless told
      let reply;
      try {
        reply = await rt.send({ type: 'capture/status', keys: chunk });
      } catch (err) {
        rt.log('capture/status failed', err);
        for (const k of chunk) rt.keys.get(k).known = false;
        continue;
      }
      if (rt.signal.aborted) return;
      if (!isOk(reply) || !Array.isArray(reply.saved)) {
        for (const k of chunk) rt.keys.get(k).known = false;
        continue;
      }
      apply(reply, chunk);
    }
  }

  /** Shows what one answer says about the keys of `chunk`. */
  function apply(reply: StatusReply, chunk: readonly string[]): void {
    const saved = new Map(reply.saved.map((s) => [s.key, s]));
    const unsaved: string[] = [];
    for (const k of chunk) {
      const st = rt.keys.get(k);
      const hit = saved.get(k);
      if (st.status === 'saving') continue; // a click raced the answer; the save wins
      if (!hit && st.status !== 'saved') {
        if (st.status === 'save') unsaved.push(k);
        continue; // not saved, and not shown as saved: nothing to redraw
      }
      if (hit) {
        st.status = 'saved';
        st.error = null;
        st.captureId = hit.id;
        st.incomplete = hit.incomplete;
        st.stored = null; // the answer says only whether it is incomplete, not what it holds
        // Only cut text makes the panel say "showed only part of this post" (a capture without its
        // link or with media still loading is incomplete too, but not cut: fresh-eyes trial, issue 9).
        st.truncated = hit.truncated;
      } else {
        st.status = 'save'; // deleted elsewhere
        st.captureId = null;
        st.incomplete = false;
        unsaved.push(k);
      }
      rt.entries.renderKey(k);
      if (st.incomplete) rt.entries.forKey(k, hooks.tryComplete);
    }
    hooks.answered?.(reply, unsaved);
  }

  return {
    want: (key) => void pending.add(key),
    soon,
    savedElsewhere(changed) {
      for (const k of changed) {
        const st = rt.keys.peek(k);
        if (st && st.status !== 'saving') {
          st.known = false;
          pending.add(k);
        }
      }
      soon();
    },
    stop() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}

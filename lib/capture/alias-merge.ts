import type { CaptureDraft } from '../schema';
import { contentKeyOf, isContentKey } from '../schema/content-key';
import type { PostEntry } from './entries';
import { idleCallback } from './idle';
import { applyCapture, keyOf, postIdOfKey } from './keys';
import { adoptRealId } from './recover-id';
import { isOk } from './replies';
import type { Runtime } from './runtime';

/** Posts read per idle callback. */
const BATCH = 10;

/**
 * The quiet merge (issue 9 part 1): the library holds captures saved without their post id, keyed
 * `<platform>:content:<hash>` (the `aliases` of a status answer). A post met here with its real id,
 * not saved under it, may be one of them: it is read once per page view, in idle time, and when its
 * content key is an alias, `capture/complete { draft, aliasKey }` gives that capture its id. Allowed
 * because the learner saved that post. With no aliases (the usual case) nothing is read at all.
 */
export interface AliasMerge {
  /** A status answer: its `aliases`, and the keys it asked about that are not saved. */
  answered(aliases: readonly string[], unsaved: readonly string[]): void;
  /** A new page view: posts may be read again. */
  reset(): void;
}

/** The quiet merge part of the flow. */
export function createAliasMerge(rt: Runtime): AliasMerge {
  let aliases: ReadonlySet<string> = new Set();
  /** Post key → `<platform>:<content key>` of its draft, for the posts read in this page view. */
  const read = new Map<string, string>();
  const queue = new Set<string>();
  let scheduled = false;
  const idle = rt.deps.idle ?? idleCallback;

  function answered(list: readonly string[], unsaved: readonly string[]): void {
    if (list.length === 0 && aliases.size === 0) return; // the usual case: no work at all
    const a = rt.adapter;
    if (!a) return;
    const prefix = `${a.id}:`;
    const next = new Set(list.filter((k) => k.startsWith(prefix)));
    const added = [...next].some((k) => !aliases.has(k));
    aliases = next;
    if (next.size === 0) return;
    for (const k of unsaved) if (!read.has(k) && !isContentKey(postIdOfKey(k))) queue.add(k);
    if (added) for (const [k, ck] of read) if (next.has(ck)) queue.add(k); // a post read earlier matches a new alias
    schedule();
  }

  function schedule(): void {
    if (scheduled || queue.size === 0 || rt.signal.aborted) return;
    scheduled = true;
    idle(() => {
      scheduled = false;
      for (const key of [...queue].slice(0, BATCH)) {
        queue.delete(key);
        try {
          consider(key);
        } catch (err) {
          rt.log('alias merge failed', err);
        }
      }
      schedule();
    });
  }

  /** Reads the post shown as `key` (once per page view) and merges it when its content key is an alias. */
  function consider(key: string): void {
    const a = rt.adapter;
    if (!a || rt.signal.aborted || rt.keys.peek(key)?.status !== 'save') return; // saved or saving meanwhile
    const e = rt.entries.first(key);
    if (!e) return; // no longer on the page
    let ck = read.get(key);
    let draft: CaptureDraft | null = null;
    if (ck === undefined) {
      draft = readDraft(e, key);
      if (!draft) return;
      read.set(key, (ck = keyOf(a.id, contentKeyOf(draft))));
    }
    if (!aliases.has(ck)) return;
    draft ??= readDraft(e, key);
    if (draft) merge(key, draft, ck);
  }

  /** The post's draft, or null when it cannot be read or no longer shows `key`. */
  function readDraft(e: PostEntry, key: string): CaptureDraft | null {
    const a = rt.adapter!;
    try {
      const d = a.extract(e.el, rt.ctx());
      rt.health.draftRead(d, e.el, a);
      return keyOf(d.platform, d.postId) === key ? d : null;
    } catch {
      return null; // not readable now
    }
  }

  function merge(key: string, draft: CaptureDraft, aliasKey: string): void {
    rt.send({ type: 'capture/complete', draft, aliasKey }).then(
      (reply) => {
        if (rt.signal.aborted || !isOk(reply)) return;
        const next = new Set(aliases);
        next.delete(aliasKey);
        aliases = next;
        // Controls still showing the id-less capture follow it to its real key.
        const real = adoptRealId(rt, draft.platform, postIdOfKey(aliasKey), draft.postId);
        applyCapture(rt.keys.get(real), reply.capture, draft);
        rt.entries.renderKey(real);
      },
      (err) => rt.log('capture/complete failed', err),
    );
  }

  return {
    answered,
    reset() {
      read.clear();
      queue.clear();
    },
  };
}

import { keyOf } from './keys';
import { isOk } from './replies';
import type { Runtime } from './runtime';

/**
 * Posts whose page shows no id (issue 9 part 1, docs/sites/linkedin.md "Posts without an id"): the
 * adapter keys them by content (`content:<hash>`). When the learner saves one, the background may
 * still find its real id in the page's own React props (`capture/probe-id`); a quiet merge may find
 * it later (alias-merge.ts). Either way the post's control then moves to the real key.
 */

/** The attribute that marks the post root the background's probe reads. */
export const PROBE_ATTR = 'data-satchel-probe';
/**
 * How long a Save waits for the probe before extracting without it, ms. The probe is one
 * executeScript round trip (tens of ms); the bound only matters when the service worker is waking
 * up on a busy machine, where a short bound would save a post without an id that the page had.
 */
const PROBE_TIMEOUT_MS = 4000;

/** A random probe token: 32 hex digits (122 random bits; `capture/probe-id` takes 8–64 of `[A-Za-z0-9_-]`). */
export function newProbeToken(): string {
  return crypto.randomUUID().replace(/-/g, '');
}

/**
 * Asks the background for the post id the page's React props hold for `el` (only on the learner's
 * Save, never on page load). `el` carries {@link PROBE_ATTR} only while the question is open: the
 * attribute is always removed. Never rejects and never waits longer than the bound: an error, a
 * refusal or a timeout gives null, and the save goes on without it.
 */
export async function probeId(rt: Runtime, el: Element): Promise<string | null> {
  const probe = newProbeToken();
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    el.setAttribute(PROBE_ATTR, probe);
    const timeout = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), rt.deps.probeTimeoutMs ?? PROBE_TIMEOUT_MS);
    });
    const reply = await Promise.race([rt.send({ type: 'capture/probe-id', probe }), timeout]);
    return isOk(reply) && typeof reply.urn === 'string' && reply.urn ? reply.urn : null;
  } catch (err) {
    rt.log('capture/probe-id failed', err);
    return null;
  } finally {
    clearTimeout(timer);
    el.removeAttribute(PROBE_ATTR);
  }
}

/**
 * The post keyed by content key `contentKey` (a post id `content:<hash>`) is post `postId`: every
 * control showing it re-keys to the real key (as a recycled element does), the key's state moves
 * there, and later scans read the content key as the real id (the adapter keeps returning the
 * content key while the page shows no id). Returns the real key.
 */
export function adoptRealId(rt: Runtime, platform: string, contentKey: string, postId: string): string {
  const from = keyOf(platform, contentKey);
  const to = keyOf(platform, postId);
  rt.recovered.set(contentKey, postId);
  rt.keys.move(from, to);
  rt.entries.forKey(from, (e) => {
    rt.entries.rekey(e, postId, to);
    rt.entries.render(e);
  });
  return to;
}

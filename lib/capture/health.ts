import type { CaptureDraft } from '../schema';
import type { SiteAdapter } from '../sites/types';
import { HEALTH_FIELDS, REFUSAL_CODES, type CaptureHealth, type HealthField, type RefusalCode } from '../messages/to-content';

/**
 * Capture health counters of one page view (issue 9 part 3): how many posts were met, mounted,
 * id-less or unreadable, which fields came back empty from the drafts that were read anyway, and why
 * saves were refused. Counts only: nothing about any post is kept in the counters. The scan hot path
 * only bumps a number when a control is mounted or re-keyed; fields are counted only where a draft
 * is extracted for another reason (a save, a quiet completion or merge).
 */
export interface Health {
  /** A post root got a key it did not show before (`withoutId`: a content key, the page shows no id). */
  postFound(withoutId: boolean): void;
  controlMounted(): void;
  /** A post root with no key at all (counted once per element and page view). */
  unreadable(el: Element): void;
  /** A draft was read from `el`: counts its empty fields, and asks the adapter's `layoutOf` once per element. */
  draftRead(draft: CaptureDraft, el: Element, adapter: SiteAdapter): void;
  /**
   * A Save was refused for `code`. Given the post root `el`, a post counts once per code and page
   * view, so pressing "Try again" on the same unreadable post is still one post (the popup says how
   * many posts could not be read, lib/capture/health-judge.ts); without it, every refusal counts.
   */
  refused(code: RefusalCode, el?: Element): void;
  /** A new page view on `site` (null: not a page the adapter reads): every counter back to zero. */
  reset(site: string | null): void;
  /** A copy of the counters. */
  snapshot(): CaptureHealth;
}

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

function emptyHealth(site: string | null): CaptureHealth {
  return {
    site, postsFound: 0, controlsMounted: 0, postsWithoutId: 0, postsUnreadable: 0, unknownLayouts: 0, draftsRead: 0,
    emptyFields: zeros(HEALTH_FIELDS), savesRefused: zeros(REFUSAL_CODES),
  };
}

/** Which of the {@link HealthField}s came back empty in `d` (see `CaptureHealth.emptyFields`). */
export function emptyFieldsOf(d: CaptureDraft): HealthField[] {
  const out: HealthField[] = [];
  if (!d.author || !d.author.name.trim()) out.push('author');
  if (!d.text.trim() && d.media.length === 0 && !d.quoted && !d.poll && d.links.length === 0) out.push('text');
  if (!d.postedAt) out.push('postedAt');
  if (d.mediaMissing) out.push('media');
  if (d.permalinkMissing || !d.permalink) out.push('permalink');
  return out;
}

/** New counters for `site`. */
export function createHealth(site: string | null = null): Health {
  let h = emptyHealth(site);
  let unreadSeen = new WeakSet<Element>(); // elements already counted unreadable
  let layoutSeen = new WeakSet<Element>(); // elements whose layout was already asked
  let refusedSeen = new WeakMap<Element, Set<RefusalCode>>(); // posts already counted, by refusal code
  const unknownLayout = (el: Element, a: SiteAdapter) => {
    if (!a.layoutOf || layoutSeen.has(el)) return;
    layoutSeen.add(el);
    try {
      if (a.layoutOf(el) === null) h.unknownLayouts++;
    } catch {
      h.unknownLayouts++;
    }
  };
  return {
    postFound(withoutId) {
      h.postsFound++;
      if (withoutId) h.postsWithoutId++;
    },
    controlMounted() {
      h.controlsMounted++;
    },
    unreadable(el) {
      if (unreadSeen.has(el)) return;
      unreadSeen.add(el);
      h.postsFound++;
      h.postsUnreadable++;
    },
    draftRead(d, el, a) {
      h.draftsRead++;
      for (const f of emptyFieldsOf(d)) h.emptyFields[f]++;
      unknownLayout(el, a);
    },
    refused(code, el) {
      if (el) {
        const codes = refusedSeen.get(el) ?? new Set<RefusalCode>();
        if (codes.has(code)) return;
        refusedSeen.set(el, codes.add(code));
      }
      h.savesRefused[code]++;
    },
    reset(s) {
      h = emptyHealth(s);
      unreadSeen = new WeakSet();
      layoutSeen = new WeakSet();
      refusedSeen = new WeakMap();
    },
    snapshot: () => ({ ...h, emptyFields: { ...h.emptyFields }, savesRefused: { ...h.savesRefused } }),
  };
}

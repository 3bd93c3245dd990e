import type { CaptureDraft, Flag } from '../schema';

/**
 * Is a re-read of a saved post worth a quiet completion? The content script cannot bundle the
 * schema module (it would bring zod, docs/architecture.md 6.9 rule 1), so this mirrors, for the
 * flagged parts only, the "fuller wins" rule the background applies (lib/schema/merge-draft.ts
 * `fuller` and `mergeDraftContent`; fuller.test.ts checks that both agree).
 */

/** The completeness flags a re-read on the page can clear. Not `permalinkMissing`: alias-merge.ts gives an id-less capture its id. */
export const OPEN_FLAGS = ['truncated', 'mediaMissing', 'quoteMissing', 'threadPartial'] as const satisfies readonly Flag[];

/** True when `c` still lacks a part a later read may bring: any of {@link OPEN_FLAGS} is set. */
export function lacksPart(c: Pick<CaptureDraft, (typeof OPEN_FLAGS)[number]>): boolean {
  return OPEN_FLAGS.some((f) => c[f]);
}

/** Each part as [its flag, its size], in {@link OPEN_FLAGS} order; sizes as lib/schema/merge-draft.ts measures them. */
function partsOf(c: CaptureDraft): ReadonlyArray<readonly [boolean, number]> {
  return [
    [c.truncated, c.text.length],
    [c.mediaMissing, c.media.length],
    [c.quoteMissing, c.quoted ? 1 + c.quoted.text.length + c.quoted.media.length : 0],
    [c.threadPartial, c.thread.reduce((n, p) => n + 1 + p.text.length, 0)],
  ];
}

/**
 * True when draft `d` of a post would complete its stored capture `stored`: in a part stored with
 * its flag set (text cut, media missing, quote missing, thread partial), `d` is no smaller and
 * either has the flag cleared or holds more (one more photo loaded). Pure.
 */
export function isFullerRead(stored: CaptureDraft, d: CaptureDraft): boolean {
  const now = partsOf(d);
  return partsOf(stored).some(([flag, size], i) => {
    const [nowFlag, nowSize] = now[i]!;
    return flag && nowSize >= size && (!nowFlag || nowSize > size);
  });
}

/**
 * The approximate time of a post whose id does not give it (docs/sites/linkedin.md "Post time"):
 * LinkedIn shows only a relative label ("18h •", "4 h • Editado •"), and a card without an id (the
 * React demo feed's card C, the `…comment-key-does-not-decode…` fixture) has nothing better.
 */
import type { Ex } from './dom';
import { ownAll } from './dom';
import { LABEL_PACKS, type LabelPack } from './labels';
import * as S from './selectors';

const DAY = 864e5;
/** Length in ms of the units of `LabelPack.ago`, in its order: minute, hour, day, week, month (30 days), year (365 days). */
export const UNIT_MS = [6e4, 36e5, DAY, 7 * DAY, 30 * DAY, 365 * DAY] as const;

/**
 * ISO 8601 UTC time a relative label names, read in `pack`'s language: the start of the bucket,
 * `now − n units` rounded down to the unit (minutes, hours) or to the UTC day (days and longer), so
 * it is never later than the label allows and never in the future. Only the first token counts
 * ("4h • Edited •" → 4 hours). Null for a label that does not start with a count and a unit of
 * `pack.ago` ("Promoted", "Edited", "Dec 11"). `now` is ms since the epoch. Pure.
 */
export function agoToIso(label: string, pack: LabelPack, now: number): string | null {
  const m = /^\s*(\d+)\s*(\p{L}+)/u.exec(label);
  const unit = m && UNIT_MS[pack.ago.split(' ').indexOf(m[2]!)];
  if (!unit) return null;
  const step = Math.min(unit, DAY);
  return new Date(Math.floor((now - +m![1]! * unit) / step) * step).toISOString();
}

/**
 * Gen C: {@link agoToIso} of the card's own post-time `<p>`, the one holding the visibility icon
 * outside `exclude` (a reshared part, comments), in the language that icon's label names
 * ("Visibility" / "Visibilidade", lib/sites/linkedin/labels.ts). Null when there is none.
 */
export function labelTimeC(root: Element, exclude: Ex, now: number): string | null {
  const icon = ownAll(root, S.timeVisibilityIcon, exclude)[0];
  const pack = LABEL_PACKS.find((p) => icon?.getAttribute('aria-label')?.startsWith(p.visibility));
  return pack ? agoToIso(icon!.closest('p')?.textContent ?? '', pack, now) : null;
}

/**
 * The digest as a ready-to-paste post for Viva Engage, Microsoft Teams or LinkedIn (docs/discussion.md
 * "Digest"): plain text with line breaks and bare http(s) links, within the site's length limit.
 * Satchel never posts it: the learner copies it and pastes it where their community already talks.
 *
 * Length limits, counted in UTF-16 code units (what a text box's `maxlength` counts; never fewer than
 * the characters a site counts):
 * - LinkedIn: a post holds 3,000 characters (the figure; LinkedIn's composer stops there).
 * - Microsoft Teams: "Limits and specifications for Microsoft Teams" (learn.microsoft.com,
 *   microsoftteams/limits-specifications-teams) gives a chat or channel post as "approximately 28 KB",
 *   counting formatting, mentions and reactions; people measure ~7,900 characters of pasted rich text.
 *   We keep to 4,000: even at 4 UTF-8 bytes each (emoji) that is 16 KB, far from 28 KB.
 * - Viva Engage: "Limits in Viva Engage" (learn.microsoft.com, office365/servicedescriptions/limits-viva-engage)
 *   documents files and attachments (100 per post) but no text length that we could find; we use the
 *   same conservative 4,000.
 * When the whole digest does not fit, the lowest items go first and a line says "…and N more in
 * Satchel"; then, only if needed, names in the credit line become a count. A link, a word or a line is
 * never cut.
 */
import type { Digest, DigestItem } from '../schema/digest';
import { safeHttpUrl } from '../util/url';
import { curatedText, DIGEST_SECTIONS, itemText, rangeText, titleText, totalsText, type RenderOptions } from './text';

/** The sites a digest post is made for. */
export const PASTE_SITES = ['vivaEngage', 'teams', 'linkedin'] as const;
export type PasteSite = (typeof PASTE_SITES)[number];

/** Longest post per site, UTF-16 code units (sources above). */
export const PASTE_LIMITS: Record<PasteSite, number> = { vivaEngage: 4000, teams: 4000, linkedin: 3000 };

/** A paste-ready post: its text, its length against the site's limit, and how many items were left out. */
export interface PastePost {
  site: PasteSite;
  text: string;
  /** `text.length` */
  length: number;
  limit: number;
  /** items left out to fit (named in the "…and N more in Satchel" line) */
  dropped: number;
}

/** One item as plain-text lines: "▸ title", "source · activity", "shared by…", "answered by…", then the bare link. */
function itemLines(item: DigestItem, opts: RenderOptions): string[] {
  const w = itemText(item, opts);
  const url = safeHttpUrl(item.permalink);
  const lines = [`▸ ${w.title}`, w.activity ? `${w.source} · ${w.activity}` : w.source, w.shared];
  if (w.answer) lines.push(w.answer);
  if (url) lines.push(url);
  return lines;
}

/** Each capture once, in section order, with the heading of the section it first appears in. */
function entriesOf(d: Digest, opts: RenderOptions): Array<{ heading: string; lines: string[] }> {
  const seen = new Set<string>();
  const out: Array<{ heading: string; lines: string[] }> = [];
  for (const s of DIGEST_SECTIONS) {
    for (const item of d[s.list]) {
      if (seen.has(item.captureId)) continue;
      seen.add(item.captureId);
      out.push({ heading: opts.tr(s.heading), lines: itemLines(item, opts) });
    }
  }
  return out;
}

/**
 * Renders `d` as a plain-text post for `site`, at most `PASTE_LIMITS[site]` long whenever the title,
 * range, totals and a one-count credit line fit (always, for team names up to 200 characters).
 * Pure; throws nothing.
 */
export function renderDigestPaste(d: Digest, site: PasteSite, opts: RenderOptions): PastePost {
  const { tr } = opts;
  const limit = PASTE_LIMITS[site];
  const head = [titleText(d, tr), `${rangeText(d, opts.locale)} · ${totalsText(d, opts)}`];
  const entries = entriesOf(d, opts);
  const compose = (kept: number, names: number): string => {
    const parts = [head.join('\n')];
    let heading: string | null = null;
    for (const e of entries.slice(0, kept)) {
      if (e.heading !== heading) parts.push((heading = e.heading).toLocaleUpperCase(opts.locale));
      parts.push(e.lines.join('\n'));
    }
    if (entries.length === 0) parts.push(tr('digestEmpty'));
    if (kept < entries.length) parts.push(tr('digestMoreInSatchel', { count: entries.length - kept }));
    const curated = curatedText(d.contributors, tr, names, opts.locale);
    if (curated) parts.push(curated);
    return parts.join('\n\n');
  };
  // Credit is the point: every name stays unless not even one item fits beside them; then names become a count.
  // (An item too long to fit even alone does not cost anyone their name.)
  const least = compose(Math.min(1, entries.length), 0).length <= limit ? Math.min(1, entries.length) : 0;
  let names = d.contributors.filter((c) => c.name !== null).length;
  while (names > 0 && compose(least, names).length > limit) names--;
  let kept = entries.length;
  while (kept > 0 && compose(kept, names).length > limit) kept--;
  const text = compose(kept, names);
  return { site, text, length: text.length, limit, dropped: entries.length - kept };
}

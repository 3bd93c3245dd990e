/**
 * The digest as the library view shows it (components/DigestView.tsx): plain strings only, built by
 * the same words as the exports (./text.ts), so the view, the Markdown, the HTML and the paste posts
 * never disagree. Components may not import lib/digest (docs/architecture.md 6.2); the library page
 * builds this and passes it down.
 */
import type { Digest } from '../schema/digest';
import { safeHttpUrl } from '../util/url';
import { curatedText, DIGEST_SECTIONS, itemText, personName, rangeText, tallyText, titleText, totalsText, type RenderOptions } from './text';

/** One section of the view. */
export interface DigestSectionView {
  heading: string;
  items: Array<{ captureId: string; title: string; url: string | null; /** names marked FSI … PDI (lib/util/bidi.ts) */ lines: string[] }>;
}

/** Everything the digest view writes, as plain text. */
export interface DigestViewModel {
  title: string;
  /** "Nov 30 – Dec 6, 2026 · 3 captures shared · …" */
  subtitle: string;
  /** non-empty sections only; none means nothing happened (the view says so) */
  sections: DigestSectionView[];
  /** the credit line and each contributor's tally, or null when nobody contributed */
  curated: { line: string; people: Array<{ userId: string; name: string; tally: string }> } | null;
}

/**
 * The view model of `d`. Pure. Names in `lines` and `curated.line` are marked FSI … PDI
 * (lib/util/bidi.ts `isolateName`) for components/Bdi.tsx `IsolatedText`; `people[].name` is stripped.
 */
export function digestViewModel(d: Digest, words: RenderOptions): DigestViewModel {
  const opts: RenderOptions = { ...words, isolate: true };
  const sections = DIGEST_SECTIONS.filter((s) => d[s.list].length > 0).map((s) => ({
    heading: opts.tr(s.heading),
    items: d[s.list].map((item) => {
      const w = itemText(item, opts);
      return {
        captureId: item.captureId,
        title: w.title,
        url: safeHttpUrl(item.permalink),
        lines: [w.activity ? `${w.source} · ${w.activity}` : w.source, w.shared, w.answer].filter((l): l is string => l !== null),
      };
    }),
  }));
  const line = curatedText(d.contributors, opts.tr, Infinity, opts.locale, opts.isolate);
  return {
    title: titleText(d, opts.tr),
    subtitle: `${rangeText(d, opts.locale)} · ${totalsText(d, opts)}`,
    sections,
    curated: line ? { line, people: d.contributors.map((c) => ({ userId: c.userId, name: personName(c, opts.tr), tally: tallyText(c, opts) })) } : null,
  };
}

/**
 * The text of an X post: `tweetText` read with the walker (expanded links, no "Show more" label), its
 * language, its time, and whether it was cut (docs/sites/x.md §1.1 "Text", "Long posts").
 */
import { textOf } from '../../dom/text';
import { one, type Scope } from './dom';
import { statusIdToIso } from './ids';
import * as S from './selectors';

const SEE_MORE = S.anyOf(S.seeMoreButton);
/** X API pseudo-languages: undetermined, no linguistic content, media/mention/hashtag/cashtag/short-only (docs/sites/x.md §1.3). */
const PSEUDO_LANGS = new Set(['und', 'zxx', 'qme', 'qam', 'qht', 'qct', 'qst']);

/**
 * The full URL a link shows, rebuilt from its spans: X splits the display text into
 * `<span aria-hidden>https://</span>visible<span aria-hidden>rest</span><span aria-hidden>…</span>`
 * (x-2023-12_timeline_single-image_tco-link-split-spans). Concatenating every text node and
 * dropping the final "…" gives the expanded URL. Null when the result is not an absolute URL
 * (mentions, hashtags, or upstream's hand-edited "Example.com" in x-2025-10_…quoted-has-video…).
 */
export function expandedUrl(a: Element): string | null {
  const full = (a.textContent ?? '').replace(/\s+/g, '').replace(/…$/, '');
  return /^https?:\/\/\S+$/i.test(full) ? full : null;
}

/**
 * Plain text of a tweetText element: walker (docs/sites/README.md §0 rule 5), expanded links, no "Show more"
 * label. tweetText is `white-space: pre-wrap`, so `\n` in text nodes are line breaks
 * (x-2023-12_timeline_quote_show-more_…); @mentions sit in inline-styled `div`s
 * (x-2023-10_timeline_reposted-by-you_show-more_mention_…), so no `div` inside it breaks a line.
 */
export function readText(textEl: Element | null): string {
  if (!textEl) return '';
  return textOf(textEl, {
    skip: SEE_MORE,
    inline: 'div',
    keepNewlines: true,
    replace: (el) => (el.tagName === 'A' ? expandedUrl(el) : null),
  });
}

/** The language of a `tweetText` (its `lang`), or null for none, X's pseudo-codes (§1.3) and malformed tags. */
export function readLang(textEl: Element | null): string | null {
  const lang = textEl?.getAttribute('lang')?.trim() ?? '';
  if (!lang || PSEUDO_LANGS.has(lang.toLowerCase()) || !/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(lang)) return null;
  return lang;
}

/** ISO time (UTC) of a `time[datetime]`, else decoded from the status id (docs/sites/README.md §0 rule 4), else null. */
export function readTime(timeEl: Element | null, id: string | null): string | null {
  const raw = timeEl?.getAttribute('datetime');
  if (raw) {
    const d = new Date(raw);
    if (!Number.isNaN(d.getTime())) return d.toISOString();
  }
  return id ? statusIdToIso(id) : null;
}

/** True when the scope shows a "Show more" control: the timeline holds only the start of the text. */
export function hasSeeMore(scope: Scope): boolean {
  return one(scope, SEE_MORE) !== null;
}

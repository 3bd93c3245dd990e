/**
 * The digest as Markdown (docs/discussion.md "Digest"), for a wiki, a README or any Markdown editor.
 * Untrusted text (names, notes, excerpts) is escaped with the export's `escapeMarkdown`, so it can
 * never become a link, an image, raw HTML or a heading; an item's title links to its post only when
 * the permalink is http(s) (the digest already holds only such links; checked again here).
 */
import type { Digest, DigestItem } from '../schema/digest';
import { escapeMarkdown } from '../export/escape';
import { safeHttpUrl } from '../util/url';
import { curatedText, DIGEST_SECTIONS, itemText, rangeText, tallyText, titleText, totalsText, personName, type RenderOptions } from './text';

/**
 * A CommonMark link destination in angle brackets: `URL.href` never holds `<`, `>`, spaces or line
 * breaks; a backslash (which could escape the closing `>`) is percent-encoded.
 */
const destination = (url: string) => `<${url.replace(/\\/g, '%5C')}>`;

function itemMarkdown(item: DigestItem, opts: RenderOptions): string[] {
  const words = itemText(item, opts);
  const url = safeHttpUrl(item.permalink);
  const title = url ? `[${escapeMarkdown(words.title)}](${destination(url)})` : escapeMarkdown(words.title);
  const rest = [words.source, words.shared, words.activity, words.answer].filter((l): l is string => l !== null);
  // One list item: the linked title, then each line after a hard break (two spaces).
  return [`- **${title}**  `, ...rest.map((l, i) => `  ${escapeMarkdown(l)}${i < rest.length - 1 ? '  ' : ''}`)];
}

/**
 * Renders `d` as a Markdown document: a title, the range and totals, one section per non-empty list
 * (item title linked to the post, source, who shared it and why, activity, answer), then "Curated by"
 * with each contributor's tally. Pure.
 */
export function renderDigestMarkdown(d: Digest, opts: RenderOptions): string {
  const { tr } = opts;
  const out = [`# ${escapeMarkdown(titleText(d, tr))}`, '', `${escapeMarkdown(rangeText(d, opts.locale))} · ${escapeMarkdown(totalsText(d, opts))}`, ''];
  let any = false;
  for (const s of DIGEST_SECTIONS) {
    const items = d[s.list];
    if (items.length === 0) continue;
    any = true;
    out.push(`## ${escapeMarkdown(tr(s.heading))}`, '');
    for (const item of items) out.push(...itemMarkdown(item, opts));
    out.push('');
  }
  if (!any) out.push(escapeMarkdown(tr('digestEmpty')), '');
  const curated = curatedText(d.contributors, tr, Infinity, opts.locale);
  if (curated) {
    out.push(`## ${escapeMarkdown(tr('digestCuratedHeading'))}`, '', escapeMarkdown(curated), '');
    for (const c of d.contributors) out.push(`- ${escapeMarkdown(personName(c, tr))}: ${escapeMarkdown(tallyText(c, opts))}`);
    out.push('');
  }
  out.push(`_${escapeMarkdown(tr('digestFooter'))}_`, '');
  return out.join('\n');
}

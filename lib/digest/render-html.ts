/**
 * The digest as one standalone, styled HTML document (docs/discussion.md "Digest"), to open in a
 * browser, attach to a mail or paste into an intranet page. Safe by construction: every text is
 * HTML-escaped, the only links are http(s) permalinks (`rel="noopener noreferrer"`), there is no
 * script and no event attribute, and a Content-Security-Policy meta tag allows nothing but the inline
 * style sheet. Names are stripped of direction overrides and isolated in <bdi> (lib/util/bidi.ts);
 * long unbroken words wrap (`overflow-wrap: anywhere`). tests/digest-xss.test.ts feeds the XSS corpus through it.
 */
import type { Digest, DigestItem } from '../schema/digest';
import { safeHttpUrl } from '../util/url';
import { splitIsolates } from '../util/bidi';
import { curatedText, DIGEST_SECTIONS, itemText, personName, rangeText, tallyText, titleText, totalsText, type RenderOptions } from './text';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** `s` with `& < > " '` as entities: safe in element text and in quoted attribute values. */
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

/** `s` escaped, with the names marked FSI … PDI (text.ts with `isolate`) as <bdi> elements. */
const escapeNames = (s: string): string => splitIsolates(s).map((p) => (p.isolated ? `<bdi>${escapeHtml(p.text)}</bdi>` : escapeHtml(p.text))).join('');

const STYLE = `
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;background:#fff;margin:0}
main{max-width:42rem;margin:0 auto;padding:2rem 1rem;overflow-wrap:anywhere}
h1{font-size:1.6rem;margin:0 0 .25rem}
h2{font-size:1.15rem;margin:2rem 0 .5rem;border-bottom:1px solid #d0d7de;padding-bottom:.25rem}
.meta{color:#57606a;margin:0}
ol,ul{padding-left:1.25rem}
li{margin:.75rem 0}
.title{font-weight:600}
a{color:#0a58ca}
.line{display:block;color:#424a53;font-size:.95rem}
.answer{border-left:3px solid #2da44e;padding-left:.5rem}
footer{margin-top:2.5rem;color:#57606a;font-size:.85rem}
@media (prefers-color-scheme: dark){body{background:#0d1117;color:#e6edf3}.meta,.line,footer{color:#9da7b3}a{color:#6cb6ff}h2{border-color:#30363d}}
`.trim();

function itemHtml(item: DigestItem, opts: RenderOptions): string {
  const w = itemText(item, { ...opts, isolate: true });
  const url = safeHttpUrl(item.permalink);
  const title = url ? `<a href="${escapeHtml(url)}" rel="noopener noreferrer">${escapeHtml(w.title)}</a>` : escapeHtml(w.title);
  const lines = [`<span class="title">${title}</span>`, `<span class="line">${escapeNames(w.source)}</span>`, `<span class="line">${escapeNames(w.shared)}</span>`];
  if (w.activity) lines.push(`<span class="line">${escapeHtml(w.activity)}</span>`);
  if (w.answer) lines.push(`<span class="line answer">${escapeNames(w.answer)}</span>`);
  return `<li>${lines.join('\n')}</li>`;
}

/**
 * Renders `d` as a complete HTML document (`<!doctype html>` … `</html>`, UTF-8): title, range and
 * totals, one section per non-empty list, "Curated by" with each contributor's tally, and a footer.
 * Pure; `opts.locale` also becomes the document's `lang`.
 */
export function renderDigestHtml(d: Digest, opts: RenderOptions): string {
  const { tr } = opts;
  const title = titleText(d, tr);
  const body: string[] = [`<h1>${escapeHtml(title)}</h1>`, `<p class="meta">${escapeHtml(rangeText(d, opts.locale))} · ${escapeHtml(totalsText(d, opts))}</p>`];
  let any = false;
  for (const s of DIGEST_SECTIONS) {
    const items = d[s.list];
    if (items.length === 0) continue;
    any = true;
    body.push(`<section><h2>${escapeHtml(tr(s.heading))}</h2><ol>`, ...items.map((i) => itemHtml(i, opts)), '</ol></section>');
  }
  if (!any) body.push(`<p>${escapeHtml(tr('digestEmpty'))}</p>`);
  const curated = curatedText(d.contributors, tr, Infinity, opts.locale, true);
  if (curated) {
    body.push(`<section><h2>${escapeHtml(tr('digestCuratedHeading'))}</h2><p>${escapeNames(curated)}</p><ul>`);
    for (const c of d.contributors) body.push(`<li><bdi>${escapeHtml(personName(c, tr))}</bdi>: ${escapeHtml(tallyText(c, opts))}</li>`);
    body.push('</ul></section>');
  }
  body.push(`<footer>${escapeHtml(tr('digestFooter'))}</footer>`);
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(opts.locale ?? 'en')}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body><main>',
    ...body,
    '</main></body>',
    '</html>',
    '',
  ].join('\n');
}

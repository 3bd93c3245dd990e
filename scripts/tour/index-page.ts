import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Shot } from './recorder';

/**
 * `demo-output/index.html`: one page showing every screenshot of the tour with its caption, light
 * and dark side by side. Self-contained (inline CSS, relative image paths), so it opens from file://.
 */

/** Text as HTML text or attribute value. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The page's HTML for `shots` (in tour order), with `failed` step names listed at the top when there are any. */
export function tourIndexHtml(shots: readonly Shot[], failed: readonly string[]): string {
  const figures = shots
    .map(
      (s) => `<figure class="${s.scheme}"><a href="${escapeHtml(encodeURI(s.file))}"><img src="${escapeHtml(encodeURI(s.file))}" alt="${escapeHtml(s.caption)}" loading="lazy"></a>
<figcaption>${escapeHtml(s.caption)}</figcaption></figure>`,
    )
    .join('\n');
  const problems = failed.length
    ? `<p class="failed" role="alert">${failed.length} step(s) failed: ${escapeHtml(failed.join('; '))}</p>`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Satchel demo tour</title>
<style>
:root{color-scheme:light dark;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
body{margin:0 auto;max-width:1400px;padding:24px}
h1{margin:0 0 4px}
.meta{margin:0 0 24px;color:GrayText}
.failed{padding:8px 12px;border:2px solid #b3261e;border-radius:8px}
main{display:grid;grid-template-columns:repeat(auto-fill,minmax(420px,1fr));gap:24px}
figure{margin:0;border:1px solid rgba(128,128,128,.35);border-radius:10px;overflow:hidden;background:Canvas}
figure img{display:block;width:100%;height:auto;border-bottom:1px solid rgba(128,128,128,.35)}
figcaption{padding:8px 12px;font-size:14px}
figure.dark figcaption{background:#1f2328;color:#e6edf3}
</style></head>
<body>
<h1>Satchel demo tour</h1>
<p class="meta">${shots.length} screenshots from <code>npm start -- --headless</code>. Select a picture to open it at full size.</p>
${problems}
<main>
${figures}
</main>
</body></html>
`;
}

/** Writes `index.html` into `dir`; returns its path. */
export function writeTourIndex(dir: string, shots: readonly Shot[], failed: readonly string[]): string {
  const path = join(dir, 'index.html');
  writeFileSync(path, tourIndexHtml(shots, failed));
  return path;
}

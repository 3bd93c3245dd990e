/**
 * Backslash-escaping for Markdown written by string concatenation (the team digest,
 * lib/digest/render-markdown.ts). The capture export builds a syntax tree instead
 * (lib/export/markdown.ts) and escapes only what its context needs.
 */

/** Backslash-escapes Markdown/HTML-significant characters so text renders literally (CommonMark). */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/[\\`*_{}[\]<>()#+!|~&]/g, '\\$&')
    .replace(/^(\s*)([-=>]|\d+[.)])/gm, (_m, sp: string, mark: string) => `${sp}${mark.replace(/([-=>.)])/, '\\$1')}`);
}

/** A safe file name: no path separators, reserved or control characters; at most 100 characters; `fallback` when nothing is left. */
export function fileNameFor(name: string, fallback = 'Collection'): string {
  const n = name.normalize('NFC').replace(/[\u0000-\u001f\u007f/\\:*?"<>|#^[\]]+/g, '-').replace(/^[.\s]+|[.\s]+$/g, '').slice(0, 100).replace(/[.\s]+$/, '');
  return n.length > 0 ? n : fallback;
}

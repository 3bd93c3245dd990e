/**
 * Plain text of an element as a reader sees it (docs/sites/README.md rule 5): `<br>` and block boundaries
 * become `\n`, emoji `<img alt>` become their alt text, hidden accessibility copies are skipped.
 * Works the same in a page and in jsdom (no layout needed, unlike `innerText`).
 */
export interface TextOptions {
  /** Elements matching this selector are skipped with their subtree (e.g. "see more" buttons, nested quotes). */
  skip?: string;
  /** Called for each element; return a string to use instead of walking into it (e.g. expanded t.co link). */
  replace?: (el: Element) => string | null;
  /**
   * Elements matching this selector are inline even when their tag is a block tag (no line breaks
   * around them). X wraps @mentions inside post text in `div`s styled inline.
   */
  inline?: string;
  /**
   * Keep `\n` inside text nodes as line breaks (for `white-space: pre-wrap` containers such as X's
   * `tweetText`). Default false: text-node newlines are whitespace, as in normal HTML flow.
   */
  keepNewlines?: boolean;
}

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TR', 'UL',
]);

/** True for copies only for screen readers, which are duplicates of visible text on LinkedIn. */
function isVisuallyHidden(el: Element): boolean {
  return el.classList.contains('visually-hidden') || el.classList.contains('a11y-text');
}

/**
 * Returns the element's text. Trailing spaces on each line and blank lines at the ends are trimmed;
 * runs of more than two line breaks are kept at two (one empty line).
 */
export function textOf(root: Element, opts: TextOptions = {}): string {
  const out: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      const v = node.nodeValue ?? '';
      out.push(opts.keepNewlines ? v.replace(/\r\n?/g, '\n').replace(/[\t ]+/g, ' ') : v.replace(/[\t\r\n ]+/g, ' '));
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (el !== root && opts.skip && el.matches(opts.skip)) return;
    if (el !== root && isVisuallyHidden(el)) return;
    const tag = el.tagName;
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'TEMPLATE' || tag === 'NOSCRIPT' || tag === 'SVG' || tag === 'svg') return;
    const repl = opts.replace?.(el);
    if (repl != null) { out.push(repl); return; }
    if (tag === 'BR') { out.push('\n'); return; }
    if (tag === 'IMG') { out.push(el.getAttribute('alt') ?? ''); return; }
    const block = BLOCK.has(tag) && !(el !== root && opts.inline && el.matches(opts.inline));
    if (block) out.push('\n');
    for (let c = el.firstChild; c; c = c.nextSibling) walk(c);
    if (block) out.push('\n');
  };
  walk(root);
  return out
    .join('')
    .split('\n')
    .map((l) => l.replace(/ +/g, ' ').replace(/^ (?=\S)/, '').trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}

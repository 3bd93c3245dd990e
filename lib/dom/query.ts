/**
 * Selector queries the content scripts run on every feed change, shaped for speed (content-overhead
 * bench, BENCHMARKS.md).
 */

/**
 * The elements matching `selector` in `root`'s subtree (`root` itself included when it is an
 * element) that have no matching ancestor within that subtree, in document order: the same list as
 * `querySelectorAll` filtered to outermost matches, but found without walking into the matches.
 * Each match is reached with `querySelector` (which stops at the first hit), then the search goes
 * on in the siblings after it and after its ancestors, so a feed cell of 300 nodes holding one post
 * costs a few node visits instead of 300.
 *
 * @param root - where to look (a document, or an element that may itself match)
 * @param selector - a CSS selector; throws the DOM's SyntaxError for an invalid one
 * @returns outermost matches in document order, `[]` when none
 */
export function outermostMatches(root: ParentNode, selector: string): Element[] {
  if (isElement(root) && root.matches(selector)) return [root];
  const out: Element[] = [];
  for (let found = root.querySelector(selector); found; ) {
    out.push(found);
    found = nextAfterSubtree(root, found, selector);
  }
  return out;
}

/** The first match after `el`'s subtree and inside `root`, searching siblings, then ancestors' siblings. */
function nextAfterSubtree(root: ParentNode, el: Element, selector: string): Element | null {
  for (let at: Element | null = el; at && at !== root; at = at.parentElement) {
    for (let sib = at.nextElementSibling; sib; sib = sib.nextElementSibling) {
      if (sib.matches(selector)) return sib;
      const inner = sib.querySelector(selector);
      if (inner) return inner;
    }
  }
  return null;
}

function isElement(n: ParentNode): n is Element {
  return (n as Node).nodeType === 1;
}

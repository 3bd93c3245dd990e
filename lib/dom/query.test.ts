// @vitest-environment jsdom
import { describe, it, expect, afterEach } from 'vitest';
import fc from 'fast-check';
import { outermostMatches } from './query';

afterEach(() => {
  document.body.innerHTML = '';
});

/** The definition: every match in the subtree (root included) without a matching ancestor inside it. */
function reference(root: ParentNode, selector: string): Element[] {
  const all = [...root.querySelectorAll(selector)];
  if ((root as Node).nodeType === 1 && (root as Element).matches(selector)) all.unshift(root as Element);
  return all.filter((el) => {
    for (let p = el.parentElement; p && (root as Node).contains(p); p = p.parentElement) if (p.matches(selector)) return false;
    return true;
  });
}

/** A random tree of div/article/span elements, some marked `data-m`. */
type Tree = { tag: 'div' | 'article' | 'span'; m: boolean; kids: Tree[] };
const tree: fc.Memo<Tree> = fc.memo((n) =>
  fc.record({
    tag: fc.constantFrom('div' as const, 'article' as const, 'span' as const),
    m: fc.boolean(),
    kids: n <= 1 ? fc.constant([]) : fc.array(tree(n - 1), { maxLength: 4 }),
  }),
);
function html(t: Tree): string {
  return `<${t.tag}${t.m ? ' data-m' : ''}>${t.kids.map(html).join('')}</${t.tag}>`;
}

describe('outermostMatches', () => {
  it('finds one post per feed cell, in document order, without nested matches', () => {
    document.body.innerHTML = '<main><div id="a"><div><article id="p1"><div><article id="q"></article></div></article></div></div><div><article id="p2"></article></div></main>';
    expect(outermostMatches(document, 'article').map((e) => e.id)).toEqual(['p1', 'p2']);
    expect(outermostMatches(document.getElementById('a')!, 'article').map((e) => e.id)).toEqual(['p1']);
    expect(outermostMatches(document.getElementById('p1')!, 'article').map((e) => e.id)).toEqual(['p1']);
    expect(outermostMatches(document.getElementById('q')!.parentElement!, 'article').map((e) => e.id)).toEqual(['q']);
    expect(outermostMatches(document.body, 'section')).toEqual([]);
  });

  it('equals querySelectorAll filtered to outermost matches on any tree and any root', () => {
    fc.assert(
      fc.property(tree(5), fc.nat(), fc.constantFrom('article', '[data-m]', 'span[data-m]', 'div'), (t, pick, sel) => {
        document.body.innerHTML = html(t);
        const nodes = [document.body, ...document.body.querySelectorAll('*')];
        const root = pick % 5 === 0 ? document : nodes[pick % nodes.length]!;
        expect(outermostMatches(root, sel)).toEqual(reference(root, sel));
      }),
      { numRuns: 300 },
    );
  });
});

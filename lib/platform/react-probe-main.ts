/**
 * The MAIN-world half of the React props probe (issue 9; docs/sites/linkedin.md "Posts without an
 * id"). `scripting.executeScript({ world: 'MAIN', func })` serialises this function on its own, so
 * it must stay self-contained: no imports, no closures over module values, no helpers outside it.
 *
 * What it reads, and only that: the element marked `data-satchel-probe="<probe>"` (the post the
 * learner pressed Save on; the content script sets the mark just before and removes it just after),
 * the React props of that element and of its descendants, and the props of the components that
 * wrap that element alone. It returns one post URN string and keeps nothing. It never walks to a
 * component that renders more than this post (a list), so other posts' ids are never read.
 *
 * Where the URN sits (SITE-DOM research, reported on LinkedIn's React pages 2025-26): strings such as
 * `reactionsCount-urn:li:activity:<id>` or `{ update: "urn:li:activity:<id>" }` in the props of the
 * card's action buttons and of the card component itself. React keeps them on DOM nodes under
 * `__reactProps$<random>` (props of host elements) and `__reactFiber$<random>` (the fiber, whose
 * `.return` chain holds the component props); React ≤ 16 used `__reactInternalInstance$<random>`.
 *
 * Firefox MV2 has no MAIN world: the same function runs in the content script there, where
 * `wrappedJSObject` exposes the page's own objects (the `unwrap` below).
 *
 * @param probe the value of the `data-satchel-probe` mark, `[A-Za-z0-9_-]{8,64}`
 * @returns `urn:li:activity:<id>` when one is found (preferred), else a `ugcPost`/`share` URN, else null.
 *   Bounded work: at most 4,000 elements and 20,000 visited prop values.
 */
export function readReactPostUrn(probe: string): string | null {
  type Obj = Record<string, unknown>;
  const unwrap = <T>(x: T): T => ((x as { wrappedJSObject?: T } | null)?.wrappedJSObject ?? x);
  if (!/^[A-Za-z0-9_-]{8,64}$/.test(probe)) return null;
  const card = document.querySelector(`[data-satchel-probe="${probe}"]`);
  if (!card) return null;
  const URN = /urn(?::|%3A)li(?::|%3A)(activity|ugcPost|share)(?::|%3A)(\d{6,25})/gi;
  const found: { kind: string; urn: string }[] = [];
  let budget = 20_000;
  const seen = new Set<unknown>();
  const scan = (v: unknown, depth: number): void => {
    if (budget-- <= 0 || v === null || v === undefined) return;
    if (typeof v === 'string') {
      for (const m of v.matchAll(URN)) {
        const kind = m[1]!.toLowerCase() === 'ugcpost' ? 'ugcPost' : m[1]!.toLowerCase();
        found.push({ kind, urn: `urn:li:${kind}:${m[2]}` });
      }
      return;
    }
    if (typeof v !== 'object' || depth > 6 || seen.has(v)) return;
    seen.add(v);
    if (typeof Node !== 'undefined' && v instanceof Node) return;
    if (Array.isArray(v)) {
      for (const x of v.slice(0, 200)) scan(x, depth + 1);
      return;
    }
    const o = v as Obj;
    if ('$$typeof' in o) return; // a React element: its props are reached through its own fiber
    for (const k of Object.keys(o).slice(0, 200)) {
      if (k === 'children' || k === '_owner' || k === 'ref' || k.startsWith('__')) continue;
      let x: unknown;
      try {
        x = o[k];
      } catch {
        continue;
      }
      if (typeof x !== 'function') scan(x, depth + 1);
    }
  };
  const keyOf = (el: Element, prefix: string): string | undefined => Object.keys(el).find((k) => k.startsWith(prefix));
  const isHostFiber = (f: Obj | null | undefined): boolean => !!f && typeof f.stateNode === 'object' && f.stateNode !== null && (f.stateNode as { nodeType?: number }).nodeType === 1;
  /** Props of the components between `el`'s fiber and the nearest host above, while each renders only this subtree. */
  const wrappers = (el: Element): void => {
    const fk = keyOf(el, '__reactFiber$') ?? keyOf(el, '__reactInternalInstance$');
    let f = fk ? (el as unknown as Obj)[fk] as Obj | undefined : undefined;
    for (let i = 0; f && i < 30; i++) {
      const parent = f.return as Obj | null | undefined;
      if (!parent || isHostFiber(parent) || parent.child !== f || f.sibling) break;
      scan(parent.memoizedProps, 0);
      f = parent;
    }
  };
  const root = unwrap(card);
  const els = [root, ...Array.from(root.querySelectorAll('*')).slice(0, 4000).map(unwrap)];
  // Priority: the components wrapping the card itself first (they hold the post the card shows; a
  // reshared post's id sits deeper), then each element's own props and wrappers in document order.
  wrappers(root);
  for (const el of els) {
    const pk = keyOf(el, '__reactProps$');
    if (pk) scan((el as unknown as Obj)[pk], 0);
    if (el !== root) wrappers(el);
    if (budget <= 0) break;
  }
  return (found.find((f) => f.kind === 'activity') ?? found[0])?.urn ?? null;
}

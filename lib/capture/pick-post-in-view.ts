/**
 * Picks the post the keyboard shortcut means (issue 2): the post containing the focused element
 * (focus inside a shadow root counts for the post holding its host), else the post with the largest
 * visible area in the viewport. Returns null when no post is visible at all.
 */
export function pickPostInView(posts: readonly Element[], doc: Document): Element | null {
  // A focused control inside our shadow root reports its host here, which sits inside the post.
  const active = doc.activeElement;
  if (active && active !== doc.body) {
    // Innermost first: a post inside another post's subtree (never expected) resolves to the inner one.
    let best: Element | null = null;
    for (const p of posts) if (p.contains(active) && (!best || best.contains(p))) best = p;
    if (best) return best;
  }
  const win = doc.defaultView;
  const vw = win?.innerWidth ?? doc.documentElement.clientWidth;
  const vh = win?.innerHeight ?? doc.documentElement.clientHeight;
  let best: Element | null = null;
  let bestArea = 0;
  for (const p of posts) {
    const area = visibleArea(p.getBoundingClientRect(), vw, vh);
    if (area > bestArea) {
      best = p;
      bestArea = area;
    }
  }
  return best;
}

/** Area of `r` clipped to the viewport `[0, vw] × [0, vh]`, in px². */
export function visibleArea(r: { top: number; left: number; bottom: number; right: number }, vw: number, vh: number): number {
  const w = Math.min(r.right, vw) - Math.max(r.left, 0);
  const h = Math.min(r.bottom, vh) - Math.max(r.top, 0);
  return w > 0 && h > 0 ? w * h : 0;
}


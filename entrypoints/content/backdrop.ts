/** Whether a background is light or dark (what the Save control's palette is picked for). */
export type Backdrop = 'light' | 'dark';

/**
 * Whether `el` sits on a light or a dark background: the luminance of the nearest ancestor (or `el`
 * itself) whose computed `background-color` is mostly opaque (alpha ≥ 0.5); a page with none is
 * white (the browser's canvas). Dark when the WCAG relative luminance is below 0.179, the point where
 * white text and black text have the same contrast. Used instead of the system theme because a site
 * has its own theme: a light X in a dark system must not get the dark palette (issue 12).
 */
export function backdropOf(el: Element): Backdrop {
  const win = el.ownerDocument.defaultView;
  for (let n: Element | null = el; n && win; n = n.parentElement ?? ((n.getRootNode() as ShadowRoot).host || null)) {
    const rgba = parseRgb(win.getComputedStyle(n).backgroundColor);
    if (rgba && rgba[3] >= 0.5) return luminance(rgba) < 0.179 ? 'dark' : 'light';
  }
  return 'light';
}

/** `[r, g, b, a]` (0–255, alpha 0–1) of a computed colour `rgb(…)` / `rgba(…)`, or null for another form. */
export function parseRgb(css: string): [number, number, number, number] | null {
  const m = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+)(%?))?\s*\)$/.exec(css.trim());
  if (!m) return null;
  const a = m[4] === undefined ? 1 : Number(m[4]) / (m[5] ? 100 : 1);
  return [Number(m[1]), Number(m[2]), Number(m[3]), a];
}

/** WCAG 2 relative luminance (0 black … 1 white) of an sRGB colour given as 0–255 channels. */
export function luminance([r, g, b]: readonly number[]): number {
  const lin = (v: number) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
}

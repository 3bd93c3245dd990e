// @vitest-environment node
/**
 * components/theme.css: every text/background token pair meets WCAG AA (4.5:1) in the light and the
 * dark theme, computed from the file itself (issue 12: placeholders were 3.86:1 in dark mode), and
 * a chosen dark theme and the system's dark both switch the tokens (color-scheme: dark).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const css = readFileSync(join(__dirname, '../components/theme.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

/** The `--name: value` declarations of the `:root { … }` block. */
function rootTokens(): Record<string, string> {
  const m = /(?:^|[}\s]):root\s*\{([^}]*)\}/.exec(css);
  if (!m) throw new Error('no :root block in components/theme.css');
  return Object.fromEntries([...m[1]!.matchAll(/--([\w-]+)\s*:\s*([^;]+);/g)].map((d) => [d[1]!, d[2]!.trim()]));
}

/** One theme's colours: the first (light) or second (dark) argument of each `light-dark(a, b)` token. */
function theme(which: 0 | 1): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(rootTokens())) {
    const ld = /^light-dark\(\s*(#[0-9a-f]{3,6})\s*,\s*(#[0-9a-f]{3,6})\s*\)$/i.exec(v);
    if (ld) out[k] = ld[which + 1]!;
    else if (/^#/.test(v)) out[k] = v;
  }
  return out;
}

/** Relative luminance of a #rgb / #rrggbb colour (WCAG 2.x). */
function luminance(hex: string): number {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
  if (!/^[0-9a-f]{6}$/i.test(full)) throw new Error(`not a hex colour: ${hex}`);
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(full.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG contrast ratio of two hex colours, 1 to 21. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** [text token, background token]: every pair the pages draw text with. */
const PAIRS: Array<[string, string]> = [
  ['fg', 'bg'], ['fg', 'bg-soft'], ['fg', 'card'], ['fg', 'sel'], ['fg', 'accent-soft'], ['fg', 'mark'], ['fg', 'warn-bg'],
  ['muted', 'bg'], ['muted', 'bg-soft'], ['muted', 'card'], ['muted', 'accent-soft'],
  ['placeholder', 'bg'], ['placeholder', 'bg-soft'], ['placeholder', 'card'],
  ['accent', 'bg'], ['accent', 'bg-soft'], ['accent', 'card'], ['accent-fg', 'accent'],
  ['warn-fg', 'warn-bg'], ['ok-fg', 'bg'], ['ok-fg', 'card'], ['danger', 'bg'], ['danger', 'card'],
  ['bg', 'fg'], // the toast
];

describe('theme contrast (components/theme.css)', () => {
  const light = theme(0);
  const dark = theme(1);

  it('the contrast formula gives the known values', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('every colour token has a light and a dark value', () => {
    for (const [k, v] of Object.entries(rootTokens())) {
      if (k === 'radius') continue;
      expect(v, `--${k}`).toMatch(/^light-dark\(/);
    }
  });

  for (const [name, colours] of [['light', light], ['dark', dark]] as const) {
    for (const [fg, bg] of PAIRS) {
      it(`${name}: --${fg} on --${bg} is at least 4.5:1`, () => {
        expect(colours[fg], `--${fg} in the ${name} theme`).toBeDefined();
        expect(colours[bg], `--${bg} in the ${name} theme`).toBeDefined();
        expect(contrast(colours[fg]!, colours[bg]!)).toBeGreaterThanOrEqual(4.5);
      });
    }
  }

  it('placeholders use the --placeholder token, fully opaque', () => {
    expect(css).toMatch(/::placeholder\s*\{[^}]*color:\s*var\(--placeholder\)[^}]*opacity:\s*1/);
  });

  it('each theme sets its color-scheme', () => {
    expect(css).toMatch(/:root\s*\{[^}]*color-scheme:\s*light;/);
    expect(css).toMatch(/:root\[data-theme="dark"\]\s*\{[^}]*color-scheme:\s*dark;/);
    expect(css).toMatch(/@media \(prefers-color-scheme: dark\)\s*\{\s*:root:not\(\[data-theme="light"\]\)\s*\{[^}]*color-scheme:\s*dark;/);
  });
});

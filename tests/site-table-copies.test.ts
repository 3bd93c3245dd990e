import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { PLATFORM_META, SITE_META, SITE_IDS } from '../lib/sites/meta';
import { SITE_NAME_KEY } from '../components/SiteIcon';

/**
 * Issue 9 part 4: one site table (lib/sites/meta.ts). Names and colours of the sites are read from
 * it, never copied: a copy drifts (the welcome page drew Viva Engage in #5b5fc7, the table says
 * #4f52b2). This test finds copies in the UI's styles and in the export.
 */
const ROOT = resolve(import.meta.dirname, '..');
const walk = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
const read = (f: string) => readFileSync(join(ROOT, f), 'utf8');
const css = [...walk('components'), ...walk('entrypoints')].filter((f) => f.endsWith('.css'));

/** `#abc` → `#aabbcc`, lower case. */
const hex6 = (c: string) => (c.length === 4 ? `#${[...c.slice(1)].map((d) => d + d).join('')}` : c).toLowerCase();
/** The CSS rules of a style sheet, comments left out: `[selector, declarations]`. */
const rules = (text: string) => [...text.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([^{}]+)\{([^{}]*)\}/g)].map((m) => [m[1]!.trim(), m[2]!] as const);
const LITERAL_COLOUR = /#[0-9a-f]{3,8}\b|\b(?:rgb|rgba|hsl|hsla)\(/i;
const SITE_MODIFIER = new RegExp(`--(?:${Object.keys(PLATFORM_META).join('|')})\\b`);

describe('the site table is the one copy of site names and colours (lib/sites/meta.ts)', () => {
  it('no style sheet writes a site\'s colour: SiteIcon and SiteDemo set it from the table (--site-colour)', () => {
    const colours = new Set(Object.values(PLATFORM_META).map((m) => hex6(m.colour)));
    const found = css.flatMap((f) => [...read(f).matchAll(/#[0-9a-f]{3,6}\b/gi)].filter((m) => colours.has(hex6(m[0]))).map((m) => `${f}: ${m[0]}`));
    expect(found).toEqual([]);
  });

  it('no rule for one site draws its own badge, ring or accent line in a colour of its own', () => {
    const found = css.flatMap((f) =>
      rules(read(f))
        .filter(([sel]) => SITE_MODIFIER.test(sel))
        .flatMap(([sel, body]) => body.split(';').filter((d) => /^\s*(?:border|outline|box-shadow)|^\s*background/.test(d) && LITERAL_COLOUR.test(d) && (/site-icon/.test(sel) || !/^\s*background/.test(d))).map((d) => `${f}: ${sel} {${d.trim()}}`)),
    );
    expect(found).toEqual([]);
  });

  it('the Markdown export keeps no list of site names', () => {
    const names = SITE_IDS.map((id) => SITE_META[id].name).filter((n) => n.length > 2);
    const code = (f: string) => read(f).replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    const found = walk('lib/export').filter((f) => /\.ts$/.test(f) && !/\.test\.ts$|testing\.ts$/.test(f)).flatMap((f) => names.filter((n) => code(f).includes(`'${n}'`)).map((n) => `${relative(ROOT, join(ROOT, f))}: '${n}'`));
    expect(found).toEqual([]);
  });

  it('SITE_NAME_KEY is every platform\'s name key from the table', () => {
    expect(SITE_NAME_KEY).toEqual(Object.fromEntries(Object.entries(PLATFORM_META).map(([p, m]) => [p, m.nameKey])));
  });
});

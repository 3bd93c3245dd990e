/**
 * One-off: renders the Satchel mark (public/icon/*.svg) to the PNGs the manifest uses, in
 * Debian Chromium through playwright-core, with a transparent background. Run after changing an SVG:
 *
 *   node --import tsx scripts/icons.ts
 *
 * Writes public/icon/<size>.png (the default mark: `icons` and `action.default_icon`, legible on
 * light and dark toolbars), and public/icon/dark-<size>.png / light-<size>.png (Firefox
 * `action.theme_icons`, which WXT finds by these names: "dark" is the dark-coloured mark for light
 * toolbars, "light" the light-coloured one for dark toolbars). The PNGs are committed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const DIR = join(import.meta.dirname, '..', 'public', 'icon');
/** Every size Chrome and the stores ask for, in px. */
export const ICON_SIZES = [16, 32, 48, 96, 128] as const;
/** Source SVG → PNG file name prefix. */
const VARIANTS: ReadonlyArray<[svg: string, prefix: string]> = [['satchel.svg', ''], ['satchel-dark.svg', 'dark-'], ['satchel-light.svg', 'light-']];

async function main(): Promise<void> {
  const browser = await chromium.launch({ executablePath: process.env.SATCHEL_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    for (const [svg, prefix] of VARIANTS) {
      const src = `data:image/svg+xml;base64,${readFileSync(join(DIR, svg)).toString('base64')}`;
      for (const size of ICON_SIZES) {
        await page.setViewportSize({ width: size, height: size });
        await page.setContent(`<html><body style="margin:0;background:transparent"><img src="${src}" width="${size}" height="${size}" style="display:block"></body></html>`);
        await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
        const out = join(DIR, `${prefix}${size}.png`);
        await page.screenshot({ path: out, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
        console.log(out);
      }
    }
  } finally {
    await browser.close();
  }
}

await main();

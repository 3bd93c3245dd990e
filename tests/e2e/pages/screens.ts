import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** Light and dark screenshots of `page` as `<dir>/<name>-light.png` and `<name>-dark.png`; leaves the page light. */
export async function shotsLightDark(page: Page, dir: string, name: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: join(dir, `${name}-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Every axe violation (all impact levels) inside `include`, in light and in dark; leaves the page light. */
export async function axeLightDark(page: Page, include: string): Promise<string[]> {
  const out: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const r = await new AxeBuilder({ page }).include(include).analyze();
    out.push(...r.violations.map((v) => `${scheme}: ${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`));
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return out;
}

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type BrowserContext, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { REPO_ROOT, DEMO_URLS } from '../demo-feeds';
import { FeedPage, type Site } from './feed-page';

/** Where the review specs write their screenshots (issue 3: popup and library, light and dark). */
export const SCREENSHOTS_DIR = join(REPO_ROOT, 'test-results', 'screenshots');

/** Writes a full-page screenshot of `page` as `<name>.png` under {@link SCREENSHOTS_DIR}. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  const path = join(SCREENSHOTS_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** Saves the first `n` posts of a demo feed by clicking their controls; returns their keys. */
export async function saveFromFeed(page: Page, site: Site, n: number): Promise<string[]> {
  const feed = new FeedPage(page, site);
  await feed.goto(site === 'x' ? DEMO_URLS.xHome : DEMO_URLS.linkedinFeed);
  await expect(feed.control(n - 1)).toBeVisible({ timeout: 15_000 });
  const keys: string[] = [];
  for (let i = 0; i < n; i++) {
    const control = feed.control(i);
    await control.scrollIntoViewIfNeeded();
    await feed.clickSave(control);
    await expect.poll(() => feed.state(control), { timeout: 10_000 }).toBe('saved');
    keys.push(`${site}:${await control.getAttribute('data-post-id')}`);
  }
  return keys;
}

/** axe-core violations of impact serious or critical on `page` (optionally within `include`). */
export async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page });
  if (include) builder = builder.include(include);
  const r = await builder.analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/** A new tab on an extension page. */
export async function extensionPage(context: BrowserContext, extensionId: string, path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/${path}`);
  return page;
}

/** Every row of a store of the extension's database, read with raw indexedDB in an extension page. */
export async function readRows(page: Page, store: string): Promise<Array<Record<string, unknown>>> {
  return page.evaluate(
    (storeName) =>
      new Promise<Array<Record<string, unknown>>>((resolve, reject) => {
        const req = indexedDB.open('satchel');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const get = db.transaction(storeName, 'readonly').objectStore(storeName).getAll();
          get.onsuccess = () => {
            db.close();
            resolve(get.result as Array<Record<string, unknown>>);
          };
          get.onerror = () => reject(get.error);
        };
      }),
    store,
  );
}

/** Live captures of an extension page's database, by key. */
export async function liveCapturesByKey(page: Page): Promise<Map<string, Record<string, unknown>>> {
  const rows = await readRows(page, 'captures');
  return new Map(rows.filter((r) => r.deletedAt === null || r.deletedAt === undefined).map((r) => [String(r.key), r]));
}

import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, firstPage, SCREENS_DIR } from './fixtures';
import { DEMO_URLS, FIRST_BATCH } from './demo-feeds';

// Issue 12, red team finding 3: at 1024 px the LinkedIn action row was full, the Save control sat
// past its end (x 699–772 in a card clipped at 676) and could not be seen or clicked. On every post
// of the first batch (classic and SDUI markup), at 1024×600 and 1280×720, the control lies inside
// its post card and the window horizontally, is the element hit at its centre, and a click on it
// saves the post.

const SIZES = [
  { width: 1024, height: 600 },
  { width: 1280, height: 720 },
];

/** Where control `i` is against its clipping card and the window, and what is hit at its centre. */
async function placement(page: Page, i: number): Promise<{ text: string; ok: boolean; sdui: boolean }> {
  return page.locator('satchel-save').nth(i).evaluate((host) => {
    // Not scrollIntoView: it would scroll the clipping card itself and hide the very problem.
    window.scrollBy(0, host.getBoundingClientRect().top - window.innerHeight / 2);
    const b = host.shadowRoot!.querySelector('button')!.getBoundingClientRect();
    let clip = { left: 0, right: window.innerWidth };
    for (let el = host.parentElement; el && el !== document.body; el = el.parentElement) {
      if (getComputedStyle(el).overflowX === 'visible') continue;
      const r = el.getBoundingClientRect();
      clip = { left: Math.max(clip.left, r.left), right: Math.min(clip.right, r.right) };
    }
    const hit = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
    const inside = b.width >= 24 && b.left >= clip.left - 0.5 && b.right <= clip.right + 0.5;
    const sdui = host.closest('[role="listitem"]') !== null;
    const text = `${sdui ? 'SDUI' : 'classic'} post ${host.getAttribute('data-post-id')}: button y ${Math.round(b.top)} ${Math.round(b.left)}..${Math.round(b.right)} (w ${Math.round(b.width)}), visible area ${Math.round(clip.left)}..${Math.round(clip.right)}, hit ${hit === host ? 'control' : hit ? `${hit.tagName}.${String(hit.className).slice(0, 40)}` : 'nothing'}, card scrolled ${host.closest('[role="listitem"], .feed-shared-update-v2')?.scrollLeft ?? 0}`;
    return { text, ok: inside && hit === host, sdui };
  });
}

for (const size of SIZES) {
  test(`LinkedIn demo at ${size.width}×${size.height}: every Save control is inside its card and the window, and clickable`, async ({ context }) => {
    test.setTimeout(120_000);
    const page = await firstPage(context);
    await page.setViewportSize(size);
    await page.goto(DEMO_URLS.linkedinFeed, { waitUntil: 'domcontentloaded' });
    await expect(page.locator('satchel-save')).toHaveCount(FIRST_BATCH, { timeout: 30_000 });

    const wrong: string[] = [];
    const kinds = new Set<boolean>();
    const firstOf = new Map<boolean, number>();
    for (let i = 0; i < FIRST_BATCH; i++) {
      // The fit runs in a ResizeObserver callback: give it a few frames before judging.
      await expect.poll(async () => (await placement(page, i)).ok, { timeout: 5_000 }).toBe(true).catch(() => {});
      const p = await placement(page, i);
      kinds.add(p.sdui);
      if (!firstOf.has(p.sdui)) firstOf.set(p.sdui, i);
      if (!p.ok) wrong.push(p.text);
    }
    expect(wrong, wrong.join('\n')).toEqual([]);
    expect([...kinds].sort(), 'the batch holds classic and SDUI posts').toEqual([false, true]);

    const shots = join(SCREENS_DIR, 'fixinpage');
    const first = page.locator('satchel-save').nth(firstOf.get(false)!);
    await first.evaluate((h) => window.scrollBy(0, h.getBoundingClientRect().top - window.innerHeight / 2));
    await page.screenshot({ path: join(shots, `action-row-${size.width}-light.png`) });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: join(shots, `action-row-${size.width}-dark.png`) });
    await page.emulateMedia({ colorScheme: 'light' });

    // A real click (Playwright's own hit test) on the first classic and the first SDUI control saves.
    for (const i of [firstOf.get(false)!, firstOf.get(true)!]) {
      const host = page.locator('satchel-save').nth(i);
      await host.locator('button.satchel-btn').click({ timeout: 10_000 });
      await expect(host).toHaveAttribute('data-state', 'saved', { timeout: 20_000 });
      await page.keyboard.press('Escape');
    }
  });
}

test('LinkedIn demo, SDUI post at 1024×600: screenshot of the fitted row', async ({ context }) => {
  const page = await firstPage(context);
  await page.setViewportSize(SIZES[0]!);
  await page.goto(DEMO_URLS.linkedinFeed, { waitUntil: 'domcontentloaded' });
  await expect(page.locator('satchel-save')).toHaveCount(FIRST_BATCH, { timeout: 30_000 });
  const sdui = page.locator('[role="listitem"] satchel-save').first();
  await sdui.evaluate((h) => window.scrollBy(0, h.getBoundingClientRect().top - window.innerHeight / 2));
  await expect.poll(async () => (await placement(page, await sdui.evaluate((h) => [...document.querySelectorAll('satchel-save')].indexOf(h)))).ok, { timeout: 10_000 }).toBe(true);
  const shots = join(SCREENS_DIR, 'fixinpage');
  await page.screenshot({ path: join(shots, 'action-row-1024-sdui-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: join(shots, 'action-row-1024-sdui-dark.png') });
});

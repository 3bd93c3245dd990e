import { readFileSync } from 'node:fs';
import { test, expect, firstPage } from './fixtures';
import { DEMO_URLS } from './demo-feeds';
import { FeedPage } from './pages/feed-page';
import { PopupPage } from './pages/popup-page';
import { LibraryPage } from './pages/library-page';

// Issue 3 "Safety": captured text is untrusted. Payloads are put into a post's text and author on
// the page, saved through the real content script → background → IndexedDB, then shown in the
// popup, the library list and detail, and exported. Nothing may run: no dialog, no injected
// element, no `window.__xss`, and the exports hold the payloads only as inert data.

const PAYLOADS = [
  '<img src=x onerror="window.__xss=1;alert(1)">',
  '<script>window.__xss=2;alert(2)</script>',
  '<svg onload="window.__xss=3;alert(3)"></svg>',
  '"><iframe src="javascript:alert(4)"></iframe>',
  'javascript:alert(5)',
  '[click](javascript:alert(6)) {{constructor.constructor(\'alert(7)\')()}}',
];
const AUTHOR = '<img src=x onerror="window.__xss=8">Evil';

/** Elements a payload would create if it were parsed as HTML. */
const INJECTED = 'img[src="x"], script:not([src]), iframe, svg[onload], [onerror], [onload]';

test('XSS payloads in text and author stay text in popup, list, detail and exports', async ({ context, extensionId, pageErrors }) => {
  const dialogs: string[] = [];
  context.on('page', (p) => p.on('dialog', (d) => (dialogs.push(`${p.url()}: ${d.message()}`), void d.dismiss())));
  const page = await firstPage(context);
  page.on('dialog', (d) => (dialogs.push(`feed: ${d.message()}`), void d.dismiss()));
  const feed = new FeedPage(page, 'x');
  await feed.goto(DEMO_URLS.xHome);
  const control = feed.control(0);
  await expect(control).toBeVisible();
  // Put the payloads on the page as text (what a post that *shows* this text looks like).
  await feed.post(0).evaluate((post, [text, author]) => {
    post.querySelector('[data-testid="tweetText"]')!.textContent = text;
    const name = post.querySelector('[data-testid="User-Name"] span span') ?? post.querySelector('[data-testid="User-Name"] span');
    name!.textContent = author;
  }, [PAYLOADS.join('\n'), AUTHOR] as const);
  await feed.clickSave(control);
  await expect.poll(() => feed.state(control)).toBe('saved');
  const key = `x:${await control.getAttribute('data-post-id')}`;

  const popup = new PopupPage(await context.newPage(), extensionId);
  await popup.open();
  await expect(popup.item(key)).toBeVisible();
  await expect(popup.item(key)).toContainText(PAYLOADS[0]!);
  expect(await popup.page.locator(`#app :is(${INJECTED})`).count(), 'popup: injected nodes').toBe(0);

  const lib = new LibraryPage(await context.newPage(), extensionId);
  await lib.open();
  await expect(lib.row(key)).toContainText('<img src=x');
  await lib.row(key).click();
  const detail = lib.detail();
  await expect(detail.getByTestId('detail-text')).toHaveText(PAYLOADS.join('\n'), { useInnerText: false });
  await expect(detail.getByRole('heading', { level: 2 })).toHaveText(AUTHOR);
  // Search highlights inside the payload text must still be text.
  await lib.search().fill('script');
  await expect(lib.row(key).locator('mark').first()).toBeVisible();
  await lib.search().fill('');
  for (const p of [popup.page, lib.page]) {
    expect(await p.locator(`#app :is(${INJECTED})`).count(), `${p.url()}: injected nodes`).toBe(0);
    expect(await p.evaluate(() => (window as unknown as { __xss?: number }).__xss), `${p.url()}: payload ran`).toBeUndefined();
  }
  // Every link on the library page is http(s) (or the page's own blob: downloads).
  const hrefs = await lib.page.locator('#app a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  expect(hrefs.filter((h) => !/^https?:\/\//.test(h) && h !== '/library.html')).toEqual([]);

  // Exports: the payloads are data, never markup.
  const exported: Record<string, string> = {};
  for (const [fmt, label] of [['json', /Satchel JSON/], ['markdown', /Markdown/], ['csv', /CSV/]] as const) {
    await lib.page.getByRole('button', { name: 'Export', exact: true }).first().click();
    const dialog = lib.page.getByTestId('export-dialog');
    await dialog.getByRole('radio', { name: label }).check();
    const [download] = await Promise.all([lib.page.waitForEvent('download'), dialog.getByTestId('export-start').click()]);
    exported[fmt] = readFileSync(await download.path(), 'utf8');
    await dialog.getByRole('button', { name: 'Close' }).last().click();
  }
  const json = JSON.parse(exported.json!) as { captures: Array<{ text: string; author: { name: string } }> };
  expect(json.captures[0]!.text).toBe(PAYLOADS.join('\n'));
  expect(json.captures[0]!.author.name).toBe(AUTHOR);
  expect(exported.markdown, 'Markdown: no raw HTML tag from the capture').not.toMatch(/(?<!\\)<(img|script|svg|iframe)\b/i);
  expect(exported.markdown).not.toMatch(/\]\(javascript:/i);
  expect(exported.csv).toContain('<script>window.__xss=2;alert(2)</script>');

  expect(dialogs, 'no dialog may open').toEqual([]);
  expect(pageErrors).toEqual([]);
});

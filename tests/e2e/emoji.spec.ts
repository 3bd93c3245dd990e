import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { test, expect, firstPage, SCREENS_DIR } from './fixtures';
import { startApiServer } from './api-server';
import { DEMO_URLS } from './demo-feeds';
import { FeedPage } from './pages/feed-page';
import { LibraryPage } from './pages/library-page';
import { PopupPage } from './pages/popup-page';
import { signUp } from './pages/team-flows';

// Issue 12: emoji drew as empty boxes in every screenshot (no colour emoji font on the machine).
// Screenshots of emoji are measured: a colour emoji has many coloured pixels and differs from the
// box Chromium draws for a code point no font has (U+10FFFF). Without `fonts-noto-color-emoji`
// (`.ci/run` installs it) these tests fail.

test.setTimeout(180_000);

const SHOTS = join(SCREENS_DIR, 'emoji');
const TEAM = 'L&D Guild 🎓';

/** Pixel counts of a PNG screenshot. */
interface Pixels {
  total: number;
  /** Pixels with a clear hue (max channel − min channel > 60): not black, white or grey. */
  coloured: number;
  /** Pixels that differ from the top-left (background) pixel. */
  ink: number;
  /** Grey levels 0–15 of each pixel, to compare two shots of the same size. */
  levels: number[];
}

/** Decodes a PNG in a blank page (the browser's own decoder) and counts its pixels. */
async function pixelsOf(decoder: Page, png: Buffer): Promise<Pixels> {
  return decoder.evaluate(async (b64) => {
    const blob = await (await fetch(`data:image/png;base64,${b64}`)).blob();
    const bmp = await createImageBitmap(blob);
    const canvas = new OffscreenCanvas(bmp.width, bmp.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bmp, 0, 0);
    const d = ctx.getImageData(0, 0, bmp.width, bmp.height).data;
    const [r0, g0, b0] = [d[0]!, d[1]!, d[2]!];
    let coloured = 0;
    let ink = 0;
    const levels: number[] = [];
    for (let i = 0; i < d.length; i += 4) {
      const [r, g, b] = [d[i]!, d[i + 1]!, d[i + 2]!];
      if (Math.max(r, g, b) - Math.min(r, g, b) > 60) coloured++;
      if (Math.abs(r - r0) + Math.abs(g - g0) + Math.abs(b - b0) > 60) ink++;
      levels.push(Math.round((r + g + b) / 48));
    }
    return { total: d.length / 4, coloured, ink, levels };
  }, png.toString('base64'));
}

/** Share of pixels whose grey level differs between two same-sized shots. */
function difference(a: Pixels, b: Pixels): number {
  if (a.total !== b.total) return 1;
  let diff = 0;
  for (let i = 0; i < a.levels.length; i++) if (Math.abs(a.levels[i]! - b.levels[i]!) > 1) diff++;
  return diff / a.total;
}

/** A screenshot of the first occurrence of `emoji` in `scope`'s text (the glyph's own box), saved for people to look at. */
async function shootEmojiIn(scope: Locator, emoji: string, name: string): Promise<Buffer> {
  await scope.scrollIntoViewIfNeeded();
  const rect = await scope.evaluate((el, e) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode() as Text | null; t; t = walker.nextNode() as Text | null) {
      const at = t.data.indexOf(e);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(t, at);
      range.setEnd(t, at + e.length);
      const r = range.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }
    return null;
  }, emoji);
  expect(rect, `"${emoji}" is in the text of ${name}`).not.toBeNull();
  const png = await scope.page().screenshot({ clip: { x: Math.floor(rect!.x), y: Math.floor(rect!.y), width: Math.ceil(rect!.width), height: Math.ceil(rect!.height) } });
  writeFileSync(join(SHOTS, `${name}.png`), png);
  return png;
}

/** Asserts an emoji shot is a colour glyph: enough coloured pixels. */
async function expectColourGlyph(decoder: Page, png: Buffer, what: string, minShare: number): Promise<void> {
  const p = await pixelsOf(decoder, png);
  expect(p.coloured / p.total, `${what}: share of coloured pixels (an empty box has none)`).toBeGreaterThan(minShare);
}

async function decoderPage(context: BrowserContext): Promise<Page> {
  const p = await context.newPage();
  await p.goto('about:blank');
  return p;
}

test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

test('emoji: in the library font stack, an emoji is drawn in colour and is not the missing-glyph box', async ({ context, extensionId }) => {
  const lib = await firstPage(context);
  await lib.goto(`chrome-extension://${extensionId}/library.html`);
  await lib.getByTestId('capture-list').waitFor();
  const fontStack = await lib.evaluate(() => getComputedStyle(document.body).fontFamily);
  expect(fontStack.length).toBeGreaterThan(0);
  // Glyphs side by side in the page's own font stack, large; white behind them, light and dark alike.
  await lib.evaluate(() => {
    const box = document.createElement('div');
    box.id = 'emoji-probe';
    box.style.cssText = 'position:fixed;inset:0 auto auto 0;z-index:2147483647;display:flex;gap:8px;padding:8px;background:#fff;color:#000;font-size:64px;line-height:1';
    for (const [id, text] of [['grad', '🎓'], ['tofu', '\u{10FFFF}'], ['pua', '\uE000'], ['party', '🎉'], ['letter', 'W']] as const) {
      const s = document.createElement('span');
      s.id = `probe-${id}`;
      s.textContent = text;
      s.style.cssText = 'display:inline-block;width:80px;height:80px;text-align:center;overflow:hidden';
      box.append(s);
    }
    document.body.append(box);
  });
  const shot = async (id: string) => {
    const png = await lib.locator(`#probe-${id}`).screenshot();
    writeFileSync(join(SHOTS, `probe-${id}.png`), png);
    return png;
  };
  const decoder = await decoderPage(context);
  const [grad, tofu, pua, party, letter] = await Promise.all(['grad', 'tofu', 'pua', 'party', 'letter'].map(async (id) => pixelsOf(decoder, await shot(id))));

  // The reference glyphs behave as expected: the missing-glyph box and a letter are drawn, in grey.
  expect(tofu!.ink, 'U+10FFFF draws a visible box').toBeGreaterThan(0);
  expect(tofu!.coloured, 'the missing-glyph box has no colour').toBe(0);
  expect(letter!.coloured, 'a letter has no colour').toBe(0);
  // The emoji are colour glyphs, not the box.
  for (const [name, p] of [['🎓', grad!], ['🎉', party!]] as const) {
    expect(p.coloured / p.total, `${name}: coloured pixels in font stack ${fontStack}`).toBeGreaterThan(0.02);
    expect(difference(p, tofu!), `${name} differs from the missing-glyph box`).toBeGreaterThan(0.1);
    expect(difference(p, pua!), `${name} differs from a private-use code point`).toBeGreaterThan(0.1);
  }
});

test('emoji: the team name "L&D Guild 🎓" and a post with emoji are drawn in colour on real screens', async ({ context, extensionId }) => {
  const api = await startApiServer(extensionId);
  try {
    const decoder = await decoderPage(context);
    // A post with an emoji in its first line (the LinkedIn demo feed's second post: "💡 Bye Bye Try/Catch…").
    const page = await firstPage(context);
    const feed = new FeedPage(page, 'linkedin');
    await feed.goto(DEMO_URLS.linkedinFeed);
    await feed.control(1).waitFor({ timeout: 30_000 });
    await expect(feed.post(1)).toContainText('💡');
    await expectColourGlyph(decoder, await shootEmojiIn(feed.post(1), '💡', 'feed-post'), 'the post on the feed', 0.05);
    await feed.clickSave(feed.control(1));
    await expect.poll(() => feed.state(feed.control(1)), { timeout: 30_000 }).toBe('saved');

    const popup = new PopupPage(await context.newPage(), extensionId);
    await popup.open();
    await expect(popup.items().first()).toBeVisible({ timeout: 30_000 });
    await expectColourGlyph(decoder, await shootEmojiIn(popup.items().first(), '💡', 'popup-item'), 'the post in the popup', 0.05);

    const lib = new LibraryPage(await context.newPage(), extensionId);
    await lib.open();
    await expect(lib.rows().first()).toBeVisible({ timeout: 30_000 });
    await expectColourGlyph(decoder, await shootEmojiIn(lib.rows().first(), '💡', 'library-row'), 'the post in the library', 0.05);

    // The team name, on the options page where it was made and in the library's scope navigation.
    const opt = await signUp(context, extensionId, api.url, 'lead@example.org', 'Lead');
    await opt.getByLabel('Team name').fill(TEAM);
    await opt.getByRole('button', { name: 'Create', exact: true }).click();
    const team = opt.getByTestId('team').filter({ hasText: TEAM });
    await expect(team).toBeVisible({ timeout: 30_000 });
    // 🎓 is mostly black: fewer coloured pixels than 💡, but a box has none.
    await expectColourGlyph(decoder, await shootEmojiIn(team, '🎓', 'options-team'), 'the team name on the options page', 0.01);

    // The library learns the team at its next sync (opening it asks for one).
    const teamLib = await context.newPage();
    const link = teamLib.getByTestId('scope-nav').getByRole('link', { name: TEAM });
    await expect(async () => {
      await teamLib.goto(`chrome-extension://${extensionId}/library.html`);
      await expect(link).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 60_000 });
    await expectColourGlyph(decoder, await shootEmojiIn(link, '🎓', 'library-team'), 'the team name in the library', 0.01);
  } finally {
    await api.stop();
  }
});

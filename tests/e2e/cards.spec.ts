import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { test, expect, firstPage, SCREENS_DIR } from './fixtures';
import { PopupPage } from './pages/popup-page';
import { LibraryPage, seedDraft } from './pages/library-page';
import { saveFromFeed, readRows } from './pages/review-flows';
import { startApiServer } from './api-server';
import { openPopup, savePost, signUp } from './pages/team-flows';

// Issue 12 (cards): rich library rows in both densities, the Review card and the popup items, in real
// Chromium with the built extension. Posts are saved from the demo feeds through the content script;
// one more is saved through the service worker with a quoted post and an image whose host does not
// resolve (the neutral box must stand in for it). Screenshots: test-results/screens/cards/.

const DIR = join(SCREENS_DIR, 'cards');
const ROW_HEIGHT = { comfortable: 148, dense: 56 } as const;

/** Light and dark screenshots of `page` as `<name>-light.png` / `<name>-dark.png`. */
async function shots(page: Page, name: string): Promise<void> {
  mkdirSync(DIR, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: join(DIR, `${name}-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Every axe violation (all impact levels) inside `include`, light and dark. */
async function axeAll(page: Page, include: string): Promise<string[]> {
  const out: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const r = await new AxeBuilder({ page }).include(include).analyze();
    out.push(...r.violations.map((v) => `${scheme}: ${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`));
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return out;
}

/** Whether any part of `el` sticks out of it (the row clamps everything to its fixed height). */
function overflows(el: Locator): Promise<boolean> {
  return el.evaluate((e) => e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1);
}

/** Writes the device-local library density into the `kv` store, as lib/db/settings.ts does. */
async function setDensity(page: Page, density: 'comfortable' | 'dense'): Promise<void> {
  await page.evaluate(
    (value) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('satchel');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const tx = req.result.transaction('kv', 'readwrite');
          tx.objectStore('kv').put({ key: 'libraryDensity', value });
          tx.oncomplete = () => { req.result.close(); resolve(); };
          tx.onerror = () => reject(tx.error);
        };
      }),
    density,
  );
}

test('cards: rich library rows (both densities), the Review card and popup items; screenshots light and dark; axe clean', async ({ context, extensionId, pageErrors }) => {
  test.setTimeout(240_000);
  const feed = await firstPage(context);
  const xKeys = await saveFromFeed(feed, 'x', 3);
  await saveFromFeed(feed, 'linkedin', 2);

  const lib = new LibraryPage(await context.newPage(), extensionId);
  await lib.page.setViewportSize({ width: 1280, height: 800 });
  await lib.open();
  // One more with a quoted post and an image that cannot load (its host does not resolve).
  const draft = {
    ...seedDraft(1),
    text: 'Three things I ask in every retro:\n1. What surprised you?\n2. What will you try?\n3. Who can help?',
    media: [{ kind: 'image', url: 'https://media.cards-test.invalid/chart.jpg', alt: 'A chart' }],
    quoted: {
      platform: 'x', postId: '1900000000000000002', permalink: 'https://x.com/bo/status/1900000000000000002', author: { name: 'Bo Quoted', handle: 'bo', profileUrl: null, avatarUrl: null },
      text: 'The quoted post\nwith two lines', lang: 'en', postedAt: null, media: [], links: [], hashtags: [], mentions: [], poll: null, truncated: false, mediaMissing: false, unavailable: false,
    },
  };
  // And one that tries to break the fixed row height: a very long name, 30 lines, an unbroken word, right-to-left text.
  const long = {
    ...seedDraft(3),
    author: { name: `Dr. ${'Verylongname '.repeat(14)}`.trim(), handle: 'long', profileUrl: null, avatarUrl: 'https://pbs.twimg.com/profile_images/none.jpg' },
    text: [...Array.from({ length: 30 }, (_, i) => `Line ${i + 1}`), 'x'.repeat(400), 'שלום עולם, זו שורה בעברית'].join('\n'),
  };
  await lib.page.evaluate(async (list) => {
    const rt = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok?: boolean; error?: string }> } } }).chrome.runtime;
    for (const d of list) {
      const r = await rt.sendMessage({ type: 'capture/save', draft: d });
      if (!r || r.ok === false) throw new Error(`save failed: ${JSON.stringify(r)}`);
    }
  }, [long, draft]);
  const richKey = `x:${draft.postId}`;
  await expect.poll(() => lib.count(), { timeout: 15_000 }).toBe(7);

  // The learner marks it a tip to try, with a note (through the detail pane, as a person would).
  await lib.row(richKey).click();
  await lib.detail().getByTestId('detail-intent').selectOption('tip');
  await lib.detail().getByTestId('detail-note').fill('Try question 2\nin Friday\'s retro');
  await lib.detail().getByTestId('detail-note').blur();
  await lib.detail().getByTestId('tag-input').fill('Retros');
  await lib.detail().getByTestId('tag-input').press('Enter');
  await lib.page.keyboard.press('Escape');

  // Comfortable rows: fixed height, nothing sticks out, both dates, avatar, line breaks kept.
  const rich = lib.row(richKey);
  await expect(rich.getByTestId('row-note')).toContainText('Try question 2 in Friday\'s retro');
  await expect(rich).toContainText('Tip to try');
  await expect(rich).toContainText('#Retros');
  await expect(rich.getByTestId('quoted-preview')).toHaveText('Quoting Bo Quoted: The quoted post with two lines');
  await expect(rich.getByTestId('media-box')).toBeVisible({ timeout: 10_000 }); // the image failed: a neutral box
  await expect(rich.getByTestId('avatar-initials')).toHaveText('A1');
  expect(await rich.locator('.crow__text').innerText()).toContain('Three things I ask in every retro:\n1. What surprised you?');
  await expect(rich.locator('time')).toHaveText([/^Posted .+/, /^Saved .+ago|^Saved now/]);
  await expect(lib.page.getByRole('option', { name: /^Author 1, (now|\d+ (second|minute)s? ago)$/ })).toHaveCount(1);
  for (const row of await lib.rows().all()) {
    expect((await row.boundingBox())!.height).toBeCloseTo(ROW_HEIGHT.comfortable, 0);
    expect(await overflows(row), `${await row.getAttribute('data-capture-key')} overflows`).toBe(false);
    await expect(row.locator('[data-testid="avatar"], [data-testid="avatar-initials"]')).toHaveCount(1);
    await expect(row.locator('time').last()).toHaveText(/^Saved /);
  }
  // A saved X post with a stored picture shows it (or the box when the demo server gives none).
  const xStored = (await readRows(lib.page, 'captures')).find((c) => c.key === xKeys[0]) as { media?: unknown[] } | undefined;
  if (xStored?.media?.length) await expect(lib.row(xKeys[0]!).locator('[data-testid="media-thumb"], [data-testid="media-box"]')).toHaveCount(1);
  await shots(lib.page, 'library-comfortable');
  expect(await axeAll(lib.page, '[data-testid="capture-list"]'), 'axe: library list (comfortable)').toEqual([]);

  // Dense rows.
  await setDensity(lib.page, 'dense');
  await lib.page.reload();
  await lib.list().waitFor();
  await expect(lib.row(richKey)).toHaveAttribute('data-density', 'dense', { timeout: 10_000 });
  for (const row of await lib.rows().all()) {
    expect((await row.boundingBox())!.height).toBeCloseTo(ROW_HEIGHT.dense, 0);
    expect(await overflows(row), `${await row.getAttribute('data-capture-key')} overflows (dense)`).toBe(false);
    await expect(row.locator('.thumb')).toHaveCount(0);
  }
  await shots(lib.page, 'library-dense');
  expect(await axeAll(lib.page, '[data-testid="capture-list"]'), 'axe: library list (dense)').toEqual([]);
  await setDensity(lib.page, 'comfortable');
  await lib.page.reload();
  await lib.list().waitFor();

  // Review: walk to the tip; its note comes first, then the post, media box, quoted post.
  await lib.page.getByTestId('start-review').click();
  const review = lib.page.getByTestId('review-view');
  await expect(review).toBeVisible();
  for (let i = 0; i < 7 && (await review.getAttribute('data-capture-key')) !== richKey; i++) {
    const before = await review.getAttribute('data-capture-key');
    await review.getByRole('button', { name: 'Skip' }).click();
    await expect(review).not.toHaveAttribute('data-capture-key', before!);
  }
  await expect(review).toHaveAttribute('data-capture-key', richKey);
  const note = review.getByTestId('review-note');
  await expect(note).toContainText('What I want to try');
  await expect(note.locator('p')).toHaveText('Try question 2\nin Friday\'s retro');
  const order = await review.evaluate((el) => {
    const n = el.querySelector('[data-testid="review-note"]')!;
    const text = el.querySelector('.rcard__text')!;
    return !!(n.compareDocumentPosition(text) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  expect(order, 'the note of a tip comes before the post').toBe(true);
  await expect(review.getByTestId('review-meta')).toContainText('Tip to try');
  await expect(review.getByTestId('media-failed')).toHaveText('A chart (could not be loaded)', { timeout: 10_000 });
  await expect(review.getByTestId('quoted-preview')).toContainText('with two lines');
  await expect(review.locator('.rcard__times')).toHaveText(/^Posted .+ · Saved .+/);
  await shots(lib.page, 'review-card');
  expect(await axeAll(lib.page, '[data-testid="review-card"]'), 'axe: Review card').toEqual([]);

  // Popup items at 320 px wide: rich but nothing sticks out sideways.
  const popup = new PopupPage(await context.newPage(), extensionId);
  await popup.page.setViewportSize({ width: 320, height: 640 });
  await popup.open();
  await expect(popup.items()).toHaveCount(7);
  const item = popup.item(richKey);
  await expect(item.locator('time')).toHaveText([/^Posted /, /^Saved /]);
  await expect(item.getByTestId('item-intent')).toHaveText('Tip to try');
  await expect(item.getByTestId('item-note')).toContainText('Try question 2');
  await expect(item).toContainText('#Retros');
  for (const card of await popup.page.locator('.citem__card').all()) {
    expect(await card.evaluate((e) => e.scrollWidth <= e.clientWidth + 1), 'a popup item scrolls sideways').toBe(true);
  }
  await shots(popup.page, 'popup-320');
  await popup.page.setViewportSize({ width: 400, height: 900 });
  await shots(popup.page, 'popup-400');
  expect(await axeAll(popup.page, '.captures'), 'axe: popup items').toEqual([]);

  expect(pageErrors).toEqual([]);
});

test('cards: the share dialog picks the team from radio cards and a labelled collection select; screenshots light and dark; axe clean', async ({ context, extensionId, pageErrors }) => {
  test.setTimeout(180_000);
  const api = await startApiServer(extensionId);
  try {
    const opt = await signUp(context, extensionId, api.url, 'ana@example.org', 'Ana');
    for (const name of ['L&D Guild 🎓', 'Cohort B']) {
      await opt.getByLabel('Team name').fill(name);
      await opt.getByRole('button', { name: 'Create', exact: true }).click();
      await expect(opt.getByTestId('team').filter({ hasText: name })).toBeVisible();
    }
    const postId = await savePost(await firstPage(context), 1);
    await (await openPopup(context, extensionId)).close(); // sync: learns the team scopes

    const lib = new LibraryPage(await context.newPage(), extensionId);
    await lib.page.setViewportSize({ width: 1280, height: 800 });
    await lib.open();
    await lib.row(`x:${postId}`).click();
    await expect(lib.detail().getByTestId('detail-share')).toBeVisible({ timeout: 30_000 });
    await lib.detail().getByTestId('detail-share').click();
    const dialog = lib.page.getByRole('dialog', { name: 'Share to a team' });
    const group = dialog.getByRole('group', { name: 'Team' });
    await expect(group.getByRole('radio')).toHaveCount(2);
    await group.getByRole('radio', { name: 'Cohort B' }).check();
    await expect(group.getByRole('radio', { name: 'L&D Guild 🎓' })).not.toBeChecked();
    await dialog.getByLabel('Why is this worth reading?').fill('Three questions for our retros');
    await shots(lib.page, 'share-dialog');
    expect(await axeAll(lib.page, '[data-testid="share-dialog"]'), 'axe: share dialog').toEqual([]);
    await dialog.getByRole('button', { name: 'Share' }).click();
    await expect(dialog).toBeHidden();
    expect(pageErrors).toEqual([]);
  } finally {
    await api.stop();
  }
});


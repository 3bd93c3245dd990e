import { join } from 'node:path';
import { test, expect, firstPage, SCREENS_DIR, type ExtensionDb } from './fixtures';
import { siteCss, wrapFragment } from './demo-feeds';
import { FeedPage } from './pages/feed-page';
import { LibraryPage } from './pages/library-page';
import { capturesByKey, openFixturePost, readExpectation, readFixture, saveAndWait, waitForCapture } from './pages/flows';
import { shotsLightDark } from './pages/screens';

// Issue 9 part 2 in real Chromium (docs/sites/x.md "Photos and other media", "Articles"):
// a photo that had not loaded when the post was saved is flagged, shown as such in the library, and
// filled in quietly when the learner meets the post again, or as soon as the photo loads while the
// learner is still on the page (lib/capture/complete.ts); an X Article
// status page saves its title and whole body.

const PLACEHOLDER = 'x-2026-11_timeline_photo-placeholder-without-img__synthetic';
const ARTICLE = 'x-2026-11_status-page_article-read-view_headings-lists-link__synthetic';
/** The fixture's second post: one `/photo/1` link around an empty placeholder (no tweetPhoto, no <img>). */
const POST_ID = '2124111834117627348';
const KEY = `x:${POST_ID}`;
/** The photo as X shows it once loaded (the fixture server answers every pbs.twimg.com path with an image). */
const LOADED_SRC = 'https://pbs.twimg.com/media/PLACEHOLDERph02?format=jpg&name=small';
const STORED_URL = 'https://pbs.twimg.com/media/PLACEHOLDERph02?format=jpg&name=orig';

/** The placeholder page with the photo of {@link POST_ID} loaded: its empty placeholder now holds a tweetPhoto and its <img>. */
function withPhotoLoaded(html: string): string {
  const empty = '<div style="padding-bottom: 75%;"></div><div></div>';
  const at = html.indexOf(`/status/${POST_ID}/photo/1`);
  const slot = html.indexOf(empty, at);
  if (at < 0 || slot < 0) throw new Error(`${PLACEHOLDER}: the empty photo placeholder of ${POST_ID} is not where this test expects it`);
  const loaded = `<div style="padding-bottom: 75%;"></div><div><div aria-label="Image" data-testid="tweetPhoto"><img alt="Image" draggable="true" src="${LOADED_SRC.replace(/&/g, '&amp;')}"></div></div>`;
  return html.slice(0, slot) + loaded + html.slice(slot + empty.length);
}

/** The one capture of {@link KEY} (id `id`) gets the loaded photo and loses `mediaMissing`; nothing else is saved. */
async function expectPhotoFilledIn(db: ExtensionDb, id: unknown, message: string): Promise<void> {
  await expect.poll(async () => (await capturesByKey(db, KEY))[0]?.mediaMissing, { message, timeout: 20_000 }).toBe(false);
  const [done, ...others] = await capturesByKey(db, KEY);
  expect(others, 'no second capture').toEqual([]);
  expect(done).toMatchObject({ id, mediaMissing: false, media: [{ kind: 'image', url: STORED_URL, alt: null }], text: 'And one more' });
  expect(await db.captures(), 'nothing else was saved').toHaveLength(1);
}

test('X photo not loaded when saved: flagged mediaMissing and shown so; the next visit fills the media in, one capture', async ({ context, server, db, extensionId, pageErrors, shot }) => {
  const exp = readExpectation('x', PLACEHOLDER);
  const html = readFixture('x', PLACEHOLDER);
  const page = await firstPage(context);
  const feed = new FeedPage(page, 'x');
  const control = page.locator(`satchel-save[data-post-id="${POST_ID}"]`);

  // 1. The timeline with the photo still a placeholder: save.
  server.setPage(exp.url, wrapFragment(html, PLACEHOLDER, siteCss('x')));
  await feed.goto(exp.url);
  await expect(control, 'one control for the post').toHaveCount(1);
  await saveAndWait(feed, control);
  const first = await waitForCapture(db, (c) => c.key === KEY, 'the post is saved once');
  expect(first).toMatchObject({ mediaMissing: true, media: [], text: 'And one more' });

  // 2. The library says so: the row is marked incomplete, the detail names the missing media.
  const libPage = await context.newPage();
  const lib = new LibraryPage(libPage, extensionId);
  await lib.open();
  await expect(lib.row(KEY)).toContainText('Incomplete');
  await lib.row(KEY).click();
  await expect(lib.detail()).toHaveAttribute('data-capture-key', KEY);
  await expect(lib.detail().getByText('Some images or video are missing')).toBeVisible();
  await shotsLightDark(libPage, join(SCREENS_DIR, 'x-media-completion'), 'library-media-missing');

  // 3. The learner comes back later and the photo has loaded: the capture is completed quietly.
  server.setPage(exp.url, wrapFragment(withPhotoLoaded(html), PLACEHOLDER, siteCss('x')));
  await page.bringToFront();
  await feed.goto(exp.url);
  await expect(control).toHaveCount(1);
  await expect.poll(() => feed.state(control), { message: 'the post shows saved on the second visit' }).toBe('saved');
  await expectPhotoFilledIn(db, first.id, 'the revisit clears mediaMissing');
  await shot(page, 'x-media-completion-revisit');

  // The library shows the completed capture without the flag.
  await libPage.reload();
  await lib.list().waitFor();
  await expect(lib.row(KEY)).not.toContainText('Incomplete');
  await lib.row(KEY).click();
  await expect(lib.detail().getByText('Some images or video are missing')).toHaveCount(0);
  await shotsLightDark(libPage, join(SCREENS_DIR, 'x-media-completion'), 'library-media-filled');
  expect(pageErrors).toEqual([]);
});

test('X photo that loads after the Save, while the learner is still on the page: the capture gets it at once, no reload', async ({ context, server, db, pageErrors, shot }) => {
  const page = await firstPage(context);
  const feed = new FeedPage(page, 'x');
  const { control } = await openFixturePost(feed, server, PLACEHOLDER, POST_ID);
  await saveAndWait(feed, control);
  const first = await waitForCapture(db, (c) => c.key === KEY, 'the post is saved once');
  expect(first).toMatchObject({ mediaMissing: true, media: [] });

  // X renders the photo into its placeholder, as it does when the image arrives late (same markup as withPhotoLoaded).
  await page.evaluate(
    ({ id, src }) => {
      const link = document.querySelector(`a[href*="/status/${id}/photo/1"]`);
      const slot = [...(link?.querySelectorAll('div') ?? [])].find((d) => d.childElementCount === 0 && d.previousElementSibling?.getAttribute('style') === 'padding-bottom: 75%;');
      if (!slot) throw new Error('the empty photo placeholder is not where this test expects it');
      slot.innerHTML = `<div aria-label="Image" data-testid="tweetPhoto"><img alt="Image" draggable="true" src="${src.replace(/&/g, '&amp;')}"></div>`;
    },
    { id: POST_ID, src: LOADED_SRC },
  );
  await expectPhotoFilledIn(db, first.id, 'the loaded photo clears mediaMissing without a reload');
  await expect.poll(() => feed.state(control)).toBe('saved');
  await shot(page, 'x-media-completion-same-view');
  expect(pageErrors).toEqual([]);
});

test('X Article on its status page: saved with its title and the whole body as text', async ({ context, server, db, pageErrors, shot }) => {
  const page = await firstPage(context);
  const feed = new FeedPage(page, 'x');
  const { want, postId, control } = await openFixturePost(feed, server, ARTICLE);
  await saveAndWait(feed, control);
  await shot(page, 'x-article-status-saved');
  const row = await waitForCapture(db, (c) => c.key === `x:${postId}`, 'the article is saved once');
  expect(row).toMatchObject({ title: want.title, text: want.text, truncated: false });
  // The whole body, not a preview: its first paragraph and its last line are both there.
  expect(String(row.text)).toMatch(/^Most of what I read on X scrolls away/);
  expect(String(row.text)).toMatch(/Thanks for reading\.$/);
  expect(pageErrors).toEqual([]);
});

import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, firstPage, SCREENS_DIR } from './fixtures';
import { LibraryPage } from './pages/library-page';
import { chooseImportFile } from './pages/import-flows';
import { shotsLightDark } from './pages/screens';

// Issue 12 (transfer), red-team findings: what the Import dialog says about a file that is not text,
// an export with no rows, a CSV row with an unclosed quote (the rows after it still import), and a
// large import before its first chunk lands ("Preparing the import…", not "0 of 20,000").
// Screenshots: test-results/screens/fixtransfer/.

const DIR = join(SCREENS_DIR, 'fixtransfer');
const shots = (page: Page, name: string) => shotsLightDark(page, DIR, name);

const chooseFile = (lib: LibraryPage, name: string, content: string | Buffer) => chooseImportFile(lib, name, content);
const close = (lib: LibraryPage) => lib.page.getByTestId('import-dialog').getByRole('button', { name: 'Close' }).last().click();
const HEADER = 'id,title,note,excerpt,url,folder,tags,created,cover,highlights,favorite\r\n';

test('import messages: an image, an export with no rows, an unclosed quote, and "Preparing the import…"', async ({ context, extensionId, pageErrors }) => {
  test.setTimeout(300_000);
  const lib = new LibraryPage(await firstPage(context), extensionId);
  await lib.page.setViewportSize({ width: 1280, height: 800 });
  await lib.open();

  let dialog = await chooseFile(lib, 'photo.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0, 1, 1, 0, 0, 1]));
  await expect(dialog.getByTestId('import-problems')).toContainText('This file is not text (it looks like an image). Choose the file your tool exported: CSV, HTML or JSON.');
  await expect(dialog.getByTestId('import-start')).toBeDisabled();
  await shots(lib.page, 'import-image');
  await close(lib);

  dialog = await chooseFile(lib, 'header-only.csv', HEADER);
  await expect(dialog.getByTestId('import-nothing')).toHaveText('This file from Raindrop.io (CSV backup) holds no bookmarks.');
  await expect(dialog.getByTestId('import-start')).toBeDisabled();
  await shots(lib.page, 'import-header-only');
  await close(lib);

  const quote = HEADER +
    '1,"Title, with, commas",,ex,https://a.example/1,Work,"a, b",2024-01-01T00:00:00.000Z,,,false\r\n' +
    '2,"Unclosed quote,,,https://bad.example/x,Work,,2024-01-01,,,false\r\n' +
    '3,Fine,,,https://ok.example/3,Work,,2024-01-01,,,false\r\n' +
    '4,Ok,,,https://ok.example/4,Work/Sub,"x",2024-01-01,,,false\r\n' +
    '5,No address,,,,Work,,2024-01-01,,,false\r\n';
  dialog = await chooseFile(lib, 'raindrop-quote.csv', quote);
  await expect(dialog.getByTestId('import-added')).toHaveText('3');
  const leftOut = dialog.getByRole('region', { name: 'Rows left out' }).getByRole('listitem');
  await expect(leftOut).toHaveText(['Line 3: a quote in this row is never closed; the row is skipped and the rows after it are read', 'Line 6: no web address (the url column is empty); skipped']);
  await shots(lib.page, 'import-unclosed-quote');
  await close(lib);

  // A large file: what the progress area says from Import to the first chunk, recorded as it changes.
  const TOTAL = 20_000;
  const rows = Array.from({ length: TOTAL }, (_, i) => `Title ${i},https://pocket.example/${i},${1_600_000_000 + i},tag${i % 10},unread`);
  dialog = await chooseFile(lib, 'pocket-big.csv', `title,url,time_added,tags,status\n${rows.join('\n')}\n`);
  await expect(dialog.getByTestId('import-added')).toHaveText('20,000');
  await lib.page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __seen: string[] }).__seen = seen;
    const box = document.querySelector('[data-testid="import-dialog"]')!;
    const note = () => {
      const text = box.querySelector('.progress span')?.textContent ?? null;
      if (text && seen[seen.length - 1] !== text) seen.push(text);
    };
    new MutationObserver(note).observe(box, { subtree: true, childList: true, characterData: true });
  });
  await dialog.getByTestId('import-start').click();
  await expect(dialog.getByTestId('import-done')).toHaveText('Imported: 20,000 new, 0 updated.', { timeout: 240_000 });
  const seen = await lib.page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
  expect(seen[0]).toBe('Preparing the import…');
  expect(seen).not.toContain('0 of 20,000');
  expect(seen[seen.length - 1]).toBe('20,000 of 20,000');
  expect(pageErrors).toEqual([]);
});

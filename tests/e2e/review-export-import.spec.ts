import { readFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import { test, expect, firstPage } from './fixtures';
import { launchWithExtension, extensionServiceWorker, extensionIdOf } from './browser';
import { LibraryPage } from './pages/library-page';
import { liveCapturesByKey, saveFromFeed, screenshot } from './pages/review-flows';

// Issue 3 "Export and import": captures saved and organised in one profile are exported to
// Satchel JSON and imported into a fresh profile; both libraries must hold the same captures with
// the same tags, notes, reflections and collections. Importing the file again changes nothing; a
// bad file is refused with its line and field and nothing is written.

test('export JSON/Markdown/CSV, import into a fresh profile, compare; re-import is a no-op; a bad file is refused', async ({ context, extensionId, server, pageErrors }) => {
  const feed = await firstPage(context);
  const keys = [...(await saveFromFeed(feed, 'x', 3)), ...(await saveFromFeed(feed, 'linkedin', 2))];

  const lib = new LibraryPage(await context.newPage(), extensionId);
  await lib.open();
  await expect.poll(() => lib.count()).toBe(5);
  await lib.row(keys[0]!).click();
  await lib.addTag('Leadership');
  await lib.detail().getByTestId('detail-note').fill('Line one\nLine two');
  await lib.detail().getByTestId('detail-reflection').fill('Use it in retros');
  await lib.detail().getByTestId('detail-reflection').blur();
  await lib.page.getByTestId('new-collection').fill('Retros');
  await lib.page.getByTestId('new-collection').press('Enter');
  await lib.detail().getByRole('checkbox', { name: 'Retros' }).check();
  await expect(lib.collection('Retros')).toContainText('1');

  // Bulk: select two rows with Ctrl-click, tag them.
  await lib.row(keys[1]!).click();
  await lib.row(keys[2]!).click({ modifiers: ['Control'] });
  await expect(lib.page.getByTestId('bulk-bar')).toContainText('2 selected');
  await lib.page.getByLabel('Tag to add').fill('Bulk');
  await lib.page.getByLabel('Tag to add').press('Enter');
  await expect(lib.filter('tag', /#Bulk/).locator('xpath=..')).toContainText('2');

  // Export: JSON (lossless), Markdown (one note per capture, zipped; issue 12), CSV.
  const files: Record<string, string> = {};
  for (const [format, label] of [['json', /Satchel JSON/], ['markdown', /Markdown/], ['csv', /CSV/]] as const) {
    await lib.page.getByRole('button', { name: 'Export', exact: true }).first().click();
    const dialog = lib.page.getByTestId('export-dialog');
    await dialog.getByRole('radio', { name: 'Everything' }).check();
    await dialog.getByRole('radio', { name: label }).check();
    const downloads: Promise<unknown>[] = [];
    const got: string[] = [];
    const read = (name: string, p: string) => (name.endsWith('.zip') ? Object.entries(unzipSync(readFileSync(p))).map(([n, b]) => `${n}\n${strFromU8(b)}`).join('\n') : readFileSync(p, 'utf8'));
    const onDownload = (d: import('@playwright/test').Download) => downloads.push(d.path().then((p) => got.push(`${d.suggestedFilename()}\n${read(d.suggestedFilename(), p)}`)));
    lib.page.on('download', onDownload);
    await dialog.getByTestId('export-start').click();
    await expect(dialog.getByTestId('export-done')).toContainText('Captures exported: 5.');
    await expect.poll(() => got.length, { message: `${format} download` }).toBeGreaterThan(0);
    await Promise.all(downloads);
    lib.page.off('download', onDownload);
    await expect(dialog.getByTestId('export-progress')).toHaveAttribute('value', '5');
    if (format === 'markdown') await screenshot(lib.page, 'library-export-dialog');
    await dialog.getByRole('button', { name: 'Close' }).last().click();
    files[format] = got.join('\n---file---\n');
  }
  const json = files.json!.slice(files.json!.indexOf('\n') + 1);
  const exported = JSON.parse(json) as { format: string; version: number; captures: Array<Record<string, unknown>> };
  expect(exported.format).toBe('satchel');
  expect(exported.captures).toHaveLength(5);
  expect(files.markdown).toMatch(/\.zip\n/);
  expect(files.markdown).toContain('  - "Retros"'); // the note's collections in its front matter
  expect(files.markdown).toMatch(/^---$/m);
  expect(files.markdown).toContain('Use it in retros');
  expect(files.csv!.split('\n').filter((l) => l.trim()).length).toBeGreaterThanOrEqual(6);
  const before = await liveCapturesByKey(lib.page);

  // A fresh profile: import the JSON file.
  const fresh = await launchWithExtension({ port: server.port, headless: true });
  try {
    const sw = await extensionServiceWorker(fresh.context);
    const lib2 = new LibraryPage(await fresh.context.newPage(), extensionIdOf(sw));
    await lib2.open();
    await expect(lib2.page.getByTestId('library-empty')).toBeVisible();

    const importOnce = async (content: string, name: string) => {
      await lib2.page.getByRole('button', { name: 'Import' }).click();
      const dialog = lib2.page.getByTestId('import-dialog');
      await dialog.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
      await expect(dialog.getByTestId('import-report')).toBeVisible();
      return dialog;
    };

    // A bad file: refused with line and field; nothing written.
    const bad = json.replace('"platform": "x"', '"platform": "myspace"').replace('"platform":"x"', '"platform":"myspace"');
    expect(bad).not.toBe(json);
    let dialog = await importOnce(bad, 'bad.json');
    await expect(dialog.getByTestId('import-problems')).toContainText(/Line \d+:/);
    await expect(dialog.getByTestId('import-problems')).toContainText('platform');
    await expect(dialog.getByTestId('import-start')).toBeDisabled();
    await screenshot(lib2.page, 'library-import-refused');
    await dialog.getByRole('button', { name: 'Close' }).last().click();
    expect((await liveCapturesByKey(lib2.page)).size).toBe(0);

    // The real file: dry run, then import with progress.
    dialog = await importOnce(json, 'satchel.json');
    await expect(dialog.getByTestId('import-added')).toHaveText('5');
    await expect(dialog.getByTestId('import-skipped')).toHaveText('0');
    await dialog.getByTestId('import-start').click();
    await expect(dialog.getByTestId('import-done')).toContainText('5 new');
    await expect(dialog.getByTestId('import-progress')).toHaveAttribute('value', '5');
    await dialog.getByRole('button', { name: 'Close' }).last().click();
    await expect.poll(() => lib2.count()).toBe(5);
    await expect(lib2.collection('Retros')).toContainText('1');

    const after = await liveCapturesByKey(lib2.page);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    const fields = ['text', 'author', 'permalink', 'postedAt', 'tags', 'note', 'reflection', 'intent', 'capturedAt', 'reviewedAt', 'media', 'links', 'quoted'];
    for (const [key, row] of before) {
      const other = after.get(key)!;
      for (const f of fields) expect.soft(other[f], `${key}.${f}`).toEqual(row[f]);
      expect.soft((other.collectionIds as string[]).length, `${key} collections`).toBe((row.collectionIds as string[]).length);
    }

    // Importing the same file again changes nothing.
    dialog = await importOnce(json, 'satchel.json');
    await expect(dialog.getByTestId('import-added')).toHaveText('0');
    await expect(dialog.getByTestId('import-updated')).toHaveText('0');
    await expect(dialog.getByTestId('import-skipped')).toHaveText('5');
    await expect(dialog.getByTestId('import-start')).toBeDisabled();
  } finally {
    await fresh.close();
  }
  expect(pageErrors).toEqual([]);
});

/**
 * The library's Import dialog in e2e specs (issue 12): choose a file and wait for its dry run.
 */
import { expect } from '../fixtures';
import type { LibraryPage } from './library-page';

/** Opens the Import dialog and chooses a file (`content` as text or bytes); resolves with the dialog once the dry-run report shows. */
export async function chooseImportFile(lib: LibraryPage, name: string, content: string | Buffer, timeout = 60_000) {
  await lib.page.getByTestId('open-import').click();
  const dialog = lib.page.getByTestId('import-dialog');
  await dialog.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(content) });
  await expect(dialog.getByTestId('import-report')).toBeVisible({ timeout });
  return dialog;
}

// @vitest-environment jsdom
import { describe, it, expect, afterEach } from 'vitest';
import { render, fireEvent, screen, waitFor } from '@testing-library/preact';
import { SatchelDb } from '../lib/db';
import { startImportJob, unfinishedImport } from '../lib/db/import-jobs';
import { readImportFile } from '../lib/import';
import { ImportResumeNotice } from '../entrypoints/library/transfer';
import { makeTranslate } from '../lib/util/i18n';
import en from '../public/_locales/en/messages.json';

const t = makeTranslate(null, en);
let db: SatchelDb;
afterEach(() => db?.close());

describe('the stopped-import banner once a resume finished (issue 12)', () => {
  it('has a Dismiss button that removes it and gives focus back to Import; the job is gone', async () => {
    db = new SatchelDb(`t-${Math.random()}`);
    const r = readImportFile('<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n<DT><A HREF="https://example.com/a" ADD_DATE="1700000000">A</A>\n<DT><A HREF="https://example.com/b" ADD_DATE="1700000001">B</A>\n</DL><p>\n', 1_800_000_000_000);
    if (!r.ok) throw new Error('fixture');
    await startImportJob(db, { fileName: 'bookmarks.html', format: 'netscape', data: r.data });
    render(
      <div>
        <button type="button" data-testid="open-import">Import</button>
        <ImportResumeNotice db={db} t={t} locale="en" onImported={async () => {}} />
      </div>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Resume' }, { timeout: 5000 }));
    await waitFor(() => expect(screen.getByTestId('import-resume-done').textContent).toContain('finished'), { timeout: 5000 });
    expect(await unfinishedImport(db)).toBeNull();
    expect(await db.importRows.count()).toBe(0);
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.queryByTestId('import-resume-banner')).toBeNull(), { timeout: 5000 });
    expect(document.activeElement).toBe(screen.getByTestId('open-import'));
  });
});

import { describe, it, expect, vi, afterEach } from 'vitest';
import { render, fireEvent, cleanup, screen } from '@testing-library/preact';
import { ImportDialog, type ImportReport } from './ImportDialog';
import { ImportResumeBanner } from './ImportResumeBanner';
import { makeTranslate } from '../lib/util/i18n';
import en from '../public/_locales/en/messages.json';

const t = makeTranslate(null, en);
afterEach(cleanup);

const report: ImportReport = { fileName: 'raindrop.csv', source: 'Raindrop.io (CSV backup)', added: 120, updated: 0, skipped: 3, collections: 4, tags: 17, problems: [], leftOut: [] };
const noop = { checking: false, progress: null, finished: null, error: null, onFile: vi.fn(), onImport: vi.fn(), onClose: vi.fn(), t, locale: 'en' };

describe('ImportDialog (issue 12)', () => {
  it('says which tool the file came from and how many captures, collections and tags it creates', () => {
    render(<ImportDialog report={report} {...noop} />);
    expect(screen.getByTestId('import-source').textContent).toBe('From Raindrop.io (CSV backup)');
    expect(screen.getByTestId('import-added').textContent).toBe('120');
    expect(screen.getByTestId('import-collections').textContent).toBe('4');
    expect(screen.getByTestId('import-tags').textContent).toBe('17');
    expect((screen.getByTestId('import-start') as HTMLButtonElement).disabled).toBe(false);
  });

  it('rows left out are listed with their line, and the rest can still be imported', () => {
    render(<ImportDialog report={{ ...report, leftOut: [{ line: 6, field: 'url', message: '"javascript:alert(1)" is not a web address (http or https); skipped' }] }} {...noop} />);
    const list = screen.getByRole('region', { name: 'Rows left out' });
    expect(list.textContent).toContain('Line 6:');
    expect(list.textContent).toContain('javascript:alert(1)');
    expect((screen.getByTestId('import-start') as HTMLButtonElement).disabled).toBe(false);
  });

  it('a problem reads as a sentence: "Line 3: …" for a line, "<path>: …" for a JSON path, never "url no web address" (red team)', () => {
    render(<ImportDialog report={{ ...report, leftOut: [{ line: 3, field: 'url', message: 'no web address (the url column is empty); skipped' }, { line: null, field: '[2].url', message: 'no web address (url is empty); skipped' }] }} {...noop} />);
    const items = [...screen.getByRole('region', { name: 'Rows left out' }).querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toEqual(['Line 3: no web address (the url column is empty); skipped', '[2].url: no web address (url is empty); skipped']);
  });

  it('a file with nothing to import says why beside the disabled Import button (red team: zeros and no sentence)', () => {
    const empty = { ...report, added: 0, updated: 0, skipped: 0, collections: 0, tags: 0 };
    const { unmount } = render(<ImportDialog report={empty} {...noop} />);
    expect(screen.getByTestId('import-nothing').textContent).toBe('This file from Raindrop.io (CSV backup) holds no bookmarks.');
    expect((screen.getByTestId('import-start') as HTMLButtonElement).disabled).toBe(true);
    unmount();
    render(<ImportDialog report={{ ...empty, skipped: 4 }} {...noop} />);
    expect(screen.getByTestId('import-nothing').textContent).toBe('Everything in this file is already in your library.');
  });

  it('says "Preparing the import…" until the first chunk is stored, then shows the count (red team: "0 of 60,000" for seconds)', () => {
    const { rerender } = render(<ImportDialog report={report} {...noop} preparing progress={{ done: 0, total: 60_000 }} />);
    expect(screen.getByRole('status').textContent).toBe('Preparing the import…');
    expect(screen.queryByText('0 of 60,000')).toBeNull();
    expect((screen.getByTestId('import-start') as HTMLButtonElement).disabled).toBe(true);
    rerender(<ImportDialog report={report} {...noop} preparing={false} progress={{ done: 1000, total: 60_000 }} />);
    expect(screen.queryByText('Preparing the import…')).toBeNull();
    expect(screen.getByText('1,000 of 60,000')).toBeTruthy();
  });

  it('the problems list is a named region with a tab stop, so a keyboard can scroll it (a11y)', () => {
    const problems = Array.from({ length: 60 }, (_, i) => ({ line: i + 2, field: null, message: `problem ${i}` }));
    render(<ImportDialog report={{ ...report, source: null, problems }} {...noop} />);
    const box = screen.getByRole('region', { name: 'Problems in the file' });
    expect(box.tabIndex).toBe(0);
    expect(box.querySelectorAll('li')).toHaveLength(50);
    expect(screen.getByText('…and 10 more problems.')).toBeTruthy();
    expect(screen.queryByTestId('import-source')).toBeNull();
    expect((screen.getByTestId('import-start') as HTMLButtonElement).disabled).toBe(true);
  });

  it('accepts CSV and HTML files as well as JSON, and names the formats', () => {
    render(<ImportDialog report={null} {...noop} />);
    const input = screen.getByLabelText('File to import') as HTMLInputElement;
    expect(input.accept).toContain('.csv');
    expect(input.accept).toContain('.html');
    expect(document.getElementById(input.getAttribute('aria-describedby')!)!.textContent).toContain('Raindrop.io, Pocket, Instapaper, Omnivore, Karakeep, Linkwarden');
  });
});

describe('ImportResumeBanner (issue 12)', () => {
  const base = { progress: null, finished: null, error: null, onResume: vi.fn(), onDiscard: vi.fn(), onDismiss: vi.fn(), t, locale: 'en' };
  it('renders nothing without a stopped import', () => {
    const { container } = render(<ImportResumeBanner job={null} {...base} />);
    expect(container.innerHTML).toBe('');
  });

  it('says where the import stopped and offers Resume and Discard; Resume keeps focus in the banner', () => {
    const onResume = vi.fn();
    const onDiscard = vi.fn();
    render(<ImportResumeBanner job={{ fileName: 'pocket.csv', done: 1000, total: 5000 }} {...base} onResume={onResume} onDiscard={onDiscard} />);
    expect(screen.getByTestId('import-resume-text').textContent).toBe('Import of pocket.csv stopped at 1,000 of 5,000.');
    fireEvent.click(screen.getByRole('button', { name: 'Discard' }));
    expect(onDiscard).toHaveBeenCalled();
    screen.getByRole('button', { name: 'Resume' }).focus();
    fireEvent.click(screen.getByRole('button', { name: 'Resume' }));
    expect(onResume).toHaveBeenCalled();
    expect(document.activeElement).toBe(screen.getByRole('region', { name: 'Unfinished import' }));
  });

  it('shows progress while resuming, then the outcome', () => {
    const job = { fileName: 'pocket.csv', done: 1000, total: 5000 };
    const { rerender } = render(<ImportResumeBanner job={job} {...base} progress={{ done: 3000, total: 5000 }} />);
    expect(screen.getByTestId('import-resume-progress').getAttribute('value')).toBe('3000');
    expect(screen.getByText('Importing pocket.csv: 3,000 of 5,000')).toBeTruthy();
    rerender(<ImportResumeBanner job={null} {...base} finished="Import of pocket.csv finished: 4,000 new, 0 updated." />);
    expect(screen.getByTestId('import-resume-done').textContent).toContain('finished');
  });
});

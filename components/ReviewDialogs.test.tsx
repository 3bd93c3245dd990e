import { describe, it, expect, vi, afterEach } from 'vitest';
import { render, fireEvent, cleanup, screen } from '@testing-library/preact';
import { ReviewView } from './ReviewView';
import { FollowUpPrompt } from './FollowUpPrompt';
import { ExportDialog } from './ExportDialog';
import { ImportDialog, type ImportReport } from './ImportDialog';
import { TagsManager } from './TagsManager';
import { QuickEdit } from './QuickEdit';
import { makeCapture } from '../lib/db/testing';
import { makeTranslate } from '../lib/util/i18n';
import en from '../public/_locales/en/messages.json';
import type { CaptureView } from './capture-view';

const t = makeTranslate(null, en);
afterEach(cleanup);
const cap = (o: Partial<CaptureView> = {}): CaptureView =>
  ({ ...makeCapture(), deletedAt: null, reviewedAt: null, archivedAt: null, reflection: null, followUp: null, ...o }) as CaptureView;

describe('ReviewView', () => {
  it('shows one capture with progress, reflection, tags and the review choices; focus moves to its heading', () => {
    const p = { onTags: vi.fn(), onReflection: vi.fn(), onReviewed: vi.fn(), onArchive: vi.fn(), onSkip: vi.fn(), onExit: vi.fn() };
    render(<ReviewView capture={cap({ text: 'Tip:\ntry it' })} position={2} total={5} knownTags={[]} t={t} locale="en" {...p} />);
    expect(screen.getByText('2 of 5')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2 }));
    expect(screen.getByText(/Tip:/).textContent).toBe('Tip:\ntry it');
    const refl = screen.getByTestId('review-reflection');
    fireEvent.input(refl, { target: { value: 'Use in 1:1s' } });
    fireEvent.blur(refl);
    expect(p.onReflection).toHaveBeenCalledWith('Use in 1:1s');
    fireEvent.click(screen.getByRole('button', { name: 'Mark reviewed' }));
    fireEvent.click(screen.getByRole('button', { name: 'Archive' }));
    fireEvent.click(screen.getByRole('button', { name: 'Skip' }));
    fireEvent.click(screen.getByRole('button', { name: 'Back to library' }));
    expect([p.onReviewed, p.onArchive, p.onSkip, p.onExit].every((f) => f.mock.calls.length === 1)).toBe(true);
  });

  it('says when nothing is left', () => {
    render(<ReviewView capture={null} position={1} total={0} knownTags={[]} t={t} onTags={vi.fn()} onReflection={vi.fn()} onReviewed={vi.fn()} onArchive={vi.fn()} onSkip={vi.fn()} onExit={vi.fn()} />);
    expect(screen.getByRole('heading', { name: 'All caught up' })).toBeTruthy();
  });
});

describe('FollowUpPrompt', () => {
  it('asks "Did you try it? What happened?" and keeps the answer', () => {
    const onAnswer = vi.fn();
    const onLater = vi.fn();
    render(<FollowUpPrompt capture={cap({ intent: 'tip' })} onAnswer={onAnswer} onLater={onLater} t={t} />);
    expect(screen.getByRole('heading', { name: 'Did you try it?' })).toBeTruthy();
    const save = screen.getByRole('button', { name: 'Keep my answer' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.input(screen.getByLabelText('What happened?'), { target: { value: 'It worked\nin standup' } });
    fireEvent.click(save);
    expect(onAnswer).toHaveBeenCalledWith('It worked\nin standup');
    fireEvent.click(screen.getByRole('button', { name: 'Ask me later' }));
    expect(onLater).toHaveBeenCalled();
  });
});

describe('ExportDialog', () => {
  it('chooses scope and format, shows progress and the outcome; unavailable scopes are disabled', () => {
    const onExport = vi.fn();
    const { rerender } = render(
      <ExportDialog counts={{ all: 10, collection: 0, filter: 4, selection: null }} collections={[{ id: 'c', name: 'Retros', count: 2 }]} progress={null} finished={null} error={null} onExport={onExport} onClose={vi.fn()} t={t} locale="en" />,
    );
    expect(screen.getByRole('dialog', { name: 'Export captures' })).toBeTruthy();
    expect((screen.getByRole('radio', { name: /selected captures/ }) as HTMLInputElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: /A collection/ }));
    fireEvent.click(screen.getByRole('radio', { name: /CSV/ }));
    fireEvent.click(screen.getByTestId('export-start'));
    expect(onExport).toHaveBeenCalledWith('collection', 'csv', 'c');
    rerender(<ExportDialog counts={{ all: 10, collection: 0, filter: 4, selection: null }} collections={[]} progress={{ done: 3, total: 10 }} finished={null} error={null} onExport={onExport} onClose={vi.fn()} t={t} locale="en" />);
    expect(screen.getByTestId('export-progress').getAttribute('value')).toBe('3');
    expect(screen.getByText('3 of 10')).toBeTruthy();
    expect((screen.getByTestId('export-start') as HTMLButtonElement).disabled).toBe(true);
  });

  it('closes on Escape', () => {
    const onClose = vi.fn();
    render(<ExportDialog counts={{ all: 1, collection: 0, filter: 1, selection: 1 }} collections={[]} progress={null} finished={null} error={null} onExport={vi.fn()} onClose={onClose} t={t} />);
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(onClose).toHaveBeenCalled();
  });
});

describe('ImportDialog', () => {
  const ok: ImportReport = { fileName: 'a.json', source: null, added: 3, updated: 1, skipped: 2, collections: 1, tags: 0, problems: [], leftOut: [] };
  it('shows the dry-run counts and imports on request', () => {
    const onImport = vi.fn();
    render(<ImportDialog report={ok} checking={false} progress={null} finished={null} error={null} onFile={vi.fn()} onImport={onImport} onClose={vi.fn()} t={t} />);
    expect(screen.getByTestId('import-added').textContent).toBe('3');
    expect(screen.getByTestId('import-updated').textContent).toBe('1');
    expect(screen.getByTestId('import-skipped').textContent).toBe('2');
    fireEvent.click(screen.getByTestId('import-start'));
    expect(onImport).toHaveBeenCalled();
  });

  it('refuses a bad file with each problem\'s line and field, and offers no import', () => {
    const bad: ImportReport = { ...ok, problems: [{ line: 12, field: 'captures[0].platform', message: 'Invalid option' }] };
    render(<ImportDialog report={bad} checking={false} progress={null} finished={null} error={null} onFile={vi.fn()} onImport={vi.fn()} onClose={vi.fn()} t={t} />);
    expect(screen.getByRole('alert').textContent).toContain('Line 12:');
    expect(screen.getByRole('alert').textContent).toContain('captures[0].platform');
    expect((screen.getByTestId('import-start') as HTMLButtonElement).disabled).toBe(true);
  });

  it('passes the chosen file on', () => {
    const onFile = vi.fn();
    render(<ImportDialog report={null} checking={false} progress={null} finished={null} error={null} onFile={onFile} onImport={vi.fn()} onClose={vi.fn()} t={t} />);
    const file = new File(['{}'], 'x.json', { type: 'application/json' });
    fireEvent.change(screen.getByTestId('import-file'), { target: { files: [file] } });
    expect(onFile).toHaveBeenCalledWith(file);
  });
});

describe('TagsManager', () => {
  it('renames a tag, and offers merge when the new name is an existing tag', () => {
    const onRename = vi.fn();
    render(<TagsManager tags={[['AI', 3], ['ml', 1]]} onRename={onRename} onClose={vi.fn()} t={t} />);
    fireEvent.click(screen.getByRole('button', { name: 'Rename #ml' }));
    const input = screen.getByLabelText('New name for ml');
    fireEvent.input(input, { target: { value: 'ai' } });
    expect(screen.getByRole('button', { name: 'Merge' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Merge' }));
    expect(onRename).toHaveBeenCalledWith('ml', 'ai');
  });
});

describe('QuickEdit', () => {
  it('tags, collects and notes a fresh save', () => {
    const p = { onIntent: vi.fn(), onTags: vi.fn(), onCollections: vi.fn(), onNote: vi.fn() };
    render(<QuickEdit capture={cap()} collections={[{ id: 'i', name: 'Inbox', count: null }]} knownTags={['AI']} t={t} {...p} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add tags / note' }));
    const input = screen.getByRole('combobox');
    fireEvent.input(input, { target: { value: 'Onboarding' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(p.onTags).toHaveBeenCalledWith(['Onboarding']);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Inbox' }));
    expect(p.onCollections).toHaveBeenCalledWith(['i']);
    const note = screen.getByTestId('quick-note');
    fireEvent.input(note, { target: { value: 'why' } });
    fireEvent.blur(note);
    expect(p.onNote).toHaveBeenCalledWith('why');
  });
});

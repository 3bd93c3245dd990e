import { describe, it, expect, vi, afterEach } from 'vitest';
import { render, fireEvent, cleanup, screen, act } from '@testing-library/preact';
import { FilterPanel } from './FilterPanel';
import { CollectionsSidebar } from './CollectionsSidebar';
import { BulkBar } from './BulkBar';
import { UndoToast } from './UndoToast';
import { SearchBox } from './SearchBox';
import { NO_FILTERS, hasFilters, type FacetCounts } from './filters';
import { makeTranslate } from '../lib/util/i18n';
import en from '../public/_locales/en/messages.json';

const t = makeTranslate(null, en);
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const FACETS: FacetCounts = {
  platform: [{ value: 'x', label: 'x', count: 7 }, { value: 'linkedin', label: 'linkedin', count: 3 }],
  intent: [{ value: 'tip', label: 'tip', count: 2 }, { value: 'none', label: 'none', count: 8 }],
  tag: Array.from({ length: 12 }, (_, i) => ({ value: `k${i}`, label: `Tag ${i}`, count: 12 - i })),
  author: [{ value: 'x:lee', label: 'Lee (@lee)', count: 4 }],
  hasNote: 3,
  incomplete: 1,
  review: { any: 10, unreviewed: 6, reviewed: 4, archived: 2 },
};

describe('FilterPanel', () => {
  it('shows every facet with its count and reports changes', () => {
    const onChange = vi.fn();
    render(<FilterPanel filters={NO_FILTERS} facets={FACETS} onChange={onChange} t={t} locale="en" />);
    const x = screen.getByRole('checkbox', { name: /^X/ });
    expect(x.closest('label')!.textContent).toContain('7');
    fireEvent.click(x);
    expect(onChange).toHaveBeenLastCalledWith({ ...NO_FILTERS, platforms: ['x'] });
    fireEvent.click(screen.getByRole('checkbox', { name: /Tip to try/ }));
    expect(onChange).toHaveBeenLastCalledWith({ ...NO_FILTERS, intents: ['tip'] });
    fireEvent.click(screen.getByRole('checkbox', { name: /Has a note/ }));
    expect(onChange).toHaveBeenLastCalledWith({ ...NO_FILTERS, hasNote: true });
    fireEvent.click(screen.getByRole('radio', { name: /Waiting for review/ }));
    expect(onChange).toHaveBeenLastCalledWith({ ...NO_FILTERS, review: 'unreviewed' });
    expect(screen.getByRole('radio', { name: /Waiting for review/ }).closest('label')!.textContent).toContain('6');
    fireEvent.click(screen.getByRole('checkbox', { name: /Lee/ }));
    expect(onChange).toHaveBeenLastCalledWith({ ...NO_FILTERS, authors: ['x:lee'] });
  });

  it('shortens long facets behind "Show all" and keeps chosen values visible', () => {
    const onChange = vi.fn();
    render(<FilterPanel filters={{ ...NO_FILTERS, tags: ['k11'] }} facets={FACETS} onChange={onChange} t={t} />);
    const tagBoxes = () => screen.getAllByRole('checkbox').filter((b) => b.closest('[data-facet="tag"]'));
    expect(tagBoxes()).toHaveLength(9); // 8 + the chosen one
    fireEvent.click(screen.getAllByRole('button', { name: 'Show all' })[0]!);
    expect(tagBoxes()).toHaveLength(12);
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(hasFilters(onChange.mock.lastCall![0])).toBe(false);
  });
});

describe('CollectionsSidebar', () => {
  it('lists collections with counts, selects, creates, renames and deletes (not the Inbox)', () => {
    const p = { onSelect: vi.fn(), onCreate: vi.fn(), onRename: vi.fn(), onDelete: vi.fn() };
    const cols = [{ id: 'i', name: 'Inbox', count: 4, isInbox: true }, { id: 'r', name: 'Retros', count: 2 }];
    const { rerender } = render(<CollectionsSidebar collections={cols} total={9} current={null} t={t} {...p} />);
    expect(screen.getByRole('button', { name: /All captures/ }).getAttribute('aria-current')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: /Retros/ }));
    expect(p.onSelect).toHaveBeenCalledWith('r');
    fireEvent.input(screen.getByLabelText('New collection'), { target: { value: '  Team rituals ' } });
    fireEvent.submit(screen.getByLabelText('New collection').closest('form')!);
    expect(p.onCreate).toHaveBeenCalledWith('Team rituals');
    rerender(<CollectionsSidebar collections={cols} total={9} current="i" t={t} {...p} />);
    expect(screen.queryByRole('button', { name: /Delete/ })).toBeNull();
    rerender(<CollectionsSidebar collections={cols} total={9} current="r" t={t} {...p} />);
    fireEvent.click(screen.getByRole('button', { name: 'Rename “Retros”' }));
    fireEvent.input(screen.getByLabelText('New name'), { target: { value: 'Retrospectives' } });
    fireEvent.submit(screen.getByLabelText('New name').closest('form')!);
    expect(p.onRename).toHaveBeenCalledWith('r', 'Retrospectives');
    fireEvent.click(screen.getByRole('button', { name: 'Delete “Retros”' }));
    expect(p.onDelete).toHaveBeenCalledWith('r');
  });
});

describe('BulkBar', () => {
  it('tags, adds to a collection, exports, deletes and clears the selection', () => {
    const p = { onTag: vi.fn(), onAddToCollection: vi.fn(), onExport: vi.fn(), onDelete: vi.fn(), onClear: vi.fn() };
    render(<BulkBar count={3} collections={[{ id: 'r', name: 'Retros', count: 0 }]} t={t} {...p} />);
    expect(screen.getByText('3 selected')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Tag to add'), { target: { value: 'AI' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add tag' }));
    expect(p.onTag).toHaveBeenCalledWith('AI');
    fireEvent.change(screen.getByLabelText('Add to collection…'), { target: { value: 'r' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(p.onAddToCollection).toHaveBeenCalledWith('r');
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    fireEvent.click(screen.getByRole('button', { name: 'Clear selection' }));
    expect([p.onExport, p.onDelete, p.onClear].every((f) => f.mock.calls.length === 1)).toBe(true);
  });
});

describe('UndoToast', () => {
  it('offers Undo, dismisses itself after the timeout, but stays while focused', () => {
    vi.useFakeTimers();
    const onUndo = vi.fn();
    const onDismiss = vi.fn();
    render(<UndoToast message="2 captures deleted." onUndo={onUndo} onDismiss={onDismiss} timeoutMs={4000} t={t} />);
    expect(screen.getByRole('status').textContent).toContain('2 captures deleted.');
    const undo = screen.getByRole('button', { name: 'Undo' });
    undo.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    act(() => void vi.advanceTimersByTime(10_000));
    expect(onDismiss).not.toHaveBeenCalled();
    undo.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    act(() => void vi.advanceTimersByTime(4_500));
    expect(onDismiss).toHaveBeenCalledOnce();
    fireEvent.click(undo);
    expect(onUndo).toHaveBeenCalledOnce();
  });
});

describe('SearchBox', () => {
  it('reports input, clears on Esc, moves to results on ↓, announces the count', () => {
    const onInput = vi.fn();
    const onToResults = vi.fn();
    render(<SearchBox value="ai" onInput={onInput} resultCount={3} countText="3 captures" onToResults={onToResults} t={t} />);
    const box = screen.getByRole('searchbox', { name: 'Search your library' });
    fireEvent.input(box, { target: { value: 'ai tools' } });
    expect(onInput).toHaveBeenLastCalledWith('ai tools');
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(onInput).toHaveBeenLastCalledWith('');
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(onToResults).toHaveBeenCalled();
    expect(screen.getByTestId('result-count').textContent).toBe('3 captures');
  });
});

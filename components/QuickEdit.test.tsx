import { describe, it, expect, vi, afterEach } from 'vitest';
import { render, fireEvent, cleanup, screen } from '@testing-library/preact';
import { QuickEdit } from './QuickEdit';
import { INTENTS } from './IntentChips';
import { makeCapture } from '../lib/db/testing';
import { makeTranslate } from '../lib/util/i18n';
import en from '../public/_locales/en/messages.json';
import type { CaptureView } from './capture-view';

const t = makeTranslate(null, en);
afterEach(cleanup);

describe('QuickEdit intent picker (issue 12)', () => {
  const props = () => ({ onIntent: vi.fn(), onTags: vi.fn(), onCollections: vi.fn(), onNote: vi.fn() });

  it('offers the save panel\'s four intents as toggle buttons in a labelled group', () => {
    const p = props();
    render(<QuickEdit capture={{ ...makeCapture(), intent: 'job-aid' } as CaptureView} collections={[]} knownTags={[]} t={t} {...p} />);
    const group = screen.getByRole('group', { name: 'Why are you saving it?' });
    const names = INTENTS.map((i) => t(i.key));
    expect(names).toEqual(['Tip to try', 'Job aid', 'Question to discuss', 'Worth sharing']);
    for (const name of names) expect(group.contains(screen.getByRole('button', { name }))).toBe(true);
    expect(screen.getByRole('button', { name: 'Job aid' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: 'Tip to try' }).getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(screen.getByRole('button', { name: 'Question to discuss' }));
    expect(p.onIntent).toHaveBeenLastCalledWith('question');
    fireEvent.click(screen.getByRole('button', { name: 'Job aid' }));
    expect(p.onIntent).toHaveBeenLastCalledWith(null);
  });
});

describe('QuickEdit is compact until asked (issue 12: it took most of the popup)', () => {
  const props = () => ({ onIntent: vi.fn(), onTags: vi.fn(), onCollections: vi.fn(), onNote: vi.fn() });
  it('shows the title, the intents and "Add tags / note"; the button opens tags, collections and the note', () => {
    render(<QuickEdit capture={makeCapture() as CaptureView} collections={[{ id: 'i', name: 'Inbox', count: null }]} knownTags={[]} t={t} {...props()} />);
    expect(screen.getByRole('group', { name: 'Why are you saving it?' })).toBeTruthy();
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(screen.queryByTestId('quick-note')).toBeNull();
    expect(screen.queryByRole('checkbox', { name: 'Inbox' })).toBeNull();
    const more = screen.getByRole('button', { name: 'Add tags / note' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(more);
    expect(more.getAttribute('aria-expanded')).toBe('true');
    expect(document.getElementById(more.getAttribute('aria-controls')!)!.contains(screen.getByRole('combobox'))).toBe(true);
    expect(screen.getByTestId('quick-note')).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Inbox' })).toBeTruthy();
  });
});

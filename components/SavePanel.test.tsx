// @vitest-environment jsdom
import { describe, it, expect, vi, afterEach } from 'vitest';
import { render, screen, fireEvent, cleanup } from '@testing-library/preact';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SavePanel, normaliseTag, type SavePanelProps } from './SavePanel';

const messages = JSON.parse(readFileSync(resolve(import.meta.dirname, '../public/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;
const t = (key: string, subs: string[] = []) => {
  const m = messages[key];
  if (!m) throw new Error(`missing message ${key}`);
  const s = [...subs];
  return m.message.replace(/\$[A-Z_]+\$/g, () => s.shift() ?? '');
};

function props(over: Partial<SavePanelProps> = {}): SavePanelProps {
  return {
    mode: 'saved', error: null, intent: null, tags: [], note: '', collectionIds: [],
    recentTags: ['onboarding', 'safety'], recentCollections: [{ id: 'c1', name: 'Team tips' }],
    truncated: false, siteName: 'X', thread: 'none', autoFocus: false,
    onIntent: vi.fn(), onTags: vi.fn(), onNote: vi.fn(), onCollections: vi.fn(), onCreateCollection: vi.fn(),
    onSaveThread: vi.fn(), onRetry: vi.fn(), onClose: vi.fn(), t, ...over,
  };
}

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('SavePanel', () => {
  it('is a dialog offering the four learning intents as toggle buttons', () => {
    const p = props({ intent: 'job-aid' });
    render(<SavePanel {...p} />);
    expect(screen.getByRole('dialog', { name: 'Saved in Satchel' })).toBeTruthy();
    for (const name of ['Tip to try', 'Job aid', 'Question to discuss', 'Worth sharing']) screen.getByRole('button', { name });
    expect(screen.getByRole('button', { name: 'Job aid' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Tip to try' }));
    fireEvent.click(screen.getByRole('button', { name: 'Job aid' }));
    expect(p.onIntent).toHaveBeenNthCalledWith(1, 'tip');
    expect(p.onIntent).toHaveBeenNthCalledWith(2, null);
  });

  it('adds tags by typing + Enter and by recent quick picks, and removes them', () => {
    const p = props({ tags: ['safety'] });
    render(<SavePanel {...p} />);
    const input = screen.getByRole('textbox', { name: 'Add a tag, then Enter' });
    fireEvent.input(input, { target: { value: '#Team Rituals' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(p.onTags).toHaveBeenLastCalledWith(['safety', 'team-rituals']);
    expect(screen.queryByRole('button', { name: 'Add tag safety' })).toBeNull(); // already set
    fireEvent.click(screen.getByRole('button', { name: 'Add tag onboarding' }));
    expect(p.onTags).toHaveBeenLastCalledWith(['safety', 'onboarding']);
    fireEvent.click(screen.getByRole('button', { name: 'Remove tag safety' }));
    expect(p.onTags).toHaveBeenLastCalledWith([]);
  });

  it('toggles recent collections and creates a new one', () => {
    const p = props({ collectionIds: [] });
    render(<SavePanel {...p} />);
    fireEvent.click(screen.getByRole('button', { name: 'Team tips' }));
    expect(p.onCollections).toHaveBeenLastCalledWith(['c1']);
    const input = screen.getByRole('textbox', { name: 'New collection, then Enter' });
    fireEvent.input(input, { target: { value: 'Onboarding ideas' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(p.onCreateCollection).toHaveBeenCalledWith('Onboarding ideas');
  });

  it('sends the note when leaving the field, once', () => {
    const p = props();
    render(<SavePanel {...p} />);
    const note = screen.getByRole('textbox', { name: 'Note' });
    fireEvent.input(note, { target: { value: 'Try in Monday stand-up' } });
    fireEvent.blur(note);
    fireEvent.keyDown(note, { key: 'Escape' });
    expect(p.onNote).toHaveBeenCalledTimes(1);
    expect(p.onNote).toHaveBeenCalledWith('Try in Monday stand-up');
    expect(p.onClose).toHaveBeenCalledWith('escape');
  });

  it('says when the site showed only part of the post', () => {
    render(<SavePanel {...props({ truncated: true, siteName: 'X' })} />);
    expect(screen.getByRole('note').textContent).toBe('X showed only part of this post; Satchel will complete it when you open the post.');
  });

  it('offers Save thread when available, then shows progress', () => {
    const p = props({ thread: 'available' });
    const { rerender } = render(<SavePanel {...p} />);
    fireEvent.click(screen.getByRole('button', { name: 'Save thread' }));
    expect(p.onSaveThread).toHaveBeenCalled();
    rerender(<SavePanel {...p} thread="saved" />);
    const done = screen.getByRole('button', { name: 'Thread saved' });
    expect(done.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(done);
    expect(p.onSaveThread).toHaveBeenCalledTimes(1);
  });

  it('shows the failure reason and a retry in failed mode', () => {
    const p = props({ mode: 'failed', error: "x: could not read the post's text (selector tweetText)", autoFocus: true });
    render(<SavePanel {...p} />);
    expect(screen.getByRole('dialog', { name: 'Could not save this post' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('could not read');
    const retry = screen.getByRole('button', { name: 'Try again' });
    expect(document.activeElement).toBe(retry);
    fireEvent.click(retry);
    expect(p.onRetry).toHaveBeenCalled();
  });

  it('moves focus to the first intent when opened from the keyboard', () => {
    render(<SavePanel {...props({ autoFocus: true })} />);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Tip to try' }));
  });

  it('closes on Escape, on a press outside, and on Done', () => {
    const p = props();
    const outside = document.createElement('div');
    const anchor = document.createElement('button');
    document.body.append(outside, anchor);
    render(<SavePanel {...p} anchor={anchor} />);
    fireEvent.pointerDown(screen.getByRole('button', { name: 'Job aid' }));
    fireEvent.pointerDown(anchor);
    expect(p.onClose).not.toHaveBeenCalled();
    fireEvent.pointerDown(outside);
    expect(p.onClose).toHaveBeenLastCalledWith('outside');
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(p.onClose).toHaveBeenLastCalledWith('escape');
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(p.onClose).toHaveBeenLastCalledWith('button');
    outside.remove();
    anchor.remove();
  });

  it('never closes by itself, whether ignored or opened with the mouse (issue 12, WCAG 2.2.1)', () => {
    vi.useFakeTimers();
    const p = props();
    render(<SavePanel {...p} />);
    vi.advanceTimersByTime(10 * 60_000);
    expect(p.onClose).not.toHaveBeenCalled();
    expect(screen.getByRole('dialog')).toBeTruthy();
  });

  it('removing a tag moves focus to the next tag\'s remove button, the last one to the tag box (issue 12)', () => {
    const p = props({ tags: ['alpha', 'beta', 'gamma'], recentTags: [] });
    const { rerender } = render(<SavePanel {...p} />);
    screen.getByRole('button', { name: 'Remove tag beta' }).focus();
    fireEvent.click(screen.getByRole('button', { name: 'Remove tag beta' }));
    expect(p.onTags).toHaveBeenLastCalledWith(['alpha', 'gamma']);
    rerender(<SavePanel {...p} tags={['alpha', 'gamma']} />);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Remove tag gamma' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove tag gamma' }));
    rerender(<SavePanel {...p} tags={['alpha']} />);
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Add a tag, then Enter' }));
  });

  it('a quick-picked tag moves focus to the next quick pick, else the tag box', () => {
    const p = props({ tags: [], recentTags: ['onboarding', 'safety'] });
    const { rerender } = render(<SavePanel {...p} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add tag onboarding' }));
    rerender(<SavePanel {...p} tags={['onboarding']} />);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add tag safety' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add tag safety' }));
    rerender(<SavePanel {...p} tags={['onboarding', 'safety']} />);
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Add a tag, then Enter' }));
  });

  it('keeps Done (and Save thread) in a footer outside the scrolling body', () => {
    render(<SavePanel {...props({ thread: 'available' })} />);
    const foot = screen.getByRole('button', { name: 'Done' }).parentElement!;
    expect(foot.classList.contains('satchel-foot')).toBe(true);
    expect(foot.contains(screen.getByRole('button', { name: 'Save thread' }))).toBe(true);
    expect(foot.closest('.satchel-body')).toBeNull();
    expect(screen.getByRole('textbox', { name: 'Note' }).closest('.satchel-body')).not.toBeNull();
  });
});

describe('normaliseTag', () => {
  it.each([
    ['#Onboarding', 'onboarding'],
    ['  team  rituals ', 'team-rituals'],
    ['##', ''],
  ])('%s → %s', (raw, tag) => expect(normaliseTag(raw)).toBe(tag));
});

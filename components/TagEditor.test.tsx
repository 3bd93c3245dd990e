import { describe, it, expect, vi, afterEach } from 'vitest';
import { useState } from 'preact/hooks';
import { render, fireEvent, cleanup, screen } from '@testing-library/preact';
import { TagEditor } from './TagEditor';
import { makeTranslate } from '../lib/util/i18n';
import en from '../public/_locales/en/messages.json';

const t = makeTranslate(null, en);
afterEach(cleanup);

describe('TagEditor', () => {
  it('suggests the learner\'s tags as you type (prefix first) and adds one with ↓ and Enter', () => {
    const onChange = vi.fn();
    render(<TagEditor tags={['Design']} known={['Design', 'AI', 'Adult learning', 'Learning design', 'Leadership', '学习']} onChange={onChange} t={t} idPrefix="x" />);
    const input = screen.getByRole('combobox');
    fireEvent.input(input, { target: { value: 'le' } });
    const options = screen.getAllByRole('option').map((o) => o.textContent);
    expect(options).toEqual(['Learning design', 'Leadership', 'Adult learning']);
    expect(input.getAttribute('aria-expanded')).toBe('true');
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(input.getAttribute('aria-activedescendant')).toBe('x-tag-suggestions-0');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onChange).toHaveBeenCalledWith(['Design', 'Learning design']);
  });

  it('adds typed text (any script, emoji) and never adds a tag twice in another spelling', () => {
    const onChange = vi.fn();
    render(<TagEditor tags={['AI']} known={[]} onChange={onChange} t={t} idPrefix="y" />);
    const input = screen.getByRole('combobox');
    fireEvent.input(input, { target: { value: ' ai ' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.input(input, { target: { value: '学习 🚀' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onChange).toHaveBeenCalledWith(['AI', '学习 🚀']);
  });

  it('removes a tag with its labelled button; Esc closes the suggestions', () => {
    const onChange = vi.fn();
    render(<TagEditor tags={['AI', 'ML']} known={['Mlops']} onChange={onChange} t={t} idPrefix="z" />);
    fireEvent.click(screen.getByRole('button', { name: 'Remove tag AI' }));
    expect(onChange).toHaveBeenCalledWith(['ML']);
    const input = screen.getByRole('combobox');
    fireEvent.input(input, { target: { value: 'mlo' } });
    expect(input.getAttribute('aria-expanded')).toBe('true');
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(input.getAttribute('aria-expanded')).toBe('false');
  });
});

describe('TagEditor focus after removing a tag (issue 12)', () => {
  it('goes to the next tag\'s remove button, the previous one for the last tag, then the input', async () => {
    const { act } = await import('@testing-library/preact');
    const tick = () => act(() => new Promise<void>((r) => setTimeout(r, 0)));
    function Host() {
      const [tags, setTags] = useState(['a', 'b', 'c']);
      return <TagEditor tags={tags} known={[]} onChange={(next) => setTimeout(() => setTags(next), 0)} t={t} idPrefix="f" />;
    }
    render(<Host />);
    fireEvent.click(screen.getByRole('button', { name: 'Remove tag b' }));
    await tick();
    await tick();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Remove tag c' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove tag c' }));
    await tick();
    await tick();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Remove tag a' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove tag a' }));
    await tick();
    await tick();
    expect(document.activeElement).toBe(screen.getByRole('combobox'));
  });
});

import { describe, it, expect, vi, afterEach } from 'vitest';
import { render, fireEvent, cleanup, screen, waitFor } from '@testing-library/preact';
import { makeTranslate } from '../../lib/util/i18n';
import en from '../../public/_locales/en/messages.json';
import { Composer } from './Composer';
import { MEMBERS } from './testing';

const t = makeTranslate(null, en);
afterEach(cleanup);

function setup(onSubmit = vi.fn(async (_b: string, _m: string[]) => {})) {
  render(<Composer id="n" label="Write a comment" submitLabel="Send" members={MEMBERS} onSubmit={onSubmit} t={t} />);
  const box = screen.getByRole('textbox', { name: 'Write a comment' }) as HTMLTextAreaElement;
  /** Types `value` as the whole text with the caret at its end. */
  const type = (value: string) => {
    box.value = value;
    box.setSelectionRange(value.length, value.length);
    fireEvent.input(box);
  };
  return { box, type, onSubmit };
}
const list = () => screen.getByRole('listbox', { hidden: true });
const options = () => screen.queryAllByRole('option').map((o) => o.textContent);

describe('Composer @mention autocomplete (keyboard)', () => {
  it('@ opens the member list, typing filters it, ↓/↑ move the active option, Enter picks', async () => {
    const { box, type, onSubmit } = setup();
    expect(list().hidden).toBe(true);
    type('Thanks @');
    expect(list().hidden).toBe(false);
    expect(box.getAttribute('aria-controls')).toBe(list().id);
    expect(box.getAttribute('aria-autocomplete')).toBe('list');
    expect(options()).toEqual(['Ana Souza', 'Ben Okafor', 'Chloé Ünal', 'Dev Owner']);
    type('Thanks @o');
    expect(options()).toEqual(['Ben Okafor', 'Dev Owner', 'Ana Souza', 'Chloé Ünal']);
    expect(screen.getByRole('status').textContent).toContain('4 team members match');
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(box.getAttribute('aria-activedescendant')).toBe('n-mentions-1');
    expect(screen.getByRole('option', { name: 'Dev Owner' }).getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(box, { key: 'ArrowUp' });
    fireEvent.keyDown(box, { key: 'ArrowUp' });
    expect(screen.getByRole('option', { name: 'Chloé Ünal' }).getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(box.value).toBe('Thanks @Chloé Ünal ');
    expect(list().hidden).toBe(true);
    await waitFor(() => expect(box.selectionStart).toBe('Thanks @Chloé Ünal '.length));
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith('Thanks @Chloé Ünal', ['u-chloe']));
  });

  it('Tab picks too, accent-insensitive filtering; Escape closes the list without leaving the box', () => {
    const { box, type } = setup();
    type('@chlo');
    expect(options()).toEqual(['Chloé Ünal']);
    fireEvent.keyDown(box, { key: 'Tab' });
    expect(box.value).toBe('@Chloé Ünal ');
    type('@Chloé Ünal and @b');
    expect(options()).toEqual(['Ben Okafor']);
    // fireEvent returns false when a handler called preventDefault (the page's Escape then leaves the detail open)
    expect(fireEvent.keyDown(box, { key: 'Escape' })).toBe(false);
    expect(list().hidden).toBe(true);
    expect(box.value).toBe('@Chloé Ünal and @b');
  });

  it('a mention whose name was edited away is not sent; plain Enter is a new line, not a send', async () => {
    const { box, type, onSubmit } = setup();
    type('@be');
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(box.value).toBe('@Ben Okafor ');
    expect(fireEvent.keyDown(box, { key: 'Enter' })).toBe(true);
    expect(onSubmit).not.toHaveBeenCalled();
    type('@Ben, never mind');
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith('@Ben, never mind', []));
  });

  it('no list when nobody matches, and none for an e-mail address', () => {
    const { type } = setup();
    type('@zz');
    expect(list().hidden).toBe(true);
    type('write to ana@example.org');
    expect(list().hidden).toBe(true);
  });
});

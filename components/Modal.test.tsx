import { describe, it, expect, vi, afterEach } from 'vitest';
import { render, fireEvent, cleanup, screen, act } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { Modal } from './Modal';
import { TagsManager } from './TagsManager';
import { CollectionsSidebar } from './CollectionsSidebar';
import { makeTranslate } from '../lib/util/i18n';
import en from '../public/_locales/en/messages.json';

const t = makeTranslate(null, en);
afterEach(cleanup);
const tick = () => act(() => new Promise<void>((r) => setTimeout(r, 0)));

describe('Modal (issue 12: focus)', () => {
  it('opens on its first field, names itself by its heading, and has no banner (no <header>)', () => {
    render(<Modal title="Share" onClose={() => {}} t={t}><select aria-label="Team"><option>A</option></select></Modal>);
    const dialog = screen.getByRole('dialog');
    expect(document.activeElement).toBe(screen.getByLabelText('Team'));
    expect(dialog.getAttribute('aria-labelledby')).toBe(dialog.querySelector('h2')!.id);
    expect(dialog.querySelector('header')).toBeNull();
  });

  it('Esc closes it even when focus fell to the page body; a field that used Esc keeps it open', () => {
    const onClose = vi.fn();
    render(<Modal title="T" onClose={onClose} t={t}><input aria-label="Name" onKeyDown={(e) => e.key === 'Escape' && e.stopPropagation()} /></Modal>);
    fireEvent.keyDown(screen.getByLabelText('Name'), { key: 'Escape' });
    expect(onClose).not.toHaveBeenCalled();
    (document.activeElement as HTMLElement).blur();
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('pulls focus back when its focused element is removed or focus reaches the page behind; Tab cycles inside', async () => {
    function Swap() {
      const [form, setForm] = useState(false);
      return (
        <>
          <button type="button">Behind</button>
          <Modal title="T" onClose={() => {}} t={t}>
            {form ? <input aria-label="New name" /> : <button type="button" onClick={() => setForm(true)}>Rename</button>}
          </Modal>
        </>
      );
    }
    render(<Swap />);
    const rename = screen.getByRole('button', { name: 'Rename' });
    rename.focus();
    fireEvent.click(rename);
    await tick();
    expect(document.activeElement).toBe(screen.getByLabelText('New name'));
    screen.getByRole('button', { name: 'Behind' }).focus();
    expect(screen.getByRole('dialog').contains(document.activeElement)).toBe(true);
    const close = screen.getByRole('button', { name: 'Close' });
    close.focus();
    fireEvent.keyDown(close, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(screen.getByLabelText('New name'));
  });

  it('gives focus back to the element that opened it', () => {
    const opener = document.createElement('button');
    document.body.append(opener);
    opener.focus();
    const { unmount } = render(<Modal title="T" onClose={() => {}} t={t}><input aria-label="X" /></Modal>);
    expect(document.activeElement).not.toBe(opener);
    unmount();
    expect(document.activeElement).toBe(opener);
    opener.remove();
  });
});

describe('TagsManager focus (issue 12)', () => {
  it('Rename focuses the field; Esc there cancels onto the Rename button; a rename lands on the new tag', async () => {
    const onRename = vi.fn();
    const { rerender } = render(<TagsManager tags={[['ml', 2], ['ai', 1]]} onRename={onRename} onClose={() => {}} t={t} />);
    fireEvent.click(screen.getByRole('button', { name: 'Rename #ai' }));
    await tick();
    const field = screen.getByLabelText('New name for ai');
    expect(document.activeElement).toBe(field);
    fireEvent.keyDown(field, { key: 'Escape' });
    await tick();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Rename #ai' }));
    fireEvent.click(screen.getByRole('button', { name: 'Rename #ml' }));
    await tick();
    fireEvent.input(screen.getByLabelText('New name for ml'), { target: { value: 'machine learning' } });
    fireEvent.submit(screen.getByLabelText('New name for ml').closest('form')!);
    expect(onRename).toHaveBeenCalledWith('ml', 'machine learning');
    rerender(<TagsManager tags={[['machine learning', 2], ['ai', 1]]} onRename={onRename} onClose={() => {}} t={t} />);
    await tick();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Rename #machine learning' }));
  });
});

describe('CollectionsSidebar focus (issue 12)', () => {
  const cols = [{ id: 'c1', name: 'Reading', count: 1, isInbox: false }];
  it('rename focuses the field, saving focuses the collection; delete focuses All captures', async () => {
    const onRename = vi.fn();
    const onDelete = vi.fn();
    render(<CollectionsSidebar collections={cols} total={3} current="c1" onSelect={() => {}} onCreate={() => {}} onRename={onRename} onDelete={onDelete} t={t} />);
    fireEvent.click(screen.getByRole('button', { name: 'Rename “Reading”' }));
    await tick();
    const field = document.getElementById('rename-collection')!;
    expect(document.activeElement).toBe(field);
    fireEvent.input(field, { target: { value: 'Later' } });
    fireEvent.submit(field.closest('form')!);
    await tick();
    expect(onRename).toHaveBeenCalledWith('c1', 'Later');
    expect((document.activeElement as HTMLElement).dataset.collectionId).toBe('c1');
    fireEvent.click(screen.getByRole('button', { name: 'Delete “Reading”' }));
    await tick();
    expect(onDelete).toHaveBeenCalledWith('c1');
    expect((document.activeElement as HTMLElement).dataset.collectionId).toBe('');
  });
});

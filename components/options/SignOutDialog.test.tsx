import { describe, it, expect, vi, afterEach } from 'vitest';
import { render, screen, fireEvent, cleanup, waitFor } from '@testing-library/preact';
import { SignOutDialog } from './SignOutDialog';
import { makeTranslate } from '../../lib/util/i18n';
import en from '../../public/_locales/en/messages.json';

const t = makeTranslate(null, en);
afterEach(cleanup);
const done = () => Promise.resolve({ ok: true as const, value: undefined });

describe('SignOutDialog', () => {
  it('keeps the library by default', async () => {
    const onConfirm = vi.fn(done);
    render(<SignOutDialog pending={3} captures={10} onConfirm={onConfirm} onClose={() => undefined} t={t} />);
    expect(screen.getByRole('dialog', { name: 'Sign out of this browser' })).toBeTruthy();
    expect((screen.getByRole('radio', { name: /Keep it here/ }) as HTMLInputElement).checked).toBe(true);
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(onConfirm).toHaveBeenCalledWith(false));
  });

  it('removing warns with the number of changes that would be lost, and says how many captures go', async () => {
    const onConfirm = vi.fn(done);
    render(<SignOutDialog pending={1234} captures={56} onConfirm={onConfirm} onClose={() => undefined} t={t} locale="en" />);
    fireEvent.click(screen.getByRole('radio', { name: /Remove it from this browser/ }));
    expect(screen.getByText(/Deletes the 56 captures/)).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toMatch(/^Warning: 1,234 changes have not reached the server yet\. They will be lost/);
    fireEvent.click(screen.getByRole('button', { name: 'Sign out and remove library' }));
    await waitFor(() => expect(onConfirm).toHaveBeenCalledWith(true));
  });

  it('one pending change reads in the singular; none pending says so', () => {
    const { rerender } = render(<SignOutDialog pending={1} captures={0} onConfirm={done} onClose={() => undefined} t={t} />);
    fireEvent.click(screen.getByRole('radio', { name: /Remove it/ }));
    expect(screen.getByRole('alert').textContent).toMatch(/^Warning: 1 change has not reached the server yet\. It will be lost/);
    rerender(<SignOutDialog pending={0} captures={0} onConfirm={done} onClose={() => undefined} t={t} />);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('Every change has reached the server.')).toBeTruthy();
  });

  it('shows a failure in words and stays open; Esc closes', async () => {
    const onClose = vi.fn();
    render(<SignOutDialog pending={0} captures={1} onConfirm={() => Promise.resolve({ ok: false, error: 'Can’t reach the server.' })} onClose={onClose} t={t} />);
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Can’t reach the server.');
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(onClose).toHaveBeenCalledOnce();
  });
});

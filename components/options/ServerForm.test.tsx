import { describe, it, expect, vi, afterEach } from 'vitest';
import { render, screen, fireEvent, cleanup } from '@testing-library/preact';
import { ServerForm } from './ServerForm';
import { makeTranslate } from '../../lib/util/i18n';
import en from '../../public/_locales/en/messages.json';

const t = makeTranslate(null, en);
afterEach(cleanup);

describe('ServerForm', () => {
  it('prefills the saved address and calls onConnect synchronously with the trimmed text', () => {
    const onConnect = vi.fn();
    render(<ServerForm initialUrl="https://old.example.org" onConnect={onConnect} busy={false} error={null} t={t} />);
    const input = screen.getByLabelText('Server address') as HTMLInputElement;
    expect(input.value).toBe('https://old.example.org');
    fireEvent.input(input, { target: { value: '  http://127.0.0.1:8787/ ' } });
    fireEvent.submit(input.closest('form')!);
    expect(onConnect).toHaveBeenCalledWith('http://127.0.0.1:8787/');
  });

  it('shows the error tied to the field, announces it and focuses the field', () => {
    render(<ServerForm initialUrl={null} onConnect={() => undefined} busy={false} error="Use an https:// address." t={t} />);
    const input = screen.getByLabelText('Server address');
    expect(screen.getByRole('alert').textContent).toBe('Use an https:// address.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe('server-help server-error');
    expect(document.activeElement).toBe(input);
  });

  it('does nothing while busy or empty', () => {
    const onConnect = vi.fn();
    const { rerender } = render(<ServerForm initialUrl="" onConnect={onConnect} busy={false} error={null} t={t} />);
    expect((screen.getByRole('button', { name: 'Connect' }) as HTMLButtonElement).disabled).toBe(true);
    rerender(<ServerForm initialUrl="https://a.example" onConnect={onConnect} busy={true} error={null} t={t} />);
    expect(screen.getByRole('button', { name: 'Checking…' }).getAttribute('aria-busy')).toBe('true');
    fireEvent.submit(screen.getByLabelText('Server address').closest('form')!);
    expect(onConnect).not.toHaveBeenCalled();
  });
});

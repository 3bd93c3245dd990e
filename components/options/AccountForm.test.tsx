import { describe, it, expect, vi, afterEach } from 'vitest';
import { render, screen, fireEvent, cleanup } from '@testing-library/preact';
import { AccountForm, validateAccount } from './AccountForm';
import { makeTranslate } from '../../lib/util/i18n';
import en from '../../public/_locales/en/messages.json';

const t = makeTranslate(null, en);
afterEach(cleanup);
const props = { serverUrl: 'https://satchel.example.org', defaultDeviceName: 'Chrome on Linux', onChangeServer: () => undefined, busy: false, error: null, t };
const type = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });

describe('AccountForm', () => {
  it('signs in with trimmed email and the default device name', () => {
    const onSubmit = vi.fn();
    render(<AccountForm {...props} onSubmit={onSubmit} />);
    expect(screen.getByText('Server: https://satchel.example.org')).toBeTruthy();
    expect(screen.queryByLabelText('Name')).toBeNull();
    type('Email', ' ada@example.org ');
    type('Password', 'x');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(onSubmit).toHaveBeenCalledWith('sign-in', { email: 'ada@example.org', password: 'x', displayName: '', deviceName: 'Chrome on Linux' });
  });

  it('create account: password of at least 8 and a name; the first wrong field gets focus', () => {
    const onSubmit = vi.fn();
    render(<AccountForm {...props} onSubmit={onSubmit} initialMode="create" />);
    type('Email', 'ada@example.org');
    type('Password', 'short');
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
    expect(onSubmit).not.toHaveBeenCalled();
    const pw = screen.getByLabelText('Password');
    expect(pw.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Use at least 8 characters.')).toBeTruthy();
    expect(screen.getByText('Enter the name your team will see.')).toBeTruthy();
    expect(document.activeElement).toBe(pw);
    type('Password', 'long enough');
    type('Name', ' Ada ');
    type('This device’s name', 'Work laptop');
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
    expect(onSubmit).toHaveBeenCalledWith('create', { email: 'ada@example.org', password: 'long enough', displayName: 'Ada', deviceName: 'Work laptop' });
  });

  it('tabs switch with arrow keys and keep one tab stop', () => {
    render(<AccountForm {...props} onSubmit={() => undefined} />);
    const signIn = screen.getByRole('tab', { name: 'Sign in' });
    const create = screen.getByRole('tab', { name: 'Create account' });
    expect(signIn.getAttribute('aria-selected')).toBe('true');
    expect(create.tabIndex).toBe(-1);
    fireEvent.keyDown(signIn, { key: 'ArrowRight' });
    expect(create.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(create);
    expect(screen.getByLabelText('Name')).toBeTruthy();
    fireEvent.keyDown(create, { key: 'Home' });
    expect(signIn.getAttribute('aria-selected')).toBe('true');
  });

  it('shows the server error as an alert and offers to change the server', () => {
    const onChangeServer = vi.fn();
    render(<AccountForm {...props} onSubmit={() => undefined} onChangeServer={onChangeServer} error="Wrong email or password. Check both and try again." />);
    expect(screen.getByRole('alert').textContent).toBe('Wrong email or password. Check both and try again.');
    fireEvent.click(screen.getByRole('button', { name: 'Change server' }));
    expect(onChangeServer).toHaveBeenCalledOnce();
  });

  it('validateAccount checks email shape and the device name', () => {
    expect(Object.keys(validateAccount('sign-in', { email: 'nope', password: 'p', displayName: '', deviceName: '' }, t)).sort()).toEqual(['deviceName', 'email']);
    expect(validateAccount('sign-in', { email: 'a@b.co', password: 'p', displayName: '', deviceName: 'd' }, t)).toEqual({});
  });
});

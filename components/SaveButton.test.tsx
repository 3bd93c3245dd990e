// @vitest-environment jsdom
import { describe, it, expect, vi, afterEach } from 'vitest';
import { render, screen, fireEvent, cleanup } from '@testing-library/preact';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SaveButton, type SaveButtonStatus } from './SaveButton';

const messages = JSON.parse(readFileSync(resolve(import.meta.dirname, '../public/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;
const t = (key: string, subs: string[] = []) => {
  const m = messages[key];
  if (!m) throw new Error(`missing message ${key}`);
  return m.message.replace(/\$[A-Z_]+\$/g, () => subs.shift() ?? '');
};

afterEach(cleanup);

describe('SaveButton', () => {
  it.each<[SaveButtonStatus, string]>([
    ['save', 'Save to Satchel'],
    ['saving', 'Saving to Satchel…'],
    ['saved', 'Saved in Satchel'],
    ['failed', 'Saving to Satchel failed, retry'],
  ])('is a real button named for screen readers in state %s', (status, name) => {
    render(<SaveButton status={status} onActivate={() => {}} t={t} />);
    const btn = screen.getByRole('button', { name });
    expect(btn.tagName).toBe('BUTTON');
    expect(btn.getAttribute('type')).toBe('button');
  });

  it('shows the failure reason as description and title', () => {
    render(<SaveButton status="failed" error="x: could not read the post's text" onActivate={() => {}} t={t} />);
    const btn = screen.getByRole('button');
    expect(btn.getAttribute('aria-description')).toBe("x: could not read the post's text");
    expect(btn.title).toContain("could not read the post's text");
  });

  it('reports a mouse click and a keyboard activation apart', () => {
    const onActivate = vi.fn();
    render(<SaveButton status="save" onActivate={onActivate} t={t} />);
    const btn = screen.getByRole('button');
    fireEvent.click(btn, { detail: 1 });
    fireEvent.click(btn, { detail: 0 }); // Enter/Space on a button fire click with detail 0
    expect(onActivate.mock.calls).toEqual([[false], [true]]);
  });

  it('is focusable and exposes busy and expanded states', () => {
    const { rerender } = render(<SaveButton status="saving" onActivate={() => {}} t={t} />);
    const btn = screen.getByRole('button');
    btn.focus();
    expect(document.activeElement).toBe(btn);
    expect(btn.getAttribute('aria-busy')).toBe('true');
    rerender(<SaveButton status="saved" expanded onActivate={() => {}} t={t} />);
    expect(btn.getAttribute('aria-expanded')).toBe('true');
    expect(btn.hasAttribute('aria-busy')).toBe(false);
  });

  it('announces a finished save, but not a state learnt on load', () => {
    const { rerender } = render(<SaveButton status="saved" onActivate={() => {}} t={t} />);
    expect(screen.getByRole('status').textContent).toBe('');
    rerender(<SaveButton status="save" onActivate={() => {}} t={t} />);
    rerender(<SaveButton status="saving" onActivate={() => {}} t={t} />);
    rerender(<SaveButton status="saved" onActivate={() => {}} t={t} />);
    expect(screen.getByRole('status').textContent).toBe('Saved in Satchel');
    rerender(<SaveButton status="failed" error="Storage is full" onActivate={() => {}} t={t} />);
    expect(screen.getByRole('status').textContent).toContain('Storage is full');
  });
});

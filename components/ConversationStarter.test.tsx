import { describe, it, expect, vi, afterEach } from 'vitest';
import { render, fireEvent, screen, waitFor } from '@testing-library/preact';
import axe from 'axe-core';
import { ConversationStarter } from './ConversationStarter';
import { makeTranslate } from '../lib/util/i18n';
import { absoluteTime } from '../lib/util/time';
import en from '../public/_locales/en/messages.json';

const t = makeTranslate(null, en);
const TEXT = 'Saved this for onboarding.\n\nHas anyone tried this? How did it go?\n\nhttps://x.com/a/status/1';

function clipboard(write: (s: string) => Promise<void>) {
  Object.defineProperty(navigator, 'clipboard', { value: { writeText: vi.fn(write) }, configurable: true });
  return navigator.clipboard.writeText as ReturnType<typeof vi.fn>;
}
afterEach(() => {
  Reflect.deleteProperty(navigator, 'clipboard');
});

describe('ConversationStarter (docs/discussion.md "Conversation starter")', () => {
  it('opens a dialog with the editable prompt, copies the edited text, says Copied and records the use', async () => {
    const write = clipboard(async () => {});
    const onCopied = vi.fn();
    render(<ConversationStarter text={TEXT} startedAt={null} onCopied={onCopied} t={t} locale="en-US" />);
    expect(screen.queryByTestId('starter-started')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Start a conversation' }));
    const box = screen.getByLabelText('Text to copy') as HTMLTextAreaElement;
    expect(box.value).toBe(TEXT);
    fireEvent.input(box, { target: { value: `${TEXT}\n\nWhat would you change?` } });
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Copied'));
    expect(write).toHaveBeenCalledWith(`${TEXT}\n\nWhat would you change?`);
    expect(onCopied).toHaveBeenCalledTimes(1);
  });

  it('says when copying failed and records nothing', async () => {
    clipboard(async () => {
      throw new Error('denied');
    });
    const onCopied = vi.fn();
    render(<ConversationStarter text={TEXT} startedAt={null} onCopied={onCopied} t={t} />);
    fireEvent.click(screen.getByRole('button', { name: 'Start a conversation' }));
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Could not copy'));
    expect(onCopied).not.toHaveBeenCalled();
  });

  it('shows when a conversation was started, with the library date format', () => {
    const at = Date.UTC(2026, 11, 3, 9, 30);
    render(<ConversationStarter text={TEXT} startedAt={at} onCopied={() => {}} t={t} locale="en-US" />);
    expect(screen.getByTestId('starter-started').textContent).toBe(`You started a conversation on ${absoluteTime(at, 'en-US')}.`);
  });

  it('axe: no serious or critical violations in the dialog', async () => {
    const { container } = render(<ConversationStarter text={TEXT} startedAt={Date.now()} onCopied={() => {}} t={t} />);
    fireEvent.click(screen.getByRole('button', { name: 'Start a conversation' }));
    const r = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  }, 30_000);
});

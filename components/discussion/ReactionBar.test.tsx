import { describe, it, expect, vi, afterEach } from 'vitest';
import { render, fireEvent, cleanup, screen, waitFor } from '@testing-library/preact';
import { makeTranslate } from '../../lib/util/i18n';
import en from '../../public/_locales/en/messages.json';
import { ReactionBar } from './ReactionBar';
import { indexMembers } from './members';
import { reactions, MEMBERS } from './testing';

const t = makeTranslate(null, en);
afterEach(cleanup);
const names = indexMembers(MEMBERS);
const target = { kind: 'comment' as const, id: 'c1' };

describe('ReactionBar', () => {
  it('three toggle buttons in order with counts and aria-pressed; a tap sets or clears my reaction', async () => {
    const onReact = vi.fn(async () => {});
    render(<ReactionBar target={target} reactions={reactions({ useful: ['u-ana'], thanks: ['u-ana', 'u-ben'] }, 'u-ben')} names={names} canReact onReact={onReact} label="Reactions" t={t} />);
    const buttons = screen.getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual(['Useful1', 'Tried it0', 'Thanks2']);
    expect(buttons.map((b) => b.getAttribute('aria-pressed'))).toEqual(['false', 'false', 'true']);
    fireEvent.click(buttons[0]!);
    await waitFor(() => expect(onReact).toHaveBeenCalledWith(target, 'useful', true));
    fireEvent.click(buttons[2]!);
    await waitFor(() => expect(onReact).toHaveBeenCalledWith(target, 'thanks', false));
  });

  it('who reacted: a tooltip referenced by aria-describedby, shown on keyboard focus and on hover, hidden on blur and Escape', () => {
    render(<ReactionBar target={target} reactions={reactions({ thanks: ['u-ana', 'u-gone'] })} names={names} canReact onReact={async () => {}} label="Reactions" t={t} />);
    const thanks = screen.getByRole('button', { name: /Thanks/ });
    const tip = document.getElementById(thanks.getAttribute('aria-describedby')!)!;
    expect(tip.getAttribute('role')).toBe('tooltip');
    expect(tip.textContent).toBe('Reacted: Ana Souza, A former member');
    expect(tip.hidden).toBe(true);
    fireEvent.focus(thanks);
    expect(tip.hidden).toBe(false);
    fireEvent.keyDown(thanks, { key: 'Escape' });
    expect(tip.hidden).toBe(true);
    fireEvent.blur(thanks);
    const tried = screen.getByRole('button', { name: /Tried it/ });
    fireEvent.mouseEnter(tried);
    const tip2 = document.getElementById(tried.getAttribute('aria-describedby')!)!;
    expect(tip2.hidden).toBe(false);
    expect(tip2.textContent).toBe('No reactions yet');
    fireEvent.mouseLeave(tried);
    expect(tip2.hidden).toBe(true);
  });

  it('read only (signed out): buttons stay focusable for the tooltip but do not write; a failed write is shown', async () => {
    const onReact = vi.fn(async () => {
      throw new Error('That comment was deleted.');
    });
    const { rerender } = render(<ReactionBar target={target} reactions={reactions()} names={names} canReact={false} onReact={onReact} label="Reactions" t={t} />);
    fireEvent.click(screen.getByRole('button', { name: /Useful/ }));
    expect(onReact).not.toHaveBeenCalled();
    rerender(<ReactionBar target={target} reactions={reactions()} names={names} canReact onReact={onReact} label="Reactions" t={t} />);
    fireEvent.click(screen.getByRole('button', { name: /Useful/ }));
    expect((await screen.findByRole('alert')).textContent).toBe('That comment was deleted.');
  });
});

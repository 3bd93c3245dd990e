import { describe, it, expect, vi, afterEach } from 'vitest';
import { render, screen, fireEvent, cleanup } from '@testing-library/preact';
import { WelcomeView, type WelcomeViewProps } from './WelcomeView';
import { makeTranslate } from '../../lib/util/i18n';
import en from '../../public/_locales/en/messages.json';

const t = makeTranslate(null, en);
afterEach(cleanup);
const props = (over: Partial<WelcomeViewProps> = {}): WelcomeViewProps => ({
  t, shortcut: 'Alt+Shift+S', family: 'chrome', onOpenShortcuts: vi.fn(), onSignIn: vi.fn(), onOffline: vi.fn(), ...over,
});

describe('WelcomeView (first run, issue 12)', () => {
  it('shows the Save control on each of the three sites, with a caption in words', () => {
    render(<WelcomeView {...props()} />);
    for (const site of ['linkedin', 'x', 'yammer']) {
      const fig = screen.getByTestId(`site-demo-${site}`);
      expect(fig.querySelector('figcaption')!.textContent).toMatch(/Save/);
      // The drawing is decorative: the caption carries the meaning.
      expect(fig.querySelector('.site-demo__post')!.getAttribute('aria-hidden')).toBe('true');
      expect(fig.querySelector('.site-demo__save')!.textContent).toBe('Save');
    }
    expect(document.querySelectorAll('img').length).toBe(0); // no remote images
  });

  it('shows the real shortcut and opens the shortcut settings on Chrome', () => {
    const p = props();
    render(<WelcomeView {...p} />);
    expect(screen.getByTestId('welcome-shortcut').textContent).toBe('Press Alt+Shift+S to save the post in view, or the page (any site) when there is no post.');
    fireEvent.click(screen.getByRole('button', { name: 'Change keyboard shortcuts' }));
    expect(p.onOpenShortcuts).toHaveBeenCalledOnce();
  });

  it('says where the shortcut settings are on Firefox, and when no key is set', () => {
    render(<WelcomeView {...props({ family: 'firefox', shortcut: '' })} />);
    expect(screen.queryByRole('button', { name: 'Change keyboard shortcuts' })).toBeNull();
    expect(document.body.textContent).toContain('about:addons → ⚙ → Manage Extension Shortcuts');
    expect(screen.getByTestId('welcome-shortcut').textContent).toContain('No key is set');
  });

  it('offers sign in and use it offline', () => {
    const p = props();
    render(<WelcomeView {...p} />);
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(p.onSignIn).toHaveBeenCalledOnce();
    fireEvent.click(screen.getByRole('button', { name: 'Use it offline' }));
    expect(p.onOffline).toHaveBeenCalledOnce();
  });
});

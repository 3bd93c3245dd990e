import { describe, it, expect, afterEach } from 'vitest';
import { render, cleanup, screen } from '@testing-library/preact';
import { ScopeNav } from './ScopeNav';
import { makeTranslate } from '../lib/util/i18n';
import en from '../public/_locales/en/messages.json';

const t = makeTranslate(null, en);
afterEach(cleanup);

describe('ScopeNav', () => {
  it('lists my library and the teams, marking the current one', () => {
    render(<ScopeNav scopes={[{ scopeId: 'personal:local', name: 'My library', href: 'library.html' }, { scopeId: 'team:a', name: 'Cohort A', href: 'library.html?scope=team%3Aa' }]} current="team:a" t={t} />);
    const nav = screen.getByRole('navigation', { name: 'Libraries' });
    expect(nav.querySelectorAll('a')).toHaveLength(2);
    expect(screen.getByRole('link', { name: 'Cohort A' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('link', { name: 'My library' }).getAttribute('aria-current')).toBeNull();
  });
  it('renders nothing without teams', () => {
    const { container } = render(<ScopeNav scopes={[{ scopeId: 'personal:local', name: 'My library', href: 'library.html' }]} current="personal:local" t={t} />);
    expect(container.innerHTML).toBe('');
  });
  it('links What\'s new with its unread count, and the current team\'s members', () => {
    render(
      <ScopeNav
        scopes={[{ scopeId: 'personal:local', name: 'My library', href: 'library.html' }, { scopeId: 'team:a', name: 'Cohort A', href: 'library.html?scope=team%3Aa' }]}
        current="whats-new"
        whatsNew={{ href: '/library.html?view=whats-new', unread: 3 }}
        members={[{ name: '<b>Ana</b>', href: '/library.html?scope=team%3Aa&member=u1' }]}
        t={t}
      />,
    );
    const link = screen.getByTestId('scope-nav-whats-new');
    expect(link.textContent).toBe("What's new (3 unread)");
    expect(link.getAttribute('aria-current')).toBe('page');
    const member = screen.getByRole('link', { name: '<b>Ana</b>' });
    expect(member.getAttribute('href')).toBe('/library.html?scope=team%3Aa&member=u1');
    expect(member.querySelector('b')).toBeNull();
  });
});

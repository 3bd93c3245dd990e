import { describe, it, expect, afterEach } from 'vitest';
import { render, cleanup, screen } from '@testing-library/preact';
import { TeamFeed } from './TeamFeed';
import { makeTranslate } from '../lib/util/i18n';
import { makeCapture } from '../lib/db/testing';
import en from '../public/_locales/en/messages.json';

const t = makeTranslate(null, en);
afterEach(cleanup);

describe('TeamFeed', () => {
  it('shows who shared each capture, where, why, and links only http(s) permalinks', () => {
    const ok = makeCapture({ text: 'Pair on the hard bits', note: 'Read before Friday', scopeId: 'team:a' });
    const bad = makeCapture({ postId: '2', text: '<img src=x onerror=alert(1)>', permalink: 'https://x.com/a/status/2', note: null, scopeId: 'team:a' });
    render(<TeamFeed items={[{ capture: ok, teamName: 'Cohort A', sharedBy: 'Ana' }, { capture: { ...bad, permalink: 'javascript:alert(1)' as never }, teamName: 'Cohort A', sharedBy: null }]} t={t} />);
    const items = screen.getAllByTestId('team-item');
    expect(items[0]!.textContent).toContain('Ana shared in Cohort A');
    expect(items[0]!.textContent).toContain('Read before Friday');
    expect(items[0]!.querySelector('a')?.getAttribute('href')).toBe(ok.permalink);
    expect(items[1]!.textContent).toContain('Shared in Cohort A');
    expect(items[1]!.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(items[1]!.querySelector('img, a')).toBeNull();
  });

  it('renders nothing without items', () => {
    const { container } = render(<TeamFeed items={[]} t={t} />);
    expect(container.innerHTML).toBe('');
  });
});

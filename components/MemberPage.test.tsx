import { describe, it, expect, afterEach } from 'vitest';
import { render, cleanup, screen } from '@testing-library/preact';
import { MemberPage } from './MemberPage';
import { makeTranslate } from '../lib/util/i18n';
import { makeCapture } from '../lib/db/testing';
import type { MemberActivityView as MemberActivity } from './team-views';
import en from '../public/_locales/en/messages.json';

const t = makeTranslate(null, en);
afterEach(cleanup);
const NOW = Date.UTC(2026, 11, 7, 9);
const XSS = '<img src=x onerror=alert(1)>';

describe('MemberPage', () => {
  const counts = (useful: number, tried: number, thanks: number) => ({ useful, tried, thanks });
  const member = { userId: 'u-ana', displayName: 'Ana', role: 'editor' as const, joinedAt: NOW - 86_400_000, spotlight: true };
  const capture = makeCapture({ id: '01900000-0000-7000-8000-0000000000c1', scopeId: 'team:a', text: XSS, note: 'Worth it' });

  it('lists what they shared, their answers and the reactions those got', () => {
    const activity: MemberActivity = {
      member,
      shared: [{ capture, reactions: counts(2, 1, 0), comments: 3 }],
      answers: [{ capture, comment: { id: 'm1', body: 'Try pairing', createdAt: NOW }, reactions: counts(0, 0, 4) }],
      totals: counts(2, 1, 4),
    };
    render(<MemberPage activity={activity} teamName="Cohort" captureHref={(id) => `/library.html?open=${id}`} backHref="/library.html" t={t} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Ana in Cohort');
    expect(screen.getByTestId('member-totals').textContent).toContain('2 Useful · 1 Tried it · 4 Thanks');
    const shared = screen.getByTestId('member-shared-item');
    expect(shared.textContent).toContain(XSS);
    expect(shared.querySelector('img')).toBeNull();
    expect(shared.textContent).toContain('3 comments');
    expect(screen.getByTestId('member-answer-item').textContent).toContain('Try pairing');
  });

  it('reads the join time relative to now when recent (one date formatter, issue 12), absolute without now', () => {
    const activity: MemberActivity = { member, shared: [], answers: [], totals: counts(0, 0, 0) };
    const { unmount } = render(<MemberPage activity={activity} teamName="Cohort" captureHref={() => ''} backHref="/library.html" now={NOW} t={t} locale="en-US" />);
    expect(screen.getByText(/^Joined /).textContent).toMatch(/^Joined yesterday ·/);
    unmount();
    render(<MemberPage activity={activity} teamName="Cohort" captureHref={() => ''} backHref="/library.html" t={t} locale="en-US" />);
    expect(screen.getByText(/^Joined /).textContent).toMatch(/^Joined Dec 6, 2026/);
  });

  it('shows no page for a member who opted out of spotlights', () => {
    render(<MemberPage activity={{ member: { ...member, spotlight: false }, shared: [{ capture, reactions: counts(1, 0, 0), comments: 0 }], answers: [], totals: counts(1, 0, 0) }} teamName="Cohort" captureHref={() => ''} backHref="/library.html" t={t} />);
    expect(screen.getByTestId('member-hidden').textContent).toBe('This member prefers not to be spotlighted.');
    expect(screen.queryByText(/Ana/)).toBeNull();
    expect(screen.queryByTestId('member-shared-item')).toBeNull();
  });
});

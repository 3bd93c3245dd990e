import { describe, it, expect, afterEach, vi } from 'vitest';
import { render, cleanup, screen, fireEvent, within } from '@testing-library/preact';
import { WhatsNew, type WhatsNewEntry } from './WhatsNew';
import { makeTranslate } from '../lib/util/i18n';
import en from '../public/_locales/en/messages.json';

const t = makeTranslate(null, en);
afterEach(cleanup);
const NOW = Date.UTC(2026, 11, 7, 9);
const XSS = '<img src=x onerror=alert(1)>';

function entry(kind: WhatsNewEntry['item']['kind'], n: number, over: Partial<WhatsNewEntry> = {}, item: Partial<WhatsNewEntry['item']> = {}): WhatsNewEntry {
  return {
    item: { id: `${kind}:${n}`, kind, scopeId: 'team:a', captureId: `c${n}`, commentId: kind === 'capture' ? null : `m${n}`, actorUserId: 'u-ana', at: NOW - n * 60_000, unread: true, muted: false, ...item },
    actorName: 'Ana', memberHref: '/library.html?scope=team%3Aa&member=u-ana', teamName: 'Cohort', captureText: `capture ${n}`, commentText: kind === 'capture' ? null : `comment ${n}`, href: `/library.html?scope=team%3Aa&open=c${n}`,
    ...over,
  };
}

describe('WhatsNew', () => {
  it('groups by kind, marks unread, links the capture and the actor, and renders text as text', () => {
    const onOpen = vi.fn();
    const entries = [entry('capture', 1), entry('mention', 2, { captureText: XSS, commentText: XSS, actorName: XSS }), entry('reply', 3, {}, { unread: false }), entry('comment', 4, { actorName: null, memberHref: null })];
    render(<WhatsNew entries={entries} teams={[{ scopeId: 'team:a', name: 'Cohort', muted: false }]} unread={3} mutedUnread={0} now={NOW} t={t} onOpen={onOpen} onMarkAllRead={() => {}} onMute={() => {}} />);
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Mentions of you', 'Replies to your comments', 'Comments on what you shared', 'New in your teams']);
    expect(screen.getByTestId('whats-new-count').textContent).toBe('3 unread');
    const items = screen.getAllByTestId('whats-new-item');
    expect(items.map((i) => i.dataset.unread)).toEqual(['true', 'false', 'true', 'true']);
    expect(items[0]!.textContent).toContain(`${XSS} mentioned you in Cohort`);
    expect(items[0]!.querySelector('img')).toBeNull();
    expect(items[2]!.textContent).toContain('A team member commented on what you shared in Cohort');
    expect(within(items[3]!).getByRole('link', { name: 'Ana' }).getAttribute('href')).toBe('/library.html?scope=team%3Aa&member=u-ana');
    fireEvent.click(within(items[3]!).getByTestId('whats-new-open'));
    expect(onOpen).toHaveBeenCalledWith(entries[0]);
  });

  it('lists muted teams apart, toggles mute and marks all read', () => {
    const onMute = vi.fn();
    const onMarkAllRead = vi.fn();
    render(<WhatsNew entries={[entry('capture', 1, { teamName: 'Readers' }, { scopeId: 'team:b', muted: true })]} teams={[{ scopeId: 'team:a', name: 'Cohort', muted: false }, { scopeId: 'team:b', name: 'Readers', muted: true }]} unread={0} mutedUnread={1} now={NOW} t={t} onOpen={() => {}} onMarkAllRead={onMarkAllRead} onMute={onMute} />);
    expect(screen.getByTestId('whats-new-empty').textContent).toBe('Nothing new in your teams.');
    expect(screen.getByTestId('whats-new-muted').textContent).toContain('1 unread, not counted on the toolbar icon.');
    fireEvent.click(screen.getByLabelText('Mute Cohort'));
    expect(onMute).toHaveBeenCalledWith('team:a', true);
    fireEvent.click(screen.getByLabelText('Mute Readers'));
    expect(onMute).toHaveBeenLastCalledWith('team:b', false);
    fireEvent.click(screen.getByTestId('whats-new-mark-all'));
    expect(onMarkAllRead).toHaveBeenCalled();
  });
});

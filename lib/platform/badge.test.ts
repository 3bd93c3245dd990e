import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { badgeText, flashBadge, showUnreadBadge, BADGE_COLOR } from './badge';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('lib/platform/badge', () => {
  it('badgeText: empty for 0, the number, 99+ above 99', () => {
    expect([0, -1, Number.NaN, 1, 42, 99, 100, 5000].map(badgeText)).toEqual(['', '', '', '1', '42', '99', '99+', '99+']);
  });

  it('showUnreadBadge sets the global text and colour, and never rejects', async () => {
    const text = vi.fn().mockResolvedValue(undefined);
    const color = vi.fn().mockResolvedValue(undefined);
    fakeBrowser.action.setBadgeText = text as never;
    fakeBrowser.action.setBadgeBackgroundColor = color as never;
    await showUnreadBadge(7);
    expect(text).toHaveBeenCalledWith({ text: '7' });
    expect(color).toHaveBeenCalledWith({ color: BADGE_COLOR });
    await showUnreadBadge(0);
    expect(text).toHaveBeenLastCalledWith({ text: '' });
    fakeBrowser.action.setBadgeText = vi.fn().mockRejectedValue(new Error('no action')) as never;
    await expect(showUnreadBadge(3)).resolves.toBeUndefined();
  });

  it('flashBadge shows its text on one tab, then gives the tab back the global count', async () => {
    vi.useFakeTimers();
    const text = vi.fn().mockResolvedValue(undefined);
    fakeBrowser.action.setBadgeText = text as never;
    await flashBadge(12, '✓', 2000);
    expect(text).toHaveBeenCalledWith({ tabId: 12, text: '✓' });
    vi.advanceTimersByTime(2000);
    expect(text).toHaveBeenLastCalledWith({ tabId: 12, text: null });
    expect(text).not.toHaveBeenCalledWith({ text: expect.anything() }); // the global count is left alone
  });
});

import { describe, expect, it } from 'vitest';
import { libraryPage, openParam } from '../entrypoints/library/team-pages';
import { captureHref, memberHref, WHATS_NEW_HREF } from '../entrypoints/library/whats-new-data';

describe('library team pages by URL', () => {
  it('reads the page and the capture to open; links round-trip', () => {
    expect(libraryPage(new URL(WHATS_NEW_HREF, 'chrome-extension://x').search)).toEqual({ kind: 'whats-new' });
    expect(libraryPage(new URL(memberHref('team:a_1', 'user 7&x'), 'chrome-extension://x').search)).toEqual({ kind: 'member', userId: 'user 7&x' });
    expect(libraryPage('?scope=team%3Aa')).toBeNull();
    const id = '01900000-0000-7000-8000-0000000000c1';
    const url = new URL(captureHref('team:a', id), 'chrome-extension://x');
    expect(url.searchParams.get('scope')).toBe('team:a');
    expect(openParam(url.search)).toBe(id);
    expect(openParam('?open=javascript:alert(1)')).toBeNull();
  });
});

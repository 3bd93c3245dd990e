import { describe, it, expect } from 'vitest';
import { formatReportHeader, pageKindOf, parseReportHeader } from './header';

describe('report header', () => {
  it('round-trips, and is a valid comment even with -- in a value', () => {
    const h = { site: 'x', pageUrl: 'https://x.com/user_a/status/1734257275171939825', pageKind: 'status-page', capturedAt: '2026-11-30' };
    expect(parseReportHeader(`${formatReportHeader(h)}\n<article></article>`)).toEqual(h);
    const odd = formatReportHeader({ ...h, pageUrl: 'https://x.com/a--b' });
    expect(odd.slice(4, -3)).not.toContain('--');
  });

  it('is null for a file that is not a Satchel report', () => {
    expect(parseReportHeader('<!-- hello -->\n<p></p>')).toBeNull();
    expect(parseReportHeader('<p><!-- Satchel report: anonymised by Satchel --></p>')).toBeNull();
  });

  it.each([
    ['x', 'https://x.com/home', 'timeline'],
    ['x', 'https://x.com/jack/status/20', 'status-page'],
    ['x', 'https://x.com/jack', 'profile'],
    ['x', 'https://x.com/jack/with_replies', 'profile'],
    ['linkedin', 'https://www.linkedin.com/feed/', 'feed'],
    ['linkedin', 'https://www.linkedin.com/feed/update/urn:li:activity:1/', 'post-page'],
    ['linkedin', 'https://www.linkedin.com/in/jane/recent-activity/comments/', 'activity-comments'],
    ['yammer', 'https://engage.cloud.microsoft/main/org/contoso.com/threads/eyJ', 'thread-page'],
    ['yammer', 'https://web.yammer.com/main/groups/eyJ/all', 'community-feed'],
    ['yammer', 'https://engage.cloud.microsoft/main/feed', 'home-feed'],
    ['yammer', 'not a url', 'page'],
  ])('page kind of %s %s is %s', (site, url, kind) => {
    expect(pageKindOf(site, url)).toBe(kind);
  });
});

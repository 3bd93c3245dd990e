import { describe, it, expect } from 'vitest';
import { matchesPattern, siteOfUrl } from './site-of-url';

describe('siteOfUrl (which tabs get "Report this page")', () => {
  it.each([
    ['https://x.com/home', 'x'],
    ['https://mobile.twitter.com/jack/status/20', 'x'],
    ['https://www.linkedin.com/feed/', 'linkedin'],
    ['https://engage.cloud.microsoft/main/feed', 'yammer'],
    ['https://contoso.engage.cloud.microsoft/main/feed', 'yammer'],
    ['https://web.yammer.com/main/groups/x', 'yammer'],
    ['http://x.com/home', null],
    ['https://example.com/', null],
    ['https://evilengage.cloud.microsoft/', null],
    ['chrome://extensions', null],
    [undefined, null],
  ])('%s → %s', (url, site) => {
    expect(siteOfUrl(url)).toBe(site);
  });

  it('matches paths by glob', () => {
    expect(matchesPattern('https://a.com/main/*', 'https://a.com/main/x?y=1')).toBe(true);
    expect(matchesPattern('https://a.com/main/*', 'https://a.com/other')).toBe(false);
    expect(matchesPattern('*://a.com/*', 'http://a.com/')).toBe(true);
    expect(matchesPattern('not a pattern', 'https://a.com/')).toBe(false);
  });
});

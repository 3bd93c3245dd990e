import { describe, it, expect } from 'vitest';
import { statusIdToIso, parseStatusUrl, statusPermalink, isStatusId } from './ids';

describe('statusIdToIso (snowflake → time, docs/sites/README.md §0 rule 4)', () => {
  // Each id/datetime pair is taken from a fixture: the id in the permalink, the time from time[datetime].
  it.each([
    ['1734248650227779110', '2023-12-11T16:27:53', 'x-2023-12_thread_cell-1-of-3_plain-text'],
    ['1734248653921333595', '2023-12-11T16:27:54', 'x-2023-12_thread_cell-2-of-3_plain-text'],
    ['1694469132154857454', '2023-08-23T21:58:17', 'x-2023-10_timeline_reposted-by-you_show-more_…'],
    ['1706099190242647642', '2023-09-25T00:11:59', 'x-2023-12_conversation_cell-1_parent'],
    ['1740834000149594564', '2023-12-29T20:35:43', 'x-2024-01_timeline_brand_link-card-carousel_6-images'],
    ['1981398750557065646', '2025-10-23T16:34:09', 'x-2025-10_status-page-focal_link-card__tweetyoink'],
    ['1983130065320780162', '2025-10-28T11:13:47', 'x-2025-10_timeline_quote_quoted-has-image__tweetyoink'],
    ['1983129251856470493', '2025-10-28T11:10:33', 'quoted id from the /photo/1 link of the same fixture'],
  ])('%s decodes to %s (%s)', (id, isoSecond) => {
    // time[datetime] has whole seconds; the id has milliseconds.
    expect(statusIdToIso(id)!.slice(0, 19)).toBe(isoSecond);
  });

  it.each([
    ['the first snowflake id', '29700859247', '2010-11-04T01:43:01.738Z'],
    ['max uint64', '18446744073709551615', new Date(Number((18446744073709551615n >> 22n) + 1288834974657n)).toISOString()],
  ])('%s', (_what, id, iso) => {
    expect(statusIdToIso(id)).toBe(iso);
  });

  it.each([
    ['pre-snowflake sequence id (jack\'s first tweet)', '20'],
    ['empty', ''],
    ['not digits', '12ab'],
    ['negative', '-1734248650227779110'],
    ['21 digits', '123456789012345678901'],
    ['above uint64', '99999999999999999999'],
  ])('returns null for %s', (_what, id) => {
    expect(statusIdToIso(id)).toBeNull();
  });
});

describe('parseStatusUrl', () => {
  it.each([
    ['/test_account_a/status/1734248650227779110', { handle: 'test_account_a', id: '1734248650227779110' }],
    ['/OriginalAuthor/status/1983129251856470493/photo/1', { handle: 'OriginalAuthor', id: '1983129251856470493' }],
    ['/person_c/status/1694469132154857454/analytics', { handle: 'person_c', id: '1694469132154857454' }],
    ['https://x.com/TestUser123/status/1981398750557065646', { handle: 'TestUser123', id: '1981398750557065646' }],
    ['https://twitter.com/a/status/1?s=20', { handle: 'a', id: '1' }],
    ['https://mobile.twitter.com/a/statuses/123#m', { handle: 'a', id: '123' }],
    ['https://x.com/i/web/status/1734248650227779110', { handle: null, id: '1734248650227779110' }],
    ['/i/status/42', { handle: null, id: '42' }],
  ])('%s', (href, want) => {
    expect(parseStatusUrl(href)).toEqual(want);
  });

  it.each([
    '/test_account_a',
    '/hashtag/status',
    '/search/status/1',
    '/i/broadcasts/1OwGWwYEoyDGQ',
    'https://example.com/a/status/1',
    'https://t.co/xYHSw5Tm00',
    '/a/status/',
    'not a url',
  ])('%s is not a status URL', (href) => {
    expect(parseStatusUrl(href)).toBeNull();
  });
});

describe('statusPermalink / isStatusId', () => {
  it('builds absolute x.com permalinks', () => {
    expect(statusPermalink('person_c', '1694469132154857454')).toBe('https://x.com/person_c/status/1694469132154857454');
    expect(statusPermalink(null, '1')).toBe('https://x.com/i/web/status/1');
  });
  it('accepts decimal ids only', () => {
    expect(isStatusId('1734248650227779110')).toBe(true);
    expect(isStatusId('17342486502277791a0')).toBe(false);
  });
});

import { describe, it, expect } from 'vitest';
import {
  activityIdToIso,
  allPostUrns,
  cleanProfileUrl,
  decodeRedirect,
  handleOf,
  hashtagOf,
  normaliseComponentKey,
  parsePostUrn,
  permalinkFor,
  postedAtFromUrn,
  preferActivity,
  profileRef,
  urnFromComponentKey,
  urnFromPostUrl,
  urnFromTrackingScope,
} from './ids';

const NOW = Date.UTC(2026, 11, 1);

describe('activityIdToIso (SITE-DOM.md §0 rule 4: ms = id >> 22)', () => {
  it.each([
    // the three logged-in fixtures (index.json created_at_from_id)
    ['7242285086220451164', '2024-09-18T21:35:19.705Z'],
    ['7366738224133115565', '2025-08-28T07:47:40.010Z'],
    ['7486042476307682086', '2026-07-23T13:00:10.295Z'],
    // synthetic fixtures
    ['7532483978747631239', '2026-11-28T16:42:07.318Z'],
    ['7196074902997961347', '2024-05-14T09:12:33.481Z'],
  ])('%s → %s', (id, iso) => {
    expect(activityIdToIso(id, NOW)).toBe(iso);
  });

  it.each([
    ['', 'empty'],
    ['abc', 'not digits'],
    ['-7366738224133115565', 'negative'],
    ['12345', 'decodes to 1970'],
    ['99999999999999999999', 'decodes far in the future'],
  ])('%s → null (%s)', (id) => {
    expect(activityIdToIso(id, NOW)).toBeNull();
  });

  it('keeps precision beyond 2^53 (BigInt): ids differing only in the low 22 bits give the same ms', () => {
    const cleared = ((BigInt('7366738224133115565') >> 22n) << 22n).toString();
    expect(cleared).not.toBe('7366738224133115565');
    expect(activityIdToIso(cleared, NOW)).toBe('2025-08-28T07:47:40.010Z');
    // Number() would round a 19-digit id before shifting; BigInt keeps every bit
    expect(Number('7366738224133115565') === Number('7366738224133115566')).toBe(true);
    expect(activityIdToIso('7366738224133115566', NOW)).toBe('2025-08-28T07:47:40.010Z');
  });

  it('postedAtFromUrn decodes activity URNs only', () => {
    expect(postedAtFromUrn(parsePostUrn('urn:li:activity:7366738224133115565'), NOW)).toBe('2025-08-28T07:47:40.010Z');
    expect(postedAtFromUrn(parsePostUrn('urn:li:ugcPost:7366738224133115565'), NOW)).toBeNull();
    expect(postedAtFromUrn(null, NOW)).toBeNull();
  });
});

describe('URN parsing', () => {
  it.each([
    ['urn:li:activity:7366738224133115565', 'urn:li:activity:7366738224133115565'],
    ['urn:li:ugcPost:7241680825533831541', 'urn:li:ugcPost:7241680825533831541'],
    ['urn:li:share:7241680825533831541', 'urn:li:share:7241680825533831541'],
    ['urn%3Ali%3Aactivity%3A7241680825533831541', 'urn:li:activity:7241680825533831541'],
    ['prefix urn:li:activity:7241680825533831541 suffix', 'urn:li:activity:7241680825533831541'],
    ['urn:li:aggregate:(urn:li:activity:1,2)', null],
    ['urn:li:fsd_profile:ACoAAPLACEHOLDER', null],
    ['', null],
  ])('parsePostUrn(%s) → %s', (s, urn) => {
    expect(parsePostUrn(s)?.urn ?? null).toBe(urn);
  });

  it('allPostUrns lists every URN once, in order', () => {
    expect(allPostUrns('a urn:li:share:1234567 b urn:li:activity:7654321 c urn:li:share:1234567').map((u) => u.urn)).toEqual([
      'urn:li:share:1234567',
      'urn:li:activity:7654321',
    ]);
  });

  it('preferActivity: first activity URN wins, else the first share/ugcPost', () => {
    const share = parsePostUrn('urn:li:share:1234567');
    const act = parsePostUrn('urn:li:activity:7654321');
    expect(preferActivity([null, share, act])?.urn).toBe('urn:li:activity:7654321');
    expect(preferActivity([share, null])?.urn).toBe('urn:li:share:1234567');
    expect(preferActivity([null, undefined])).toBeNull();
  });

  it('permalinkFor builds the /feed/update/ URL', () => {
    expect(permalinkFor('urn:li:activity:7366738224133115565')).toBe('https://www.linkedin.com/feed/update/urn:li:activity:7366738224133115565/');
  });
});

describe('urnFromPostUrl', () => {
  it.each([
    ['https://www.linkedin.com/feed/update/urn:li:activity:7366738224133115565/', 'urn:li:activity:7366738224133115565'],
    ['/feed/update/urn:li:ugcPost:7241680825533831541?commentUrn=x', 'urn:li:ugcPost:7241680825533831541'],
    ['https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A7366738224133115565/', 'urn:li:activity:7366738224133115565'],
    ['https://www.linkedin.com/posts/member-p_phd-opportunity-activity-7196074902997961347-Ph7D', 'urn:li:activity:7196074902997961347'],
    ['https://www.linkedin.com/posts/example-labs_opensource-featureflags-activity-7531722246386768896-Xy7Q?utm_source=share', 'urn:li:activity:7531722246386768896'],
    ['https://www.linkedin.com/posts/member-a_slug-ugcPost-7241680825533831541-AbCd/', 'urn:li:ugcPost:7241680825533831541'],
    // names another post: never this post's id (SITE-DOM.md §2.1)
    ['https://www.linkedin.com/feed/hashtag/?keywords=web&highlightedUpdateUrns=urn%3Ali%3Aactivity%3A7241680825533831541', null],
    ['https://www.linkedin.com/in/member-a?miniProfileUrn=urn%3Ali%3Afsd_profile%3AX', null],
    ['https://www.linkedin.com/feed/', null],
    [null, null],
  ])('%s → %s', (href, urn) => {
    expect(urnFromPostUrl(href)?.urn ?? null).toBe(urn);
  });
});

describe('tracking scope and componentkey', () => {
  it('reads breadcrumb.updateUrn (2025-08 fixture shape)', () => {
    const json = JSON.stringify([
      { topicName: 'FeedUpdateServedEvent', breadcrumb: { updateUrn: 'urn:li:activity:7366738224133115565', moduleKey: 'home-feed:desktop' } },
    ]);
    expect(urnFromTrackingScope(json)?.urn).toBe('urn:li:activity:7366738224133115565');
  });
  it.each([['not json'], ['[]'], ['[{"breadcrumb":{}}]'], [null]])('%s → null', (json) => {
    expect(urnFromTrackingScope(json)).toBeNull();
  });
  it('reads the activity URN of an SDUI comment key (SITE-DOM.md §2.2 option 1)', () => {
    expect(urnFromComponentKey('replaceableComment_urn:li:comment:(urn:li:activity:7533047717065960019,7533062258688000011)')?.urn).toBe(
      'urn:li:activity:7533047717065960019',
    );
    expect(urnFromComponentKey('expandedQ2hDRzR4bUVyT0lRa1FiR3c9PQFeedType_MAIN_FEED_RELEVANCE')).toBeNull();
  });
  it.each([
    ['Q2hDRzR4bUVyT0lRa1FiR3c9PQFeedType_MAIN_FEED_RELEVANCE', 'Q2hDRzR4bUVyT0lRa1FiR3c9PQ'],
    ['expandedQ2hDRzR4bUVyT0lRa1FiR3c9PQFeedType_MAIN_FEED_RELEVANCE', 'Q2hDRzR4bUVyT0lRa1FiR3c9PQ'],
    ['update-card-focusQ2hDRzR4bUVyT0lRa1FiR3c9PQFeedType_FLAGSHIP_SEARCH', 'Q2hDRzR4bUVyT0lRa1FiR3c9PQ'],
    ['plain-key', 'plain-key'],
  ])('normaliseComponentKey(%s) → %s', (key, norm) => {
    expect(normaliseComponentKey(key)).toBe(norm);
  });
});

describe('profile and link URLs', () => {
  it.each([
    ['https://www.linkedin.com/in/member-a?miniProfileUrn=urn%3Ali%3Afsd_profile%3AACoAA', 'https://www.linkedin.com/in/member-a', 'member-a'],
    ['/in/member-b/', 'https://www.linkedin.com/in/member-b', 'member-b'],
    ['https://dk.linkedin.com/company/department-of-computer-science-aalborg-university?trk=public_post-text', 'https://www.linkedin.com/company/department-of-computer-science-aalborg-university', 'department-of-computer-science-aalborg-university'],
    ['https://www.linkedin.com/company/example-labs/posts/', 'https://www.linkedin.com/company/example-labs', 'example-labs'],
    ['https://www.linkedin.com/school/aalborg-universitet/', 'https://www.linkedin.com/school/aalborg-universitet', null],
    ['https://www.linkedin.com/feed/hashtag/?keywords=web', null, null],
    ['https://example.com/in/someone', null, null],
  ])('%s → %s (handle %s)', (href, clean, handle) => {
    expect(cleanProfileUrl(href)).toBe(clean);
    expect(handleOf(href)).toBe(handle);
  });

  it('profileRef tells member, company, showcase and school apart', () => {
    expect(profileRef('/showcase/example-dev/')).toEqual({ kind: 'showcase', vanity: 'example-dev' });
    expect(profileRef('/in/member-x/recent-activity/comments/')).toEqual({ kind: 'in', vanity: 'member-x' });
  });

  it.each([
    ['https://www.linkedin.com/redir/redirect?url=https%3A%2F%2Flnkd%2Ein%2FeJG28Fb9&urlhash=EyVy&trk=public_post-text', 'https://lnkd.in/eJG28Fb9'],
    ['/redir/redirect?url=https%3A%2F%2Fexample.com%2Fa%3Fb%3D1', 'https://example.com/a?b=1'],
    ['https://www.linkedin.com/redir/redirect?url=javascript%3Aalert(1)', null],
    ['https://lnkd.in/dPlcHldr', null],
    ['https://evil.example/redir/redirect?url=https%3A%2F%2Fexample.com', null],
  ])('decodeRedirect(%s) → %s', (href, target) => {
    expect(decodeRedirect(href)).toBe(target);
  });

  it.each([
    ['https://www.linkedin.com/feed/hashtag/?keywords=javascript&highlightedUpdateUrns=urn%3Ali%3Aactivity%3A7241680825533831541', 'javascript'],
    ['/feed/hashtag/generativeai/', 'generativeai'],
    ['https://www.linkedin.com/search/results/all/?keywords=%23testing&origin=HASH_TAG_FROM_FEED', 'testing'],
    ['https://www.linkedin.com/search/results/all/?keywords=testing', null],
    ['https://www.linkedin.com/in/member-a', null],
    ['https://example.com/feed/hashtag/?keywords=x', null],
  ])('hashtagOf(%s) → %s', (href, tag) => {
    expect(hashtagOf(href)).toBe(tag);
  });
});

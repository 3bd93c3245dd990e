import { describe, it, expect } from 'vitest';
import { cleanProfileUrl, decodeRedirect, handleOf, hashtagOf, profileRef } from './urls';

describe('profile and link URLs', () => {
  it.each([
    ['https://www.linkedin.com/in/member-a?miniProfileUrn=urn%3Ali%3Afsd_profile%3AACoAA', 'https://www.linkedin.com/in/member-a', 'member-a'],
    ['/in/member-b/', 'https://www.linkedin.com/in/member-b', 'member-b'],
    ['https://dk.linkedin.com/company/department-of-computer-science-aalborg-university?trk=public_post-text', 'https://www.linkedin.com/company/department-of-computer-science-aalborg-university', 'department-of-computer-science-aalborg-university'],
    ['https://www.linkedin.com/company/example-labs/posts/', 'https://www.linkedin.com/company/example-labs', 'example-labs'],
    // SDUI feed fixture: company authors link to their posts tab
    ['https://www.linkedin.com/company/microsoft-azure/posts/', 'https://www.linkedin.com/company/microsoft-azure', 'microsoft-azure'],
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
    // SDUI feed fixture: /safety/go/ wraps text links, link previews and the author's website
    ['https://www.linkedin.com/safety/go/?url=https%3A%2F%2Flnkd%2Ein%2Fg922Pj_n&urlhash=PLCH&mt=gqLKUHu8bgZeoygD5cvfKSx0', 'https://lnkd.in/g922Pj_n'],
    ['https://www.linkedin.com/safety/go/?url=http%3A%2F%2Ftabsoft%2Eco%2Fsftc26&urlhash=PLCH', 'http://tabsoft.co/sftc26'],
    ['https://www.linkedin.com/safety/go?url=https%3A%2F%2Fexample.com%2Fa%3Fb%3D1%26c%3D2&urlhash=x', 'https://example.com/a?b=1&c=2'],
    ['https://www.linkedin.com/safety/go/?url=javascript%3Aalert(1)', null],
    ['https://www.linkedin.com/safety/go/?url=data%3Atext%2Fhtml%2Chi', null],
    ['https://www.linkedin.com/safety/go/?urlhash=PLCH', null],
    ['https://evil.example/safety/go/?url=https%3A%2F%2Fexample.com', null],
    ['https://www.linkedin.com/safety/goods/?url=https%3A%2F%2Fexample.com', null],
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

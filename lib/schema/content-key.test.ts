import { describe, it, expect } from 'vitest';
import { contentKeyOf, isContentKey, normaliseForKey } from './content-key';
import { isSamePost, mergeDraftContent } from './merge-draft';
import type { CaptureDraft } from './capture';

function makeDraft(over: Partial<CaptureDraft>): CaptureDraft {
  return {
    platform: 'linkedin', postId: '1', permalink: null, permalinkMissing: false, author: null, text: '', lang: null, postedAt: null,
    media: [], links: [], hashtags: [], mentions: [], poll: null, truncated: false, mediaMissing: false, title: null, quoted: null,
    quoteMissing: false, repostedBy: null, inReplyTo: null, thread: [], threadPartial: false, ...over,
  };
}

const author = { name: 'Member A', profileUrl: 'https://www.linkedin.com/in/member-a' };

describe('contentKeyOf (issue 9)', () => {
  it('is content:<32 hex>, stable for the same author and text', () => {
    const k = contentKeyOf({ author, text: 'Hello world' });
    expect(k).toMatch(/^content:[0-9a-f]{32}$/);
    expect(contentKeyOf({ author, text: 'Hello world' })).toBe(k);
    expect(isContentKey(k)).toBe(true);
    expect(isContentKey('urn:li:activity:1')).toBe(false);
  });
  it('ignores white space runs, case and compatibility forms (the same post in two layouts)', () => {
    expect(normaliseForKey('  Hello\n\n  WORLD\u00a0!  ')).toBe('hello world !');
    expect(contentKeyOf({ author, text: 'Hello\nworld' })).toBe(contentKeyOf({ author, text: 'hello   world ' }));
  });
  it('differs for another text, another author, and no author', () => {
    const k = contentKeyOf({ author, text: 'Hello world' });
    expect(contentKeyOf({ author, text: 'Hello world!' })).not.toBe(k);
    expect(contentKeyOf({ author: { ...author, profileUrl: 'https://www.linkedin.com/in/member-b' }, text: 'Hello world' })).not.toBe(k);
    expect(contentKeyOf({ author: null, text: 'Hello world' })).not.toBe(k);
  });
  it('uses the name when there is no profile URL', () => {
    expect(contentKeyOf({ author: { name: 'A', profileUrl: null }, text: 't' })).not.toBe(contentKeyOf({ author: { name: 'B', profileUrl: null }, text: 't' }));
  });
});

describe('isSamePost + mergeDraftContent for an id-less capture', () => {
  const a = { name: 'Member A', handle: null, profileUrl: 'https://www.linkedin.com/in/member-a', avatarUrl: null };
  const idless = makeDraft({ platform: 'linkedin', postId: contentKeyOf({ author: a, text: 'T' }), permalink: null, permalinkMissing: true, author: a, text: 'T' });
  const withId = makeDraft({ platform: 'linkedin', postId: 'urn:li:activity:7453849345784098669', permalink: 'https://www.linkedin.com/feed/update/urn:li:activity:7453849345784098669/', author: a, text: 'T' });
  it('matches the same post met with its id, never another text', () => {
    expect(isSamePost(idless, withId)).toBe(true);
    expect(isSamePost(idless, { ...withId, text: 'Other' })).toBe(false);
    expect(isSamePost(withId, idless)).toBe(false); // an id is never replaced by a content key
  });
  it('fills id and permalink, clears the flag and reports completion', () => {
    const r = mergeDraftContent(idless, withId);
    expect(r.changed).toBe(true);
    expect(r.completed).toBe(true);
    expect(r.draft).toMatchObject({ postId: withId.postId, permalink: withId.permalink, permalinkMissing: false });
  });
  it('an id-less re-read of a capture that has its id changes nothing', () => {
    expect(mergeDraftContent(withId, idless).changed).toBe(false);
  });
});

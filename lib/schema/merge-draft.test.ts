import { describe, it, expect } from 'vitest';
import { contentKeyOf } from './content-key';
import { isIdlessReadOf, isSamePost } from './merge-draft';
import type { CaptureDraft } from './capture';

const a = { name: 'Member A', handle: null, profileUrl: 'https://www.linkedin.com/in/member-a', avatarUrl: null };
const URN = 'urn:li:activity:7453849345784098669';
function post(over: Partial<CaptureDraft>): CaptureDraft {
  return {
    platform: 'linkedin', postId: URN, permalink: `https://www.linkedin.com/feed/update/${URN}/`, permalinkMissing: false, author: a, text: 'T', lang: null,
    postedAt: null, media: [], links: [], hashtags: [], mentions: [], poll: null, truncated: false, mediaMissing: false, title: null, quoted: null,
    quoteMissing: false, repostedBy: null, inReplyTo: null, thread: [], threadPartial: false, ...over,
  };
}
const withId = post({});
const idless = (text = 'T', author = a) => post({ postId: contentKeyOf({ author, text }), permalink: null, permalinkMissing: true, author, text });

describe('isIdlessReadOf (issue 9: an id-less read of a post kept with its id)', () => {
  it('matches the id-less read of the stored post, whatever its white space and case', () => {
    expect(isIdlessReadOf(withId, idless())).toBe(true);
    expect(isIdlessReadOf(post({ text: 'Hello  World' }), idless('hello world'))).toBe(true);
  });
  it('never matches another post: other text, other author, other platform', () => {
    expect(isIdlessReadOf(withId, idless('Other'))).toBe(false);
    expect(isIdlessReadOf(withId, idless('T', { ...a, profileUrl: 'https://www.linkedin.com/in/member-b' }))).toBe(false);
    expect(isIdlessReadOf(post({ platform: 'x' }), idless())).toBe(false);
  });
  it('needs an id-less draft and a stored capture with its id (two id-less reads are isSamePost by key)', () => {
    expect(isIdlessReadOf(withId, withId)).toBe(false);
    expect(isIdlessReadOf(idless(), idless())).toBe(false);
    expect(isSamePost(idless(), idless())).toBe(true);
  });
});

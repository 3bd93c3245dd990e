import { describe, it, expect } from 'vitest';
import { contentKeyOf } from './content-key';
import { flagsOf, isIdlessReadOf, isIncomplete, isSamePost, mergeDraftContent } from './merge-draft';
import type { CaptureDraft, QuotedDraft } from './capture';

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

describe('merging an id-less capture with its id (issue 9)', () => {
  const exact = '2026-04-25T16:56:09.858Z'; // the URN's time (id >> 22)
  it("the id's exact time replaces the approximate time read from the card's '18h' label", () => {
    const old = { ...idless(), postedAt: '2026-04-25T16:00:00.000Z' };
    const r = mergeDraftContent(old, post({ postedAt: exact }));
    expect(r.draft).toMatchObject({ postId: URN, permalinkMissing: false, postedAt: exact });
    expect(r.completed).toBe(true);
  });
  it('keeps the approximate time when the read with the id has none, and an id-less read never changes an exact time', () => {
    expect(mergeDraftContent({ ...idless(), postedAt: '2026-04-25T16:00:00.000Z' }, post({ postedAt: null })).draft.postedAt).toBe('2026-04-25T16:00:00.000Z');
    expect(mergeDraftContent(post({ postedAt: exact }), { ...idless(), postedAt: '2026-04-25T16:00:00.000Z' }).draft.postedAt).toBe(exact);
  });
});

// docs/cards.md "Completeness flags": the quoted post's own cut text and missing media count too.

const QID = '1790000000000000001';
function quoted(over: Partial<QuotedDraft>): QuotedDraft {
  return {
    platform: 'x', postId: QID, permalink: `https://x.com/member_b/status/${QID}`, author: { ...a, name: 'Member B' }, text: 'The quoted post, all of it.', lang: null,
    postedAt: null, media: [], links: [], hashtags: [], mentions: [], poll: null, truncated: false, mediaMissing: false, unavailable: false, ...over,
  };
}
const photo = { kind: 'image' as const, url: 'https://pbs.twimg.com/media/quoted-1.jpg', alt: null };

describe('the quoted post\'s flags (issue 9: a quote whose photo never loaded)', () => {
  it('a quoted post with missing media or cut text makes the capture incomplete, and names it', () => {
    expect(isIncomplete(post({ quoted: quoted({ mediaMissing: true }) }))).toBe(true);
    expect(isIncomplete(post({ quoted: quoted({ truncated: true }) }))).toBe(true);
    expect(isIncomplete(post({ quoted: quoted({}) }))).toBe(false);
    expect(flagsOf(post({ truncated: true, quoted: quoted({ mediaMissing: true, truncated: true }) }))).toEqual(['truncated', 'quotedTruncated', 'quotedMediaMissing']);
    expect(flagsOf(post({ permalinkMissing: true }))).toEqual(['permalinkMissing']);
  });

  it('a later read that has the quoted photo fills it in and counts as a completion', () => {
    const before = post({ quoted: quoted({ mediaMissing: true }) });
    const after = post({ quoted: quoted({ media: [photo] }) });
    const r = mergeDraftContent(before, after);
    expect(r.changed).toBe(true);
    expect(r.completed).toBe(true);
    expect(r.draft.quoted).toMatchObject({ media: [photo], mediaMissing: false, text: 'The quoted post, all of it.' });
    expect(isIncomplete(r.draft)).toBe(false);
  });

  it('the quoted photo is taken from a read that cuts the quoted text, and the full text is kept', () => {
    const before = post({ quoted: quoted({ mediaMissing: true }) });
    const after = post({ quoted: quoted({ text: 'The quoted…', truncated: true, media: [photo] }) });
    const r = mergeDraftContent(before, after);
    expect(r.draft.quoted).toMatchObject({ text: 'The quoted post, all of it.', truncated: false, media: [photo], mediaMissing: false });
    expect(r.completed).toBe(true);
  });

  it('the quoted text is completed from a read whose quoted photo is still missing, keeping the photo held', () => {
    const before = post({ quoted: quoted({ text: 'The quoted…', truncated: true, media: [photo] }) });
    const after = post({ quoted: quoted({ mediaMissing: true }) });
    const r = mergeDraftContent(before, after);
    expect(r.draft.quoted).toMatchObject({ text: 'The quoted post, all of it.', truncated: false, media: [photo], mediaMissing: false });
  });

  it('a read with the quoted photo still missing changes nothing; another quoted post is never mixed in part by part', () => {
    const before = post({ quoted: quoted({ mediaMissing: true }) });
    expect(mergeDraftContent(before, post({ quoted: quoted({ mediaMissing: true }) })).changed).toBe(false);
    const other = post({ quoted: quoted({ postId: '1790000000000000002', text: 'x', media: [photo] }) });
    const r = mergeDraftContent(before, other);
    expect(r.draft.quoted?.postId).toBe(QID);
  });
});

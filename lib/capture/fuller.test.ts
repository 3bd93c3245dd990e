import { describe, it, expect } from 'vitest';
import { mergeDraftContent, type CaptureDraft } from '../schema';
import { isFullerRead, lacksPart } from './fuller';
import { makeDraft } from './test-helpers';

const img = (n: number) => ({ kind: 'image' as const, url: `https://fake.test/m/${n}.jpg`, alt: null });
const quote = (text: string) => ({ unavailable: false, platform: 'x' as const, postId: '9', permalink: null, author: null, text, lang: null, postedAt: null, media: [], links: [], hashtags: [], mentions: [], poll: null, truncated: false, mediaMissing: false });
const part = (text: string) => ({ postId: '2', permalink: null, author: null, text, postedAt: null, media: [], links: [], truncated: false });

describe('isFullerRead: a re-read is sent only when the background would complete the capture with it', () => {
  const cases: Array<[string, Partial<CaptureDraft>, Partial<CaptureDraft>, boolean]> = [
    ['photo loaded', { mediaMissing: true }, { mediaMissing: false, media: [img(1)] }, true],
    ['one more photo, one still missing', { mediaMissing: true, media: [img(1)] }, { mediaMissing: true, media: [img(1), img(2)] }, true],
    ['photo still missing', { mediaMissing: true, media: [img(1)] }, { mediaMissing: true, media: [img(1)] }, false],
    ['fewer photos, none missing', { mediaMissing: true, media: [img(1), img(2)] }, { mediaMissing: false, media: [img(1)] }, false],
    ['whole text', { truncated: true, text: 'Long…' }, { truncated: false, text: 'Long text in full' }, true],
    ['still cut', { truncated: true, text: 'Long…' }, { truncated: true, text: 'Long…' }, false],
    ['quote readable now', { quoteMissing: true }, { quoteMissing: false, quoted: quote('the quote') }, true],
    ['whole thread', { threadPartial: true, thread: [part('a')] }, { threadPartial: false, thread: [part('a'), part('b')] }, true],
    ['longer text, but the stored text was whole', { text: 'short' }, { text: 'short, edited' }, false],
    ['the id only (the alias merge gives it)', { permalinkMissing: true, postId: 'content:abc', permalink: null }, { permalinkMissing: true, postId: 'content:abc', permalink: null }, false],
  ];
  it.each(cases)('%s', (_, stored, read, fuller) => {
    const s = makeDraft(stored);
    const d = makeDraft(read);
    expect(isFullerRead(s, d)).toBe(fuller);
    // The same answer as the background's merge (lib/schema/merge-draft.ts), for the flagged parts.
    const m = mergeDraftContent(s, d);
    const grew = (['text', 'media', 'quoted', 'thread'] as const).some((k) => m.draft[k] !== s[k]);
    if (lacksPart(s)) expect(m.completed || grew).toBe(fuller);
  });
});

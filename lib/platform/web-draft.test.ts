import { describe, it, expect } from 'vitest';
import { CaptureDraft } from '../schema';
import { webDraft, textFragmentUrl } from './web-draft';
import type { PageSnapshot } from './page-snapshot';

const snap = (over: Partial<PageSnapshot> = {}): PageSnapshot => ({
  url: 'https://blog.example.org/post?id=1#top',
  title: 'Doc title',
  lang: 'en',
  selection: '',
  canonical: null,
  meta: {
    'og:title': 'OG title',
    'og:description': 'What the article says.',
    'og:image': 'https://blog.example.org/cover.png',
    'og:image:alt': 'Cover',
    author: 'Ada Writer',
    'article:published_time': '2026-11-29T08:00:00+01:00',
  },
  linkText: null,
  ...over,
});

describe('webDraft', () => {
  it('page capture: URL without fragment, OG title, description, image, author, published time', () => {
    const d = webDraft({ kind: 'page', pageUrl: 'https://blog.example.org/post?id=1#top', snapshot: snap() })!;
    expect(CaptureDraft.safeParse(d).success).toBe(true);
    expect(d).toMatchObject({
      platform: 'web',
      postId: 'https://blog.example.org/post?id=1',
      permalink: 'https://blog.example.org/post?id=1',
      title: 'OG title',
      text: 'What the article says.',
      author: { name: 'Ada Writer' },
      media: [{ kind: 'image', url: 'https://blog.example.org/cover.png', alt: 'Cover' }],
      postedAt: '2026-11-29T07:00:00.000Z',
      lang: 'en',
    });
  });

  it('a page, link or snippet saved with tracking parameters is keyed as the import keys it (no utm_*, so an import of the same page is no duplicate)', () => {
    const page = webDraft({ kind: 'page', pageUrl: 'https://blog.example.org/post?id=1&utm_source=news&fbclid=z#top', snapshot: null })!;
    expect(page).toMatchObject({ postId: 'https://blog.example.org/post?id=1', permalink: 'https://blog.example.org/post?id=1' });
    const link = webDraft({ kind: 'link', pageUrl: 'https://e.org/a', linkUrl: 'https://other.org/x?utm_campaign=c', snapshot: null })!;
    expect(link.postId).toBe('https://other.org/x');
    const snippet = webDraft({ kind: 'selection', pageUrl: 'https://e.org/a?utm_source=x', selectionText: 'one two', snapshot: null })!;
    expect(snippet.postId).toBe('https://e.org/a#:~:text=one%20two');
  });

  it('selection capture keeps line breaks and gets a text-fragment id per snippet', () => {
    const a = webDraft({ kind: 'selection', pageUrl: 'https://e.org/a', selectionText: 'short', snapshot: snap({ selection: 'First line\r\nSecond line' }) })!;
    const b = webDraft({ kind: 'selection', pageUrl: 'https://e.org/a', snapshot: snap({ selection: 'Another snippet' }) })!;
    expect(a.text).toBe('First line\nSecond line');
    expect(a.postId).toBe('https://e.org/a#:~:text=First%20line%20Second%20line');
    expect(a.postId).not.toBe(b.postId);
    expect(CaptureDraft.safeParse(a).success).toBe(true);
  });

  it('falls back to the event data when the page could not be scripted', () => {
    const d = webDraft({ kind: 'selection', pageUrl: 'https://e.org/a', selectionText: 'from the menu', tabTitle: 'Tab', snapshot: null })!;
    expect(d).toMatchObject({ text: 'from the menu', title: 'Tab', author: null, media: [] });
    expect(CaptureDraft.safeParse(d).success).toBe(true);
  });

  it('link capture: id is the link, title its text', () => {
    const d = webDraft({ kind: 'link', pageUrl: 'https://e.org/a', linkUrl: 'https://other.org/x', snapshot: snap({ linkText: 'A great read' }) })!;
    expect(d).toMatchObject({ postId: 'https://other.org/x', permalink: 'https://other.org/x', title: 'A great read', links: [{ url: 'https://other.org/x', title: 'A great read' }], media: [] });
    expect(CaptureDraft.safeParse(d).success).toBe(true);
  });

  it('refuses non-http pages and non-http links', () => {
    expect(webDraft({ kind: 'page', pageUrl: 'chrome://extensions', snapshot: null })).toBeNull();
    const d = webDraft({ kind: 'link', pageUrl: 'https://e.org/a', linkUrl: 'javascript:alert(1)', snapshot: null })!;
    expect(d.postId).toBe('https://e.org/a');
  });

  it('cuts text over 64 KiB and flags it truncated', () => {
    const d = webDraft({ kind: 'selection', pageUrl: 'https://e.org/a', snapshot: snap({ selection: 'word '.repeat(20_000) }) })!;
    expect(d.truncated).toBe(true);
    expect(CaptureDraft.safeParse(d).success).toBe(true);
  });

  it('textFragmentUrl uses start,end for long selections and escapes dashes', () => {
    expect(textFragmentUrl('https://e.org/#x', 'a-b')).toBe('https://e.org/#:~:text=a%2Db');
    expect(textFragmentUrl('https://e.org/', 'one two three four five six seven eight nine ten eleven')).toBe(
      'https://e.org/#:~:text=one%20two%20three%20four%20five,seven%20eight%20nine%20ten%20eleven',
    );
  });
});

// @vitest-environment jsdom
import { describe, it, expect } from 'vitest';
import { JSDOM } from 'jsdom';
import { extractWebPage } from './web-page';
import { CaptureDraft } from '../schema';

const PAGE = 'https://blog.example.org/posts/fluent-v9?utm_source=x#comments';

function page(head: string, body = '', htmlAttrs = 'lang="en-GB"', url = PAGE): Document {
  return new JSDOM(`<!DOCTYPE html><html ${htmlAttrs}><head>${head}</head><body>${body}</body></html>`, { url }).window.document;
}

const FULL_HEAD = `
  <title>Fluent v9 migration | Example Blog</title>
  <link rel="canonical" href="/posts/fluent-v9">
  <meta property="og:url" content="https://blog.example.org/og-url-should-lose">
  <meta property="og:title" content="Migrating to Fluent v9">
  <meta property="og:description" content="What we learned moving a large app.">
  <meta name="description" content="Plain description (og wins).">
  <meta name="author" content="Ana Lima">
  <meta property="article:author" content="https://blog.example.org/authors/ana">
  <meta property="article:published_time" content="2026-11-20T14:00:00+01:00">
  <meta property="og:image" content="/img/cover.png">
  <meta property="og:image:alt" content="Cover">`;

function valid(d: CaptureDraft): void {
  const r = CaptureDraft.safeParse(d);
  expect(r.success, r.success ? '' : JSON.stringify(r.error.issues)).toBe(true);
}

describe('extractWebPage: page capture', () => {
  it('reads canonical URL, og title/description/image, author, published time and lang', () => {
    const d = extractWebPage(page(FULL_HEAD), { pageUrl: PAGE });
    valid(d);
    expect(d).toEqual({
      platform: 'web',
      postId: 'https://blog.example.org/posts/fluent-v9',
      permalink: 'https://blog.example.org/posts/fluent-v9',
      author: { name: 'Ana Lima', handle: null, profileUrl: null, avatarUrl: null },
      text: 'What we learned moving a large app.',
      lang: 'en-GB',
      postedAt: '2026-11-20T13:00:00.000Z',
      media: [{ kind: 'image', url: 'https://blog.example.org/img/cover.png', alt: 'Cover' }],
      links: [{ url: 'https://blog.example.org/posts/fluent-v9', title: 'Migrating to Fluent v9' }],
      hashtags: [],
      mentions: [],
      poll: null,
      truncated: false,
      mediaMissing: false,
      title: 'Migrating to Fluent v9',
      quoted: null,
      quoteMissing: false,
      repostedBy: null,
      inReplyTo: null,
      thread: [],
      threadPartial: false,
    });
  });

  it('uses the selection as text, keeping line breaks', () => {
    const d = extractWebPage(page(FULL_HEAD), { pageUrl: PAGE, selectionText: 'First line  \r\nSecond line\n\nThird\n' });
    expect(d.text).toBe('First line\nSecond line\n\nThird');
    valid(d);
  });

  it('treats an empty selection as none', () => {
    expect(extractWebPage(page(FULL_HEAD), { pageUrl: PAGE, selectionText: '' }).text).toBe('What we learned moving a large app.');
    expect(extractWebPage(page(FULL_HEAD), { pageUrl: PAGE, selectionText: null }).text).toBe('What we learned moving a large app.');
  });

  it('falls back to og:url, then to the page URL without its fragment', () => {
    const og = extractWebPage(page('<meta property="og:url" content="https://blog.example.org/p/1">'), { pageUrl: PAGE });
    expect(og.postId).toBe('https://blog.example.org/p/1');
    const bare = extractWebPage(page('<title>T</title>'), { pageUrl: PAGE });
    expect(bare.postId).toBe('https://blog.example.org/posts/fluent-v9?utm_source=x');
    expect(bare.permalink).toBe(bare.postId);
  });

  it('ignores a non-http canonical', () => {
    const d = extractWebPage(page('<link rel="canonical" href="javascript:alert(1)">'), { pageUrl: PAGE });
    expect(d.postId).toBe('https://blog.example.org/posts/fluent-v9?utm_source=x');
  });

  it('uses <title>, meta description and article:author (when a name) as fallbacks; nulls when absent', () => {
    const d = extractWebPage(
      page('<title>  Plain   title </title><meta name="description" content="Plain description"><meta property="article:author" content="Ben Okafor">', '', ''),
      { pageUrl: PAGE },
    );
    valid(d);
    expect(d).toMatchObject({ title: 'Plain title', text: 'Plain description', author: { name: 'Ben Okafor' }, lang: null, postedAt: null, media: [] });
    const empty = extractWebPage(page('', '', ''), { pageUrl: 'http://example.com/' });
    valid(empty);
    expect(empty).toMatchObject({ title: null, text: '', author: null, links: [{ url: 'http://example.com/', title: null }] });
  });

  it('drops an article:author that is a profile URL (not a name) and an unparsable date', () => {
    const d = extractWebPage(page('<meta property="article:author" content="https://x.example/ana"><meta property="article:published_time" content="yesterday">'), { pageUrl: PAGE });
    expect(d.author).toBeNull();
    expect(d.postedAt).toBeNull();
  });

  it('cuts a selection over 64 KiB and flags it truncated', () => {
    const d = extractWebPage(page(''), { pageUrl: PAGE, selectionText: 'a'.repeat(70_000) });
    expect(d.text).toHaveLength(64 * 1024);
    expect(d.truncated).toBe(true);
    valid(d);
  });

  it('shortens ids of URLs longer than 512 characters, stably', () => {
    const long = `https://example.com/?q=${'x'.repeat(1000)}`;
    const a = extractWebPage(page(''), { pageUrl: long });
    const b = extractWebPage(page(''), { pageUrl: `${long}y` });
    valid(a);
    expect(a.postId.length).toBeLessThanOrEqual(512);
    expect(a.permalink).toBe(long);
    expect(a.postId).not.toBe(b.postId);
    expect(extractWebPage(page(''), { pageUrl: long }).postId).toBe(a.postId);
  });
});

describe('extractWebPage: link capture', () => {
  it('saves the link itself, titled with its anchor text', () => {
    const doc = page(FULL_HEAD, '<p>Read <a href="/guides/tokens?x=1">the  tokens guide</a>.</p>');
    const d = extractWebPage(doc, { pageUrl: PAGE, linkUrl: 'https://blog.example.org/guides/tokens?x=1' });
    valid(d);
    expect(d).toMatchObject({
      platform: 'web',
      postId: 'https://blog.example.org/guides/tokens?x=1',
      permalink: 'https://blog.example.org/guides/tokens?x=1',
      title: 'the tokens guide',
      text: '',
      author: null,
      postedAt: null,
      media: [],
      links: [{ url: 'https://blog.example.org/guides/tokens?x=1', title: 'the tokens guide' }],
    });
  });

  it('keeps the selection as text and a null title when the anchor is not in the page', () => {
    const d = extractWebPage(page(FULL_HEAD), { pageUrl: PAGE, linkUrl: 'https://other.example/a', selectionText: 'why this link' });
    expect(d).toMatchObject({ postId: 'https://other.example/a', title: null, text: 'why this link' });
  });
});

describe('extractWebPage: refused URLs', () => {
  it.each([
    ['chrome://extensions/'],
    ['file:///home/me/notes.html'],
    ['about:blank'],
    ['javascript:alert(1)'],
    ['data:text/html,hi'],
    ['/relative/path'],
    [''],
  ])('pageUrl %j throws', (pageUrl) => {
    expect(() => extractWebPage(page(''), { pageUrl })).toThrow(/pageUrl must be an absolute http\(s\) URL/);
  });

  it('a non-http link throws too', () => {
    expect(() => extractWebPage(page(''), { pageUrl: PAGE, linkUrl: 'mailto:ana@example.org' })).toThrow(/linkUrl must be an absolute http\(s\) URL/);
  });

  it('a URL over 2048 characters throws', () => {
    expect(() => extractWebPage(page(''), { pageUrl: `https://example.com/${'x'.repeat(2100)}` })).toThrow(/2048/);
  });
});

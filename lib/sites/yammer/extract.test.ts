// @vitest-environment jsdom
import { describe, it, expect } from 'vitest';
import { JSDOM } from 'jsdom';
import { yammerAdapter, isSupportedPage } from './index';
import { encodeEngageId } from './ids';
import { ExtractError } from '../types';
import { SITE_MATCHES } from '../matches';
import { CaptureDraft } from '../../schema';
import { loadFixture } from '../../../tests/helpers/load-fixture';

// Unit checks around the fixture runner (tests/sites.fixtures.test.ts), which covers the four
// modelled fixtures in tests/fixtures/yammer. Markup here follows STRUCTURE.md §6 (synthetic).

const FEED = `https://engage.cloud.microsoft/main/groups/${encodeEngageId('Group', '5')}/all`;
const T = (id: string) => `/main/threads/${encodeEngageId('Thread', id)}`;
const U = (id: string) => `/main/users/${encodeEngageId('User', id)}`;

function doc(body: string, url = FEED): { document: Document; ctx: { document: Document; url: string } } {
  const document = new JSDOM(`<!DOCTYPE html><html lang="en"><body><main role="main">${body}</main></body></html>`, { url }).window.document;
  return { document, ctx: { document, url } };
}

/** One post in the STRUCTURE.md §6 skeleton. */
function post(o: { author?: string; userId?: string; thread?: string; time?: string; body?: string; row?: string; extra?: string; cls?: string }): string {
  const author = o.author === undefined ? 'Ana Lima' : o.author;
  return `<div class="${o.cls ?? 'qaThreadStarter'}">
    <div>${author ? `<a href="${U(o.userId ?? '1')}">${author}</a>` : ''}
      ${o.thread ? `<a href="${T(o.thread)}"><time datetime="${o.time ?? '2026-11-01T10:00:00Z'}">Nov 1</time></a>` : o.time ? `<time datetime="${o.time}">Nov 1</time>` : ''}</div>
    ${o.body === undefined ? '<div class="y-block"><p>Hello team</p></div>' : o.body}
    <div data-testid="overflow-set">${o.row ?? (author ? `<button aria-label="Like - ${author}'s post">Like</button>` : '')}</div>
    ${o.extra ?? ''}
  </div>`;
}

describe('isSupportedPage', () => {
  it.each([
    ['https://web.yammer.com/main/feed', true],
    ['https://web.yammer.com/main/org/contoso.com/groups/eyJ9/new', true],
    ['https://web.yammer.com/main', true],
    ['https://web.yammer.com/', false], // landing/login, not the app
    ['https://web.yammer.com/mainframe', false],
    ['https://www.yammer.com/contoso.com/#/Threads/show?threadId=1', true],
    ['https://engage.cloud.microsoft/main/feed', true],
    ['https://engage.cloud.microsoft/main/threads/eyJfdHlwZSI6IlRocmVhZCIsImlkIjoiMSJ9', true],
    ['https://contoso.engage.cloud.microsoft/main/feed', true],
    ['https://engage.cloud.microsoft/embed/widget?feedType=group', false], // cross-origin iframe widget
    ['http://engage.cloud.microsoft/main/feed', false],
    ['https://engage.cloud.microsoft.evil.example/main/feed', false],
    ['https://notengage.cloud.microsoft/main/feed', false],
    ['https://yammer.com/main/feed', false],
    ['https://x.com/home', false],
    ['https://www.linkedin.com/feed/', false],
    ['not a url', false],
  ])('%s → %s', (url, want) => {
    expect(isSupportedPage(url)).toBe(want);
  });

  it('the adapter declares the shared match patterns', () => {
    expect(yammerAdapter.id).toBe('yammer');
    expect(yammerAdapter.matches).toEqual(SITE_MATCHES.yammer);
  });
});

describe('findPosts', () => {
  it('finds each post once, parents before nested replies, by action row', () => {
    const reply = post({ cls: 'y-fixedGridColumn', author: 'Ben Okafor', userId: '2', body: '<div><p>Reply text</p></div>' });
    const { document } = doc(`<div role="article">${post({ thread: '10', extra: reply })}</div>${post({ thread: '20' })}`);
    const posts = yammerAdapter.findPosts(document);
    expect(posts.map((p) => p.className)).toEqual(['qaThreadStarter', 'y-fixedGridColumn', 'qaThreadStarter']);
  });

  it('uses role=article when it is the nearest container', () => {
    const { document } = doc(`<div role="article" id="a1"><p>x</p><div data-testid="overflow-set"></div></div>`);
    expect(yammerAdapter.findPosts(document).map((p) => p.id)).toEqual(['a1']);
  });

  it('climbs to the highest ancestor holding only this action row when no container handle exists', () => {
    const { document } = doc(`<div id="feed">
      <div id="p1"><div><a href="${U('1')}">Ana Lima</a></div><div><p>One</p></div><div data-testid="overflow-set"></div></div>
      <div id="p2"><div><a href="${U('2')}">Ben Okafor</a></div><div><p>Two</p></div><div data-testid="overflow-set"></div></div>
    </div>`);
    const posts = yammerAdapter.findPosts(document);
    expect(posts.map((p) => p.id)).toEqual(['p1', 'p2']);
    const { ctx } = { ctx: { document, url: FEED } };
    expect(yammerAdapter.extract(posts[1]!, ctx)).toMatchObject({ text: 'Two', author: { name: 'Ben Okafor' } });
  });

  it('counts a post with two action rows once', () => {
    const { document } = doc(`<div role="article"><p>x</p><div data-testid="overflow-set"></div><div data-testid="overflow-set"></div></div>`);
    expect(yammerAdapter.findPosts(document)).toHaveLength(1);
  });

  it('returns only roots under the given root', () => {
    const { document } = doc(`<div id="a">${post({ thread: '1' })}</div><div id="b">${post({ thread: '2' })}</div>`);
    expect(yammerAdapter.findPosts(document.getElementById('b')!)).toHaveLength(1);
  });

  it('finds nothing in X- and LinkedIn-shaped markup (no overflow-set)', () => {
    const { document } = doc(`<article data-testid="tweet" role="article"><div data-testid="User-Name">A</div><div data-testid="tweetText">t</div><div role="group"></div></article>
      <div class="feed-shared-update-v2" data-urn="urn:li:activity:1" role="article"><div class="update-components-text">t</div></div>`);
    expect(yammerAdapter.findPosts(document)).toEqual([]);
  });
});

describe('postId', () => {
  it('is re-read on every call (recycled node gets a new id)', () => {
    const { document, ctx } = doc(post({ thread: '111' }));
    const el = yammerAdapter.findPosts(document)[0]!;
    expect(yammerAdapter.postId(el, ctx)).toBe('111');
    el.querySelector(`a[href*="/threads/"]`)!.setAttribute('href', T('222'));
    expect(yammerAdapter.postId(el, ctx)).toBe('222');
  });

  it('ignores thread links inside the body (they point at other conversations)', () => {
    const { document, ctx } = doc(post({ thread: '111', body: `<div class="y-block"><p>See <a href="${T('999')}">this thread</a></p></div>` }));
    const el = yammerAdapter.findPosts(document)[0]!;
    expect(yammerAdapter.postId(el, ctx)).toBe('111');
    expect(yammerAdapter.extract(el, ctx).links).toEqual([{ url: `https://engage.cloud.microsoft${T('999')}`, title: 'this thread' }]);
  });

  it("does not give a reply its thread's id (the starter's)", () => {
    const replyMarkup = `<div class="y-fixedGridColumn"><div><a href="${U('2')}">Ben Okafor</a> <a href="${T('111')}">Go to conversation</a>
      <time datetime="2026-11-01T11:00:00Z">Nov 1</time></div><div><p>Reply</p></div><div data-testid="overflow-set"></div></div>`;
    const { document, ctx } = doc(post({ thread: '111', extra: replyMarkup }));
    const [starter, reply] = yammerAdapter.findPosts(document);
    expect(yammerAdapter.postId(starter!, ctx)).toBe('111');
    const id = yammerAdapter.postId(reply!, ctx);
    expect(id).toMatch(/^h:[0-9a-f]{16}$/);
    expect(yammerAdapter.extract(reply!, ctx)).toMatchObject({ postId: id, permalink: `${FEED}#yammer-message-${id}`, inReplyTo: { postId: '111' } });
  });

  it('falls back to a stable hash that ignores the page fragment', () => {
    const a = doc(post({ time: '2026-11-01T10:00:00Z' }));
    const b = doc(post({ time: '2026-11-01T10:00:00Z' }), `${FEED}#x`);
    const ida = yammerAdapter.postId(yammerAdapter.findPosts(a.document)[0]!, a.ctx);
    expect(ida).toMatch(/^h:/);
    expect(yammerAdapter.postId(yammerAdapter.findPosts(b.document)[0]!, b.ctx)).toBe(ida);
    expect(yammerAdapter.extract(yammerAdapter.findPosts(b.document)[0]!, b.ctx).permalink).toBe(`${FEED}#yammer-message-${ida}`);
  });
});

describe('extract', () => {
  it('keeps line breaks and drops See more / translation labels and nested replies from the text', () => {
    const reply = post({ cls: 'y-fixedGridColumn', author: 'Ben Okafor', userId: '2', body: '<div class="y-block"><p>REPLY TEXT</p></div>' });
    const body = `<div class="y-block"><p>Line one<br>Line two</p><p>Para two <button><span class="y-fakeLink">See more</span></button></p>${reply}</div>`;
    const { document, ctx } = doc(post({ thread: '1', body, extra: '<button><span class="y-fakeLink">Show translation</span></button>' }));
    const d = yammerAdapter.extract(yammerAdapter.findPosts(document)[0]!, ctx);
    expect(d.text).toBe('Line one\nLine two\n\nPara two');
    expect(d.truncated).toBe(true);
    expect(CaptureDraft.safeParse(d).success).toBe(true);
  });

  it('a translation toggle or bare reply pagination inside the body is not truncation', () => {
    const body = `<div class="y-block"><p>Hallo</p><button><span class="y-fakeLink">Show translation</span></button></div>`;
    const { document, ctx } = doc(post({ thread: '1', body }));
    const d = yammerAdapter.extract(yammerAdapter.findPosts(document)[0]!, ctx);
    expect(d).toMatchObject({ text: 'Hallo', truncated: false });
  });

  it('reads postedAt from a title date and the author from the Like button when the header has no link', () => {
    const { document, ctx } = doc(post({ author: '', row: `<button aria-label="Like - Zoë d’Arc’s post">Like</button>`,
      body: `<span title="November 3, 2026 4:05 PM UTC">Nov 3</span><div><p>Body</p></div>` }));
    const d = yammerAdapter.extract(yammerAdapter.findPosts(document)[0]!, ctx);
    expect(d.author).toEqual({ name: 'Zoë d’Arc', handle: null, profileUrl: null, avatarUrl: null });
    expect(d.postedAt).toBe('2026-11-03T16:05:00.000Z');
  });

  it("takes the name from the link text, not an avatar's alt", () => {
    const { document, ctx } = doc(`<div class="qaThreadStarter"><div>
      <a href="${U('7')}"><img src="https://engage.cloud.microsoft/a/7.png" alt="Profile picture"></a>
      <a href="${U('7')}"><span>Eli Novak</span></a></div>
      <div><p>Hi</p></div><div data-testid="overflow-set"></div></div>`);
    const d = yammerAdapter.extract(yammerAdapter.findPosts(document)[0]!, ctx);
    expect(d.author).toEqual({ name: 'Eli Novak', handle: null, profileUrl: `https://engage.cloud.microsoft${U('7')}`, avatarUrl: 'https://engage.cloud.microsoft/a/7.png' });
  });

  it('flags media it cannot read (blob:) and keeps http images', () => {
    const extra = `<ul><li><img src="blob:https://engage.cloud.microsoft/1" alt=""></li><li><img src="https://engage.cloud.microsoft/f/2.png" alt="two"></li></ul>`;
    const { document, ctx } = doc(post({ thread: '1', extra }));
    const d = yammerAdapter.extract(yammerAdapter.findPosts(document)[0]!, ctx);
    expect(d.media).toEqual([{ kind: 'image', url: 'https://engage.cloud.microsoft/f/2.png', alt: 'two' }]);
    expect(d.mediaMissing).toBe(true);
  });

  it('throws ExtractError (author) when no name can be read', () => {
    const { document, ctx } = doc(post({ author: '', thread: '1', row: '<button aria-label="More actions">…</button>' }));
    const el = yammerAdapter.findPosts(document)[0]!;
    expect(() => yammerAdapter.extract(el, ctx)).toThrow(ExtractError);
    try {
      yammerAdapter.extract(el, ctx);
    } catch (e) {
      expect(e).toMatchObject({ site: 'yammer', field: 'author' });
    }
  });

  it('throws ExtractError (text) for an empty body instead of returning an empty capture', () => {
    const { document, ctx } = doc(post({ thread: '1', body: '<div class="y-block"><p> </p></div>' }));
    expect(() => yammerAdapter.extract(yammerAdapter.findPosts(document)[0]!, ctx)).toThrow(/text/);
  });

  it('accepts an image-only post (empty text, media present)', () => {
    const { document, ctx } = doc(post({ thread: '1', body: '<div class="y-block"><p></p></div>', extra: '<img src="https://engage.cloud.microsoft/f/1.png" alt="">' }));
    expect(yammerAdapter.extract(yammerAdapter.findPosts(document)[0]!, ctx)).toMatchObject({ text: '', media: [{ kind: 'image' }] });
  });
});

describe('actionRow', () => {
  it("returns the post's own row, not a nested reply's", () => {
    const { document } = loadFixture('yammer', 'yammer-2026-11_thread-page_nested-replies_show-previous');
    const [starter, ana, eli] = yammerAdapter.findPosts(document);
    const row = yammerAdapter.actionRow(starter!)!;
    expect(row.querySelector('button')!.getAttribute('aria-label')).toBe("Like - Eli Novak's post");
    expect(yammerAdapter.actionRow(ana!)!.querySelector('button')!.getAttribute('aria-label')).toBe("Like - Ana Lima's comment");
    expect(yammerAdapter.actionRow(eli!)!.querySelector('button')!.getAttribute('aria-label')).toBe("Like - Eli Novak's comment");
  });
});

describe('extractThread', () => {
  it('is null for a feed starter with no replies shown', () => {
    const { document, ctx } = doc(`<ul><li>${post({ thread: '1' })}</li></ul>`);
    expect(yammerAdapter.extractThread!(yammerAdapter.findPosts(document)[0]!, ctx)).toBeNull();
  });

  it('from a reply, returns the whole conversation starting at the starter', () => {
    const { document, expected } = loadFixture('yammer', 'yammer-2026-11_thread-page_nested-replies_show-previous');
    const ctx = { document, url: expected.url };
    const reply = yammerAdapter.findPosts(document)[3]!;
    const d = yammerAdapter.extractThread!(reply, ctx)!;
    expect(d.postId).toBe('2454500000000001');
    expect(d.thread.map((p) => p.postId)).toEqual(['2454500000000001', '2454500000000101', '2454500000000102', '2454500000000103', '2454500000000104']);
    expect(CaptureDraft.safeParse(d).success).toBe(true);
  });

  it('marks the thread partial when the reply counter exceeds the replies shown', () => {
    const counter = `<button><span>3 replies</span><svg><path d="M7.35 3.65c.2.2.2.5 0 .7Z"></path></svg></button>`;
    const reply = post({ cls: 'y-fixedGridColumn', author: 'Ben Okafor', userId: '2', body: '<div><p>Only one shown</p></div>' });
    const url = `https://engage.cloud.microsoft${T('1')}`;
    const { document, ctx } = doc(post({ extra: counter + reply }), url);
    const d = yammerAdapter.extractThread!(yammerAdapter.findPosts(document)[0]!, ctx)!;
    expect(d.thread).toHaveLength(2);
    expect(d.threadPartial).toBe(true);
  });

  it('skips an unreadable reply and marks the thread partial', () => {
    const broken = `<div class="y-fixedGridColumn"><div data-testid="overflow-set"></div></div>`;
    const url = `https://engage.cloud.microsoft${T('1')}`;
    const { document, ctx } = doc(post({ extra: broken }), url);
    const d = yammerAdapter.extractThread!(yammerAdapter.findPosts(document)[0]!, ctx)!;
    expect(d.thread.map((p) => p.postId)).toEqual(['1']);
    expect(d.threadPartial).toBe(true);
  });
});

// @vitest-environment jsdom
import { describe, it, expect } from 'vitest';
import { CaptureDraft, mergeDraftContent } from '../../schema';
import { ExtractError } from '../types';
import { loadFixture, listFixtures, loadDocument } from '../../../tests/helpers/load-fixture';
import { xAdapter, isXPage } from './index';
import { originalMediaUrl } from './media';
import { expandedUrl } from './text';

// Unit tests of the X adapter on the fixtures in tests/fixtures/x/ (the generic runner checks the
// .expected.json facts; these name the cases from the issue and poke at the DOM where the runner can't).

function open(name: string, url?: string) {
  const { document, expected } = loadFixture('x', name);
  const ctx = { document, url: url ?? expected.url };
  const posts = xAdapter.findPosts(document);
  return { document, ctx, posts, first: posts[0]!, extract: (el: Element = posts[0]!) => xAdapter.extract(el, ctx) };
}

const SHOW_MORE_2023_10 = 'x-2023-10_timeline_reposted-by-you_show-more_mention_OLD-css-1dbjc4n';
const COMPLETE_STATUS = 'x-2026-11_status-page_long-post-complete__synthetic';
const EMOJI = 'x-2026-11_timeline_emoji-skin-tone_hashtags_tco-split__synthetic';
const UNAVAILABLE = 'x-2026-11_timeline_quote_quoted-unavailable__synthetic';
const THREAD = 'x-2026-11_status-page_self-thread-3-parts_reply-by-other__synthetic';
const ARTICLE_STATUS = 'x-2026-11_status-page_article-read-view_headings-lists-link__synthetic';
const ARTICLE_PAGE = 'x-2026-11_article-page_read-view-standalone_itemprop-author__synthetic';
const ARTICLE_CARD = 'x-2026-11_timeline_article-preview-card__synthetic';
const PHOTO_PLACEHOLDER = 'x-2026-11_timeline_photo-placeholder-without-img__synthetic';
const PHOTO_GRID = 'x-2026-11_timeline_photo-grid-2x2_dom-order-1-3-2-4_gap__synthetic';

describe('isSupportedPage', () => {
  it.each([
    'https://x.com/home',
    'https://x.com/person_c/status/1694469132154857454',
    'https://twitter.com/search?q=satchel',
    'https://mobile.x.com/i/lists/1',
    'https://mobile.twitter.com/test_account_a',
    'https://X.com/home',
  ])('supports %s', (url) => expect(xAdapter.isSupportedPage(url)).toBe(true));

  it.each([
    'https://www.linkedin.com/feed/',
    'https://engage.cloud.microsoft/main/feed',
    'https://example.com/x.com/home',
    'https://x.com.evil.example/home',
    'https://api.x.com/2/tweets',
    'https://t.co/xYHSw5Tm00',
    'http://x.com/home',
    'not a url',
  ])('does not support %s', (url) => expect(isXPage(url)).toBe(false));
});

describe('findPosts', () => {
  it('returns post roots in document order and never the quoted post', () => {
    const { posts } = open('x-2025-10_timeline_quote_quoted-has-image__tweetyoink');
    expect(posts).toHaveLength(1);
    const thread = open(THREAD);
    expect(thread.posts.map((p) => xAdapter.postId(p, thread.ctx))).toEqual([
      '1734248650227779110', '1734248653921333595', '1734248657546422767', '1734257275171939825',
    ]);
  });

  it('accepts a post root itself as the search root', () => {
    const { first } = open(EMOJI);
    expect(xAdapter.findPosts(first)).toEqual([first]);
  });
});

describe('postId', () => {
  it('is re-read on every call: a recycled element reports its new id', () => {
    const { first, ctx } = open('x-2023-12_thread_cell-1-of-3_plain-text');
    expect(xAdapter.postId(first, ctx)).toBe('1734248650227779110');
    // React reuses the cell for another post (docs/sites/x.md §1.3): the links now point elsewhere.
    for (const a of first.querySelectorAll('a[href*="/status/"]')) {
      a.setAttribute('href', a.getAttribute('href')!.replace('1734248650227779110', '1734248653921333595'));
    }
    expect(xAdapter.postId(first, ctx)).toBe('1734248653921333595');
    expect(xAdapter.extract(first, ctx).postId).toBe('1734248653921333595');
  });

  it('falls back to the analytics link, then the page URL for a focal post, then photo links', () => {
    const { first, ctx } = open('x-2023-12_timeline_single-image_tco-link-split-spans');
    first.querySelector('time')!.closest('a')!.removeAttribute('href');
    expect(xAdapter.postId(first, ctx)).toBe('1735933100781604135'); // analytics link
    first.querySelector('a[href$="/analytics"]')!.remove();
    expect(xAdapter.postId(first, ctx)).toBe('1735933100781604135'); // /status/<id>/photo/1
    first.querySelector('a[href*="/photo/"]')!.remove();
    expect(xAdapter.postId(first, ctx)).toBeNull();
    // a focal post (tabindex=-1) on a status page takes the page URL's id
    first.setAttribute('tabindex', '-1');
    const status = { ...ctx, url: 'https://x.com/test_account_a/status/1735933100781604135' };
    expect(xAdapter.postId(first, status)).toBe('1735933100781604135');
    expect(xAdapter.extract(first, status).permalink).toBe('https://x.com/test_account_a/status/1735933100781604135');
    // …but only the focal post: a timeline post on that page does not borrow the URL's id
    first.setAttribute('tabindex', '0');
    expect(xAdapter.postId(first, status)).toBeNull();
    expect(() => xAdapter.extract(first, status)).toThrow(ExtractError);
  });

  it('the quoted post id never leaks into the quoting post', () => {
    const { first, ctx } = open('x-2025-10_timeline_quote_quoted-has-image__tweetyoink');
    first.querySelector('time')!.closest('a')!.remove();
    first.querySelector('a[href$="/analytics"]')!.remove();
    // only the quoted post's /photo/1 link is left: it must not become the quoting post's id
    expect(xAdapter.postId(first, ctx)).toBeNull();
  });
});

describe('extract', () => {
  it('X Show more in a timeline: saved with truncated true', () => {
    const { extract } = open(SHOW_MORE_2023_10);
    const d = extract();
    expect(d.truncated).toBe(true);
    expect(d.postId).toBe('1694469132154857454');
    // the label of the show-more control (here anonymised to lorem "ut ame incididun") is not text
    expect(d.text).not.toMatch(/ut ame|incididun$|Show more/);
    expect(d.text.endsWith('elit magna …')).toBe(true);
  });

  it('on the status page the same post is complete', () => {
    const timeline = open(SHOW_MORE_2023_10).extract();
    const status = open(COMPLETE_STATUS).extract();
    expect(status.postId).toBe(timeline.postId);
    expect(status.permalink).toBe(timeline.permalink);
    expect(status.truncated).toBe(false);
    expect(status.repostedBy).toBeNull();
    const shown = timeline.text.replace(/\s*…$/, '');
    expect(status.text.startsWith(shown)).toBe(true);
    expect(status.text.length).toBeGreaterThan(timeline.text.length);
    expect(status.text.endsWith('eu fugiat nulla pariatur.')).toBe(true);
  });

  it('emoji img alt next to a real emoji with a skin-tone modifier: both kept as characters', () => {
    const d = open(EMOJI).extract();
    // <img alt="🙏"> immediately followed by the text "👍🏽" (U+1F44D U+1F3FD)
    expect(d.text).toContain('Thanks \u{1F64F}\u{1F44D}\u{1F3FD} to @person_l');
    expect(d.author!.name).toBe('Person K \u{1F30D}');
    // emoji in a display name from a real capture
    const named = open('x-2023-12_timeline_quote_show-more_quoted-reply-with-gif_emoji-img').extract();
    expect(named.author!.name).toBe('Person E — e/acc ⏩');
    // emoji img inside quoted text from a real capture
    const quoted = open('x-2024-06_timeline_quote_quoted-4-videos_show-more_hashtag_emoji-img').extract();
    expect(quoted.quoted!.text).toContain('consec❤️\n\naliquip adipis');
  });

  it('t.co link whose visible text is split into hidden spans: saved text and links hold the full expanded URL', () => {
    const d = open(EMOJI).extract();
    const full = 'https://example.org/articles/2026/accessible-emoji-guide?ref=x';
    expect(d.text.endsWith(full)).toBe(true);
    expect(d.text).not.toContain('…');
    expect(d.links).toEqual([{ url: full, title: null }]);
    // the real capture: an internal link split the same way
    const real = open('x-2023-12_timeline_single-image_tco-link-split-spans').extract();
    expect(real.text).toBe('images + broadcast https://twitter.com/i/broadcasts/1OwGWwYEoyDGQ');
    expect(real.links).toEqual([{ url: 'https://twitter.com/i/broadcasts/1OwGWwYEoyDGQ', title: null }]);
    expect(real.mentions).toEqual([]);
  });

  it('quote of a post that is now unavailable', () => {
    const d = open(UNAVAILABLE).extract();
    expect(d.quoted).toMatchObject({ unavailable: true, author: null, postId: null, permalink: null, text: '' });
    expect(d.quoteMissing).toBe(false);
    // the quoting post keeps its own author and text; the tombstone's "Learn more" link is not its link
    expect(d.author!.handle).toBe('person_k');
    expect(d.text).toBe('Saving this before it disappears again');
    expect(d.links).toEqual([]);
  });

  it('repost: the reposter comes from socialContext and is never the author', () => {
    const d = open('x-2023-12_timeline_reposted-by-you_socialContext_video').extract();
    expect(d.repostedBy).toEqual({ name: 'You', profileUrl: 'https://x.com/test_account_a' });
    expect(d.author!.handle).toBe('person_c');
    expect(d.permalink).toBe('https://x.com/person_c/status/1730332754224697766');
  });

  it('poll: options, derived exact counts, total and closed flag', () => {
    const d = open('x-2023-11_timeline_poll_finished').extract();
    expect(d.poll).toEqual({
      options: [{ label: 'long question poll 1', votes: 1 }, { label: 'choice 2', votes: 0 }],
      totalVotes: 1,
      closed: true,
    });
    expect(d.links).toEqual([]); // a poll is a card but not a link
  });

  it('link card: title from the card, target from its link', () => {
    const small = open('x-2024-01_timeline_link-card-small_tco').extract();
    // only the domain "middleeasteye.net" is shown: the t.co target is kept (it still reaches the article)
    expect(small.links).toEqual([{ url: 'https://t.co/t8y4tqumch', title: 'Egypt bans niqab in schools' }]);
    const focal = open('x-2025-10_status-page-focal_link-card__tweetyoink').extract();
    expect(focal.links).toEqual([{ url: 'https://t.co/xYHSw5Tm00', title: "Democrat Shutdown Jeopardizes America's Skies" }]);
    const carousel = open('x-2024-01_timeline_brand_link-card-carousel_6-images').extract();
    expect(carousel.links).toHaveLength(6);
    expect(carousel.links[0]).toEqual({
      url: 'https://ark-invest.com/podcast/roblox-the-virtual-playground-where-gaming-fashion-and-real-world-brands-collide',
      title: 'FYI | EP 200',
    });
    expect(carousel.media).toEqual([]); // card images are previews, not attachments
  });

  it('link card whose t.co also appears expanded in the text takes the expanded URL', () => {
    const { first, ctx } = open('x-2024-01_timeline_link-card-small_tco');
    first.querySelector('[data-testid="tweetText"]')!.insertAdjacentHTML(
      'beforeend',
      '<a href="https://t.co/t8y4tqumch"><span aria-hidden="true">https://</span>middleeasteye.net/news/egypt-ba<span aria-hidden="true">ns-niqab</span><span aria-hidden="true">…</span></a>',
    );
    expect(xAdapter.extract(first, ctx).links).toEqual([
      { url: 'https://middleeasteye.net/news/egypt-bans-niqab', title: 'Egypt bans niqab in schools' },
    ]);
  });

  it('video poster never blob', () => {
    const d = open('x-2025-10_timeline_quote_quoted-has-video__tweetyoink').extract();
    expect(d.quoted!.media).toEqual([{ kind: 'video', url: 'https://pbs.twimg.com/amplify_video_thumb/placeholder/video_poster.jpg', alt: null }]);
    // no media URL in any X fixture is a blob:
    for (const fx of listFixtures().filter((f) => f.site === 'x' && f.expected)) {
      const document = loadDocument(fx.html, fx.expected!.url);
      for (const el of xAdapter.findPosts(document)) {
        let draft: CaptureDraft;
        try { draft = xAdapter.extract(el, { document, url: fx.expected!.url }); } catch { continue; }
        const urls = [...draft.media, ...(draft.quoted?.media ?? [])].map((m) => m.url);
        expect(urls.filter((u) => !u.startsWith('https://')), fx.name).toEqual([]);
      }
    }
  });

  it('a video with only a blob: source and no poster is flagged mediaMissing, not saved', () => {
    const { first, ctx } = open('x-2025-10_timeline_quote_quoted-has-video__tweetyoink');
    first.querySelector('video')!.removeAttribute('poster');
    const d = xAdapter.extract(first, ctx);
    expect(d.quoted!.media).toEqual([]);
    expect(d.quoted!.mediaMissing).toBe(true);
  });

  it('GIF from tweet_video_thumb, video from amplify/ext_tw thumbs, images at orig size', () => {
    const gif = open('x-2023-12_timeline_quote_show-more_quoted-reply-with-gif_emoji-img').extract();
    expect(gif.quoted!.media).toEqual([{ kind: 'gif', url: 'https://pbs.twimg.com/tweet_video_thumb/PLACEHOLDERmedia8ebe59?format=jpg&name=orig', alt: null }]);
    const four = open('x-2024-06_timeline_quote_quoted-4-videos_show-more_hashtag_emoji-img').extract();
    expect(four.quoted!.media.map((m) => m.kind)).toEqual(['video', 'video', 'video', 'video']);
    expect(four.media).toEqual([]);
    const img = open('x-2023-12_timeline_single-image_tco-link-split-spans').extract();
    expect(img.media).toEqual([{ kind: 'image', url: 'https://pbs.twimg.com/media/PLACEHOLDERmediafdd335?format=jpg&name=orig', alt: null }]);
    expect(open(EMOJI).extract().media[0]!.alt).toBe('Bar chart of emoji use by skin tone');
  });

  it('quoted post: its own author, text, time; id only via /photo/1; flags stay its own', () => {
    const withImage = open('x-2025-10_timeline_quote_quoted-has-image__tweetyoink').extract();
    expect(withImage.quoted).toMatchObject({
      postId: '1983129251856470493',
      permalink: 'https://x.com/OriginalAuthor/status/1983129251856470493',
      author: { name: 'Original Author', handle: 'OriginalAuthor', profileUrl: 'https://x.com/OriginalAuthor' },
      postedAt: '2025-10-28T11:10:33.000Z',
    });
    expect(withImage.author!.handle).toBe('TestQuoter');
    expect(withImage.media).toEqual([]);
    const withVideo = open('x-2025-10_timeline_quote_quoted-has-video__tweetyoink').extract();
    expect(withVideo.quoted).toMatchObject({ postId: null, permalink: null, unavailable: false });
    expect(withVideo.quoteMissing).toBe(false);
    const truncatedQuote = open('x-2023-12_timeline_quote_show-more_quoted-reply-with-gif_emoji-img').extract();
    expect(truncatedQuote.truncated).toBe(false);
    expect(truncatedQuote.quoted!.truncated).toBe(true);
    expect(truncatedQuote.inReplyTo).toBeNull(); // "Replying to" belongs to the quoted post
  });

  it('a quote block whose author cannot be read sets quoteMissing', () => {
    const { first, ctx } = open('x-2025-10_timeline_quote_quoted-has-image__tweetyoink');
    const quoteEl = first.querySelector('div[role="link"] [data-testid="User-Name"]')!.closest('div[role="link"]')!;
    for (const el of quoteEl.querySelectorAll('[data-testid="User-Name"] span, [data-testid^="UserAvatar-Container-"]')) {
      if (el.textContent?.startsWith('@')) el.textContent = '';
      el.removeAttribute('data-testid');
    }
    const d = xAdapter.extract(first, ctx);
    expect(d.quoted).toBeNull();
    expect(d.quoteMissing).toBe(true);
  });

  it('"Replying to @x" above the text becomes inReplyTo', () => {
    const { first, ctx } = open('x-2023-12_thread_cell-2-of-3_plain-text');
    first.querySelector('[data-testid="tweetText"]')!.insertAdjacentHTML(
      'beforebegin',
      '<div dir="ltr">Replying to <div><span><a href="/test_account_b" role="link">@test_account_b</a></span></div></div>',
    );
    expect(xAdapter.extract(first, ctx).inReplyTo).toEqual({ postId: null, handle: 'test_account_b', permalink: null });
  });

  it('hashtags and mentions are saved without # and @; cashtags are neither', () => {
    const d = open(EMOJI).extract();
    expect(d.hashtags).toEqual(['a11y', 'Emoji']);
    expect(d.mentions).toEqual(['person_l']);
    expect(d.text).toContain('#a11y #Emoji $TSLA');
    expect(open(SHOW_MORE_2023_10).extract().mentions).toEqual(['person_d']);
  });

  it.each([
    ['und', null], ['zxx', null], ['qme', null], ['qam', null], ['qht', null], ['en', 'en'], ['pt-BR', 'pt-BR'], ['', null],
  ])('lang %j is saved as %j', (lang, want) => {
    const { first, ctx } = open('x-2023-12_thread_cell-1-of-3_plain-text');
    first.querySelector('[data-testid="tweetText"]')!.setAttribute('lang', lang);
    expect(xAdapter.extract(first, ctx).lang).toBe(want);
  });

  it('postedAt is decoded from the id when time[datetime] is missing', () => {
    const { first, ctx } = open('x-2023-12_thread_cell-1-of-3_plain-text');
    first.querySelector('time')!.removeAttribute('datetime');
    expect(xAdapter.extract(first, ctx).postedAt).toBe('2023-12-11T16:27:53.653Z');
  });

  it('throws ExtractError with site, field and selector when the author or id cannot be read', () => {
    const { posts, ctx } = open('x-2026-11_timeline_refused_empty-post_no-author_no-id__synthetic');
    const errors = posts.map((el) => {
      try { xAdapter.extract(el, ctx); return null; } catch (e) { return e as ExtractError; }
    });
    expect(errors.map((e) => e && [e.name, e.site, e.field, e.selector])).toEqual([
      ['ExtractError', 'x', 'text', 'postText'],
      ['ExtractError', 'x', 'author', 'userName'],
      ['ExtractError', 'x', 'postId', 'permalink'],
    ]);
  });

  it('every extracted draft passes the strict schema', () => {
    for (const fx of listFixtures().filter((f) => f.site === 'x' && f.expected)) {
      const document = loadDocument(fx.html, fx.expected!.url);
      for (const el of xAdapter.findPosts(document)) {
        let draft: unknown;
        try { draft = xAdapter.extract(el, { document, url: fx.expected!.url }); } catch { continue; }
        const r = CaptureDraft.safeParse(draft);
        expect(r.success, `${fx.name}: ${r.success ? '' : JSON.stringify(r.error.issues)}`).toBe(true);
      }
    }
  });
});

describe('X Articles (issue 9 part 2; docs/sites/x.md "Articles")', () => {
  it(`${ARTICLE_STATUS}: saved with the title and the whole body as text, paragraphs apart, headings and list items on their own lines`, () => {
    const d = open(ARTICLE_STATUS).extract();
    expect(d.title).toBe('Field notes on saving what you read');
    expect(d.truncated).toBe(false);
    const blocks = d.text.split('\n\n');
    expect(blocks[0]).toBe('Most of what I read on X scrolls away before I can come back to it.');
    // bold and an inline link (wrapped in a div) stay inside their paragraph
    expect(blocks[1]).toBe('The fix is boring: keep a library, and write down why each item matters.');
    expect(blocks[2]).toBe('What to keep');
    expect(blocks[3]).toBe('- The post itself, with its images\n- Who wrote it and when\n- One line on why it was worth keeping');
    expect(blocks).toContain('1. Open the library on Sunday\n2. Archive anything you would not save again');
    // a code block keeps its indentation; its language label and copy button are not text
    expect(blocks).toContain('library.review(every: "Sunday")\n  .archive(unless: "worth saving again")');
    // the soft line break inside the last block is kept; empty blocks and image blocks add no text
    expect(d.text.endsWith('Saving is cheap; reading is the point.\n\nThat is all.\nThanks for reading.')).toBe(true);
    expect(d.text).not.toMatch(/\n{3}/);
    expect(d.links).toEqual([{ url: 'https://example.org/reading-list', title: null }]);
    // cover and body image, in page order; the other person's reply is its own post
    expect(d.media.map((m) => m.url)).toEqual([
      'https://pbs.twimg.com/media/PLACEHOLDERart01?format=jpg&name=orig',
      'https://pbs.twimg.com/media/PLACEHOLDERart02?format=jpg&name=orig',
    ]);
  });

  it(`${ARTICLE_STATUS}: a read view whose body has not rendered is saved with the title as text and truncated`, () => {
    const { first, ctx } = open(ARTICLE_STATUS);
    first.querySelector('[data-testid="twitterArticleRichTextView"]')!.remove();
    const d = xAdapter.extract(first, ctx);
    expect(d.text).toBe('Field notes on saving what you read');
    expect(d.title).toBe('Field notes on saving what you read');
    expect(d.truncated).toBe(true);
  });

  it(`${ARTICLE_STATUS}: a tweet embedded in the article body is neither the quote nor a separate post`, () => {
    const { document, first, ctx } = open(ARTICLE_STATUS);
    const section = first.querySelector('section[data-block="true"]')!;
    section.insertAdjacentHTML(
      'afterend',
      '<section data-block="true" contenteditable="false"><div data-testid="simpleTweet"><div role="link" tabindex="0">' +
        '<article role="article" data-testid="tweet"><div data-testid="User-Name"><a href="/person_z"><div dir="ltr"><span>Person Z</span></div></a>' +
        '<a href="/person_z"><span>@person_z</span></a><a href="/person_z/status/2122900000000000000"><time datetime="2026-11-17T10:00:00.000Z">Nov 17</time></a></div>' +
        '<div data-testid="tweetText" lang="en"><span>an embedded post</span></div></article></div></div></section>',
    );
    expect(xAdapter.findPosts(document)).toHaveLength(2); // the focal post and the reply
    const d = xAdapter.extract(first, ctx);
    expect(d.quoted).toBeNull();
    expect(d.postId).toBe('2122963014253388265');
    expect(d.text).not.toContain('an embedded post');
  });

  it(`${ARTICLE_PAGE}: the read view on its own page is a post: author from its byline, id from /analytics`, () => {
    const { posts, ctx, extract } = open(ARTICLE_PAGE);
    expect(posts).toHaveLength(1);
    expect(xAdapter.postId(posts[0]!, ctx)).toBe('2123355601107412055');
    const d = extract();
    expect(d.author).toMatchObject({ name: 'Person P', handle: 'person_p' });
    expect(d.title).toBe('An article on its own page');
    expect(d.text.startsWith('A short article read on its own page.\n\nWhy it matters\n\n- Articles have a title')).toBe(true);
    expect(d.text).not.toMatch(/Follow|Click to Follow/);
    expect(xAdapter.actionRow(posts[0]!)!.getAttribute('aria-label')).toMatch(/^2 replies/);
  });

  it(`${ARTICLE_CARD}: the timeline card saves the title and the preview it shows, truncated`, () => {
    const d = open(ARTICLE_CARD).extract();
    expect(d.title).toBe('Why I stopped bookmarking');
    expect(d.text).toMatch(/^Bookmarks pile up because/);
    expect(d.text).not.toMatch(/^Article|Why I stopped bookmarking/);
    expect(d.truncated).toBe(true);
    expect(d.links).toEqual([]); // the card's link is the article itself, not a link in it
  });

  it(`${ARTICLE_CARD}: a card without a cover image still gives its title and preview`, () => {
    const { first, ctx } = open(ARTICLE_CARD);
    const cover = first.querySelector('[data-testid="article-cover-image"]')!;
    cover.before(...cover.querySelectorAll('[aria-label="Article"]'));
    cover.remove();
    const d = xAdapter.extract(first, ctx);
    expect(d.title).toBe('Why I stopped bookmarking');
    expect(d.text).toMatch(/^Bookmarks pile up because/);
    expect(d.truncated).toBe(true);
    expect(d.media).toEqual([]);
  });

  it(`${ARTICLE_CARD} then ${ARTICLE_STATUS}-like status page: the later full read replaces the preview (fuller wins)`, () => {
    const card = open(ARTICLE_CARD).extract();
    const full = { ...open(ARTICLE_STATUS).extract(), postId: card.postId, permalink: card.permalink };
    const { draft, completed } = mergeDraftContent(card, full);
    expect(completed).toBe(true);
    expect(draft.truncated).toBe(false);
    expect(draft.text).toBe(full.text);
    expect(draft.title).toBe(card.title); // the first title stays
  });

  it(`${ARTICLE_STATUS}: a read view whose title and body have not rendered is refused, never saved with empty text`, () => {
    const { first, ctx } = open(ARTICLE_STATUS);
    first.querySelector('[data-testid="twitterArticleRichTextView"]')!.remove();
    first.querySelector('[data-testid="twitter-article-title"]')!.remove();
    // the cover image is still there: without the article check the post would save as an image with no text
    expect(() => xAdapter.extract(first, ctx)).toThrow(ExtractError);
    expect(() => xAdapter.extract(first, ctx)).toThrow(/articleBody/);
  });

  it(`${ARTICLE_CARD}: a post with its own text and an article card keeps the article as a link with its title`, () => {
    const { first, ctx } = open(ARTICLE_CARD);
    first.querySelector('[data-testid="User-Name"]')!.parentElement!.insertAdjacentHTML(
      'afterend', '<div dir="auto" lang="en" data-testid="tweetText"><span>My new piece on bookmarks</span></div>',
    );
    const d = xAdapter.extract(first, ctx);
    expect(d.text).toBe('My new piece on bookmarks');
    expect(d.title).toBeNull();
    expect(d.truncated).toBe(false);
    expect(d.links).toEqual([{ url: 'https://x.com/person_q/article/2122726455508684320', title: 'Why I stopped bookmarking' }]);
  });

  it('an article body longer than the schema allows is cut and marked truncated', () => {
    const { first, ctx } = open(ARTICLE_STATUS);
    const leaf = first.querySelector('[data-testid="longformRichTextComponent"] [data-text="true"]')!;
    leaf.textContent = 'x'.repeat(70 * 1024);
    const d = xAdapter.extract(first, ctx);
    expect(d.text.length).toBeLessThanOrEqual(64 * 1024);
    expect(d.truncated).toBe(true);
    expect(CaptureDraft.safeParse(d).success).toBe(true);
  });
});

describe('photos (issue 9 part 2; docs/sites/x.md "Photos")', () => {
  it(`${PHOTO_PLACEHOLDER}: a /photo/N link whose placeholder holds no <img> sets mediaMissing`, () => {
    const { posts, extract } = open(PHOTO_PLACEHOLDER);
    const [a, b] = posts.map((p) => extract(p));
    expect(a).toMatchObject({ mediaMissing: true, media: [{ url: 'https://pbs.twimg.com/media/PLACEHOLDERph01?format=jpg&name=orig' }] });
    // no tweetPhoto at all inside the link yet: still a photo slot, still missing
    expect(b).toMatchObject({ mediaMissing: true, media: [] });
  });

  it(`${PHOTO_PLACEHOLDER}: a later read with the image loaded clears mediaMissing through mergeDraftContent`, () => {
    const { posts, ctx } = open(PHOTO_PLACEHOLDER);
    const el = posts[1]!;
    const before = xAdapter.extract(el, ctx);
    el.querySelector('a[href$="/photo/1"] > div > div:last-child')!.innerHTML =
      '<div aria-label="Image" data-testid="tweetPhoto"><img alt="Image" src="https://pbs.twimg.com/media/PLACEHOLDERph02?format=jpg&amp;name=small"></div>';
    const after = xAdapter.extract(el, ctx);
    expect(after.mediaMissing).toBe(false);
    const { draft, completed } = mergeDraftContent(before, after);
    expect(completed).toBe(true);
    expect(draft.mediaMissing).toBe(false);
    expect(draft.media).toEqual([{ kind: 'image', url: 'https://pbs.twimg.com/media/PLACEHOLDERph02?format=jpg&name=orig', alt: null }]);
  });

  it(`${PHOTO_GRID}: media follow the /photo/N index, not DOM order; a missing index sets mediaMissing`, () => {
    const { posts, extract } = open(PHOTO_GRID);
    const [grid, gap] = posts.map((p) => extract(p));
    expect(grid!.media.map((m) => m.url.replace(/.*media\/(\w+)\?.*/, '$1'))).toEqual([
      'PLACEHOLDERgr01', 'PLACEHOLDERgr02', 'PLACEHOLDERgr03', 'PLACEHOLDERgr04',
    ]);
    expect(grid!.mediaMissing).toBe(false);
    expect(gap!.media.map((m) => m.url.replace(/.*media\/(\w+)\?.*/, '$1'))).toEqual(['PLACEHOLDERgr11', 'PLACEHOLDERgr13', 'PLACEHOLDERgr14']);
    expect(gap!.mediaMissing).toBe(true);
  });
});

describe('actionRow', () => {
  it('is the post action bar, not a carousel', () => {
    const { first } = open('x-2024-01_timeline_brand_link-card-carousel_6-images');
    const row = xAdapter.actionRow(first)!;
    expect(row.getAttribute('aria-label')).toMatch(/^7 replies, 9 reposts/);
    expect(row.querySelector('[data-testid="reply"]')).not.toBeNull();
  });

  it('is the main post bar even when the quote block wraps it (upstream-edited 2025 capture)', () => {
    const { first } = open('x-2025-10_timeline_quote_quoted-has-video__tweetyoink');
    expect(xAdapter.actionRow(first)!.querySelector('a[href="/QuotingUser/status/1983128852952998358/analytics"]')).not.toBeNull();
  });

  it('is null when a post has no action bar', () => {
    const { first } = open('x-2023-12_thread_cell-1-of-3_plain-text');
    first.querySelector('div[role="group"]')!.remove();
    expect(xAdapter.actionRow(first)).toBeNull();
  });
});

describe('extractThread', () => {
  it('joins the consecutive posts of the focal author and leaves out the reply by someone else', () => {
    const { first, ctx } = open(THREAD);
    const t = xAdapter.extractThread!(first, ctx)!;
    expect(t.thread.map((p) => p.text)).toEqual(['the head of a thread', '2nd message of a thread', '3rd message of a thread']);
    expect(t.thread.every((p) => p.author!.handle === 'test_account_a')).toBe(true);
    expect(t.postId).toBe('1734248650227779110');
    expect(t.text).toBe('the head of a thread');
    expect(t.threadPartial).toBe(false);
  });

  it('starting from a middle part gives the same thread', () => {
    const { posts, ctx } = open(THREAD);
    expect(xAdapter.extractThread!(posts[1]!, ctx)!.thread.map((p) => p.postId)).toEqual([
      '1734248650227779110', '1734248653921333595', '1734248657546422767',
    ]);
  });

  it('threadPartial when a "Show replies" control follows the last part', () => {
    const { document, first, ctx, posts } = open(THREAD);
    const cell = document.createElement('div');
    cell.setAttribute('data-testid', 'cellInnerDiv');
    cell.innerHTML = '<div role="button" tabindex="0"><span>Show replies</span></div>';
    posts[2]!.closest('[data-testid="cellInnerDiv"]')!.after(cell);
    expect(xAdapter.extractThread!(first, ctx)!.threadPartial).toBe(true);
  });

  it('threadPartial when the last loaded part has replies the page has not loaded', () => {
    const { first, ctx, posts } = open(THREAD);
    posts[3]!.closest('[data-testid="cellInnerDiv"]')!.remove(); // the other person's reply
    posts[2]!.querySelector('div[role="group"]')!.setAttribute('aria-label', '1 reply, 1 like, 13 views');
    expect(xAdapter.extractThread!(first, ctx)!.threadPartial).toBe(true);
  });

  it('threadPartial when the first part replies to its own author (earlier parts not loaded)', () => {
    const { first, ctx } = open(THREAD);
    first.querySelector('[data-testid="tweetText"]')!.insertAdjacentHTML(
      'beforebegin',
      '<div dir="ltr">Replying to <a href="/test_account_a" role="link">@test_account_a</a></div>',
    );
    expect(xAdapter.extractThread!(first, ctx)!.threadPartial).toBe(true);
  });

  it('is null off a status page', () => {
    const { first, document } = open(THREAD);
    expect(xAdapter.extractThread!(first, { document, url: 'https://x.com/home' })).toBeNull();
  });
});

describe('helpers', () => {
  it.each([
    ['https://pbs.twimg.com/media/GCituX7XEAAg1lS?format=webp&name=tiny', 'https://pbs.twimg.com/media/GCituX7XEAAg1lS?format=jpg&name=orig'],
    ['https://pbs.twimg.com/media/ABC?format=png&name=small', 'https://pbs.twimg.com/media/ABC?format=png&name=orig'],
    ['https://pbs.twimg.com/media/placeholder_image.jpg', 'https://pbs.twimg.com/media/placeholder_image?format=jpg&name=orig'],
    ['https://pbs.twimg.com/media/ABC.png:large', 'https://pbs.twimg.com/media/ABC.png:large'],
    ['https://pbs.twimg.com/tweet_video_thumb/X?format=webp&name=tiny', 'https://pbs.twimg.com/tweet_video_thumb/X?format=jpg&name=orig'],
    ['https://pbs.twimg.com/amplify_video_thumb/1/img/a.jpg', 'https://pbs.twimg.com/amplify_video_thumb/1/img/a.jpg'],
    ['https://pbs.twimg.com/profile_images/1/a_normal.jpg', 'https://pbs.twimg.com/profile_images/1/a_normal.jpg'],
    ['https://example.com/media/a.jpg?name=tiny', 'https://example.com/media/a.jpg?name=tiny'],
  ])('originalMediaUrl(%s)', (src, want) => expect(originalMediaUrl(src)).toBe(want));

  it('expandedUrl rebuilds split spans and refuses non-URLs', () => {
    const doc = loadDocument('<a id="a"><span aria-hidden="true">https://</span>x.org/a<span aria-hidden="true">bc</span><span aria-hidden="true">…</span></a><a id="b">@person_d</a><a id="c">Example.com</a>', 'https://x.com/home');
    expect(expandedUrl(doc.getElementById('a')!)).toBe('https://x.org/abc');
    expect(expandedUrl(doc.getElementById('b')!)).toBeNull();
    expect(expandedUrl(doc.getElementById('c')!)).toBeNull();
  });
});

// @vitest-environment jsdom
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { CaptureDraft, contentKeyOf } from '../../schema';
import { ExtractError } from '../types';
import { linkedinAdapter as li, isSupportedPage } from './index';
import * as S from './selectors';

// Fixture facts are pinned in tests/fixtures/linkedin/*.expected.json (generic runner); these tests
// name the issue's cases and check behaviour the runner cannot (no clicking, recycling, action rows).
const DIR = join(import.meta.dirname, '..', '..', '..', 'tests', 'fixtures', 'linkedin');

const F = {
  comments2024: 'linkedin-2024-09_activity-comments_header-context_image_see-more',
  feed2025: 'linkedin-2025-08_feed_post-text-only_see-more_hybrid-hashed-classes',
  video2026: 'linkedin-2026-07_activity-posts_video_see-more_tracking-scope_lnkd-in',
  guest: 'linkedin-2026-07_guest-public-post-page_commentary_redirect-links_UPSTREAM-TRIMMED',
  repost: 'linkedin-2026-11_feed_repost-header_suggested-profile_mention_reshare-mini-update_article-card_lazy-image__synthetic',
  sdui: 'linkedin-2026-11_feed_sdui-hashed-classes_id-from-tracking-comment-key-post-link_dedup-expanded__synthetic',
  sduiNoId: 'linkedin-2026-11_feed_sdui-hashed-classes_no-id-anywhere_content-key__synthetic',
} as const;

function load(name: string) {
  const { url } = JSON.parse(readFileSync(join(DIR, `${name}.expected.json`), 'utf8')) as { url: string };
  const document = new JSDOM(readFileSync(join(DIR, `${name}.html`), 'utf8'), { url }).window.document;
  const ctx = { document, url };
  const posts = li.findPosts(document);
  return { document, ctx, posts, url };
}

function extractValid(el: Element, ctx: { document: Document; url: string }) {
  const d = li.extract(el, ctx);
  const parsed = CaptureDraft.safeParse(d);
  expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues)).toBe(true);
  return d;
}

describe('LinkedIn adapter', () => {
  it.each([
    [F.comments2024, 'webdeveloper', '#javascript #javascriptdeveloper'],
    [F.feed2025, 'is never a good sign.', 'Member B (looking up from his screen)'],
    [F.video2026, 'Watch the full episode here: https://lnkd.in/dPlcHldr', 'He went to market shortly after.'],
  ])('LinkedIn …see more: the hidden rest of the text is in the DOM: save all of it, without clicking (%s)', (name, end, middle) => {
    const { document, ctx, posts } = load(name);
    const button = document.querySelector(S.any(S.seeMoreButton.slice(0, 1)))!;
    expect(button, 'fixture has the "…more" toggle').not.toBeNull();
    let clicks = 0;
    document.addEventListener('click', () => clicks++, true);
    const before = document.documentElement.outerHTML;

    const d = extractValid(posts[0]!, ctx);

    expect(d.text.endsWith(end)).toBe(true);
    expect(d.text).toContain(middle);
    expect(d.text).not.toMatch(/…more|see more|\bhashtag\b/);
    expect(d.truncated).toBe(false);
    expect(clicks).toBe(0);
    expect(document.documentElement.outerHTML).toBe(before); // read-only: the page is not touched
    // no duplicated visually-hidden copy of any line
    const lines = d.text.split('\n').filter(Boolean);
    expect(new Set(lines).size).toBe(lines.length);
  });

  it('LinkedIn repost whose card also holds a suggested profile link and an @mention above the author block: the author is the original poster, name and URL taken from the same element; the reposter goes to repostedBy', () => {
    const { ctx, posts } = load(F.repost);
    expect(posts).toHaveLength(2);
    const d = extractValid(posts[0]!, ctx);
    expect(d.author).toEqual({
      name: 'Member O',
      handle: 'member-o',
      profileUrl: 'https://www.linkedin.com/in/member-o',
      avatarUrl: expect.stringContaining('D0000AQPLACEHOLDERoooo') as string,
    });
    expect(d.repostedBy).toEqual({ name: 'Member R', profileUrl: 'https://www.linkedin.com/in/member-r' });
    // neither the suggested profile (Member S) nor the @mention (Member T) leaks into author or mentions
    expect(JSON.stringify(d.author)).not.toMatch(/member-[rst]\b|Member [RST]\b/);
    expect(d.mentions).toEqual(['example-corp']);
    expect(d.postId).toBe('urn:li:activity:7532483978747631239');
  });

  it('LinkedIn header contexts "X commented on this" / "X likes this" are not reposts and never the author', () => {
    const c = load(F.comments2024);
    const d1 = extractValid(c.posts[0]!, c.ctx);
    expect(d1.author?.name).toBe('Member Y');
    expect(d1.repostedBy).toBeNull();

    const r = load(F.repost);
    const d2 = extractValid(r.posts[1]!, r.ctx);
    expect(d2.author?.name).toBe('Member Q');
    expect(d2.repostedBy).toBeNull();

    const s = load(F.sdui);
    const d3 = extractValid(s.posts[1]!, s.ctx);
    expect(d3.author?.name).toBe('Member D');
    expect(d3.repostedBy).toBeNull();
  });

  it('LinkedIn reshare with commentary: the reshared mini update is `quoted`, never a post root of its own', () => {
    const { ctx, posts } = load(F.repost);
    const d = extractValid(posts[1]!, ctx);
    expect(d.text).toBe('Worth reading, especially the part on retry budgets.\nNice work Member P!');
    expect(d.quoted).toMatchObject({
      postId: 'urn:li:activity:7532040526761344789',
      permalink: 'https://www.linkedin.com/feed/update/urn:li:activity:7532040526761344789/',
      author: { name: 'Example Corp', handle: 'example-corp', profileUrl: 'https://www.linkedin.com/company/example-corp' },
      postedAt: '2026-11-27T11:20:00.125Z',
      hashtags: ['sre'],
      links: [{ url: 'https://example.com/blog/reliability-2026?utm_source=linkedin', title: 'Reliability report 2026' }],
    });
    expect(d.text).not.toContain('reliability report');
    expect(d.links).toEqual([]);
  });

  it('LinkedIn hashed-class markup with no data-urn: the post is still found and its id recovered', () => {
    const { document, ctx, posts } = load(F.sdui);
    expect(document.querySelector('[data-urn]')).toBeNull();
    // 5 list items: one duplicate "expanded" render and one suggestions module are not posts
    expect(document.querySelectorAll('[role="listitem"]').length).toBe(5);
    expect(posts).toHaveLength(3);
    expect(posts.map((p) => li.postId(p, ctx))).toEqual([
      'urn:li:activity:7532889053059283029', // tracking-scope breadcrumb
      'urn:li:activity:7533047717065960019', // comment componentkey
      'urn:li:activity:7531722246386768896', // /posts/…-activity-<id>- link
    ]);
    const third = extractValid(posts[2]!, ctx);
    expect(third.author).toMatchObject({ name: 'Example Labs', handle: 'example-labs', profileUrl: 'https://www.linkedin.com/company/example-labs' });
    expect(third.repostedBy).toEqual({ name: 'Member R', profileUrl: 'https://www.linkedin.com/in/member-r' });
    expect(third.media).toEqual([{ kind: 'video', url: expect.stringMatching(/^https:\/\/media\.licdn\.com\/.*videocover-high/) as string, alt: null }]);
  });

  it('LinkedIn hashed-class markup with no id anywhere: saved by its content key, without a permalink (issue 9)', () => {
    const { ctx, posts } = load(F.sduiNoId);
    expect(posts).toHaveLength(1);
    const key = li.postId(posts[0]!, ctx); // the hashtag's highlightedUpdateUrns is another post, never this one's id
    expect(key).toMatch(/^content:[0-9a-f]{32}$/);
    const d = extractValid(posts[0]!, ctx);
    expect(d).toMatchObject({ postId: key, permalink: null, permalinkMissing: true, postedAt: null });
    expect(d.postId).toBe(contentKeyOf(d));
    expect(d.author?.name).toBe('Member F');
    expect(d.hashtags).toEqual(['codereview']);
  });

  it('LinkedIn logged-out public post page: /redir/redirect links are decoded, comments are not the post', () => {
    const { ctx, posts } = load(F.guest);
    expect(posts).toHaveLength(1);
    const d = extractValid(posts[0]!, ctx);
    expect(d.postId).toBe('urn:li:activity:7196074902997961347'); // from the /posts/…-activity-<id>- page URL
    expect(d.author?.name).toBe('Member P');
    expect(d.links.map((l) => l.url)).toEqual(['https://lnkd.in/eJG28Fb9', 'https://lnkd.in/e_nWAdn6']);
    expect(d.text).not.toContain('redir/redirect');
    expect(d.text).toContain('\n\nYou will join');
    expect(d.text).not.toContain('I have done my thesis'); // first comment
    expect(d.hashtags).toEqual([]); // the hashtags on this page are in a comment
    expect(li.actionRow(posts[0]!)).toBeNull();
  });

  it('identity is the id, re-read on every call: a recycled element reports its new id', () => {
    const ab = load(F.feed2025);
    const root = ab.posts[0]!;
    expect(li.postId(root, ab.ctx)).toBe('urn:li:activity:7366738224133115565');
    root.setAttribute('data-urn', 'urn:li:activity:7532483978747631239');
    expect(li.postId(root, ab.ctx)).toBe('urn:li:activity:7532483978747631239');
    expect(li.extract(root, ab.ctx).postedAt).toBe('2026-11-28T16:42:07.318Z');

    const c = load(F.sdui);
    const item = c.posts[0]!;
    item.querySelector('[data-view-tracking-scope]')!.removeAttribute('data-view-tracking-scope');
    expect(li.postId(item, c.ctx)).toBe(contentKeyOf(li.extract(item, c.ctx))); // no id left: the content key
  });

  it('actionRow is the main post’s social action bar (Gen A/B class, Gen C by ARIA)', () => {
    const ab = load(F.feed2025);
    const row = li.actionRow(ab.posts[0]!)!;
    expect(row.classList.contains('feed-shared-social-action-bar')).toBe(true);
    expect(row.querySelector('button[aria-label="Comment"]')).not.toBeNull();

    const c = load(F.sdui);
    for (const p of c.posts) {
      const r = li.actionRow(p)!;
      expect(r.querySelector('button[aria-label="Comment"]')).not.toBeNull();
      expect(r.querySelector('button[aria-label^="Reaction button state"]')).not.toBeNull();
      expect(r.querySelector('[data-testid="expandable-text-box"]')).toBeNull();
    }
  });

  it('a post root without any author is refused, not saved half-empty', () => {
    const { ctx, posts } = load(F.feed2025);
    const root = posts[0]!;
    root.querySelectorAll('a.update-components-actor__meta-link, button[aria-label^="Open control menu"]').forEach((e) => e.remove());
    expect(() => li.extract(root, ctx)).toThrow(ExtractError);
  });

  it('the selectors never key on hashed class names (docs/sites/linkedin.md)', () => {
    const all = Object.values(S).flatMap((v) => (typeof v === 'string' ? [v] : Array.isArray(v) ? (v as string[]) : []));
    expect(all.length).toBeGreaterThan(20);
    for (const sel of all) expect(sel).not.toMatch(/\.[A-Za-z]{20,}\b|\._[0-9a-f]{6,}/);
  });

  it('postId prefers the activity URN; a ugcPost/share URN is used when that is all the page holds', () => {
    const html = (urn: string, scope: string) => `
      <div class="full-height" data-view-name="feed-full-update" data-view-tracking-scope='${scope}'>
        <div class="feed-shared-update-v2" role="article" data-urn="${urn}">
          <a class="update-components-actor__meta-link" href="/in/member-a"><span class="update-components-actor__title"><span dir="ltr"><span aria-hidden="true">Member A</span></span></span></a>
          <div class="update-components-text update-components-update-v2__commentary"><span class="break-words">Hello</span></div>
          <div class="update-components-linkedin-video"><video src="blob:https://www.linkedin.com/x"></video></div>
        </div>
      </div>`;
    const url = 'https://www.linkedin.com/feed/';
    const scope = JSON.stringify([{ breadcrumb: { updateUrn: 'urn:li:activity:7366738224133115565' } }]);
    let document = new JSDOM(html('urn:li:ugcPost:7366738224133115000', scope), { url }).window.document;
    let [post] = li.findPosts(document);
    expect(li.postId(post!, { document, url })).toBe('urn:li:activity:7366738224133115565');

    document = new JSDOM(html('urn:li:share:7366738224133115000', '[]'), { url }).window.document;
    [post] = li.findPosts(document);
    const d = extractValid(post!, { document, url });
    expect(d.postId).toBe('urn:li:share:7366738224133115000');
    expect(d.permalink).toBe('https://www.linkedin.com/feed/update/urn:li:share:7366738224133115000/');
    expect(d.postedAt).toBe('2025-08-28T07:47:40.010Z'); // share ids carry the time like activity ids
    // a video whose only source is a blob: URL and no poster is a placeholder, never stored as blob:
    expect(d.media).toEqual([]);
    expect(d.mediaMissing).toBe(true);
    // findPosts also accepts the post root itself (an observer handing over one added node)
    expect(li.findPosts(post!)).toEqual([post]);
  });

  describe('isSupportedPage', () => {
    it.each([
      'https://www.linkedin.com/feed/',
      'https://www.linkedin.com/feed/?doFeedRefresh=true',
      'https://www.linkedin.com/preload/',
      'https://www.linkedin.com/feed/update/urn:li:activity:7366738224133115565/',
      'https://www.linkedin.com/feed/update/urn:li:ugcPost:7241680825533831541/?commentUrn=x',
      'https://www.linkedin.com/posts/member-p_phd-opportunity-activity-7196074902997961347-Ph7D',
      'https://www.linkedin.com/posts/member-a_slug-ugcPost-7241680825533831541-AbCd/?utm_source=share',
      'https://www.linkedin.com/in/member-x/recent-activity/comments/',
      'https://www.linkedin.com/in/member-z/recent-activity/all/',
      'https://www.linkedin.com/in/member-z/recent-activity/',
      'https://www.linkedin.com/company/example-labs/posts/',
      'https://www.linkedin.com/company/example-labs/posts/?feedView=all',
    ])('supports %s', (url) => expect(isSupportedPage(url)).toBe(true));

    it.each([
      'https://www.linkedin.com/',
      'https://www.linkedin.com/in/member-z/',
      'https://www.linkedin.com/company/example-labs/',
      'https://www.linkedin.com/jobs/view/123/',
      'https://www.linkedin.com/messaging/',
      'https://www.linkedin.com/feed/update/urn:li:fsd_profile:ABC/',
      'http://www.linkedin.com/feed/',
      'https://dk.linkedin.com/posts/member-p_phd-opportunity-activity-7196074902997961347-Ph7D',
      'https://x.com/home',
      'not a url',
    ])('does not support %s', (url) => expect(isSupportedPage(url)).toBe(false));
  });
});

describe('incremental scanning (postRootOf)', () => {
  it('an expanded Gen C render added after the post is not a second post, found from it or from the node added', () => {
    const { document, posts } = load(F.sdui);
    const base = document.querySelector('[componentkey="Q2hDRzR4bUVyT0lRa1FiR3c9PQFeedType_MAIN_FEED_RELEVANCE"]')!;
    const expanded = document.querySelector('[componentkey="expandedQ2hDRzR4bUVyT0lRa1FiR3c9PQFeedType_MAIN_FEED_RELEVANCE"]')!;
    expect(posts).toContain(base);
    expect(posts).not.toContain(expanded);
    // The feed re-renders the expanded variant: it is added again, after the post.
    const parent = expanded.parentElement!;
    expanded.remove();
    const cell = document.createElement('div');
    cell.append(expanded);
    parent.append(cell);
    expect(li.findPosts(cell)).toEqual([]);
    expect(li.postRootOf!(expanded.querySelector('[data-testid="expandable-text-box"]')!)).toBeNull();
    expect(li.postRootOf!(base.querySelector('[data-testid="expandable-text-box"]')!)).toBe(base);
  });

  it('a post added to a Gen A/B feed is found from the node added and from inside it', () => {
    const { document, posts } = load(F.feed2025);
    const post = posts[0]!;
    const cell = post.closest('[data-finite-scroll-hotkey-item]') ?? post;
    const copy = cell.cloneNode(true) as Element;
    cell.after(copy);
    const added = li.findPosts(copy);
    expect(added).toHaveLength(1);
    expect(li.postRootOf!(added[0]!.querySelector('span') ?? added[0]!)).toBe(added[0]);
    expect(li.findPosts(document)).toHaveLength(posts.length + 1);
  });
});

import { describe, it, expect } from 'vitest';
import { ADAPTERS } from './index';
import { listFixtures, loadDocument } from '../../tests/helpers/load-fixture';
import { POST_LIKE, unrecognisedPosts } from './post-like';

// Capture health against every site's real and modelled pages (issue 9 part 3): the probes
// (./post-like.ts) see the posts of every fixture, and Satchel recognises all of them (no false
// alarm), and each adapter's `layoutOf` names the layout of every post root it reads.
const SLOW = { timeout: 60_000 };
const fixtures = listFixtures().filter((f) => f.expected);
/** Pages whose posts show none of the probe's signals: LinkedIn's logged-out post page (no reaction button, no "…" menu). */
const PROBE_BLIND = ['linkedin-2026-07_guest-public-post-page_commentary_redirect-links_UPSTREAM-TRIMMED'];

describe.each(ADAPTERS.map((a) => [a.id, a] as const))('%s adapter', (id, adapter) => {
  const own = fixtures.filter((f) => f.site === id);
  it('has a layout namer', () => {
    expect(adapter.layoutOf).toBeTypeOf('function');
  });
  it.each(own.map((f) => [f.name, f] as const))('%s: every post-like element is recognised, every root has a known layout', SLOW, (_n, fx) => {
    const doc = loadDocument(fx.html, fx.expected!.url);
    const roots = adapter.findPosts(doc);
    expect(unrecognisedPosts(adapter, doc)).toBe(0);
    // layoutOf is asked only for posts whose draft is read: the readable ones.
    const readable = roots.filter((_r, i) => !('refused' in fx.expected!.posts[i]!));
    expect(readable.map((r) => adapter.layoutOf!(r))).not.toContain(null);
    // The probe is not blind: it sees a post wherever the adapter finds one that can be read.
    if (!PROBE_BLIND.includes(fx.name) && fx.expected!.posts.some((p) => !('refused' in p))) expect(POST_LIKE[id](doc).length).toBeGreaterThan(0);
  });
});

/** `fx`'s page parsed, after `edit` ran on it (a site change made by hand). */
function changed(site: string, name: string, edit: (doc: Document) => void): Document {
  const fx = fixtures.find((f) => f.site === site && f.name === name)!;
  const doc = loadDocument(fx.html, fx.expected!.url);
  edit(doc);
  return doc;
}

/** Renames attribute `from` to `to` on every element of `doc` matching `sel`. */
function rename(doc: Document, sel: string, from: string, to: string): void {
  for (const el of doc.querySelectorAll(sel)) {
    el.setAttribute(to, el.getAttribute(from)!);
    el.removeAttribute(from);
  }
}

describe('a site change after which Satchel finds no post: the probe still sees the posts', () => {
  const [linkedin, x, yammer] = ADAPTERS;
  it('LinkedIn SDUI feed (real capture) with its list items and keys renamed: 7 posts unrecognised, the course card not counted', SLOW, () => {
    const doc = changed('linkedin', 'linkedin-2026-05_sdui-home-feed_8-items_no-ids', (d) => {
      rename(d, '[role="listitem"]', 'role', 'data-role');
      rename(d, '[componentkey]', 'componentkey', 'data-key');
    });
    expect(linkedin!.findPosts(doc)).toEqual([]);
    expect(unrecognisedPosts(linkedin!, doc)).toBe(7);
  });
  it('X timeline with the tweet testid renamed', () => {
    const doc = changed('x', 'x-2023-12_thread_cell-1-of-3_plain-text', (d) => rename(d, 'article[data-testid="tweet"]', 'data-testid', 'data-testid-new'));
    expect(x!.findPosts(doc)).toEqual([]);
    expect(unrecognisedPosts(x!, doc)).toBe(1);
  });
  it('Viva Engage feed with its action rows renamed: every post and reply', () => {
    const doc = changed('yammer', 'yammer-2026-11_community-feed_see-more_image_link_reply-preview', (d) => rename(d, '[data-testid="overflow-set"]', 'data-testid', 'data-testid-new'));
    expect(yammer!.findPosts(doc)).toEqual([]);
    expect(unrecognisedPosts(yammer!, doc)).toBe(4);
  });
});

describe('layoutOf names each generation, and null for a root of none', () => {
  it.each([
    ['linkedin', 'linkedin-2024-09_activity-comments_header-context_image_see-more', ['a']],
    ['linkedin', 'linkedin-2025-08_feed_post-text-only_see-more_hybrid-hashed-classes', ['b']],
    ['linkedin', 'linkedin-2026-07_activity-posts_video_see-more_tracking-scope_lnkd-in', ['b']],
    ['linkedin', 'linkedin-2026-07_guest-public-post-page_commentary_redirect-links_UPSTREAM-TRIMMED', ['guest']],
    ['linkedin', 'linkedin-2026-12_feed_sdui_pt-BR_no-english-labels_repost-header_image-only-post__synthetic', ['c', 'c']],
    ['x', 'x-2026-11_article-page_read-view-standalone_itemprop-author__synthetic', ['article']],
    ['x', 'x-2023-11_timeline_poll_finished', ['tweet']],
    ['yammer', 'yammer-2022-06_group-feed_no-article_new-yammer-v7', ['starter', 'reply', 'starter', 'starter']],
    ['yammer', 'yammer-2026-11_thread-page_nested-replies_show-previous', ['article', 'article', 'article', 'article', 'article']],
  ])('%s %s', SLOW, (site, name, layouts) => {
    const a = ADAPTERS.find((x) => x.id === site)!;
    const doc = changed(site, name, () => {});
    expect(a.findPosts(doc).map((r) => a.layoutOf!(r))).toEqual(layouts);
  });
  it('a main-feed list item without a key, an X post without its User-Name, an Engage post without an author link', () => {
    const doc = loadDocument('<div data-testid="mainFeed"><div role="listitem"><span data-testid="expandable-text-box">hi</span></div></div><article data-testid="tweet"><time datetime="2026-01-01"></time></article><div class="y-x"><div data-testid="overflow-set"></div></div>', 'https://www.linkedin.com/feed/');
    const [linkedin, x, yammer] = ADAPTERS;
    expect(linkedin!.layoutOf!(doc.querySelector('[role="listitem"]')!)).toBeNull();
    expect(x!.layoutOf!(doc.querySelector('article')!)).toBeNull();
    expect(yammer!.layoutOf!(doc.querySelector('.y-x')!)).toBeNull();
  });
});

describe('unrecognisedPosts', () => {
  const [linkedin] = ADAPTERS;
  const fake = { ...linkedin!, findPosts: (root: ParentNode) => [...root.querySelectorAll('article')] };
  it('counts post-like elements that neither hold nor sit in a post root; a probe that throws counts none', () => {
    const doc = loadDocument('<div class="card"><article><p>found</p></article></div><article><p class="in">x</p></article><div class="card"><i>new layout</i></div><section>new too</section>', 'https://www.linkedin.com/feed/');
    expect(unrecognisedPosts(fake, doc, (d) => [...d.querySelectorAll('.card, section')])).toBe(2);
    expect(unrecognisedPosts(fake, doc, (d) => [...d.querySelectorAll('.in')])).toBe(0);
    expect(unrecognisedPosts(fake, doc, () => [])).toBe(0);
    expect(unrecognisedPosts(fake, doc, () => { throw new Error('bad selector'); })).toBe(0);
  });
});

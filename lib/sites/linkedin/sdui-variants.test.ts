// @vitest-environment jsdom
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExtractContext } from '../types';
import { linkedinAdapter as li } from './index';
import { FIXTURES_DIR, loadDocument } from '../../../tests/helpers/load-fixture';

// Variants of today's SDUI markup (docs/sites/linkedin.md "Post id", "The SDUI encoded id"), each made
// from the REAL capture by editing it at test time, or read from a synthetic fixture cloned from it
// (tests/fixtures/linkedin/PROVENANCE.md, "sdui" rows). Each test is named after the quirk it checks.
const FEED = 'linkedin-2026-05_sdui-home-feed_8-items_no-ids';
const RENDERS = 'linkedin-2026-12_feed_sdui_renders-2-3-times_base-render-first-without-comment-bar-or-action-row__synthetic';
const SEARCH = 'linkedin-2026-12_search_sdui_flagship-search_comment-bar-beside-list-item__synthetic';
const FEED_URL = 'https://www.linkedin.com/feed/';
const SEARCH_URL = 'https://www.linkedin.com/search/results/content/?keywords=google';
const SLOW = { timeout: 60_000 };
const CT = '-replaceableCommentTools';

/** The decoded ids of the real capture's 7 posts, from its .expected.json. */
const IDS: string[] = (JSON.parse(readFileSync(join(FIXTURES_DIR, 'linkedin', `${FEED}.expected.json`), 'utf8')) as { posts: { postId: string }[] }).posts.map((p) => p.postId);

const html = new Map<string, string>();
function load(name: string, url = FEED_URL) {
  if (!html.has(name)) html.set(name, readFileSync(join(FIXTURES_DIR, 'linkedin', `${name}.html`), 'utf8'));
  const document = loadDocument(html.get(name)!, url);
  return { document, ctx: { document, url } as ExtractContext };
}
/** The real capture's post list items (the course card, item 4, left out), after `edit`. */
function feed(edit: (items: Element[], doc: Document) => void) {
  const { document, ctx } = load(FEED);
  const all = [...document.querySelectorAll('div[data-testid="mainFeed"] div[role="listitem"]')];
  edit(all.filter((_, i) => i !== 4), document);
  const posts = li.findPosts(document);
  return { document, ctx, posts, ids: posts.map((p) => li.postId(p, ctx)) };
}
const bar = (item: Element) => [...item.children].find((c) => c.getAttribute('componentkey')?.includes(CT))!;
/** Rewrites the `<base64>` part of every comment bar key. */
const editKeys = (items: Element[], f: (b64: string) => string) => {
  for (const b of items.map(bar)) {
    const k = b.getAttribute('componentkey')!;
    b.setAttribute('componentkey', f(k.slice(0, k.indexOf(CT))) + k.slice(k.indexOf(CT)));
  }
};
const pad = (b: string) => b + '='.repeat((4 - (b.length % 4)) % 4);
const urlSafe = (b: string) => b.replace(/\+/g, '-').replace(/\//g, '_');

describe('LinkedIn SDUI comment-bar key variants (real capture, edited)', () => {
  it.each([
    ['standard base64 with = padding', pad],
    ['URL-safe base64 (-_)', urlSafe],
    ['URL-safe base64 with = padding', (b: string) => pad(urlSafe(b))],
  ])('%s decodes to the same real ids', SLOW, (_, f) => {
    const { ids } = feed((items) => editKeys(items, f));
    expect(ids).toEqual(IDS);
  });

  it('the comment-bar key in an `id` attribute instead of `componentkey` gives the same real ids', SLOW, () => {
    const { ids } = feed((items) => {
      for (const b of items.map(bar)) {
        b.setAttribute('id', b.getAttribute('componentkey')!);
        b.removeAttribute('componentkey');
      }
    });
    expect(ids).toEqual(IDS);
  });

  it('a comment bar nested one element deeper in its list item still gives the real id', SLOW, () => {
    const { ids } = feed((items, doc) => {
      for (const b of items.map(bar)) {
        const w = doc.createElement('div');
        b.before(w);
        w.append(b);
      }
    });
    expect(ids).toEqual(IDS);
  });

  it('tag 0x12 (field 2) gives a ugcPost URN; the unknown tag 0x32 (course card) gives no id, so the post is keyed by content', SLOW, () => {
    const ugc = feed((items) => editKeys(items.slice(0, 1), (b) => b.replace(/^Cg/, 'Eg')));
    expect(ugc.ids[0]).toBe(IDS[0]!.replace('activity', 'ugcPost'));
    const unknown = feed((items) => editKeys(items.slice(0, 1), (b) => b.replace(/^Cg/, 'Mg')));
    const d = li.extract(unknown.posts[0]!, unknown.ctx);
    expect(d).toMatchObject({ postId: expect.stringMatching(/^content:[0-9a-f]{32}$/), permalink: null, permalinkMissing: true });
    expect(d.author?.name).toBe('Member A');
    expect(unknown.ids.slice(1)).toEqual(IDS.slice(1));
  });

  it('list items keyed update-card-focus<token>FeedType_… (instead of expanded…) keep their ids', SLOW, () => {
    const { ids } = feed((items) => {
      for (const it of items) for (const el of [it, it.parentElement!]) el.setAttribute('componentkey', el.getAttribute('componentkey')!.replace(/^expanded/, 'update-card-focus'));
    });
    expect(ids).toEqual(IDS);
  });
});

describe('LinkedIn SDUI LazyColumn states (real capture, edited)', () => {
  it('a card whose comment bar is not mounted yet takes its id from its own loaded comments, else its content key, never from another card', SLOW, () => {
    const { posts, ctx, ids } = feed((items, doc) => {
      bar(items[1]!).remove(); // no bar, no comments
      bar(items[3]!).remove(); // no bar, comments loaded
      const c = doc.createElement('div');
      c.setAttribute('componentkey', `replaceableComment_urn:li:comment:(${IDS[3]},7400000000000000011)`);
      c.append(items[0]!.querySelector('[data-testid="expandable-text-box"]')!.parentElement!.cloneNode(true));
      items[3]!.append(c);
    });
    expect(ids[3]).toBe(IDS[3]);
    expect(ids[1]).toMatch(/^content:/);
    expect(li.extract(posts[1]!, ctx)).toMatchObject({ author: { name: 'Microsoft Azure' }, permalinkMissing: true });
    expect(ids.filter((id) => IDS.includes(id!))).toEqual(IDS.filter((_, i) => i !== 1));
  });

  it('a list item recycled for another post (new token and content) never keeps the old id', SLOW, () => {
    const recycle = (newBar: boolean) =>
      feed((items) => {
        const it = items[0]!;
        const token = 'r3cycl3dT0k3nXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX';
        it.setAttribute('componentkey', `expanded${token}FeedType_MAIN_FEED_RELEVANCE`);
        it.firstElementChild!.replaceWith(items[4]!.firstElementChild!.cloneNode(true)); // Tableau's card
        it.firstElementChild!.firstElementChild!.setAttribute('componentkey', token);
        if (newBar) bar(it).setAttribute('componentkey', `EgsI/ILKzNj63ffOAQ${CT}${token}FeedType_MAIN_FEED_RELEVANCE`);
      });
    const stale = recycle(false);
    expect(stale.ids[0]).toMatch(/^content:/);
    expect(li.extract(stale.posts[0]!, stale.ctx).author?.name).toBe('Tableau');
    const fresh = recycle(true);
    expect(fresh.ids[0]).toBe(IDS[6]); // the new bar's key (Member K's, reused here), not Member A's
    expect(fresh.ids).not.toContain(IDS[0]);
  });

  it('a reshare without commentary ("X reposted this" header): the original poster is the author, the reposter goes to repostedBy', SLOW, () => {
    const { posts, ctx, ids } = feed((items) => {
      const p = [...items[3]!.querySelectorAll('p')].find((e) => / likes this/.test(e.textContent ?? ''))!;
      for (const n of p.childNodes) if (n.nodeType === 3) n.nodeValue = n.nodeValue!.replace('likes this', 'reposted this');
    });
    expect(ids[3]).toBe(IDS[3]);
    expect(li.extract(posts[3]!, ctx)).toMatchObject({ author: { name: 'Member E' }, repostedBy: { name: 'member d' }, quoted: null });
  });
});

describe('LinkedIn SDUI renders and search results (synthetic fixtures cloned from the real capture)', () => {
  it('a post rendered 2-3 times with the base render first (no comment bar, or a stub) gets one root: the render with the action row, with its real id', SLOW, () => {
    const { document, ctx } = load(RENDERS);
    const posts = li.findPosts(document);
    expect(posts.map((p) => li.postId(p, ctx))).toEqual([IDS[0], IDS[3], IDS[1]]);
    for (const p of posts) expect(li.actionRow(p)).not.toBeNull();
    expect(posts[0]!.getAttribute('componentkey')).toMatch(/^update-card-focus/);
    expect(li.extract(posts[0]!, ctx).author).toMatchObject({ name: 'Member A', profileUrl: 'https://www.linkedin.com/in/member-a' });
  });

  it('search results (FeedType_FLAGSHIP_SEARCH keys, no mainFeed list) are supported; a comment bar beside its list item still gives the id', SLOW, () => {
    expect(li.isSupportedPage(SEARCH_URL)).toBe(true);
    const { document, ctx } = load(SEARCH, SEARCH_URL);
    expect(li.findPosts(document).map((p) => li.postId(p, ctx))).toEqual([IDS[2], IDS[4]]);
  });
});

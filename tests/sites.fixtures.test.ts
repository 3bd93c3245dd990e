import { describe, it, expect } from 'vitest';
import { ADAPTERS } from '../lib/sites';
import { ExtractError } from '../lib/sites/types';
import { CaptureDraft, contentKeyOf } from '../lib/schema';
import { listFixtures, loadDocument } from './helpers/load-fixture';

// Generic fixture runner (docs/architecture.md 6.5): every fixture × every adapter. Adding a fixture
// needs no new test code.
const fixtures = listFixtures();
// A real saved feed page has thousands of elements, and jsdom's attribute selectors cost
// milliseconds each (the SDUI feed capture: ~2,000 elements, 7 posts): room for the whole-page checks.
const SLOW = { timeout: 60_000 };

describe('fixture corpus', () => {
  it('every fixture has an .expected.json', () => {
    expect(fixtures.filter((f) => !f.expected).map((f) => `${f.site}/${f.name}`)).toEqual([]);
  });
  it.each(ADAPTERS.map((a) => a.id))('adapter %s has at least one fixture', (id) => {
    expect(fixtures.filter((f) => f.site === id).length).toBeGreaterThan(0);
  });
});

for (const fx of fixtures) {
  if (!fx.expected) continue;
  const exp = fx.expected;
  describe(`${fx.site}/${fx.name}`, () => {
    const own = ADAPTERS.find((a) => a.id === fx.site);
    it('its site adapter exists and supports the page URL', () => {
      expect(own, `no adapter for fixture folder ${fx.site}`).toBeDefined();
      expect(own!.isSupportedPage(exp.url)).toBe(true);
    });
    it(`the ${fx.site} adapter finds ${exp.posts.length} post(s) and extracts the expected facts`, SLOW, () => {
      const document = loadDocument(fx.html, exp.url);
      const now = exp.now === undefined ? undefined : Date.parse(exp.now);
      if (now !== undefined) expect(Number.isNaN(now), `"now" of ${fx.name} is an ISO time`).toBe(false);
      const ctx = { document, url: exp.url, ...(now === undefined ? {} : { now }) };
      const posts = own!.findPosts(document);
      expect(posts.length).toBe(exp.posts.length);
      posts.forEach((el, i) => {
        const want = exp.posts[i]!;
        if ('refused' in want) {
          expect(() => own!.extract(el, ctx)).toThrow(ExtractError);
          expect(() => own!.extract(el, ctx)).toThrow(String(want.refused));
          return;
        }
        const draft = own!.extract(el, ctx);
        const parsed = CaptureDraft.safeParse(draft);
        expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues, null, 1)).toBe(true);
        expect(draft).toMatchObject(want);
        expect(own!.postId(el, ctx)).toBe(draft.postId);
        // A post whose page shows no id is keyed by its content (lib/schema/content-key.ts), so that a
        // later visit that sees the id can find it again (issue 9).
        if (draft.permalinkMissing) expect(draft.postId).toBe(contentKeyOf(draft));
        else expect(draft.permalink).not.toBeNull();
      });
    });
    if (exp.thread) {
      it('extracts the thread on this page', () => {
        const document = loadDocument(fx.html, exp.url);
        const first = own!.findPosts(document)[0]!;
        const thread = own!.extractThread?.(first, { document, url: exp.url });
        expect(thread).toMatchObject(exp.thread!);
      });
    }
    if (own?.postRootOf) {
      it('postRootOf agrees with findPosts (incremental scanning contract)', SLOW, () => {
        const document = loadDocument(fx.html, exp.url);
        const roots = own.findPosts(document);
        for (const r of roots) {
          expect(own.postRootOf!(r)).toBe(r);
          for (const d of r.querySelectorAll('*')) expect(own.postRootOf!(d)).toBe(r);
        }
        for (const el of document.querySelectorAll('*')) {
          if (!roots.some((r) => r.contains(el))) expect(own.postRootOf!(el)).toBeNull();
        }
        // findPosts(node) of a node outside every post (a feed cell being added) finds the posts
        // under it, the node itself included when it is one.
        for (const r of roots) {
          expect(own.findPosts(r)).toEqual([r]);
          for (let up = r.parentElement; up; up = up.parentElement) {
            if (own.postRootOf!(up)) break;
            expect(own.findPosts(up)).toContain(r);
          }
        }
      });
    }
    for (const other of ADAPTERS.filter((a) => a.id !== fx.site)) {
      it(`the ${other.id} adapter finds nothing here`, () => {
        expect(other.findPosts(loadDocument(fx.html, exp.url)).length).toBe(0);
      });
    }
  });
}

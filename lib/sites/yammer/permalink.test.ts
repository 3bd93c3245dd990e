// @vitest-environment jsdom
import { describe, it, expect } from 'vitest';
import { JSDOM } from 'jsdom';
import { yammerAdapter } from './index';
import { encodeEngageId, postRefFromUrl } from './ids';
import { canonicalPermalink } from './permalink';
import { loadFixture } from '../../../tests/helpers/load-fixture';

// One permalink shape per kind (docs/sites/yammer.md "Permalinks"): a starter is
// `/main[/org/<tenant>]/threads/<Thread b64>`, a reply `/main[/org/<tenant>]/threads/<Thread b64>/<Message b64>`,
// whichever anchor shape the page showed. Issue 9: the demo thread gave two shapes in one thread.

const ORIGIN = 'https://engage.cloud.microsoft';
const THREAD = encodeEngageId('Thread', '2454500000000001');
const msg = (id: string) => encodeEngageId('Message', id);

describe('permalinks on the demo thread page', () => {
  const { document, expected } = loadFixture('yammer', 'yammer-2026-11_thread-page_nested-replies_show-previous');
  const ctx = { document, url: expected.url };
  const drafts = yammerAdapter.findPosts(document).map((p) => yammerAdapter.extract(p, ctx));

  it('the nested reply shown with a /main/messages/ anchor gets the thread-scoped reply permalink', () => {
    const nested = drafts.find((d) => d.postId === '2454500000000102')!;
    expect(nested.permalink).toBe(`${ORIGIN}/main/org/contoso.com/threads/${THREAD}/${msg('2454500000000102')}`);
  });

  it('every reply has the same shape and every id is unchanged', () => {
    expect(drafts.map((d) => d.postId)).toEqual(['2454500000000001', '2454500000000101', '2454500000000102', '2454500000000103', '2454500000000104']);
    expect(drafts[0]!.permalink).toBe(`${ORIGIN}/main/org/contoso.com/threads/${THREAD}`);
    for (const d of drafts.slice(1)) expect(d.permalink).toBe(`${ORIGIN}/main/org/contoso.com/threads/${THREAD}/${msg(d.postId!)}`);
    // inReplyTo carries the parent's canonical permalink too
    expect(drafts[2]!.inReplyTo!.permalink).toBe(drafts[1]!.permalink);
  });

  it('a canonical permalink reads back as the same post', () => {
    for (const d of drafts) expect(postRefFromUrl(d.permalink!)?.id).toBe(d.postId);
  });
});

describe('canonicalPermalink', () => {
  it.each([
    // starter: the "Copy link" form without its tracking parameter
    [`${ORIGIN}/main/org/contoso.com/threads/${THREAD}?trk_copy_link=V2`, '2454500000000001', null, `${ORIGIN}/main/org/contoso.com/threads/${THREAD}`],
    // reply given as /messages/ on a tenant-less page
    [`${ORIGIN}/main/messages/${msg('7')}`, '2454500000000001', '7', `${ORIGIN}/main/threads/${THREAD}/${msg('7')}`],
    // reply given as ?messageId= with a plain decimal id (new Yammer)
    [`https://web.yammer.com/main/org/contoso.com/threads/${THREAD}?messageId=77`, '2454500000000001', '77', `https://web.yammer.com/main/org/contoso.com/threads/${THREAD}/${msg('77')}`],
  ])('%s → canonical', (url, thread, message, want) => {
    expect(canonicalPermalink(url, thread, message)).toBe(want);
  });

  it('keeps classic Yammer and foreign URLs as they are (null)', () => {
    expect(canonicalPermalink('https://www.yammer.com/contoso.com/#/Threads/show?threadId=1', '1', null)).toBeNull();
    expect(canonicalPermalink('https://example.com/main/threads/x', '1', null)).toBeNull();
  });
});

describe('a page opened at a reply permalink', () => {
  it('still names the starter from the page URL and reads the reply as a message', () => {
    const url = `${ORIGIN}/main/org/contoso.com/threads/${THREAD}/${msg('9')}`;
    expect(postRefFromUrl(url)).toEqual({ kind: 'message', id: '9' });
    const html = `<main role="main"><article class="qaThreadStarter"><a href="/main/users/${encodeEngageId('User', '1')}">Ana Lima</a>
      <time datetime="2026-11-01T10:00:00Z">Nov 1</time><div class="y-block"><p>Starter text</p></div>
      <div data-testid="overflow-set"><button aria-label="Like - Ana Lima's post">Like</button></div></article></main>`;
    const document = new JSDOM(`<!DOCTYPE html><html><body>${html}</body></html>`, { url }).window.document;
    const d = yammerAdapter.extract(yammerAdapter.findPosts(document)[0]!, { document, url });
    expect(d.postId).toBe('2454500000000001');
    expect(d.permalink).toBe(`${ORIGIN}/main/org/contoso.com/threads/${THREAD}`);
  });
});

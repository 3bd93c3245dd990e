// @vitest-environment jsdom
import { describe, it, expect, afterEach } from 'vitest';
import { createHealth, emptyFieldsOf } from './health';
import { flush, makeDraft, makeFakeAdapter, makeFakeSend, postsHtml, startTestCapture as setup, stopTestCaptures } from './test-helpers';

afterEach(() => stopTestCaptures());

describe('emptyFieldsOf', () => {
  const author = { name: 'Ada', handle: null, profileUrl: null, avatarUrl: null };
  const media = [{ kind: 'image' as const, url: 'https://pbs.test/1.jpg', alt: null }];
  it.each([
    ['a full post', makeDraft({ author, postedAt: '2026-01-01T00:00:00.000Z' }), []],
    ['no author, no time (the default draft)', makeDraft(), ['author', 'postedAt']],
    ['an image post without text is not empty text', makeDraft({ author, postedAt: '2026-01-01T00:00:00.000Z', text: '', media }), []],
    ['nothing at all', makeDraft({ author, postedAt: '2026-01-01T00:00:00.000Z', text: '  ' }), ['text']],
    ['media shown but unread', makeDraft({ author, postedAt: '2026-01-01T00:00:00.000Z', mediaMissing: true }), ['media']],
    ['a post whose page shows no id', makeDraft({ author, postedAt: '2026-01-01T00:00:00.000Z', postId: 'content:0123', permalink: null, permalinkMissing: true }), ['permalink']],
  ])('%s', (_n, draft, fields) => {
    expect(emptyFieldsOf(draft)).toEqual(fields);
  });
});

describe('health counters', () => {
  it('count posts found, controls mounted and posts with no id, without reading any post', async () => {
    const adapter = makeFakeAdapter();
    const { ctrl, feed } = setup({ adapter, html: `${postsHtml(3)}<article><p class="text">no id</p><div class="actions"></div></article>` });
    await flush();
    feed.insertAdjacentHTML('beforeend', postsHtml(2, 10));
    feed.querySelector('article')!.append(document.createElement('b')); // a change inside a post: not a new post
    await flush();
    expect(ctrl.health()).toMatchObject({ site: 'x', postsFound: 6, controlsMounted: 5, postsUnreadable: 1, postsWithoutId: 0, draftsRead: 0 });
    expect(adapter.extractCalls).toBe(0);
  });

  it('count a recycled element showing another post, and a control the page removed', async () => {
    const { ctrl, feed } = setup({ html: postsHtml(2) });
    await flush();
    feed.querySelector('article')!.setAttribute('data-id', '9');
    await flush();
    feed.querySelector('satchel-save')!.remove();
    await flush();
    expect(ctrl.health()).toMatchObject({ postsFound: 3, controlsMounted: 3 });
  });

  it('count posts keyed by content as posts without an id', async () => {
    const { ctrl } = setup({ html: '<article data-id="content:00112233445566778899aabbccddeeff"><p class="text">x</p><div class="actions"></div></article>' });
    await flush();
    expect(ctrl.health()).toMatchObject({ postsFound: 1, postsWithoutId: 1 });
  });

  it('count empty fields of the drafts read by a save, and refusals by reason code', async () => {
    let refuse = false;
    const fs = makeFakeSend({ reply: (m) => (m.type === 'capture/save' && refuse ? { ok: false, error: 'Storage is full' } : undefined) });
    const { ctrl, fm } = setup({ send: fs, html: `${postsHtml(2)}<article data-id="7"><div class="actions"></div></article>` });
    await flush();
    fm.of('1').actions.activate(false);
    await flush();
    fm.of('7').actions.activate(false); // no .text: ExtractError
    await flush();
    refuse = true;
    fm.of('2').actions.activate(false);
    await flush();
    const h = ctrl.health();
    expect(h.draftsRead).toBe(2);
    expect(h.emptyFields).toEqual({ author: 2, text: 0, postedAt: 2, media: 0, permalink: 0 });
    expect(h.savesRefused).toEqual({ 'no-id': 0, unreadable: 1, error: 0, refused: 1, 'no-answer': 0 });
    // Counts only: no id, text or message of any post.
    const json = JSON.stringify(h);
    for (const leak of ['Post 1', 'Storage', 'x:1', '"7"', 'fake.test']) expect(json).not.toContain(leak);
  });

  it('count a save that found no post id and one whose message failed', async () => {
    const fs = makeFakeSend({ reply: (m) => (m.type === 'capture/save' ? Promise.reject(new Error('Receiving end does not exist.')) : undefined) });
    const { ctrl, fm, feed } = setup({ send: fs, html: postsHtml(2) });
    await flush();
    const ctl = fm.of('1');
    feed.querySelector('article')!.removeAttribute('data-id'); // the observer has not run yet
    ctl.actions.activate(false);
    fm.of('2').actions.activate(false);
    await flush();
    expect(ctrl.health().savesRefused).toMatchObject({ 'no-id': 1, 'no-answer': 1 });
  });

  it('count a post whose Save is refused again and again ("Try again") once per reason, through the Save flow', async () => {
    const fs = makeFakeSend({ reply: (m) => (m.type === 'capture/save' ? { ok: false, error: 'Storage is full' } : undefined) });
    const { ctrl, fm } = setup({ send: fs, html: `${postsHtml(1)}<article data-id="7"><div class="actions"></div></article>` });
    await flush();
    for (let i = 0; i < 3; i++) {
      fm.of('7').actions.activate(false); // no .text: ExtractError
      fm.of('1').actions.activate(false); // the background refuses
      await flush();
    }
    expect(ctrl.health().savesRefused).toMatchObject({ unreadable: 1, refused: 1 });
  });

  it('count a quiet completion draft, and ask layoutOf once per post read', async () => {
    let asked = 0;
    const adapter = makeFakeAdapter({ layoutOf: () => (asked++, null) });
    const fs = makeFakeSend({ saved: new Map([['x:1', { id: '00000000-0000-4000-8000-000000000001', incomplete: true }]]) });
    const { ctrl } = setup({ adapter, send: fs, html: postsHtml(2) });
    await flush();
    await flush();
    expect(ctrl.health()).toMatchObject({ draftsRead: 1, unknownLayouts: 1 });
    expect(asked).toBe(1);
  });

  it('start again on a new page view', async () => {
    const { ctrl, page } = setup({ html: postsHtml(2) });
    await flush();
    expect(ctrl.health().postsFound).toBe(2);
    page.url = 'https://elsewhere.test/';
    ctrl.urlChanged();
    expect(ctrl.health()).toMatchObject({ site: null, postsFound: 0, controlsMounted: 0 });
  });

  it('count a post whose Save is refused once per reason, however often "Try again" is pressed', () => {
    const h = createHealth('linkedin');
    const [a, b] = [document.createElement('div'), document.createElement('div')];
    h.refused('unreadable', a);
    h.refused('unreadable', a);
    h.refused('unreadable', a);
    h.refused('unreadable', b);
    h.refused('no-answer', a);
    h.refused('no-answer', a);
    h.refused('error'); // no post given: every refusal counts
    h.refused('error');
    expect(h.snapshot().savesRefused).toEqual({ 'no-id': 0, unreadable: 2, error: 2, refused: 0, 'no-answer': 1 });
    h.reset('linkedin');
    h.refused('unreadable', a);
    expect(h.snapshot().savesRefused.unreadable).toBe(1);
  });

  it('snapshot is a copy', () => {
    const h = createHealth('x');
    const s = h.snapshot();
    h.refused('no-id');
    expect(s.savesRefused['no-id']).toBe(0);
    expect(h.snapshot().savesRefused['no-id']).toBe(1);
  });
});

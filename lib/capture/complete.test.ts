// @vitest-environment jsdom
import { describe, it, expect, afterEach } from 'vitest';
import { flush, makeFakeAdapter, makeFakeSend, postsHtml, startTestCapture as setup, stopTestCaptures } from './test-helpers';

afterEach(() => {
  stopTestCaptures();
});

describe('quiet completion', () => {
  const incomplete = () => makeFakeSend({ saved: new Map([['x:1', { id: '00000000-0000-4000-8000-000000000001', incomplete: true }]]) });

  it('sends capture/complete once per page view when the page holds a fuller version', async () => {
    const fs = incomplete();
    const { feed, ctrl, page } = setup({ send: fs, html: postsHtml(2) });
    await flush();
    await flush();
    expect(fs.sent.filter((m) => m.type === 'capture/complete')).toHaveLength(1);
    feed.insertAdjacentHTML('beforeend', postsHtml(1, 5));
    await flush();
    await flush();
    expect(fs.sent.filter((m) => m.type === 'capture/complete')).toHaveLength(1);
    // Only the saved post was read: the others never left the page.
    const c = fs.sent.find((m) => m.type === 'capture/complete');
    expect(c?.type === 'capture/complete' && c.draft.postId).toBe('1');
    fs.saved.set('x:1', { id: '00000000-0000-4000-8000-000000000001', incomplete: true });
    page.url = 'https://fake.test/status/1';
    ctrl.urlChanged();
    ctrl.savedElsewhere(['x:1']);
    await flush();
    await flush();
    expect(fs.sent.filter((m) => m.type === 'capture/complete')).toHaveLength(2);
  });

  it('does not send when the page still shows a truncated version', async () => {
    const fs = incomplete();
    setup({ send: fs, html: '<article data-id="1" data-truncated><p class="text">Long…</p><div class="actions"></div></article>' });
    await flush();
    await flush();
    expect(fs.sent.filter((m) => m.type === 'capture/complete')).toHaveLength(0);
  });

  /** A post with one photo whose image has not loaded yet (an empty `.photo` placeholder). */
  const photoPost = (id: string) => `<article data-id="${id}"><p class="text">Post ${id}</p><div class="photo"></div><div class="actions"></div></article>`;
  const completes = (fs: ReturnType<typeof makeFakeSend>) => fs.sent.filter((m) => m.type === 'capture/complete');
  const photoLoads = (feed: HTMLElement, id: string) =>
    feed.querySelector(`article[data-id="${id}"] .photo`)!.insertAdjacentHTML('beforeend', '<img src="https://fake.test/media/1.jpg">');

  it('completes a post saved while its photo was missing, when the photo loads in the same page view', async () => {
    const { fm, fs, feed } = setup({ html: photoPost('1') + postsHtml(1, 2), incremental: true });
    await flush();
    fm.of('1').actions.activate(false);
    await flush();
    expect(fs.sent.find((m) => m.type === 'capture/save')).toMatchObject({ draft: { mediaMissing: true, media: [] } });
    photoLoads(feed, '1');
    await flush();
    await flush();
    expect(completes(fs)).toHaveLength(1);
    expect(completes(fs)[0]).toMatchObject({ draft: { postId: '1', mediaMissing: false, media: [{ url: 'https://fake.test/media/1.jpg' }] } });
    // Complete now: later changes of the post read nothing more.
    feed.querySelector('article[data-id="1"] .text')!.textContent = 'Post 1 (edited)';
    await flush();
    await flush();
    expect(completes(fs)).toHaveLength(1);
  });

  it('reads that are not fuller use none of the attempts of the page view', async () => {
    const adapter = makeFakeAdapter({ postRootOf: (n: Element) => n.closest('article') });
    const { fm, fs, feed } = setup({ adapter, html: photoPost('1') });
    await flush();
    fm.of('1').actions.activate(false);
    await flush();
    const readsAfterSave = adapter.extractCalls;
    for (let i = 0; i < 5; i++) {
      feed.querySelector('article[data-id="1"] .text')!.textContent = `Post 1, like count ${i}`; // the photo is still loading
      await flush();
    }
    expect(adapter.extractCalls).toBeGreaterThan(readsAfterSave);
    expect(completes(fs)).toHaveLength(0);
    photoLoads(feed, '1');
    await flush();
    await flush();
    expect(completes(fs)).toHaveLength(1);
  });

  it('sends a read with more media but still a photo missing, then the complete one', async () => {
    const two = '<article data-id="1"><p class="text">Post 1</p><div class="photo"></div><div class="photo"></div><div class="actions"></div></article>';
    const { fm, fs, feed } = setup({ html: two, incremental: true });
    await flush();
    fm.of('1').actions.activate(false);
    await flush();
    const [p1, p2] = feed.querySelectorAll('.photo');
    p1!.innerHTML = '<img src="https://fake.test/media/1.jpg">';
    await flush();
    await flush();
    expect(completes(fs).map((m) => m.type === 'capture/complete' && [m.draft.media.length, m.draft.mediaMissing])).toEqual([[1, true]]);
    p2!.innerHTML = '<img src="https://fake.test/media/2.jpg">';
    await flush();
    await flush();
    expect(completes(fs).map((m) => m.type === 'capture/complete' && [m.draft.media.length, m.draft.mediaMissing])).toEqual([[1, true], [2, false]]);
  });

  it('a post saved complete, or without only its id (the alias merge gives that), is never re-read on changes', async () => {
    const adapter = makeFakeAdapter({ postRootOf: (n: Element) => n.closest('article') });
    const idless = '<article data-id="content:abc"><p class="text">No id here</p><div class="actions"></div></article>';
    const { fm, fs, feed } = setup({ adapter, html: postsHtml(1) + idless });
    await flush();
    fm.of('1').actions.activate(false);
    fm.of('content:abc').actions.activate(false);
    await flush();
    const reads = adapter.extractCalls;
    for (const t of feed.querySelectorAll('.text')) t.textContent += ' (edited)';
    await flush();
    await flush();
    expect(adapter.extractCalls).toBe(reads);
    expect(completes(fs)).toHaveLength(0);
  });
});

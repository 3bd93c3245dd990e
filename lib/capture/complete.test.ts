// @vitest-environment jsdom
import { describe, it, expect, afterEach } from 'vitest';
import { flush, makeFakeSend, postsHtml, startTestCapture as setup, stopTestCaptures } from './test-helpers';

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
});

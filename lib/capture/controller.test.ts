// @vitest-environment jsdom
import { describe, it, expect, afterEach } from 'vitest';
import { flush, postsHtml, startTestCapture as setup, stopTestCaptures } from './test-helpers';

afterEach(() => {
  stopTestCaptures();
});

describe('invalidation', () => {
  it('removes every control, stops observing and sends nothing more', async () => {
    const { ac, feed, hosts, fs } = setup({ html: postsHtml(5) });
    await flush();
    expect(hosts()).toHaveLength(5);
    ac.abort();
    expect(hosts()).toHaveLength(0);
    const before = fs.sent.length;
    feed.insertAdjacentHTML('beforeend', postsHtml(5, 10));
    await flush();
    expect(hosts()).toHaveLength(0);
    expect(fs.sent.length).toBe(before);
  });
});

describe('SPA navigation', () => {
  it('re-picks the adapter on a URL change and rescans', async () => {
    const { ctrl, hosts, feed, page } = setup({ html: postsHtml(3) });
    await flush();
    expect(hosts()).toHaveLength(3);
    page.url = 'https://elsewhere.test/';
    history.pushState({}, '', '/other');
    ctrl.urlChanged();
    expect(hosts()).toHaveLength(0);
    page.url = 'https://fake.test/status/1';
    feed.innerHTML = postsHtml(1);
    await flush();
    expect(hosts()).toHaveLength(1);
  });
});

// @vitest-environment jsdom
import { describe, it, expect, afterEach } from 'vitest';
import { flush, makeFakeAdapter, makeFakeSend, postsHtml, startTestCapture as setup, stopTestCaptures } from './test-helpers';

afterEach(() => {
  stopTestCaptures();
});

describe('privacy: nothing but keys before a click', () => {
  it('sends only capture/status with post keys while scanning and scrolling', async () => {
    const adapter = makeFakeAdapter();
    const { fs, feed } = setup({ adapter, html: postsHtml(20) });
    await flush();
    feed.insertAdjacentHTML('beforeend', postsHtml(20, 21));
    await flush();
    await flush();
    expect(fs.sent.length).toBeGreaterThan(0);
    for (const m of fs.sent) {
      expect(m.type).toBe('capture/status');
      expect(Object.keys(m).sort()).toEqual(['keys', 'type']);
    }
    const keys = fs.sent.flatMap((m) => (m.type === 'capture/status' ? m.keys : []));
    expect(keys.sort()).toEqual(Array.from({ length: 40 }, (_, i) => `x:${i + 1}`).sort());
    expect(JSON.stringify(fs.sent)).not.toContain('Post ');
    expect(adapter.extractCalls).toBe(0);
  });

  it('asks for each key once, batched', async () => {
    const { fs } = setup({ html: postsHtml(30) });
    await flush();
    await flush();
    expect(fs.sent).toHaveLength(1);
  });
});

describe('status', () => {
  it('shows saved for posts already in the library (after a reload)', async () => {
    const fs = makeFakeSend({ saved: new Map([['x:2', { id: '00000000-0000-4000-8000-000000000002', incomplete: false }]]) });
    const { fm } = setup({ send: fs, html: postsHtml(3) });
    await flush();
    await flush();
    expect(fm.of('2').view.status).toBe('saved');
    expect(fm.of('1').view.status).toBe('save');
  });

  it('asks again for keys saved or deleted elsewhere', async () => {
    const fs = makeFakeSend();
    const { fm, ctrl } = setup({ send: fs, html: postsHtml(2) });
    await flush();
    await flush();
    fs.saved.set('x:1', { id: '00000000-0000-4000-8000-000000000009', incomplete: false });
    ctrl.savedElsewhere(['x:1']);
    await flush();
    await flush();
    expect(fm.of('1').view.status).toBe('saved');
    expect(fs.sent.at(-1)).toEqual({ type: 'capture/status', keys: ['x:1'] });
  });
});

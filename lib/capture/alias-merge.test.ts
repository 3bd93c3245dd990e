// @vitest-environment jsdom
import { describe, it, expect, afterEach } from 'vitest';
import { contentKeyOf } from '../schema/content-key';
import { flush, makeFakeAdapter, makeFakeSend, postsHtml, startTestCapture as setup, stopTestCaptures } from './test-helpers';

afterEach(() => stopTestCaptures());

/** The alias key of an id-less capture of the fake adapter's post `n` (author none, text "Post n"). */
const aliasOf = (n: number) => `x:${contentKeyOf({ author: null, text: `Post ${n}` })}`;
const completes = (fs: ReturnType<typeof makeFakeSend>) => fs.sent.filter((m) => m.type === 'capture/complete');

describe('quiet merge of captures saved without an id', () => {
  it('reads nothing when the status answer has no aliases (the usual case)', async () => {
    const adapter = makeFakeAdapter();
    const fs = makeFakeSend({ aliases: [] });
    const { feed } = setup({ adapter, send: fs, html: postsHtml(5) });
    await flush();
    feed.insertAdjacentHTML('beforeend', postsHtml(5, 6));
    await flush();
    await flush();
    expect(adapter.extractCalls).toBe(0);
    expect(completes(fs)).toHaveLength(0);
  });

  it('ignores aliases of another platform', async () => {
    const adapter = makeFakeAdapter();
    setup({ adapter, send: makeFakeSend({ aliases: ['linkedin:content:00112233445566778899aabbccddeeff'] }), html: postsHtml(3) });
    await flush();
    await flush();
    expect(adapter.extractCalls).toBe(0);
  });

  it('reads each unsaved post once per page view and completes the one matching an alias; its control shows saved', async () => {
    const adapter = makeFakeAdapter();
    const fs = makeFakeSend({ aliases: [aliasOf(2)], saved: new Map([['x:3', { id: '00000000-0000-4000-8000-000000000003', incomplete: false }]]) });
    const { fm, feed, ctrl } = setup({ adapter, send: fs, html: postsHtml(3) });
    await flush();
    await flush();
    await flush();
    expect(adapter.extractCalls).toBe(2); // posts 1 and 2; post 3 is saved
    const c = completes(fs);
    expect(c).toHaveLength(1);
    expect(c[0]!.type === 'capture/complete' && c[0]).toMatchObject({ aliasKey: aliasOf(2), draft: { postId: '2' } });
    expect(fm.of('2').view.status).toBe('saved');
    expect(fm.of('1').view.status).toBe('save');
    // Asked again (saved elsewhere): no post is read twice in this page view.
    ctrl.savedElsewhere(['x:1']);
    feed.insertAdjacentHTML('beforeend', postsHtml(1, 4));
    await flush();
    await flush();
    await flush();
    expect(adapter.extractCalls).toBe(3); // only the new post 4
    expect(ctrl.health().draftsRead).toBe(3);
  });

  it('moves the alias key to the real key: a control showing the id-less render re-keys and stays there', async () => {
    const ck = aliasOf(2).slice('x:'.length);
    const fs = makeFakeSend({
      aliases: [aliasOf(2)],
      saved: new Map([[aliasOf(2), { id: '00000000-0000-4000-8000-0000000000c2', incomplete: false }]]),
    });
    // The same post twice: once without its id (keyed by content), once with it.
    const { fm, feed } = setup({ send: fs, html: `<article data-id="${ck}"><p class="text">Post 2</p><div class="actions"></div></article>${postsHtml(1, 2)}` });
    await flush();
    await flush();
    await flush();
    expect(completes(fs)).toHaveLength(1);
    const hosts = [...fm.controls.values()];
    expect(hosts).toHaveLength(2);
    for (const c of hosts) expect(c.view).toMatchObject({ key: 'x:2', postId: '2', status: 'saved' });
    // A later scan of the id-less render keeps it on the real key.
    feed.querySelector('article')!.querySelector('.text')!.append(document.createElement('b'));
    await flush();
    await flush();
    for (const c of fm.controls.values()) expect(c.view).toMatchObject({ key: 'x:2', status: 'saved' });
  });

  it('changes nothing when the background does not merge', async () => {
    const fs = makeFakeSend({ aliases: [aliasOf(1)], reply: (m) => (m.type === 'capture/complete' ? { ok: false, error: 'not saved' } : undefined) });
    const { fm } = setup({ send: fs, html: postsHtml(1) });
    await flush();
    await flush();
    await flush();
    expect(completes(fs)).toHaveLength(1);
    expect(fm.of('1').view.status).toBe('save');
  });
});

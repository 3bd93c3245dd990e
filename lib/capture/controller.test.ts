// @vitest-environment jsdom
import { describe, it, expect, afterEach, beforeEach, vi } from 'vitest';
import { startCapture } from './controller';
import type { CaptureDeps } from './types';
import { flush, makeFakeAdapter, makeFakeMount, makeFakeSend, postsHtml, tEnglish } from './test-helpers';
import type { SiteAdapter } from '../sites/types';

let url = 'https://fake.test/home';
/** When true, setup's default adapter has `postRootOf`, so the controller scans incrementally. */
let incremental = false;
const controllers: AbortController[] = [];

function setup(opts: { adapter?: SiteAdapter; send?: ReturnType<typeof makeFakeSend>; html?: string; deps?: Partial<CaptureDeps> } = {}) {
  document.body.innerHTML = `<main id="feed">${opts.html ?? ''}</main>`;
  const adapter = opts.adapter ?? makeFakeAdapter(incremental ? { postRootOf: (n: Element) => n.closest('article') } : {});
  const fm = makeFakeMount();
  const fs = opts.send ?? makeFakeSend();
  const ac = new AbortController();
  controllers.push(ac);
  const logs: string[] = [];
  const ctrl = startCapture({
    pickAdapter: (u) => (adapter.isSupportedPage(u) ? adapter : null),
    document,
    url: () => url,
    send: fs.send,
    mount: fm.mount,
    signal: ac.signal,
    t: tEnglish,
    schedule: queueMicrotask,
    statusDelayMs: 0,
    urlCheckMs: 0,
    log: (m) => logs.push(m),
    ...opts.deps,
  });
  const feed = document.getElementById('feed')!;
  const hosts = () => [...document.querySelectorAll('satchel-save')];
  const ids = () => hosts().map((h) => h.getAttribute('data-post-id'));
  return { ctrl, fm, fs, ac, adapter, feed, hosts, ids, logs };
}

afterEach(() => {
  for (const ac of controllers.splice(0)) ac.abort();
  document.body.innerHTML = '';
  url = 'https://fake.test/home';
  vi.restoreAllMocks();
});

describe.each([
  ['full scan', false],
  ['incremental scan (postRootOf)', true],
])('one control per post, %s', (_name, inc) => {
  beforeEach(() => {
    incremental = inc;
  });
  afterEach(() => {
    incremental = false;
  });

  it('mounts exactly one control in each post action row over many posts', async () => {
    const { hosts, ids } = setup({ html: postsHtml(150) });
    await flush();
    expect(hosts()).toHaveLength(150);
    expect(new Set(ids()).size).toBe(150);
    for (const h of hosts()) {
      expect(h.parentElement!.classList.contains('actions')).toBe(true);
      expect(h.closest('article')!.getAttribute('data-id')).toBe(h.getAttribute('data-post-id'));
    }
  });

  it('falls back to the end of the post root without an action row', async () => {
    const { hosts } = setup({ html: '<article data-id="9"><p class="text">x</p></article>' });
    await flush();
    expect(hosts()).toHaveLength(1);
    expect(hosts()[0]!.parentElement!.tagName).toBe('ARTICLE');
    expect(hosts()[0]!.parentElement!.lastElementChild).toBe(hosts()[0]);
  });

  it('keeps one control per post while posts are appended in batches (infinite scroll)', async () => {
    const { feed, hosts, ids } = setup({ html: postsHtml(10) });
    await flush();
    for (let batch = 1; batch <= 6; batch++) {
      feed.insertAdjacentHTML('beforeend', postsHtml(10, batch * 10 + 1));
      await flush();
      expect(hosts()).toHaveLength((batch + 1) * 10);
      expect(new Set(ids()).size).toBe(hosts().length);
    }
  });

  it('re-reads only new or changed posts on a DOM change, not every post on the page', async () => {
    const seen: string[] = [];
    const adapter = makeFakeAdapter({
      ...(incremental ? { postRootOf: (n: Element) => n.closest('article') } : {}),
      postId: (el: Element) => {
        const id = el.getAttribute('data-id');
        seen.push(id ?? '');
        return id;
      },
    });
    const { feed, hosts } = setup({ adapter, html: postsHtml(20) });
    await flush();
    expect(hosts()).toHaveLength(20);
    seen.length = 0;
    feed.insertAdjacentHTML('beforeend', postsHtml(5, 21));
    await flush();
    expect(hosts()).toHaveLength(25);
    expect(seen.sort()).toEqual(['21', '22', '23', '24', '25']);
    // A change inside one old post re-reads that post only.
    seen.length = 0;
    feed.querySelector('article[data-id="7"] .text')!.append(document.createElement('b'));
    await flush();
    expect(seen).toEqual(['7']);
  });

  it('moves the control with a recycled element whose post id changes, never two', async () => {
    const { feed, fm, hosts, ids } = setup({ html: postsHtml(3) });
    await flush();
    const first = feed.querySelector('article')!;
    const host = first.querySelector('satchel-save')!;
    first.setAttribute('data-id', '77');
    first.querySelector('.text')!.textContent = 'Post 77';
    await flush();
    expect(hosts()).toHaveLength(3);
    expect(first.querySelectorAll('satchel-save')).toHaveLength(1);
    expect(host.getAttribute('data-post-id')).toBe('77');
    expect(ids().sort()).toEqual(['2', '3', '77']);
    expect(fm.of('77').view.key).toBe('x:77');
    expect(fm.of('77').view.status).toBe('save');
  });

  it('remounts when the page re-renders the action row and drops the control', async () => {
    const { feed, hosts } = setup({ html: postsHtml(2) });
    await flush();
    const art = feed.querySelector('article')!;
    art.querySelector('.actions')!.replaceWith(Object.assign(document.createElement('div'), { className: 'actions' }));
    await flush();
    expect(hosts()).toHaveLength(2);
    expect(art.querySelectorAll('satchel-save')).toHaveLength(1);
  });

  it('remounts a control the page removed on its own', async () => {
    const { feed, hosts } = setup({ html: postsHtml(2) });
    await flush();
    feed.querySelector('satchel-save')!.remove();
    await flush();
    expect(hosts()).toHaveLength(2);
  });

  it('unmounts the control of a post that left the DOM', async () => {
    const { feed, fm, hosts, ids } = setup({ html: postsHtml(3) });
    await flush();
    const ctl = fm.of('2');
    feed.querySelector('article[data-id="2"]')!.remove();
    await flush();
    expect(ids().sort()).toEqual(['1', '3']);
    expect(ctl.mounted).toBe(false);
    expect(hosts()).toHaveLength(2);
  });

  it('removes a host it does not own (a clone made by the page)', async () => {
    const { feed, hosts } = setup({ html: postsHtml(2) });
    await flush();
    const clone = feed.querySelector('article')!.cloneNode(true) as Element;
    clone.setAttribute('data-id', '5');
    feed.append(clone);
    await flush();
    expect(hosts()).toHaveLength(3);
    expect(clone.querySelectorAll('satchel-save')).toHaveLength(1);
  });

  it('isolates a failing post: the others still get controls and the error is logged once', async () => {
    const adapter = makeFakeAdapter({
      postId: (el) => {
        if (el.getAttribute('data-id') === '2') throw new Error('bad post');
        return el.getAttribute('data-id');
      },
    });
    const { hosts, logs, feed } = setup({ adapter, html: postsHtml(3) });
    await flush();
    expect(hosts()).toHaveLength(2);
    feed.append(document.createElement('div'));
    await flush();
    expect(logs.filter((l) => l.includes('post handler failed'))).toHaveLength(1);
  });
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

describe('saving', () => {
  it('one click extracts the current content and sends capture/save, then opens the panel', async () => {
    const { fm, fs, feed } = setup({ html: postsHtml(2) });
    await flush();
    feed.querySelector('article[data-id="1"] .text')!.textContent = 'Edited after load';
    fm.of('1').actions.activate(false);
    expect(fm.of('1').view.status).toBe('saving');
    await flush();
    const save = fs.sent.find((m) => m.type === 'capture/save');
    expect(save && save.type === 'capture/save' && save.draft.text).toBe('Edited after load');
    expect(fm.of('1').view.status).toBe('saved');
    expect(fm.of('1').view.panel).not.toBeNull();
    expect(fm.of('1').view.panel!.focus).toBe(false);
    await flush();
    expect(fm.of('1').view.panel!.recentTags).toEqual(['onboarding']);
  });

  it('saves the post a recycled element shows at click time', async () => {
    const { fm, fs, feed } = setup({ html: postsHtml(1) });
    await flush();
    const ctl = fm.of('1');
    const art = feed.querySelector('article')!;
    art.setAttribute('data-id', '42'); // recycled; the observer has not run yet
    art.querySelector('.text')!.textContent = 'Post 42';
    ctl.actions.activate(true);
    await flush();
    const save = fs.sent.find((m) => m.type === 'capture/save');
    expect(save?.type === 'capture/save' && save.draft.postId).toBe('42');
    expect(fm.of('42').view.status).toBe('saved');
    expect(fm.of('42').view.panel!.focus).toBe(true);
  });

  it('shows failed with the ExtractError reason, and retry works', async () => {
    const { fm, feed, fs } = setup({ html: '<article data-id="5"><div class="actions"></div></article>' });
    await flush();
    fm.of('5').actions.activate(false);
    await flush();
    const v = fm.of('5').view;
    expect(v.status).toBe('failed');
    expect(v.error).toContain('text');
    expect(v.panel).not.toBeNull();
    expect(fs.sent.some((m) => m.type === 'capture/save')).toBe(false);
    feed.querySelector('article')!.insertAdjacentHTML('afterbegin', '<p class="text">Now readable</p>');
    fm.of('5').actions.activate(false);
    await flush();
    expect(fm.of('5').view.status).toBe('saved');
    expect(fm.of('5').view.error).toBeNull();
  });

  it("shows the background's error and recovers on retry", async () => {
    let fail = true;
    const fs = makeFakeSend({ reply: (m) => (m.type === 'capture/save' && fail ? { ok: false, error: 'Storage is full' } : undefined) });
    const { fm } = setup({ send: fs, html: postsHtml(1) });
    await flush();
    fm.of('1').actions.activate(false);
    await flush();
    expect(fm.of('1').view).toMatchObject({ status: 'failed', error: 'Storage is full' });
    fail = false;
    fm.of('1').actions.activate(false);
    await flush();
    expect(fm.of('1').view.status).toBe('saved');
  });

  it('treats a rejected send as a failure with a reason', async () => {
    const fs = makeFakeSend({ reply: (m) => (m.type === 'capture/save' ? Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')) : undefined) });
    const { fm } = setup({ send: fs, html: postsHtml(1) });
    await flush();
    fm.of('1').actions.activate(false);
    await flush();
    await flush();
    expect(fm.of('1').view).toMatchObject({ status: 'failed', error: 'errorReload' });
  });

  it('says when the saved post was truncated', async () => {
    const { fm } = setup({ html: '<article data-id="3" data-truncated><p class="text">Long…</p><div class="actions"></div></article>' });
    await flush();
    fm.of('3').actions.activate(false);
    await flush();
    expect(fm.of('3').view.panel).toMatchObject({ truncated: true, siteName: 'X' });
  });

  it('clicking a saved control toggles the panel instead of saving again', async () => {
    const fs = makeFakeSend({ saved: new Map([['x:1', { id: '00000000-0000-4000-8000-000000000001', incomplete: false }]]) });
    const { fm } = setup({ send: fs, html: postsHtml(1) });
    await flush();
    await flush();
    fm.of('1').actions.activate(false);
    expect(fm.of('1').view.panel).not.toBeNull();
    fm.of('1').actions.closePanel();
    expect(fm.of('1').view.panel).toBeNull();
    expect(fs.sent.some((m) => m.type === 'capture/save')).toBe(false);
  });

  it('sends panel changes as capture/update with the capture id', async () => {
    const { fm, fs } = setup({ html: postsHtml(1) });
    await flush();
    fm.of('1').actions.activate(false);
    await flush();
    fm.of('1').actions.update({ intent: 'tip', tags: ['safety'] });
    await flush();
    const upd = fs.sent.find((m) => m.type === 'capture/update');
    expect(upd).toEqual({ type: 'capture/update', id: '00000000-0000-4000-8000-000000000001', patch: { intent: 'tip', tags: ['safety'] } });
    expect(fm.of('1').view.panel).toMatchObject({ intent: 'tip', tags: ['safety'] });
    fm.of('1').actions.createCollection('Onboarding');
    await flush();
    await flush();
    expect(fs.sent.some((m) => m.type === 'collection/create' && m.name === 'Onboarding')).toBe(true);
    expect(fm.of('1').view.panel!.collectionIds).toEqual(['00000000-0000-4000-8000-0000000000bb']);
  });

  it('offers and saves the thread when the adapter can read one', async () => {
    const base = makeFakeAdapter();
    const adapter = makeFakeAdapter({
      extractThread: (el, c) => {
        const d = base.extract(el, c);
        return { ...d, thread: [1, 2].map((i) => ({ postId: `${d.postId}-${i}`, permalink: null, author: null, text: `part ${i}`, postedAt: null, media: [], links: [], truncated: false })) };
      },
    });
    const { fm, fs } = setup({ adapter, html: postsHtml(1) });
    await flush();
    fm.of('1').actions.activate(false);
    await flush();
    expect(fm.of('1').view.panel!.thread).toBe('available');
    fm.of('1').actions.saveThread();
    await flush();
    const saves = fs.sent.filter((m) => m.type === 'capture/save');
    expect(saves).toHaveLength(2);
    expect(saves[1]!.type === 'capture/save' && saves[1]!.draft.thread).toHaveLength(2);
    expect(fm.of('1').view.panel!.thread).toBe('saved');
  });
});

describe('quiet completion', () => {
  const incomplete = () => makeFakeSend({ saved: new Map([['x:1', { id: '00000000-0000-4000-8000-000000000001', incomplete: true }]]) });

  it('sends capture/complete once per page view when the page holds a fuller version', async () => {
    const fs = incomplete();
    const { feed, ctrl } = setup({ send: fs, html: postsHtml(2) });
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
    url = 'https://fake.test/status/1';
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

describe('SPA navigation', () => {
  it('re-picks the adapter on a URL change and rescans', async () => {
    const { ctrl, hosts, feed } = setup({ html: postsHtml(3) });
    await flush();
    expect(hosts()).toHaveLength(3);
    url = 'https://elsewhere.test/';
    history.pushState({}, '', '/other');
    ctrl.urlChanged();
    expect(hosts()).toHaveLength(0);
    url = 'https://fake.test/status/1';
    feed.innerHTML = postsHtml(1);
    await flush();
    expect(hosts()).toHaveLength(1);
  });
});

describe('save in view (keyboard shortcut)', () => {
  it('saves the post that contains the focused element', async () => {
    const { ctrl, fs, feed, fm } = setup({ html: postsHtml(4) });
    await flush();
    const btn = feed.querySelector<HTMLButtonElement>('article[data-id="3"] .actions button')!;
    btn.focus();
    const r = await ctrl.saveInView();
    expect(r).toEqual({ ok: true, key: 'x:3' });
    expect(fs.sent.filter((m) => m.type === 'capture/save').map((m) => m.type === 'capture/save' && m.draft.postId)).toEqual(['3']);
    expect(fm.of('3').view.status).toBe('saved');
    expect(fm.of('3').view.panel!.focus).toBe(true);
  });

  it('saves the post most in view when nothing is focused', async () => {
    const { ctrl, feed } = setup({ html: postsHtml(3) });
    await flush();
    (document.activeElement as HTMLElement | null)?.blur();
    const rects: Record<string, [number, number]> = { '1': [-500, 40], '2': [40, 700], '3': [700, 1400] };
    for (const a of feed.querySelectorAll('article')) {
      const [top, bottom] = rects[a.getAttribute('data-id')!]!;
      a.getBoundingClientRect = () => ({ top, bottom, left: 0, right: 600, width: 600, height: bottom - top, x: 0, y: top, toJSON() {} });
    }
    vi.spyOn(window, 'innerHeight', 'get').mockReturnValue(800);
    vi.spyOn(window, 'innerWidth', 'get').mockReturnValue(1000);
    expect(await ctrl.saveInView()).toEqual({ ok: true, key: 'x:2' });
  });

  it('replies with an error when no post is in view', async () => {
    const { ctrl } = setup({ html: '' });
    await flush();
    expect(await ctrl.saveInView()).toEqual({ ok: false, error: 'errorNoPostInView' });
  });
});

// @vitest-environment jsdom
import { describe, it, expect, afterEach, vi } from 'vitest';
import { flush, makeFakeSend, postsHtml, startTestCapture as setup, stopTestCaptures } from './test-helpers';

afterEach(() => {
  stopTestCaptures();
  vi.restoreAllMocks();
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

  it("shows failed with the learner's reason for the field it could not read (the ExtractError only in the console), and retry works", async () => {
    const { fm, feed, fs, logs } = setup({ html: '<article data-id="5"><div class="actions"></div></article>' });
    await flush();
    fm.of('5').actions.activate(false);
    await flush();
    const v = fm.of('5').view;
    expect(v.status).toBe('failed');
    expect(v.error).toBe('saveFailedText(X) saveFailedReport');
    expect(logs.some((l) => l.includes('extract failed'))).toBe(true);
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

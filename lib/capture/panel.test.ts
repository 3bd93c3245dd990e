// @vitest-environment jsdom
import { describe, it, expect, afterEach } from 'vitest';
import { ExtractError } from '../sites/types';
import { createPanelEdits } from './panel-edits';
import { flush, makeFakeAdapter, makeFakeSend, postsHtml, startTestCapture as setup, stopTestCaptures } from './test-helpers';

afterEach(() => {
  stopTestCaptures();
});

/** A fake adapter whose thread reads fine once (the offer when the panel opens), then throws `error()`. */
function threadFailingOnSecondRead(error: () => Error) {
  const base = makeFakeAdapter();
  let reads = 0;
  return makeFakeAdapter({
    extractThread: (el, c) => {
      if (++reads > 1) throw error();
      const d = base.extract(el, c);
      return { ...d, thread: [1, 2].map((i) => ({ postId: `${d.postId}-${i}`, permalink: null, author: null, text: `part ${i}`, postedAt: null, media: [], links: [], truncated: false })) };
    },
  });
}

describe('save panel', () => {
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

  it("tells a thread that could not be read in the learner's words (the ExtractError only in the console)", async () => {
    // Offered when the panel opens; by the click, the page no longer shows the author.
    const { fm, logs } = setup({ adapter: threadFailingOnSecondRead(() => new ExtractError('x', 'author', 'userName')), html: postsHtml(1) });
    await flush();
    fm.of('1').actions.activate(false);
    await flush();
    fm.of('1').actions.saveThread();
    await flush();
    expect(fm.of('1').view.panel).toMatchObject({ thread: 'failed', error: 'saveFailedAuthor(X) saveFailedReport' });
    expect(logs.some((l) => l.includes('extractThread failed'))).toBe(true);
  });

  it('takes its edits from the loaded panel UI (deps.panelEdits); before that an edit is logged and sends nothing', async () => {
    let loaded: typeof createPanelEdits | null = null;
    const { fm, fs, logs } = setup({ html: postsHtml(1), deps: { panelEdits: () => loaded } });
    await flush();
    fm.of('1').actions.activate(false);
    await flush();
    fm.of('1').actions.update({ intent: 'tip' });
    await flush();
    expect(fs.sent.some((m) => m.type === 'capture/update')).toBe(false);
    expect(logs.some((l) => l.includes('update'))).toBe(true);
    loaded = createPanelEdits;
    fm.of('1').actions.update({ intent: 'tip' });
    await flush();
    expect(fs.sent.filter((m) => m.type === 'capture/update')).toHaveLength(1);
  });

  it("names the unreadable part of a thread when the error comes from another bundle's copy of ExtractError (panel-ui.js)", async () => {
    // The adapter lives in the content script's bundle, panel-edits in panel-ui.js: two ExtractError classes.
    class OtherBundleExtractError extends Error {
      override name = 'ExtractError';
      constructor(readonly site: string, readonly field: string, readonly selector: string) {
        super('developer message');
      }
    }
    const { fm } = setup({ adapter: threadFailingOnSecondRead(() => new OtherBundleExtractError('x', 'text', 'tweetText')), html: postsHtml(1) });
    await flush();
    fm.of('1').actions.activate(false);
    await flush();
    fm.of('1').actions.saveThread();
    await flush();
    expect(fm.of('1').view.panel).toMatchObject({ thread: 'failed', error: 'saveFailedText(X) saveFailedReport' });
  });
});

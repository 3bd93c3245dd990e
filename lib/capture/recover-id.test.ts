// @vitest-environment jsdom
import { describe, it, expect, afterEach } from 'vitest';
import type { ContentToBackground } from '../messages';
import { newProbeToken, PROBE_ATTR } from './recover-id';
import { flush, makeFakeSend, postsHtml, startTestCapture as setup, stopTestCaptures } from './test-helpers';

afterEach(() => stopTestCaptures());

const CK = 'content:00112233445566778899aabbccddeeff';
const URN = 'urn:li:activity:7300000000000000001';
const idless = (text = 'No id here') => `<article data-id="${CK}"><p class="text">${text}</p><div class="actions"></div></article>`;
const probes = (sent: ContentToBackground[]) => sent.filter((m) => m.type === 'capture/probe-id');

/** A fake background whose probe answers `answer(probe, marked element)`; the element is looked up while the question is open. */
function probing(answer: (probe: string, marked: Element | null) => unknown) {
  return makeFakeSend({
    reply: (m) => (m.type === 'capture/probe-id' ? answer(m.probe, document.querySelector(`[${PROBE_ATTR}="${m.probe}"]`)) : undefined),
  });
}

describe('probe tokens', () => {
  it('are 32 random characters the background accepts', () => {
    const a = newProbeToken();
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(newProbeToken()).not.toBe(a);
  });
});

describe('saving a post whose page shows no id', () => {
  it('marks the post root while the probe asks, extracts with the id found, and re-keys the control before the save lands', async () => {
    let marked: Element | null = null;
    const fs = probing((_p, el) => ((marked = el), { ok: true, urn: URN }));
    const { fm, feed } = setup({ send: fs, html: `${postsHtml(1)}${idless()}` });
    await flush();
    const post = feed.querySelector(`article[data-id="${CK}"]`)!;
    fm.of(CK).actions.activate(false);
    expect(fm.of(CK).view.status).toBe('saving');
    await flush();
    await flush();
    expect(marked).toBe(post);
    expect(post.hasAttribute(PROBE_ATTR)).toBe(false);
    const save = fs.sent.find((m) => m.type === 'capture/save');
    expect(save?.type === 'capture/save' && save.draft).toMatchObject({ postId: URN, permalinkMissing: false });
    const ctl = fm.of(URN);
    expect(ctl.view).toMatchObject({ key: `x:${URN}`, status: 'saved' });
    expect(fs.saved.has(`x:${URN}`)).toBe(true);
    // The adapter still reads the content key; a later scan keeps the control on the real key.
    post.querySelector('.text')!.append(document.createElement('b'));
    await flush();
    await flush();
    expect(fm.of(URN)).toBe(ctl);
    expect(fm.of(URN).view.status).toBe('saved');
    // Saving again opens the panel: no second probe.
    fm.of(URN).actions.activate(false);
    expect(probes(fs.sent)).toHaveLength(1);
  });

  it.each([
    ['the probe fails', () => Promise.reject(new Error('Cannot access contents of the page'))],
    ['the background finds no id', () => ({ ok: true, urn: null })],
    ['the background refuses', () => ({ ok: false, error: 'capture/probe-id is not available here' })],
  ])('saves by content when %s, and removes the mark', async (_n, answer) => {
    const fs = probing(answer);
    const { fm, feed } = setup({ send: fs, html: idless() });
    await flush();
    fm.of(CK).actions.activate(false);
    await flush();
    await flush();
    expect(feed.querySelector(`[${PROBE_ATTR}]`)).toBeNull();
    const save = fs.sent.find((m) => m.type === 'capture/save');
    expect(save?.type === 'capture/save' && save.draft).toMatchObject({ postId: CK, permalink: null, permalinkMissing: true });
    expect(fm.of(CK).view).toMatchObject({ key: `x:${CK}`, status: 'saved' });
  });

  it('does not wait for a probe that never answers longer than its bound', async () => {
    const fs = probing(() => new Promise(() => {}));
    const { fm, feed } = setup({ send: fs, html: idless(), deps: { probeTimeoutMs: 20 } });
    await flush();
    fm.of(CK).actions.activate(false);
    await flush();
    expect(feed.querySelector(`[${PROBE_ATTR}]`)).not.toBeNull(); // still asking
    await new Promise((r) => setTimeout(r, 40));
    await flush();
    expect(feed.querySelector(`[${PROBE_ATTR}]`)).toBeNull();
    expect(fm.of(CK).view.status).toBe('saved');
  });

  it('removes the mark when reading the post fails after the probe', async () => {
    const fs = probing(() => ({ ok: true, urn: URN }));
    const { fm, feed } = setup({ send: fs, html: `<article data-id="${CK}"><div class="actions"></div></article>` });
    await flush();
    fm.of(CK).actions.activate(false);
    await flush();
    await flush();
    expect(feed.querySelector(`[${PROBE_ATTR}]`)).toBeNull();
    expect(fm.of(CK).view.status).toBe('failed');
  });

  it('never probes for posts with an id, nor on page load', async () => {
    const fs = probing(() => ({ ok: true, urn: URN }));
    const { fm } = setup({ send: fs, html: `${postsHtml(3)}${idless()}` });
    await flush();
    await flush();
    expect(probes(fs.sent)).toHaveLength(0);
    fm.of('2').actions.activate(false);
    await flush();
    expect(fm.of('2').view.status).toBe('saved');
    expect(probes(fs.sent)).toHaveLength(0);
  });
});

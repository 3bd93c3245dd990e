// @vitest-environment jsdom
import { describe, it, expect, afterEach, beforeEach } from 'vitest';
import { flush, makeFakeAdapter, postsHtml, startTestCapture, stopTestCaptures } from './test-helpers';
import type { SiteAdapter } from '../sites/types';
import type { CaptureDeps } from './types';

afterEach(() => {
  stopTestCaptures();
});

/** When true, setup's default adapter has `postRootOf`, so the controller scans incrementally. */
let incremental = false;
const setup = (opts: { adapter?: SiteAdapter; html?: string; deps?: Partial<CaptureDeps> } = {}) => startTestCapture({ incremental, ...opts });

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

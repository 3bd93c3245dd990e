/**
 * Test doubles for the capture flow: a small fake adapter over simple markup, a recording `send`
 * and a fake `mount` that creates real `<satchel-save data-post-id>` hosts. Used only by tests.
 *
 * Markup: `<article data-id="<id>"><p class="text">…</p><div class="actions"></div></article>`;
 * `data-truncated` marks a truncated post; a missing `.text` makes extract throw an ExtractError.
 * A `.photo` element is a photo: with an `<img src>` inside it is read as media, empty it is a
 * placeholder whose image has not loaded (`mediaMissing`).
 * A `data-id` that is a content key (`content:<hash>`) is a post whose page shows no id: its draft
 * has no permalink (`permalinkMissing`), unless `extract` is given `ctx.recoveredId`.
 */
import type { CaptureDraft } from '../schema';
import type { ExtractContext, SiteAdapter } from '../sites/types';
import { isContentKey } from '../schema/content-key';
import { ExtractError } from '../sites/types';
import type { ContentToBackground } from '../messages';
import type { CaptureDeps, ControlActions, ControlView, MountControl, MountedControl, Send } from './types';
import { startCapture } from './controller';
import { createPanelEdits } from './panel-edits';

/** A draft with every field filled with a neutral value; override what a test needs. */
export function makeDraft(over: Partial<CaptureDraft> = {}): CaptureDraft {
  return {
    platform: 'x', postId: '1', permalink: 'https://x.com/a/status/1', permalinkMissing: false, author: null, text: 't', lang: null,
    postedAt: null, media: [], links: [], hashtags: [], mentions: [], poll: null, truncated: false,
    mediaMissing: false, title: null, quoted: null, quoteMissing: false, repostedBy: null, inReplyTo: null,
    thread: [], threadPartial: false, ...over,
  };
}

/** The fake adapter. Its id is `x` (a real Platform value); keys look like `x:<id>`. */
export function makeFakeAdapter(over: Partial<SiteAdapter> = {}): SiteAdapter & { extractCalls: number } {
  const a = {
    extractCalls: 0,
    id: 'x' as const,
    matches: ['https://fake.test/*'],
    isSupportedPage: (url: string) => url.startsWith('https://fake.test/'),
    // The SiteAdapter contract: `root` itself counts when it is a post.
    findPosts: (root: ParentNode) => ((root as Element).matches?.('article') ? [root as Element] : [...root.querySelectorAll('article')]),
    postId: (el: Element) => el.getAttribute('data-id'),
    actionRow: (el: Element) => el.querySelector('.actions'),
    extract(el: Element, ctx?: ExtractContext): CaptureDraft {
      a.extractCalls++;
      const attr = el.getAttribute('data-id');
      const id = isContentKey(attr) && ctx?.recoveredId ? ctx.recoveredId : attr;
      const text = el.querySelector('.text');
      if (!id) throw new ExtractError('x', 'postId', 'article[data-id]');
      if (!text) throw new ExtractError('x', 'text', '.text');
      const idless = isContentKey(id);
      const photos = [...el.querySelectorAll('.photo')];
      const imgs = photos.flatMap((p) => [...p.querySelectorAll('img[src]')]);
      return makeDraft({
        media: imgs.map((i) => ({ kind: 'image' as const, url: i.getAttribute('src')!, alt: null })),
        mediaMissing: imgs.length < photos.length,
        postId: id,
        permalink: idless ? null : `https://fake.test/status/${id}`,
        permalinkMissing: idless,
        text: text.textContent ?? '',
        truncated: el.hasAttribute('data-truncated'),
      });
    },
    ...over,
  };
  return a;
}

/** HTML of `n` posts with ids `from`, `from+1`, … */
export function postsHtml(n: number, from = 1): string {
  let s = '';
  for (let i = from; i < from + n; i++) s += `<article data-id="${i}"><p class="text">Post ${i}</p><div class="actions"><button>Like</button></div></article>`;
  return s;
}

/** What the fake mount knows about a mounted control. */
export interface FakeControl {
  view: ControlView;
  actions: ControlActions;
  mounted: boolean;
}

/** A fake `mount`: real light-DOM hosts, views and actions kept in a map for assertions. */
export function makeFakeMount(): { mount: MountControl; controls: Map<Element, FakeControl>; of(postId: string): FakeControl } {
  const controls = new Map<Element, FakeControl>();
  const mount: MountControl = (anchor, view, actions): MountedControl => {
    const host = anchor.ownerDocument.createElement('satchel-save');
    host.setAttribute('data-post-id', view.postId);
    const c: FakeControl = { view, actions, mounted: true };
    controls.set(host, c);
    anchor.append(host);
    return {
      host,
      update(v) {
        c.view = v;
        host.setAttribute('data-post-id', v.postId);
      },
      unmount() {
        c.mounted = false;
        host.remove();
        controls.delete(host);
      },
    };
  };
  return {
    mount,
    controls,
    of(postId) {
      const hosts = [...controls.entries()].filter(([h]) => h.getAttribute('data-post-id') === postId);
      if (hosts.length !== 1) throw new Error(`expected one control for ${postId}, found ${hosts.length}`);
      return hosts[0]![1];
    },
  };
}

/** Reply function of the fake background. */
export type FakeReply = (msg: ContentToBackground) => unknown;

/** A recording `send` whose replies follow a small in-memory library. */
export function makeFakeSend(opts: { saved?: Map<string, { id: string; incomplete: boolean }>; reply?: FakeReply; aliases?: string[] } = {}) {
  const saved = opts.saved ?? new Map<string, { id: string; incomplete: boolean }>();
  const sent: ContentToBackground[] = [];
  let n = 0;
  const uuid = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
  const reply = async (msg: ContentToBackground): Promise<unknown> => {
    sent.push(msg);
    const custom = opts.reply?.(msg);
    if (custom !== undefined) return custom;
    switch (msg.type) {
      case 'capture/status':
        return { ok: true, saved: msg.keys.filter((k) => saved.has(k)).map((k) => ({ key: k, ...saved.get(k)! })), aliases: opts.aliases ?? [] };
      case 'capture/save':
      case 'capture/complete': {
        const key = `${msg.draft.platform}:${msg.draft.postId}`;
        const id = saved.get(key)?.id ?? uuid();
        saved.set(key, { id, incomplete: msg.draft.truncated });
        return {
          ok: true,
          created: true,
          capture: { ...msg.draft, id, key, intent: null, note: null, tags: [], collectionIds: [] },
        };
      }
      case 'capture/update':
        return { ok: true, created: false, capture: { id: msg.id } };
      case 'library/recent':
        return { ok: true, tags: ['onboarding'], collections: [{ id: '00000000-0000-4000-8000-0000000000aa', name: 'Team tips', scopeId: 'personal:local' }] };
      case 'collection/create':
        return { ok: true, collection: { id: '00000000-0000-4000-8000-0000000000bb', name: msg.name, scopeId: 'personal:local' } };
    }
    return { ok: false, error: 'unknown message' };
  };
  // The fake background answers by hand; replies are checked by the tests, not by the type.
  const send = reply as Send;
  return { send, sent, saved };
}

/** Lets MutationObserver callbacks, microtasks and zero timers run. */
export const flush = () => new Promise((r) => setTimeout(r, 0));

/** English UI strings keyed like messages.json, with `$1` substitution. */
export const tEnglish = (key: string, subs?: string[]) => (subs?.length ? `${key}(${subs.join(',')})` : key);

const running: AbortController[] = [];

/**
 * Starts the capture flow on `html` (inside `<main id="feed">`) with the fake adapter, mount and
 * send, and zero delays. `incremental` gives the default adapter `postRootOf`. `page.url` is the URL
 * the flow reads. Call {@link stopTestCaptures} after each test.
 */
export function startTestCapture(opts: { adapter?: SiteAdapter; send?: ReturnType<typeof makeFakeSend>; html?: string; deps?: Partial<CaptureDeps>; incremental?: boolean } = {}) {
  document.body.innerHTML = `<main id="feed">${opts.html ?? ''}</main>`;
  const adapter = opts.adapter ?? makeFakeAdapter(opts.incremental ? { postRootOf: (n: Element) => n.closest('article') } : {});
  const fm = makeFakeMount();
  const fs = opts.send ?? makeFakeSend();
  const ac = new AbortController();
  running.push(ac);
  const logs: string[] = [];
  const page = { url: 'https://fake.test/home' };
  const ctrl = startCapture({
    pickAdapter: (u) => (adapter.isSupportedPage(u) ? adapter : null),
    document,
    url: () => page.url,
    send: fs.send,
    mount: fm.mount,
    signal: ac.signal,
    t: tEnglish,
    schedule: queueMicrotask,
    statusDelayMs: 0,
    urlCheckMs: 0,
    idle: queueMicrotask,
    log: (m) => logs.push(m),
    panelEdits: () => createPanelEdits,
    ...opts.deps,
  });
  const feed = document.getElementById('feed')!;
  const hosts = () => [...document.querySelectorAll('satchel-save')];
  const ids = () => hosts().map((h) => h.getAttribute('data-post-id'));
  return { ctrl, fm, fs, ac, adapter, feed, hosts, ids, logs, page };
}

/** Stops every flow {@link startTestCapture} started and empties the document. */
export function stopTestCaptures(): void {
  for (const ac of running.splice(0)) ac.abort();
  document.body.innerHTML = '';
}

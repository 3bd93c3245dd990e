import { describe, it, expect, beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Dexie } from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import background from '../entrypoints/background';
import { SatchelDb, DB_NAME } from '../lib/db';
import { makeDraft } from '../lib/db/testing';

// fake-browser leaves contextMenus, commands, scripting and tabs.sendMessage unmocked; these are
// minimal stand-ins with a trigger(), like fake-browser's own events.
function event<A extends unknown[]>() {
  const ls: Array<(...a: A) => unknown> = [];
  return {
    addListener: (l: (...a: A) => unknown) => void ls.push(l),
    removeListener: () => {},
    hasListener: () => ls.length > 0,
    trigger: (...a: A) => Promise.all(ls.map((l) => l(...a))),
  };
}

let menuClicked: ReturnType<typeof event<[unknown, unknown]>>;
let command: ReturnType<typeof event<[string, unknown]>>;
let menus: Array<{ id: string; title: string; contexts: string[] }>;
let tabMessages: Array<[number, unknown]>;
let tabReply: (msg: unknown) => Promise<unknown>;
let snapshot: unknown;

const flush = () => new Promise((r) => setTimeout(r, 50));
const send = (m: unknown) => fakeBrowser.runtime.sendMessage(m) as Promise<any>;
const readAll = async () => {
  const db = new SatchelDb(DB_NAME);
  try {
    return await db.captures.toArray();
  } finally {
    db.close();
  }
};

beforeEach(async () => {
  // A fresh IndexedDB per test (the previous test's worker keeps its connection open).
  Dexie.dependencies.indexedDB = new IDBFactory();
  menus = [];
  tabMessages = [];
  tabReply = () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
  snapshot = null;
  menuClicked = event();
  command = event();
  const b = fakeBrowser as any;
  b.contextMenus = { removeAll: vi.fn(async () => { menus = []; }), create: vi.fn((p: any) => menus.push(p)), onClicked: menuClicked };
  b.commands = { onCommand: command };
  b.scripting = { executeScript: vi.fn(async () => [{ result: snapshot }]) };
  b.tabs.sendMessage = vi.fn((id: number, msg: unknown) => { tabMessages.push([id, msg]); return tabReply(msg); });
  b.tabs.query = vi.fn(async () => [{ id: 7, url: 'https://x.com/home' }]);
  background.main();
  await flush();
});

describe('background: messages', () => {
  it('saves a post and replies with the capture; the row is in Dexie', async () => {
    const r = await send({ type: 'capture/save', draft: makeDraft() });
    expect(r).toMatchObject({ ok: true, created: true, capture: { key: 'x:1800000000000000001', scopeId: 'personal:local' } });
    expect((await readAll()).map((c) => c.id)).toEqual([r.capture.id]);
  });

  it('refuses a malformed message with a reason', async () => {
    expect(await send({ type: 'capture/save', draft: { platform: 'x' } })).toMatchObject({ ok: false, error: expect.stringMatching(/^invalid message: draft\./) });
    expect(await send({ hello: 1 })).toMatchObject({ ok: false, error: expect.stringMatching(/^invalid message/) });
    expect(await readAll()).toHaveLength(0);
  });

  it('same post twice → one capture; two posts → two; concurrent saves → one row', async () => {
    await send({ type: 'capture/save', draft: makeDraft({ postId: '1' }) });
    await send({ type: 'capture/save', draft: makeDraft({ postId: '1' }) });
    await send({ type: 'capture/save', draft: makeDraft({ postId: '2', text: 'other' }) });
    await Promise.all([1, 2, 3, 4].map(() => send({ type: 'capture/save', draft: makeDraft({ postId: '3' }) })));
    const rows = await readAll();
    expect(rows.map((c) => c.postId).sort()).toEqual(['1', '2', '3']);
    expect(rows.find((c) => c.postId === '2')?.text).toBe('other');
  });

  it('nothing is lost when the service worker restarts between two saves', async () => {
    const a = await send({ type: 'capture/save', draft: makeDraft({ text: 'Part…', truncated: true }) });
    fakeBrowser.reset(); // the worker is gone: listeners and memory
    (fakeBrowser as any).contextMenus.onClicked = event();
    background.main(); // a new worker opens a new Database instance
    await flush();
    const b = await send({ type: 'capture/save', draft: makeDraft({ text: 'Part and the rest' }) });
    expect(b.capture.id).toBe(a.capture.id);
    expect(await readAll()).toHaveLength(1);
    expect((await readAll())[0]).toMatchObject({ text: 'Part and the rest', truncated: false });
  });

  it('capture/status returns saved keys only; capture/complete clears the flag', async () => {
    const a = await send({ type: 'capture/save', draft: makeDraft({ mediaMissing: true }) });
    expect(await send({ type: 'capture/status', keys: ['x:1800000000000000001', 'x:2'] })).toEqual({ ok: true, saved: [{ key: 'x:1800000000000000001', id: a.capture.id, incomplete: true, truncated: false }], aliases: [] });
    const media = [{ kind: 'image' as const, url: 'https://pbs.twimg.com/media/a.jpg', alt: null }];
    const c = await send({ type: 'capture/complete', draft: makeDraft({ media }) });
    expect(c).toMatchObject({ ok: true, capture: { mediaMissing: false, media } });
    expect(await send({ type: 'capture/status', keys: ['x:1800000000000000001'] })).toEqual({ ok: true, saved: [{ key: 'x:1800000000000000001', id: a.capture.id, incomplete: false, truncated: false }], aliases: [] });
  });

  it('tells content scripts in other tabs after a save', async () => {
    await send({ type: 'capture/save', draft: makeDraft() });
    await flush();
    expect(tabMessages).toContainEqual([7, { type: 'capture/saved-elsewhere', keys: ['x:1800000000000000001'] }]);
  });
});

describe('background: context menu and command', () => {
  it('creates the three context-menu items on web pages', () => {
    expect(menus.map((m) => [m.id, m.title, m.contexts])).toEqual([
      ['satchel-save-selection', 'Save selection to Satchel', ['selection']],
      ['satchel-save-link', 'Save link to Satchel', ['link']],
      ['satchel-save-page', 'Save page to Satchel', ['page']],
    ]);
  });

  it('"Save selection" saves a web capture with selection, title, URL and OpenGraph', async () => {
    snapshot = { url: 'https://blog.example.org/a', title: 'Doc', lang: 'en', selection: 'The key idea\nin two lines', canonical: null, meta: { 'og:title': 'A post', 'og:image': 'https://blog.example.org/i.png' }, linkText: null };
    const tab = { id: 5, url: 'https://blog.example.org/a', title: 'Doc' };
    await menuClicked.trigger({ menuItemId: 'satchel-save-selection', pageUrl: 'https://blog.example.org/a', selectionText: 'The key idea in two lines', frameId: 0 }, tab);
    await flush();
    const [c] = await readAll();
    expect(c).toMatchObject({
      platform: 'web',
      text: 'The key idea\nin two lines',
      title: 'A post',
      permalink: 'https://blog.example.org/a#:~:text=The%20key%20idea%20in%20two%20lines',
      media: [{ url: 'https://blog.example.org/i.png' }],
      scopeId: 'personal:local',
    });
  });

  it('"Save page" works when the page cannot be scripted (event data only), and dedupes', async () => {
    (fakeBrowser as any).scripting.executeScript = vi.fn(async () => { throw new Error('Cannot access contents of the page'); });
    const tab = { id: 5, url: 'https://e.org/p', title: 'Tab title' };
    await menuClicked.trigger({ menuItemId: 'satchel-save-page', pageUrl: 'https://e.org/p' }, tab);
    await menuClicked.trigger({ menuItemId: 'satchel-save-page', pageUrl: 'https://e.org/p#frag' }, tab);
    await flush();
    const rows = await readAll();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ platform: 'web', postId: 'https://e.org/p', title: 'Tab title', text: '' });
  });

  it('the save-post command sends capture/save-in-view to the active tab', async () => {
    tabReply = async () => ({ ok: true, key: 'x:1' });
    await command.trigger('save-post', { id: 9, url: 'https://x.com/home' });
    await flush();
    expect(tabMessages).toEqual([[9, { type: 'capture/save-in-view' }]]);
    expect(await readAll()).toHaveLength(0); // the content script saves through capture/save
  });

  it('the save-post command on a page without a content script saves the page instead', async () => {
    snapshot = { url: 'https://e.org/q', title: 'Q', lang: null, selection: '', canonical: null, meta: { description: 'About Q' }, linkText: null };
    await command.trigger('save-post', { id: 9, url: 'https://e.org/q', title: 'Q' });
    await flush();
    expect(await readAll()).toMatchObject([{ platform: 'web', postId: 'https://e.org/q', text: 'About Q' }]);
  });
});

import { describe, it, expect, beforeEach, afterEach, vi } from 'vitest';
import { createMessageHandler, type MessageDeps } from './handle';
import { SatchelDb, libraryOps } from '../db';
import { makeDraft } from '../db/testing';
import type { Capture } from '../schema';

let db: SatchelDb;
let handle: (raw: unknown) => Promise<unknown>;
let onSaved: ReturnType<typeof vi.fn<(c: Capture) => void>>;

beforeEach(() => {
  db = new SatchelDb(`t-${Math.random()}`);
  onSaved = vi.fn<(c: Capture) => void>();
  handle = createMessageHandler({ ...libraryOps(db), onSaved });
});
afterEach(() => db.close());

describe('createMessageHandler: validation', () => {
  it.each([
    ['not an object', 'hello'],
    ['null', null],
    ['unknown type', { type: 'capture/delete-everything' }],
    ['missing draft', { type: 'capture/save' }],
    ['extra field', { type: 'library/recent', extra: 1 }],
    ['javascript: permalink', { type: 'capture/save', draft: makeDraft({ permalink: 'javascript:alert(1)' }) }],
    ['bad id', { type: 'capture/update', id: 'nope', patch: {} }],
    ['empty collection name', { type: 'collection/create', name: '   ' }],
  ])('refuses %s with a reason', async (_label, raw) => {
    const r = (await handle(raw)) as { ok: boolean; error: string };
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/^invalid message: /);
    expect(await db.captures.count()).toBe(0);
  });

  it('names the offending field', async () => {
    const r = (await handle({ type: 'capture/save', draft: { ...makeDraft(), text: 5 } })) as { error: string };
    expect(r.error).toContain('draft.text');
  });
});

describe('createMessageHandler: dispatch', () => {
  it('capture/save creates, then dedupes', async () => {
    const a = (await handle({ type: 'capture/save', draft: makeDraft() })) as any;
    const b = (await handle({ type: 'capture/save', draft: makeDraft() })) as any;
    expect(a).toMatchObject({ ok: true, created: true, capture: { key: 'x:1800000000000000001' } });
    expect(b).toMatchObject({ ok: true, created: false, capture: { id: a.capture.id } });
    expect(await db.captures.count()).toBe(1);
    expect(onSaved).toHaveBeenCalledTimes(2);
  });

  it('capture/status returns only saved keys with incomplete flag', async () => {
    const a = (await handle({ type: 'capture/save', draft: makeDraft({ truncated: true }) })) as any;
    const r = await handle({ type: 'capture/status', keys: ['x:1800000000000000001', 'x:404'] });
    expect(r).toEqual({ ok: true, saved: [{ key: 'x:1800000000000000001', id: a.capture.id, incomplete: true, truncated: true }], aliases: [] });
  });

  it('capture/complete completes quietly, refuses an unsaved post', async () => {
    await handle({ type: 'capture/save', draft: makeDraft({ text: 'Half', truncated: true }) });
    const r = (await handle({ type: 'capture/complete', draft: makeDraft({ text: 'Half and the rest' }) })) as any;
    expect(r).toMatchObject({ ok: true, created: false, capture: { text: 'Half and the rest', truncated: false } });
    expect(r.capture.completedAt).toEqual(expect.any(Number));
    const miss = (await handle({ type: 'capture/complete', draft: makeDraft({ postId: '999' }) })) as any;
    expect(miss).toMatchObject({ ok: false, error: expect.stringMatching(/^not saved/) });
    expect(await db.captures.count()).toBe(1);
  });

  it('capture/update, collection/create and library/recent', async () => {
    const a = (await handle({ type: 'capture/save', draft: makeDraft() })) as any;
    const c = (await handle({ type: 'collection/create', name: ' Team tips ' })) as any;
    expect(c).toMatchObject({ ok: true, collection: { name: 'Team tips', scopeId: 'personal:local' } });
    expect(Object.keys(c.collection).sort()).toEqual(['id', 'name', 'scopeId']);
    const u = (await handle({ type: 'capture/update', id: a.capture.id, patch: { intent: 'tip', tags: ['Growth'], collectionIds: [c.collection.id] } })) as any;
    expect(u).toMatchObject({ ok: true, capture: { intent: 'tip', tags: ['Growth'], collectionIds: [c.collection.id] } }); // first spelling kept (lib/schema/tag.ts)
    expect(await handle({ type: 'library/recent' })).toEqual({ ok: true, tags: ['Growth'], collections: [expect.objectContaining({ name: 'Inbox' }), c.collection] }); // fresh saves go to the Inbox
    const missing = (await handle({ type: 'capture/update', id: '01900000-0000-7000-8000-000000000009', patch: { note: 'x' } })) as any;
    expect(missing.ok).toBe(false);
  });

  it('turns a storage failure into { ok: false } instead of throwing', async () => {
    const broken = createMessageHandler({
      ...libraryOps(db),
      saveCapture: () => Promise.reject(new Error('QuotaExceededError')),
    } satisfies MessageDeps);
    expect(await broken({ type: 'capture/save', draft: makeDraft() })).toEqual({ ok: false, error: 'capture/save failed: QuotaExceededError' });
  });
});

describe('createMessageHandler: ui/load', () => {
  it('injects the control UI into the sender frame and replies ok', async () => {
    const loadUi = vi.fn(async () => {});
    const h = createMessageHandler({ ...libraryOps(db), loadUi });
    const sender = { tab: { id: 7 }, frameId: 3 };
    expect(await h({ type: 'ui/load' }, sender)).toEqual({ ok: true });
    expect(loadUi).toHaveBeenCalledWith(sender);
  });

  it('answers a reason when injection fails or is not wired', async () => {
    const h = createMessageHandler({ ...libraryOps(db), loadUi: async () => { throw new Error('no tab'); } });
    expect(await h({ type: 'ui/load' })).toEqual({ ok: false, error: 'ui/load failed: no tab' });
    expect(await handle({ type: 'ui/load' })).toEqual({ ok: false, error: 'ui/load is not available here' });
  });
});

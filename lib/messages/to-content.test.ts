import { describe, it, expect, expectTypeOf } from 'vitest';
import { parseBackgroundToContent, parseHealthReply, type CaptureHealth, type ContentReplyFor, type HealthReply, type SaveInViewReply } from './to-content';

describe('parseBackgroundToContent', () => {
  it.each([
    [{ type: 'capture/save-in-view' }, { type: 'capture/save-in-view' }],
    [{ type: 'capture/save-in-view', extra: 1 }, { type: 'capture/save-in-view' }],
    [{ type: 'health/get' }, { type: 'health/get' }],
    [{ type: 'capture/saved-elsewhere', keys: ['x:1'] }, { type: 'capture/saved-elsewhere', keys: ['x:1'] }],
    [{ type: 'capture/saved-elsewhere', keys: [1] }, null],
    [{ type: 'capture/saved-elsewhere' }, null],
    [{ type: 'capture/save' }, null],
    ['capture/save-in-view', null],
    [null, null],
  ])('%j → %j', (raw, parsed) => {
    expect(parseBackgroundToContent(raw)).toEqual(parsed);
  });
});

describe('parseHealthReply', () => {
  const health: CaptureHealth = {
    site: 'linkedin', postsFound: 3, controlsMounted: 2, postsWithoutId: 1, postsUnreadable: 1, unknownLayouts: 0, draftsRead: 1,
    emptyFields: { author: 0, text: 0, postedAt: 1, media: 0, permalink: 1 },
    savesRefused: { 'no-id': 0, unreadable: 0, error: 0, refused: 0, 'no-answer': 0 },
  };

  it('reads a well-formed reply, copying only the known fields', () => {
    expect(parseHealthReply({ ok: true, health })).toEqual(health);
    expect(parseHealthReply({ ok: true, health: { ...health, extra: 'x', emptyFields: { ...health.emptyFields, other: 1 } } })).toEqual(health);
    expect(parseHealthReply({ ok: true, health: { ...health, site: null } })).toEqual({ ...health, site: null });
  });

  it.each([
    ['no reply', undefined],
    ['an error reply', { ok: false, error: 'x' }],
    ['no health', { ok: true }],
    ['a negative count', { ok: true, health: { ...health, postsFound: -1 } }],
    ['a count that is not a number', { ok: true, health: { ...health, draftsRead: '2' } }],
    ['a missing field count', { ok: true, health: { ...health, emptyFields: { author: 0 } } }],
    ['a site that is not a string', { ok: true, health: { ...health, site: 7 } }],
  ])('refuses %s', (_n, raw) => {
    expect(parseHealthReply(raw)).toBeNull();
  });
});

describe('ContentReplyFor', () => {
  it('names the reply of each message type (checked by tsc)', () => {
    expectTypeOf<ContentReplyFor<'health/get'>>().toEqualTypeOf<HealthReply>();
    expectTypeOf<ContentReplyFor<'capture/save-in-view'>>().toEqualTypeOf<SaveInViewReply>();
    expectTypeOf<ContentReplyFor<'capture/saved-elsewhere'>>().toEqualTypeOf<undefined>();
    const health: ContentReplyFor<'health/get'> = { ok: true, health: parseHealthReply({ ok: true, health: { site: null, postsFound: 0, controlsMounted: 0, postsWithoutId: 0, postsUnreadable: 0, unknownLayouts: 0, draftsRead: 0, emptyFields: { author: 0, text: 0, postedAt: 0, media: 0, permalink: 0 }, savesRefused: { 'no-id': 0, unreadable: 0, error: 0, refused: 0, 'no-answer': 0 } } })! };
    expect(parseHealthReply(health)).toEqual(health.health);
  });
});

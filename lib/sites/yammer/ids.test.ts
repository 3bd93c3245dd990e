import { describe, it, expect } from 'vitest';
import {
  decodeEngageId,
  encodeEngageId,
  fallbackPostId,
  isFallbackId,
  postRefFromUrl,
  userIdFromUrl,
} from './ids';

// STRUCTURE.md §2 example, verbatim.
const THREAD_B64 = 'eyJfdHlwZSI6IlRocmVhZCIsImlkIjoiMjQ1NDYzNzQ4MjU5ODQwMCJ9';

describe('decodeEngageId', () => {
  it.each([
    [THREAD_B64, { type: 'Thread', id: '2454637482598400' }],
    // padding is optional: the standard padded form decodes too
    [`${encodeEngageId('Group', '7')}=`, { type: 'Group', id: '7' }],
    [encodeEngageId('User', '1488001'), { type: 'User', id: '1488001' }],
    [encodeEngageId('Group', '7'), { type: 'Group', id: '7' }],
    [encodeEngageId('Message', '12345678901234567890'), { type: 'Message', id: '12345678901234567890' }],
    // numeric id in the JSON (REST style) is accepted
    [btoa('{"_type":"Thread","id":42}').replace(/=+$/, ''), { type: 'Thread', id: '42' }],
    // base64 (not url) alphabet with padding: '+' '/' are not base64url → refused
    ['ab+/cd==', null],
    ['', null],
    ['2454637482598400', null], // plain digits are not base64 JSON (decodes to garbage)
    [btoa('{"id":"1"}').replace(/=+$/, ''), null], // no _type
    [btoa('{"_type":"Thread","id":"12a"}').replace(/=+$/, ''), null], // id not decimal
    [btoa('[1,2]').replace(/=+$/, ''), null], // JSON but not an object with _type
    [btoa('not json').replace(/=+$/, ''), null],
  ])('%s → %j', (token, want) => {
    expect(decodeEngageId(token)).toEqual(want);
  });

  it('decodes ids whose tail differs with length (…J9 vs …In0)', () => {
    const a = encodeEngageId('User', '1488001');
    const b = encodeEngageId('User', '14880011');
    expect(a.slice(-3)).not.toBe(b.slice(-3));
    expect(decodeEngageId(a)?.id).toBe('1488001');
    expect(decodeEngageId(b)?.id).toBe('14880011');
  });
});

describe('encodeEngageId', () => {
  it('produces the URL form (no padding, url alphabet) and round-trips', () => {
    expect(encodeEngageId('Thread', '2454637482598400')).toBe(THREAD_B64);
    for (const id of ['1', '99', '1234567890123456789']) {
      const t = encodeEngageId('Message', id);
      expect(t).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeEngageId(t)).toEqual({ type: 'Message', id });
    }
  });
  it('refuses non-decimal ids', () => {
    expect(() => encodeEngageId('Thread', 'abc')).toThrow(/decimal/);
  });
});

describe('postRefFromUrl', () => {
  const M = encodeEngageId('Message', '2454637482598455');
  it.each([
    [`https://engage.cloud.microsoft/main/threads/${THREAD_B64}`, { kind: 'thread', id: '2454637482598400' }],
    [`https://engage.cloud.microsoft/main/org/contoso.com/threads/${THREAD_B64}?trk_copy_link=V2`, { kind: 'thread', id: '2454637482598400' }],
    [`/main/threads/${THREAD_B64}?messageId=${M}`, { kind: 'message', id: '2454637482598455' }],
    [`/main/threads/${THREAD_B64}?messageId=777`, { kind: 'message', id: '777' }],
    [`https://engage.cloud.microsoft/main/messages/${M}`, { kind: 'message', id: '2454637482598455' }],
    ['https://www.yammer.com/contoso.com/#/Threads/show?threadId=1234567', { kind: 'thread', id: '1234567' }],
    ['https://www.yammer.com/contoso.com/threads/1234567', { kind: 'thread', id: '1234567' }],
    ['https://www.yammer.com/contoso.com/messages/89', { kind: 'message', id: '89' }],
    // a group or user URL is no post reference
    [`https://engage.cloud.microsoft/main/groups/${encodeEngageId('Group', '5')}/all`, null],
    [`https://web.yammer.com/main/users/${encodeEngageId('User', '5')}`, null],
    // a /threads/ segment holding a non-id
    ['https://engage.cloud.microsoft/main/threads/new', null],
    ['not a url', null],
  ])('%s → %j', (href, want) => {
    expect(postRefFromUrl(href, 'https://engage.cloud.microsoft/main/feed')).toEqual(want);
  });
});

describe('userIdFromUrl', () => {
  it.each([
    [`https://web.yammer.com/main/users/${encodeEngageId('User', '1488001')}`, '1488001'],
    ['/main/users/1488001', '1488001'],
    [`/main/users/${encodeEngageId('Group', '1')}`, null], // wrong type
    ['/main/groups/1', null],
  ])('%s → %s', (href, want) => {
    expect(userIdFromUrl(href, 'https://web.yammer.com/')).toBe(want);
  });
});

describe('fallbackPostId', () => {
  it('is stable, prefixed, and never a decimal id', () => {
    const a = fallbackPostId('Dana Kovacs', '2026-11-22T08:00:00.000Z', 'Is the Friday demo still on?');
    expect(a).toMatch(/^h:[0-9a-f]{16}$/);
    expect(fallbackPostId('Dana Kovacs', '2026-11-22T08:00:00.000Z', 'Is the Friday demo still on?')).toBe(a);
    expect(isFallbackId(a)).toBe(true);
    expect(isFallbackId('2454637482598400')).toBe(false);
  });
  it('ignores whitespace layout and text after 200 characters', () => {
    const t = 'x'.repeat(200);
    expect(fallbackPostId('A', null, `${t} tail one`)).toBe(fallbackPostId('A', null, `${t} tail two`));
    expect(fallbackPostId('A', null, 'one\ntwo')).toBe(fallbackPostId('A', null, 'one  two'));
  });
  it.each([
    ['author', ['B', 't', 'text']],
    ['time', ['A', 'u', 'text']],
    ['text', ['A', 't', 'other']],
  ] as const)('changes with the %s', (_, [au, ti, te]) => {
    expect(fallbackPostId(au, ti, te)).not.toBe(fallbackPostId('A', 't', 'text'));
  });
});

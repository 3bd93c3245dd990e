// @vitest-environment jsdom
import { describe, it, expect } from 'vitest';
import { createKeyStore } from './keys';
import { siteNameOf, viewOf } from './view';
import type { PostEntry } from './entries';

describe('view', () => {
  it.each([
    ['x:1', 'X'],
    ['linkedin:urn:li:activity:1', 'LinkedIn'],
    ['yammer:5', 'Viva Engage'],
    ['web:https://a.test/', ''],
  ])('site name of %s is %j (lib/sites/meta.ts)', (key, name) => {
    expect(siteNameOf(key)).toBe(name);
  });

  it('has a panel only when open, with the recent choices', () => {
    const st = createKeyStore().get('x:1');
    const e = { postId: '1', key: 'x:1', panelOpen: false, focusPanel: true } as PostEntry;
    const recent = { tags: ['a'], collections: [] };
    expect(viewOf(e, st, recent).panel).toBeNull();
    e.panelOpen = true;
    expect(viewOf(e, st, recent)).toMatchObject({ postId: '1', key: 'x:1', status: 'save', panel: { recentTags: ['a'], siteName: 'X', focus: true } });
  });
});

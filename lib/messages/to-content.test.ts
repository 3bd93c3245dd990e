import { describe, it, expect } from 'vitest';
import { parseBackgroundToContent } from './to-content';

describe('parseBackgroundToContent', () => {
  it.each([
    [{ type: 'capture/save-in-view' }, { type: 'capture/save-in-view' }],
    [{ type: 'capture/save-in-view', extra: 1 }, { type: 'capture/save-in-view' }],
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

import { describe, it, expect } from 'vitest';
import { judgeHealth } from './health-judge';
import type { CaptureHealth } from '../messages/to-content';
import type { PageHealth } from './health-judge';

/** Health of a page where all is well, with `over` on top. */
function health(over: Partial<Omit<PageHealth, 'emptyFields' | 'savesRefused'>> & { emptyFields?: Partial<CaptureHealth['emptyFields']>; savesRefused?: Partial<CaptureHealth['savesRefused']> } = {}): PageHealth {
  const { emptyFields, savesRefused, ...rest } = over;
  return {
    site: 'linkedin', postsFound: 40, controlsMounted: 40, postsWithoutId: 0, postsUnreadable: 0, unknownLayouts: 0, draftsRead: 2,
    ...rest,
    emptyFields: { author: 0, text: 0, postedAt: 0, media: 0, permalink: 0, ...emptyFields },
    savesRefused: { 'no-id': 0, unreadable: 0, error: 0, refused: 0, 'no-answer': 0, ...savesRefused },
  };
}

describe('judgeHealth: is something off on this page?', () => {
  it.each<[string, PageHealth | null, ReturnType<typeof judgeHealth>]>([
    ['no content script answered', null, null],
    ['a page the adapter does not read', health({ site: null, postsUnreadable: 9 }), null],
    ['all well', health(), null],
    ['nothing found yet', health({ postsFound: 0, controlsMounted: 0, draftsRead: 0 }), null],
    ['posts without an id are expected (saved by content, linked later)', health({ postsWithoutId: 12, emptyFields: { permalink: 3, postedAt: 3 } }), null],
    ['missing times or links alone are not an issue', health({ emptyFields: { postedAt: 2, permalink: 2 } }), null],
    ['the background refused a save (the control says why)', health({ savesRefused: { refused: 1, 'no-answer': 2 } }), null],
    ['one odd card in a long feed', health({ postsFound: 40, postsUnreadable: 1 }), null],
    ['two unreadable in a long feed', health({ postsFound: 40, postsUnreadable: 2 }), null],
    ['three posts could not be read', health({ postsFound: 40, postsUnreadable: 3 }), { kind: 'unread', site: 'linkedin', count: 3 }],
    ['a fifth of the posts could not be read', health({ postsFound: 5, postsUnreadable: 1 }), { kind: 'unread', site: 'linkedin', count: 1 }],
    ['the only post could not be read', health({ postsFound: 1, controlsMounted: 0, postsUnreadable: 1 }), { kind: 'unread', site: 'linkedin', count: 1 }],
    ['a Save failed because a part could not be read', health({ savesRefused: { unreadable: 1 } }), { kind: 'unread', site: 'linkedin', count: 1 }],
    ['unreadable posts and failed saves add up', health({ postsUnreadable: 2, savesRefused: { unreadable: 1 } }), { kind: 'unread', site: 'linkedin', count: 3 }],
    ['a post read without its author', health({ site: 'x', emptyFields: { author: 1 } }), { kind: 'partial', site: 'x', count: 1 }],
    ['posts read with nothing in them', health({ emptyFields: { text: 2, author: 1 } }), { kind: 'partial', site: 'linkedin', count: 2 }],
    ['media not loaded yet (lazy images, document pages) is not an issue of the page: the capture is flagged and completed later', health({ emptyFields: { media: 3 } }), null],
    ['posts read in a layout the adapter does not know: said as a new layout, not as missing details', health({ unknownLayouts: 2 }), { kind: 'layout', site: 'linkedin', count: 2 }],
    ['a post read in an unknown layout without its author: the missing author is said', health({ unknownLayouts: 1, emptyFields: { author: 1 } }), { kind: 'partial', site: 'linkedin', count: 1 }],
    ['the page shows posts and Satchel recognised none', health({ postsFound: 0, controlsMounted: 0, draftsRead: 0, postsUnrecognised: 7 }), { kind: 'none-found', site: 'linkedin', count: 7 }],
    ['the only post on the page was not recognised', health({ site: 'yammer', postsFound: 0, controlsMounted: 0, draftsRead: 0, postsUnrecognised: 1 }), { kind: 'none-found', site: 'yammer', count: 1 }],
    ['a page with no posts and nothing post-like (settings, an empty activity tab)', health({ postsFound: 0, controlsMounted: 0, draftsRead: 0, postsUnrecognised: 0 }), null],
    ['no posts found and the probe could not run (Firefox MV2, injection refused)', health({ postsFound: 0, controlsMounted: 0, draftsRead: 0, postsUnrecognised: undefined }), null],
    ['one unrecognised card among 40 posts says nothing', health({ postsUnrecognised: 1 }), null],
    ['two unrecognised among 40 posts say nothing', health({ postsUnrecognised: 2 }), null],
    ['three posts not recognised among 40', health({ postsUnrecognised: 3 }), { kind: 'unfound', site: 'linkedin', count: 3 }],
    ['a fifth of the posts shown not recognised', health({ postsFound: 4, controlsMounted: 4, postsUnrecognised: 1 }), { kind: 'unfound', site: 'linkedin', count: 1 }],
    ['unreadable posts are said before unrecognised ones', health({ postsUnreadable: 3, postsUnrecognised: 5 }), { kind: 'unread', site: 'linkedin', count: 3 }],
    ['unrecognised posts are said before missing details', health({ postsUnrecognised: 4, emptyFields: { author: 2 }, unknownLayouts: 1 }), { kind: 'unfound', site: 'linkedin', count: 4 }],
    ['no posts found and none unrecognised, but unreadable roots: unread', health({ postsFound: 3, controlsMounted: 0, postsUnreadable: 3 }), { kind: 'unread', site: 'linkedin', count: 3 }],
    ['unread wins over partial', health({ postsUnreadable: 4, emptyFields: { author: 9 } }), { kind: 'unread', site: 'linkedin', count: 4 }],
  ])('%s', (_name, h, expected) => {
    expect(judgeHealth(h)).toEqual(expected);
  });
});

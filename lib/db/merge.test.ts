import { describe, it, expect } from 'vitest';
import { fuller, mergeDraft, isIncomplete } from './merge';
import { makeCapture, makeDraft } from './testing';

describe('fuller', () => {
  it.each([
    // oldFlag, oldSize, newFlag, newSize, expected
    [true, 10, false, 20, true], // completes
    [true, 10, true, 12, true], // longer but still truncated: take it, keep flag
    [true, 10, true, 10, false], // same
    [false, 20, true, 10, false], // truncated never replaces full
    [false, 20, true, 30, false], // flagged new never replaces unflagged old
    [false, 20, false, 25, true], // strictly larger complete
    [false, 20, false, 15, false], // shorter complete: keep
    [true, 20, false, 15, false], // "complete" but shorter than the truncated prefix: suspicious, keep
  ])('fuller(%s,%s,%s,%s) = %s', (a, b, c, d, e) => {
    expect(fuller(a, b, c, d)).toBe(e);
  });
});

describe('mergeDraft', () => {
  it('fills null fields and keeps present ones', () => {
    const old = makeCapture({ lang: null, author: null });
    const { capture, changed } = mergeDraft(old, makeDraft({ lang: 'he', author: { name: 'B', handle: null, profileUrl: null, avatarUrl: null } }), 5);
    expect(changed).toBe(true);
    expect(capture.lang).toBe('he');
    expect(capture.updatedAt).toBe(5);
    expect(capture.completedAt).toBeNull(); // no flag cleared
  });

  it('completes a partial thread', () => {
    const part = (id: string) => ({ postId: id, permalink: null, author: null, text: `part ${id}`, postedAt: null, media: [], links: [], truncated: false });
    const old = makeCapture({ thread: [part('1')], threadPartial: true });
    const { capture } = mergeDraft(old, makeDraft({ thread: [part('1'), part('2')], threadPartial: false }), 9);
    expect(capture.thread).toHaveLength(2);
    expect(isIncomplete(capture)).toBe(false);
    expect(capture.completedAt).toBe(9);
  });
});

/**
 * Issue 9: a post saved without its id (content key, `permalinkMissing`) becomes the same capture
 * when it is met again with its id (save or quiet completion): one capture, id and permalink filled
 * in, flag cleared, key changed, and the outbox carries it. Two different id-less posts never merge.
 */
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { SatchelDb } from './database';
import { saveCapture, completeCapture } from './mutations';
import { shareCapture, SYNC_SCOPES_KEY } from './share';
import { aliasKeys, statusForKeys } from './queries';
import { makeDraft } from './testing';
import { steppingClock } from '../util/clock';
import { contentKeyOf, type CaptureDraft } from '../schema';

let db: SatchelDb;
const clock = steppingClock(1_790_000_000_000, 1000);
beforeEach(() => {
  db = new SatchelDb(`t-${Math.random()}`);
});
afterEach(() => db.close());

const author = { name: 'Member A', handle: 'member-a', profileUrl: 'https://www.linkedin.com/in/member-a', avatarUrl: null };
const URN = 'urn:li:activity:7453849345784098669';
function withId(text = 'A post worth keeping.', over: Partial<CaptureDraft> = {}): CaptureDraft {
  return makeDraft({ platform: 'linkedin', postId: URN, permalink: `https://www.linkedin.com/feed/update/${URN}/`, author, text, ...over });
}
function idless(text = 'A post worth keeping.', who = author): CaptureDraft {
  return makeDraft({ platform: 'linkedin', postId: contentKeyOf({ author: who, text }), permalink: null, permalinkMissing: true, author: who, text });
}

describe('id-less captures (issue 9)', () => {
  it('saving the same id-less post twice gives one capture', async () => {
    const a = await saveCapture(db, idless(), { clock, inbox: false });
    const b = await saveCapture(db, idless(), { clock, inbox: false });
    expect(b.created).toBe(false);
    expect(b.capture.id).toBe(a.capture.id);
    expect(await db.captures.count()).toBe(1);
  });

  it('two different id-less posts never merge (other text; same text by another author)', async () => {
    await saveCapture(db, idless('one post'), { clock, inbox: false });
    await saveCapture(db, idless('another post'), { clock, inbox: false });
    await saveCapture(db, idless('one post', { ...author, name: 'Member B', profileUrl: 'https://www.linkedin.com/in/member-b' }), { clock, inbox: false });
    expect(await db.captures.count()).toBe(3);
  });

  it('saving the post later with its id merges into the id-less capture: id, permalink, flag, key, outbox', async () => {
    const a = await saveCapture(db, idless(), { clock, inbox: false });
    expect(a.capture.permalinkMissing).toBe(true);
    const b = await saveCapture(db, withId(), { clock, inbox: false });
    expect(b.created).toBe(false);
    expect(b.capture.id).toBe(a.capture.id);
    expect(b.capture).toMatchObject({ postId: URN, key: `linkedin:${URN}`, permalink: `https://www.linkedin.com/feed/update/${URN}/`, permalinkMissing: false });
    expect(b.capture.completedAt).not.toBeNull();
    expect(await db.captures.count()).toBe(1);
    const last = (await db.outbox.toArray()).at(-1)!;
    expect(last).toMatchObject({ name: 'completeCapture', args: { id: a.capture.id, set: { postId: URN, permalinkMissing: false } } });
    expect(await statusForKeys(db, [`linkedin:${URN}`])).toEqual([{ key: `linkedin:${URN}`, id: a.capture.id, incomplete: false, truncated: false }]);
  });

  it('quiet completion with aliasKey re-keys; a different post with that aliasKey is refused (null)', async () => {
    const a = await saveCapture(db, idless(), { clock, inbox: false });
    expect(await completeCapture(db, withId('not the same text'), { clock, aliasKey: a.capture.key })).toBeNull();
    const r = await completeCapture(db, withId(), { clock, aliasKey: a.capture.key });
    expect(r?.capture).toMatchObject({ id: a.capture.id, postId: URN, permalinkMissing: false });
  });

  it('aliasKeys lists live id-less captures of the asked platforms only, newest first', async () => {
    const one = await saveCapture(db, idless('one'), { clock, inbox: false });
    const two = await saveCapture(db, idless('two'), { clock, inbox: false });
    await saveCapture(db, makeDraft(), { clock, inbox: false }); // an X post with an id
    expect(await aliasKeys(db, ['linkedin'])).toEqual([two.capture.key, one.capture.key]);
    expect(await aliasKeys(db, ['x'])).toEqual([]);
    await saveCapture(db, withId('two'), { clock, inbox: false }); // now has its id
    expect(await aliasKeys(db, ['linkedin'])).toEqual([one.capture.key]);
  });
});

describe('a post met without its id after it was saved with it (fresh-eyes trial, issue 9)', () => {
  it('saved with its id, then shown without it: status says saved under the content key, and a save merges (no duplicate)', async () => {
    const a = await saveCapture(db, withId(), { clock, inbox: false });
    const alias = `linkedin:${idless().postId}`;
    expect(await statusForKeys(db, [alias])).toEqual([{ key: alias, id: a.capture.id, incomplete: false, truncated: false }]);
    const b = await saveCapture(db, idless(), { clock, inbox: false });
    expect(b.created).toBe(false);
    expect(b.capture).toMatchObject({ id: a.capture.id, key: `linkedin:${URN}`, permalinkMissing: false });
    expect(await db.captures.count()).toBe(1);
  });

  it('saved without its id, merged when met with it, then shown without it again: still one capture', async () => {
    const a = await saveCapture(db, idless(), { clock, inbox: false });
    await completeCapture(db, withId(), { clock, aliasKey: a.capture.key });
    expect(await statusForKeys(db, [a.capture.key])).toEqual([{ key: a.capture.key, id: a.capture.id, incomplete: false, truncated: false }]);
    const again = await saveCapture(db, idless(), { clock, inbox: false });
    expect(again.capture.id).toBe(a.capture.id);
    expect(again.capture.key).toBe(`linkedin:${URN}`);
    expect(await db.captures.count()).toBe(1);
    expect(await aliasKeys(db, ['linkedin'])).toEqual([]);
  });

  it('pulled from another device with its id (no content-alias note here), then saved here without it: the same capture; status then says saved', async () => {
    const a = await saveCapture(db, withId(), { clock, inbox: false });
    await db.kv.where('key').startsWith('alias:').delete(); // no note on this device (a row written before pulls noted content keys)
    const alias = `linkedin:${idless().postId}`;
    const b = await saveCapture(db, idless(), { clock, inbox: false });
    expect(b.created).toBe(false);
    expect(b.capture).toMatchObject({ id: a.capture.id, key: `linkedin:${URN}`, permalinkMissing: false });
    expect(await db.captures.count()).toBe(1);
    expect(await statusForKeys(db, [alias])).toEqual([{ key: alias, id: a.capture.id, incomplete: false, truncated: false }]);
    // The same text by another author is another post.
    const other = { ...author, profileUrl: 'https://www.linkedin.com/in/member-b' };
    expect((await saveCapture(db, idless('A post worth keeping.', other), { clock, inbox: false })).created).toBe(true);
  });

  it('a deleted capture is not found through its content key', async () => {
    const a = await saveCapture(db, withId(), { clock, inbox: false });
    await db.captures.update(a.capture.id, { deletedAt: 1 });
    expect(await statusForKeys(db, [`linkedin:${idless().postId}`])).toEqual([]);
  });

  it("status: an id-less capture is not 'incomplete' for its missing id alone (no re-read to send), but is when a part is missing too", async () => {
    const a = await saveCapture(db, idless(), { clock, inbox: false });
    expect(await statusForKeys(db, [a.capture.key])).toEqual([{ key: a.capture.key, id: a.capture.id, incomplete: false, truncated: false }]);
    const b = await saveCapture(db, { ...idless('with a photo still loading'), mediaMissing: true }, { clock, inbox: false });
    expect((await statusForKeys(db, [b.capture.key]))[0]?.incomplete).toBe(true);
  });

  describe('sharing into a team that holds the post under its other key: the team capture it has, no second one', () => {
    const TEAM = 'team:t1';
    beforeEach(() => db.kv.put({ key: SYNC_SCOPES_KEY, value: [{ id: TEAM, role: 'editor', name: 'Cohort' }] }));
    const teamRows = () => db.captures.where('scopeId').equals(TEAM).toArray();

    it('my id-less capture, the team has it with its id', async () => {
      const theirs = await saveCapture(db, withId(), { clock, inbox: false, scopeId: TEAM });
      const mine = await saveCapture(db, idless(), { clock, inbox: false });
      expect(mine.capture.id).not.toBe(theirs.capture.id); // the merge is per scope
      const shared = await shareCapture(db, mine.capture.id, TEAM, { clock });
      expect(shared.id).toBe(theirs.capture.id);
      expect(await teamRows()).toHaveLength(1);
    });

    it('my capture with its id, the team has it id-less', async () => {
      const theirs = await saveCapture(db, idless(), { clock, inbox: false, scopeId: TEAM });
      const mine = await saveCapture(db, withId(), { clock, inbox: false });
      const shared = await shareCapture(db, mine.capture.id, TEAM, { clock });
      expect(shared.id).toBe(theirs.capture.id);
      expect(await teamRows()).toHaveLength(1);
    });

    it('another post by the same author is shared as its own capture', async () => {
      await saveCapture(db, withId(), { clock, inbox: false, scopeId: TEAM });
      const mine = await saveCapture(db, idless('another post entirely'), { clock, inbox: false });
      await shareCapture(db, mine.capture.id, TEAM, { clock });
      expect(await teamRows()).toHaveLength(2);
    });
  });
});

import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { SatchelDb } from './database';
import { saveCapture, updateCapture } from './mutations';
import { markReviewed, archiveCaptures, countUnreviewed, listUnreviewed, dueFollowUps, answerFollowUp, setReflection, setNote } from './review';
import { setFollowUpDelay, followUpDelay, DEFAULT_FOLLOW_UP_DELAY_MS } from './settings';
import { getCapture } from './queries';
import { addTags } from './tags';
import { makeDraft } from './testing';

let db: SatchelDb;
let now = 1_790_000_000_000;
const clock = () => (now += 1000);
const DAY = 24 * 3600_000;
beforeEach(() => {
  db = new SatchelDb(`t-${Math.random()}`);
});
afterEach(() => db.close());

async function saves(n: number) {
  const ids: string[] = [];
  for (let i = 1; i <= n; i++) ids.push((await saveCapture(db, makeDraft({ postId: String(i) }), { clock, inbox: false })).capture.id);
  return ids;
}

describe('review', () => {
  it('counts and walks unreviewed captures oldest first; reviewed and archived leave the queue', async () => {
    const [a, b, c, d] = await saves(4);
    expect(await countUnreviewed(db)).toBe(4);
    expect((await listUnreviewed(db, 2)).map((x) => x.id)).toEqual([a, b]);
    const r = await markReviewed(db, [a!, b!], true, { clock });
    expect(r.map((x) => x.reviewedAt)).toEqual([now, now]);
    await archiveCaptures(db, [c!], true, { clock });
    expect(await countUnreviewed(db)).toBe(1);
    expect((await listUnreviewed(db)).map((x) => x.id)).toEqual([d]);
    await markReviewed(db, [a!], false, { clock });
    expect(await countUnreviewed(db)).toBe(2);
    const out = (await db.outbox.toArray()).filter((o) => o.name === 'updateCapture').map((o) => o.args.set);
    expect(out).toEqual([{ reviewedAt: expect.any(Number) }, { reviewedAt: expect.any(Number) }, { archivedAt: expect.any(Number) }, { reviewedAt: null }]);
  });

  it('reflection and note are plain text with line breaks kept; empty clears', async () => {
    const [a] = await saves(1);
    expect(await setReflection(db, a!, 'Try it in standup\non Monday', { clock })).toMatchObject({ reflection: 'Try it in standup\non Monday' });
    expect(await setNote(db, a!, '<b>mine</b>\n2nd', { clock })).toMatchObject({ note: '<b>mine</b>\n2nd' });
    expect(await setReflection(db, a!, '   ', { clock })).toMatchObject({ reflection: null });
  });

  it('a tip comes back after the delay setting; the answer is kept; intent change drops an unanswered one', async () => {
    expect(await followUpDelay(db)).toBe(DEFAULT_FOLLOW_UP_DELAY_MS);
    await setFollowUpDelay(db, 2 * DAY);
    await expect(setFollowUpDelay(db, -1)).rejects.toThrow(RangeError);
    const [a, b] = await saves(2);
    const t = (await updateCapture(db, a!, { intent: 'tip' }, { clock }))!;
    expect(t.followUp).toEqual({ dueAt: now + 2 * DAY, answer: null, answeredAt: null });
    expect((await db.outbox.toArray()).at(-1)!.args).toEqual({ id: a, baseVersion: 0, set: { intent: 'tip', followUp: t.followUp } });
    await updateCapture(db, b!, { intent: 'tip' }, { clock });
    expect(await dueFollowUps(db, now + DAY)).toEqual([]);
    expect((await dueFollowUps(db, now + 3 * DAY)).map((c) => c.id)).toEqual([a, b]);

    const ans = (await answerFollowUp(db, a!, 'Tried it: meetings got shorter.', { clock }))!;
    expect(ans.followUp).toEqual({ dueAt: t.followUp!.dueAt, answer: 'Tried it: meetings got shorter.', answeredAt: now });
    expect((await dueFollowUps(db, now + 3 * DAY)).map((c) => c.id)).toEqual([b]);
    await expect(answerFollowUp(db, a!, '  ')).rejects.toThrow(RangeError);

    await updateCapture(db, b!, { intent: 'job-aid' }, { clock });
    expect((await getCapture(db, b!))!.followUp).toBeNull();
    await updateCapture(db, a!, { intent: 'question' }, { clock });
    expect((await getCapture(db, a!))!.followUp!.answer).toBe('Tried it: meetings got shorter.'); // evidence kept
  });
});

describe('limits', () => {
  it('a value the schema refuses is a clear error and nothing is written', async () => {
    const [a] = await saves(1);
    const n = await db.outbox.count();
    await expect(setNote(db, a!, 'x'.repeat(20_001), { clock })).rejects.toThrow(/note: Too big/);
    await expect(addTags(db, [a!], Array.from({ length: 101 }, (_, i) => `t${i}`), { clock })).rejects.toThrow(/tags/);
    expect(await db.outbox.count()).toBe(n);
    expect((await getCapture(db, a!))!).toMatchObject({ note: null, tags: [] });
  });
});

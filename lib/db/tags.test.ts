import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { SatchelDb } from './database';
import { saveCapture, updateCapture } from './mutations';
import { addTags, removeTags, renameTag, mergeTags, listTags, TagError } from './tags';
import { getCapture } from './queries';
import { makeDraft } from './testing';
import { steppingClock } from '../util/clock';

let db: SatchelDb;
const clock = steppingClock(1_790_000_000_000, 1000);
beforeEach(() => {
  db = new SatchelDb(`t-${Math.random()}`);
});
afterEach(() => db.close());

async function three() {
  const ids: string[] = [];
  for (const p of ['1', '2', '3']) ids.push((await saveCapture(db, makeDraft({ postId: p }), { clock, inbox: false })).capture.id);
  await db.outbox.clear();
  return ids as [string, string, string];
}
const tagsOf = async (id: string) => (await getCapture(db, id))!.tags;

describe('tags', () => {
  it('the first spelling is kept across captures; identity is case-insensitive', async () => {
    const [a, b] = await three();
    await updateCapture(db, a, { tags: ['AI', '🚀 Launch', '学习'] }, { clock });
    await updateCapture(db, b, { tags: [' ai ', '🚀 launch'] }, { clock });
    expect(await tagsOf(b)).toEqual(['AI', '🚀 Launch']);
    expect(await listTags(db)).toEqual([
      { label: '🚀 Launch', key: '🚀 launch', count: 2 },
      { label: 'AI', key: 'ai', count: 2 },
      { label: '学习', key: '学习', count: 1 },
    ].sort((x, y) => y.count - x.count || x.label.localeCompare(y.label)));
    const out = await db.outbox.toArray();
    expect(out.filter((o) => o.name === 'addTag').map((o) => o.args.tag)).toEqual(['ai', '🚀 launch', '学习', 'ai', '🚀 launch']);
  });

  it('bulk add and remove many captures in one go', async () => {
    const [a, b, c] = await three();
    expect(await addTags(db, [a, b, c], ['Coaching', 'coaching'], { clock })).toBe(3);
    expect(await addTags(db, [a], ['COACHING'], { clock })).toBe(0);
    expect(await removeTags(db, [a, b], ['coaching'], { clock })).toBe(2);
    expect(await tagsOf(a)).toEqual([]);
    expect(await tagsOf(c)).toEqual(['Coaching']);
    expect((await db.outbox.toArray()).map((o) => `${o.name}:${o.args.tag}`)).toEqual([
      'addTag:coaching', 'addTag:coaching', 'addTag:coaching', 'removeTag:coaching', 'removeTag:coaching',
    ]);
  });

  it('rename to a new spelling of the same tag is display-only (no outbox row)', async () => {
    const [a, b] = await three();
    await addTags(db, [a, b], ['ai'], { clock });
    const before = await db.outbox.count();
    expect(await renameTag(db, 'AI', 'AI', { clock })).toBe(2);
    expect(await tagsOf(a)).toEqual(['AI']);
    expect(await db.outbox.count()).toBe(before);
    await addTags(db, [a], ['ai'], { clock });
    expect(await tagsOf(a)).toEqual(['AI']);
  });

  it('rename to a new key rewrites every capture with removeTag + addTag', async () => {
    const [a, b, c] = await three();
    await addTags(db, [a, b], ['ml'], { clock });
    await db.outbox.clear();
    expect(await renameTag(db, 'ML', 'Machine learning', { clock })).toBe(2);
    expect(await tagsOf(a)).toEqual(['Machine learning']);
    expect(await tagsOf(c)).toEqual([]);
    expect((await db.outbox.toArray()).map((o) => `${o.name}:${o.args.tag}`)).toEqual([
      'addTag:machine learning', 'removeTag:ml', 'addTag:machine learning', 'removeTag:ml',
    ]);
    expect((await listTags(db)).map((t) => t.label)).toEqual(['Machine learning']);
  });

  it('merge: captures with any source carry the target once, the target keeps its spelling', async () => {
    const [a, b, c] = await three();
    await updateCapture(db, a, { tags: ['AI', 'ml'] }, { clock });
    await updateCapture(db, b, { tags: ['Artificial intelligence'] }, { clock });
    await updateCapture(db, c, { tags: ['other'] }, { clock });
    expect(await mergeTags(db, ['ml', 'artificial intelligence'], 'ai', { clock })).toBe(2);
    expect(await tagsOf(a)).toEqual(['AI']);
    expect(await tagsOf(b)).toEqual(['AI']);
    expect(await tagsOf(c)).toEqual(['other']);
    expect((await listTags(db)).map((t) => [t.label, t.count])).toEqual([['AI', 2], ['other', 1]]);
  });

  it('refuses empty tag names', async () => {
    await expect(renameTag(db, 'x', '  ')).rejects.toThrow(TagError);
    await expect(mergeTags(db, [' '], 'x')).rejects.toThrow(TagError);
  });
});

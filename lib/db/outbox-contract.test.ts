import { describe, it, expect } from 'vitest';
import { MutationArgs } from '../schema';
import { SatchelDb } from './database';
import { saveCapture, updateCapture } from './mutations';
import { createCollection, renameCollection, addToCollection, removeFromCollection, deleteCollection } from './collections';
import { addTags, renameTag } from './tags';
import { deleteCaptures, undoDelete } from './delete';
import { markReviewed, archiveCaptures, answerFollowUp } from './review';
import { applyImport } from './import';
import { readAllCaptures } from './read-all';
import { listCollections } from './queries';
import { toSatchelExport } from '../export/json';
import { makeDraft } from './testing';

// Every outbox row lib/db writes must be accepted by the sync wire contract (lib/schema/sync.ts).
describe('outbox rows match the sync wire contract', () => {
  it('every mutation this layer emits parses with MutationArgs[name]', async () => {
    const db = new SatchelDb(`c-${Math.random()}`);
    const a = (await saveCapture(db, makeDraft({ postId: '1' }))).capture;
    const b = (await saveCapture(db, makeDraft({ postId: '2', truncated: true, text: 'x…' }))).capture;
    await saveCapture(db, makeDraft({ postId: '2', text: 'x, in full' }));
    const col = await createCollection(db, 'Tips');
    await renameCollection(db, col.id, 'Team tips');
    await addToCollection(db, col.id, [a.id, b.id]);
    await removeFromCollection(db, col.id, [b.id]);
    await updateCapture(db, a.id, { intent: 'tip', note: 'n', title: 't', tags: ['AI', '🚀'], reflection: 'r' });
    await addTags(db, [a.id, b.id], ['ML']);
    await renameTag(db, 'ml', 'Machine learning');
    await markReviewed(db, [a.id]);
    await archiveCaptures(db, [b.id]);
    await answerFollowUp(db, a.id, 'worked');
    const t = await deleteCaptures(db, [a.id]);
    await undoDelete(db, t.token);
    await deleteCollection(db, col.id);
    await addTags(db, [b.id], Array.from({ length: 60 }, (_, i) => `tag ${i}`)); // more than a createCapture may carry
    const fresh = new SatchelDb(`d-${Math.random()}`);
    await applyImport(fresh, toSatchelExport(await readAllCaptures(db), await listCollections(db), 0));

    const imported = await fresh.outbox.toArray();
    const createB = imported.find((r) => r.name === 'createCapture' && r.args.id === b.id)!;
    expect((createB.args.tags as string[]).length).toBe(50);
    expect(imported.filter((r) => r.name === 'addTag' && r.args.captureId === b.id)).toHaveLength(11); // 61 tags in all
    const rows = [...(await db.outbox.toArray()), ...imported];
    const names = new Set(rows.map((r) => r.name));
    expect([...names].sort()).toEqual([
      'addTag', 'addToCollection', 'completeCapture', 'createCapture', 'createCollection', 'deleteCapture',
      'deleteCollection', 'removeFromCollection', 'removeTag', 'renameCollection', 'updateCapture',
    ]);
    for (const r of rows) {
      const schema = MutationArgs[r.name as keyof typeof MutationArgs];
      const res = schema.safeParse(r.args);
      expect(res.success, `${r.name} ${JSON.stringify(r.args).slice(0, 200)}: ${res.error?.message}`).toBe(true);
    }
    db.close();
    fresh.close();
  });
});

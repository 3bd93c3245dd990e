import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MutationArgs } from '../schema/sync';
import { SatchelDb } from './database';
import { shareCapture, SYNC_SCOPES_KEY } from './share';
import { makeCapture } from './testing';

/** Sharing keeps a "question to discuss" a question in the team (issue 11); the queued args match lib/schema. */
let db: SatchelDb;
const TEAM = 'team:t1';
const SRC = '01900000-0000-7000-8000-0000000000b1';

beforeEach(async () => {
  db = new SatchelDb(`share-${Math.random()}`);
  await db.kv.put({ key: SYNC_SCOPES_KEY, value: [{ id: TEAM, role: 'editor', name: 'Cohort' }] });
});
afterEach(() => db.close());

const queuedShare = async () => MutationArgs.shareCapture.parse((await db.outbox.toArray()).find((r) => r.name === 'shareCapture')!.args);

describe('shareCapture intent', () => {
  it('a question stays a question by default; other intents are not copied', async () => {
    await db.captures.add(makeCapture({ id: SRC, intent: 'question', conversationStartedAt: 5, answerCommentId: null }));
    const copy = await shareCapture(db, SRC, TEAM, { note: 'Who has tried this?' });
    expect(copy).toMatchObject({ intent: 'question', conversationStartedAt: null, answerCommentId: null });
    expect(await queuedShare()).toMatchObject({ newId: copy.id, intent: 'question', note: 'Who has tried this?' });
    await db.captures.put(makeCapture({ id: SRC, intent: 'tip' }));
    await db.captures.delete(copy.id);
    const tip = await shareCapture(db, SRC, 'team:t1', {});
    expect(tip.intent).toBeNull();
  });

  it('the caller may set or clear the intent', async () => {
    await db.captures.add(makeCapture({ id: SRC, intent: 'question' }));
    const copy = await shareCapture(db, SRC, TEAM, { intent: null });
    expect(copy.intent).toBeNull();
    expect((await queuedShare()).intent).toBeNull();
  });
});

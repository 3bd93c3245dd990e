/**
 * Review: mark reviewed, archive, write a reflection, answer a tip's follow-up; and the queries
 * the Review view and the popup badge need. Writes go through lib/db/mutations.ts
 * (`updateCapture` outbox rows with `set: {reviewedAt | archivedAt | reflection | followUp}`).
 */
import { Dexie } from 'dexie';
import type { Capture } from '../schema';
import { systemClock } from '../util/clock';
import { LOCAL_SCOPE, type SatchelDb, type Stage } from './database';
import { updateCapture, updateCaptures, type WriteOptions } from './mutations';
import { captureTables, patchCaptureIn } from './capture-writes';

/**
 * Marks captures reviewed (`reviewedAt = now`) or not reviewed again (`reviewed = false` →
 * null). Many ids, one transaction; unknown/deleted ids skipped. Returns the updated captures.
 */
export function markReviewed(db: SatchelDb, ids: readonly string[], reviewed = true, opts: Pick<WriteOptions, 'clock'> = {}): Promise<Capture[]> {
  const clock = opts.clock ?? systemClock;
  const now = clock();
  return updateCaptures(db, ids, (c) => ({ reviewedAt: reviewed ? (c.reviewedAt ?? now) : null }), { clock: () => now });
}

/**
 * Archives captures (`archivedAt = now`: out of the review queue, still in the library and
 * search) or un-archives them (`archived = false`). Many ids, one transaction.
 */
export function archiveCaptures(db: SatchelDb, ids: readonly string[], archived = true, opts: Pick<WriteOptions, 'clock'> = {}): Promise<Capture[]> {
  const clock = opts.clock ?? systemClock;
  const now = clock();
  return updateCaptures(db, ids, (c) => ({ archivedAt: archived ? (c.archivedAt ?? now) : null }), { clock: () => now });
}

/** Sets "what I will apply" (plain text, line breaks kept; '' or null clears). Null when the id is unknown/deleted. */
export function setReflection(db: SatchelDb, id: string, reflection: string | null, opts: Pick<WriteOptions, 'clock'> = {}): Promise<Capture | null> {
  return updateCapture(db, id, { reflection }, opts);
}

/** Sets the private note (plain text, line breaks kept; '' or null clears). Null when the id is unknown/deleted. */
export function setNote(db: SatchelDb, id: string, note: string | null, opts: Pick<WriteOptions, 'clock'> = {}): Promise<Capture | null> {
  return updateCapture(db, id, { note }, opts);
}

/**
 * Answers a tip's "Did you try it? What happened?" (plain text, kept as evidence, exported).
 * Works also on a capture without a scheduled follow-up (creates one due now). Returns the
 * capture, or null when the id is unknown/deleted.
 * @throws RangeError for an empty answer (nothing written).
 */
export async function answerFollowUp(db: SatchelDb, id: string, answer: string, opts: Pick<WriteOptions, 'clock'> = {}): Promise<Capture | null> {
  if (answer.trim() === '') throw new RangeError('a follow-up answer cannot be empty');
  const clock = opts.clock ?? systemClock;
  return db.transaction('rw', captureTables(db), async () => {
    const now = clock();
    const c = await db.captures.get(id);
    if (!c || c.deletedAt !== null) return null;
    return patchCaptureIn(db, id, { followUp: { dueAt: c.followUp?.dueAt ?? now, answer, answeredAt: now } }, now);
  });
}

const stageRange = (db: SatchelDb, scopeId: string, stage: Stage) =>
  db.captures.where('[scopeId+stage+capturedAt]').between([scopeId, stage, Dexie.minKey], [scopeId, stage, Dexie.maxKey]);

/** How many live captures wait for review (not reviewed, not archived). Index count, no rows read. */
export function countUnreviewed(db: SatchelDb, scopeId = LOCAL_SCOPE): Promise<number> {
  return stageRange(db, scopeId, 'unreviewed').count();
}

/**
 * The review queue: unreviewed, unarchived live captures, oldest saved first, `limit` from
 * `offset` (index range, only those rows read).
 */
export function listUnreviewed(db: SatchelDb, limit = 50, offset = 0, scopeId = LOCAL_SCOPE): Promise<Capture[]> {
  return stageRange(db, scopeId, 'unreviewed').offset(offset).limit(limit).toArray();
}

/**
 * Tips whose follow-up is due at `now` (epoch ms) and not answered yet, soonest due first.
 * Reads only captures with a follow-up due by `now` (`followUp.dueAt` index).
 */
export async function dueFollowUps(db: SatchelDb, now: number, scopeId = LOCAL_SCOPE): Promise<Capture[]> {
  const rows = await db.captures
    .where('followUp.dueAt')
    .belowOrEqual(now)
    .filter((c) => c.scopeId === scopeId && c.deletedAt === null && c.intent === 'tip' && c.followUp !== null && c.followUp.answeredAt === null)
    .toArray();
  return rows.sort((a, b) => a.followUp!.dueAt - b.followUp!.dueAt);
}

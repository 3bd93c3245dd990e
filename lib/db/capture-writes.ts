/**
 * Internal building blocks of the mutations (NOT exported from lib/db): each must run inside an
 * rw transaction over {@link captureTables} opened by a function of lib/db/mutations.ts,
 * collections.ts, tags.ts, delete.ts, review.ts or import.ts, so the row and its outbox rows
 * commit together (the lib/db/mutations.ts invariant).
 */
import type { Capture, FollowUp, Intent } from '../schema';
import { Capture as CaptureSchema, CaptureDraft, LIBRARY_FIELD_NAMES, normalizeTags, type LibraryField, type MutationArgsOf } from '../schema';
import { deepStorable } from '../schema/storable';
import type { CollectionRow, SatchelDb } from './database';
import { addMutation, addMutations, type QueuedMutation } from './outbox';
import { canonicalTags, tagDiff } from './tag-labels';
import { findInbox, newCollectionRow } from './collection-rows';
import { followUpDelay } from './settings';
import { captureRight, withinRight } from './team-rights';

/** Fields {@link updateCapture} may change. Omitted (undefined) fields are left alone. */
export interface CapturePatch {
  /** Setting `tip` schedules the follow-up (`followUp.dueAt = now + delay`); leaving `tip` drops an unanswered one. */
  intent?: Intent | null;
  /** Replaces the tag set: normalised (lib/schema `normalizeTags`), each mapped to the scope's first spelling. */
  tags?: string[];
  /** Plain text, line breaks kept; null or '' clears it. */
  note?: string | null;
  title?: string | null;
  /** Replaces the collection set; unknown ids are kept as given (sync checks scope). */
  collectionIds?: string[];
  /** epoch ms or null (not reviewed). */
  reviewedAt?: number | null;
  /** epoch ms or null (not archived). */
  archivedAt?: number | null;
  /** "What I will apply"; null or '' clears it. */
  reflection?: string | null;
  /** Replaces the follow-up as given (use review.ts `answerFollowUp` to answer one). */
  followUp?: FollowUp | null;
  /** epoch ms or null: a "Start a conversation" prompt was used (lib/db/discussion.ts `recordConversationStarted`). */
  conversationStartedAt?: number | null;
}

/** Compile-time check: every lib/schema library field can be patched (a new field without a patch key fails here). */
type PatchMissing = Exclude<LibraryField, keyof CapturePatch>;
export const PATCH_HAS_EVERY_LIBRARY_FIELD: [PatchMissing] extends [never] ? true : PatchMissing = true;

/**
 * A change would make a capture invalid (lib/schema `Capture`): a note, reflection or answer over
 * 20,000 characters, a title over 512, more than 100 tags or collections... Nothing is written.
 */
export class CaptureFieldError extends RangeError {
  override name = 'CaptureFieldError';
}

/** Tables every capture-writing transaction needs. */
export const captureTables = (db: SatchelDb) => [db.captures, db.collections, db.tags, db.outbox, db.kv, db.syncMeta, db.comments, db.reactions];

const DRAFT_KEYS = Object.keys(CaptureDraft.shape) as Array<keyof CaptureDraft>;

/**
 * The draft part of a capture: exactly the lib/schema `CaptureDraft` keys (the content fields the
 * server stores, docs/sync-protocol.md 3.3 createCapture + ours); library and sync fields are left out.
 */
export function contentOf(c: Capture): CaptureDraft {
  return Object.fromEntries(DRAFT_KEYS.filter((k) => k in c).map((k) => [k, c[k]])) as CaptureDraft;
}

/** Most tags a `createCapture` may carry (lib/schema/sync.ts); the rest go as `addTag`. */
const MAX_CREATE_TAGS = 50;

const wireTag = (label: string) => label.toLowerCase().normalize('NFC');

/** The `createCapture` args of a stored capture (docs/sync-protocol.md 3.3), tags as keys (at most 50). */
export function createArgs(c: Capture): MutationArgsOf<'createCapture'> {
  return { id: c.id, scopeId: c.scopeId, ...contentOf(c), capturedAt: c.capturedAt, note: c.note, tags: c.tags.slice(0, MAX_CREATE_TAGS).map(wireTag), collectionIds: c.collectionIds };
}

/**
 * Inside an rw transaction, after adding `c`: the outbox rows that create it with every field —
 * `createCapture` (content, note, first 50 tag keys, collections), `addTag` for any further tags,
 * and `updateCapture` for intent and review fields that are set. Used by undo and import.
 */
export async function addCreateMutations(db: SatchelDb, c: Capture, now: number): Promise<void> {
  await addMutations(db, createMutations(c), now);
}

/** Library fields a `createCapture` does not carry (it carries `note`, and `title` in the draft): sent as `updateCapture`. */
const UPDATE_AFTER_CREATE = LIBRARY_FIELD_NAMES.filter((k) => k !== 'note' && !(k in CaptureDraft.shape));

/** The library fields of `c` that `set` as a partial (absent and null values left out). Pure. */
export function libraryValues(c: Partial<Capture>, keys: readonly LibraryField[] = LIBRARY_FIELD_NAMES): MutationArgsOf<'updateCapture'>['set'] {
  return Object.fromEntries(keys.filter((k) => c[k] !== undefined && c[k] !== null).map((k) => [k, c[k]]));
}

/** The outbox mutations that create `c` on the server, in order (for bulk writers: import). Pure. */
export function createMutations(c: Capture): QueuedMutation[] {
  const out: QueuedMutation[] = [{ name: 'createCapture', args: createArgs(c) }];
  for (const t of c.tags.slice(MAX_CREATE_TAGS)) out.push({ name: 'addTag', args: { captureId: c.id, tag: wireTag(t) } });
  const set = libraryValues(c, UPDATE_AFTER_CREATE);
  if (Object.keys(set).length > 0) out.push({ name: 'updateCapture', args: { id: c.id, baseVersion: 0, set } });
  return out;
}

/**
 * Inside an rw transaction: returns the scope's live Inbox id, creating it (with its
 * `createCollection` outbox row) when missing.
 */
export async function ensureInboxIn(db: SatchelDb, scopeId: string, now: number): Promise<CollectionRow> {
  const found = await findInbox(db, scopeId);
  if (found) return found;
  const row = newCollectionRow(scopeId, 'Inbox', now, true);
  await db.collections.add(row);
  await addMutation(db, 'createCollection', { id: row.id, scopeId, name: row.name }, now);
  return row;
}

const emptyToNull = (s: string | null | undefined) => (s === undefined ? undefined : s === null || s.trim() === '' ? null : s);

/**
 * Inside an rw transaction over {@link captureTables}: applies `patch` to a live capture, writes
 * the row and its outbox rows. Returns the new row (the old one when nothing changed), or null
 * when the id is unknown or deleted. Shared by every capture-changing mutation. Strings of `patch`
 * are cleaned with lib/schema `deepStorable` first.
 * @throws CaptureFieldError when the result would break lib/schema `Capture` (the transaction aborts).
 */
export async function patchCaptureIn(db: SatchelDb, id: string, dirty: CapturePatch, now: number): Promise<Capture | null> {
  // The text the stores can hold (docs/sync-protocol.md 3.3), before the local row and the queue: device and server agree.
  const patch = deepStorable(dirty);
  const old = await db.captures.get(id);
  if (!old || old.deletedAt !== null) return null;
  // A team capture the learner may not change: only what the role table allows is queued (lib/db/team-rights.ts).
  const allowed = old.scopeId.startsWith('team:') ? withinRight(await captureRight(db, old), old, patch) : patch;
  if (allowed !== patch) return await patchCaptureIn(db, id, allowed, now);
  const next: Capture = { ...old };
  const set: MutationArgsOf<'updateCapture'>['set'] = {};
  // A library field's patch value is its lib/schema value (CapturePatch mirrors LIBRARY_FIELDS).
  const change = <K extends LibraryField>(k: K, v: CapturePatch[K] | undefined) => {
    if (v === undefined || JSON.stringify(v) === JSON.stringify(old[k] ?? null)) return;
    (next as Record<LibraryField, unknown>)[k] = v;
    (set as Record<LibraryField, unknown>)[k] = v;
  };
  const given: CapturePatch = { ...patch, note: emptyToNull(patch.note), reflection: emptyToNull(patch.reflection) };
  for (const k of LIBRARY_FIELD_NAMES) if (k !== 'followUp') change(k, given[k]);
  if (patch.followUp !== undefined) change('followUp', patch.followUp);
  else if (next.intent === 'tip' && old.intent !== 'tip' && next.followUp === null) {
    change('followUp', { dueAt: now + (await followUpDelay(db)), answer: null, answeredAt: null });
  } else if (old.intent === 'tip' && next.intent !== 'tip' && next.followUp !== null && next.followUp.answeredAt === null) {
    change('followUp', null); // no longer a tip to try: drop the unanswered question
  }
  const pending: QueuedMutation[] = [];
  // baseVersion: the server version of this capture this device had seen when the learner made the
  // edit (0 before any sync). A note another device changed since then is kept as a conflict by the
  // server (docs/sync-protocol.md 3.7) instead of being silently overwritten.
  if (Object.keys(set).length > 0) pending.push({ name: 'updateCapture', args: { id, baseVersion: (await db.syncMeta.get(id))?.version ?? 0, set } });
  if (patch.tags !== undefined) {
    const labels = normalizeTags(patch.tags);
    // No await when there is nothing to look up: after captureRight's reads, awaiting a native
    // promise that did no Dexie work lost the transaction (PrematureCommitError on clearing the
    // last tag of a team capture; found by tests/sync-property.test.ts).
    next.tags = labels.length > 0 ? await canonicalTags(db, old.scopeId, labels, now) : [];
    const { added, removed } = tagDiff(old.tags, next.tags);
    for (const tag of added) pending.push({ name: 'addTag', args: { captureId: id, tag } });
    for (const tag of removed) pending.push({ name: 'removeTag', args: { captureId: id, tag } });
    if (added.length === 0 && removed.length === 0) next.tags = old.tags;
  }
  if (patch.collectionIds !== undefined) {
    next.collectionIds = [...new Set(patch.collectionIds)];
    for (const c of next.collectionIds) if (!old.collectionIds.includes(c)) pending.push({ name: 'addToCollection', args: { collectionId: c, captureId: id } });
    for (const c of old.collectionIds) if (!next.collectionIds.includes(c)) pending.push({ name: 'removeFromCollection', args: { collectionId: c, captureId: id } });
  }
  if (pending.length === 0 && JSON.stringify(next.tags) === JSON.stringify(old.tags)) return old;
  next.updatedAt = now;
  // Stored rows always satisfy the schema, so an export of them always imports again.
  const check = CaptureSchema.safeParse(next);
  if (!check.success) {
    const i = check.error.issues[0]!;
    throw new CaptureFieldError(`cannot change capture ${id}: ${i.path.join('.')}: ${i.message}`);
  }
  await db.captures.put(next);
  await addMutations(db, pending, now);
  return next;
}


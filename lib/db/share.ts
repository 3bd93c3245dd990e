/**
 * Sharing a capture into a team (docs/sync-protocol.md 9.1: share = copy). The copy is a new capture in the
 * team's scope, owned by the sharer, carrying their "why this is worth reading" note; the
 * learner's own capture is untouched. Team scopes the device can see come from the last pull
 * (`syncScopes` in kv).
 */
import type { Capture, Intent } from '../schema';
import { newId } from '../util/uuid';
import { systemClock, type Clock } from '../util/clock';
import { LOCAL_SCOPE, type SatchelDb } from './database';
import { addMutation } from './outbox';
import { postIn } from './mutations';
import { toStorable } from '../schema/storable';
import { creditOf, readAllMembers, type Credit } from './members';

/** kv key of the scopes the server said this user can read (written by the sync store on pull). */
export const SYNC_SCOPES_KEY = 'syncScopes';

/** A team the signed-in user belongs to, as the last pull listed it. */
export interface TeamScope {
  /** `team:<teamId>` */
  id: string;
  name: string;
  role: 'owner' | 'editor' | 'viewer';
}

/** The teams of the last pull (empty before sign-in or before the first sync). */
export async function listTeamScopes(db: SatchelDb): Promise<TeamScope[]> {
  const v = (await db.kv.get(SYNC_SCOPES_KEY))?.value as Array<{ id: string; role: TeamScope['role']; name?: string }> | undefined;
  return (v ?? []).filter((s) => s.id.startsWith('team:')).map((s) => ({ id: s.id, role: s.role, name: s.name ?? s.id.slice(5) }));
}

/** Bad share request (unknown capture, not a team scope, no right to share there). */
export class ShareError extends Error {
  override name = 'ShareError';
}

/**
 * Shares capture `sourceId` into team scope `targetScopeId` (optionally into one of its
 * collections) with the sharer's `note` and the copy's `intent` (default: `question` when the
 * source is a "question to discuss", else none; issue 11). Writes the copy and a `shareCapture` outbox row in one
 * transaction and returns the copy. If the team already holds this post, returns that capture and
 * writes nothing (the server would merge them anyway).
 * @throws ShareError when the capture is unknown or deleted, the scope is not a team this user can
 *   write to (editor or owner), or the collection is not in that team.
 */
export function shareCapture(
  db: SatchelDb,
  sourceId: string,
  targetScopeId: string,
  opts: { collectionId?: string; note?: string | null; intent?: Intent | null; clock?: Clock } = {},
): Promise<Capture> {
  const clock = opts.clock ?? systemClock;
  return db.transaction('rw', [db.captures, db.collections, db.outbox, db.kv], async () => {
    const team = (await listTeamScopes(db)).find((t) => t.id === targetScopeId);
    if (!team) throw new ShareError(`not a team you belong to: ${targetScopeId}`);
    if (team.role === 'viewer') throw new ShareError(`viewers cannot share into ${team.name}`);
    const src = await db.captures.get(sourceId);
    if (!src || src.deletedAt !== null) throw new ShareError('that capture no longer exists');
    if (opts.collectionId) {
      const col = await db.collections.get(opts.collectionId);
      if (!col || col.scopeId !== targetScopeId || col.deletedAt !== null) throw new ShareError('that collection is not in this team');
    }
    // The team may hold this post under its other key (issue 9: with its id, or id-less): the same post.
    const already = await postIn(db, targetScopeId, src);
    if (already && already.deletedAt === null) return already;
    const now = clock();
    const note = opts.note === undefined ? src.note : opts.note === null ? null : toStorable(opts.note); // docs/sync-protocol.md 3.3
    // Issue 11: a "question to discuss" stays one in the team unless the caller says otherwise; other intents are the learner's own.
    const intent = opts.intent !== undefined ? opts.intent : src.intent === 'question' ? 'question' : null;
    const copy: Capture = {
      ...src,
      id: newId(),
      scopeId: targetScopeId,
      note: note?.trim() ? note : null,
      tags: [...src.tags], // the server copies the source's tags too (docs/sync-protocol.md 9.1)
      collectionIds: opts.collectionId ? [opts.collectionId] : [],
      intent,
      reviewedAt: null,
      archivedAt: null,
      reflection: null,
      followUp: null,
      conversationStartedAt: null,
      answerCommentId: null,
      capturedAt: now,
      updatedAt: now,
      deletedAt: null,
    };
    if (already) await db.captures.delete(already.id); // a tombstone of an earlier share
    await db.captures.add(copy);
    await addMutation(db, 'shareCapture', { sourceId, newId: copy.id, targetScopeId, ...(opts.collectionId ? { collectionId: opts.collectionId } : {}), note: copy.note, intent }, now);
    return copy;
  });
}

/** True when `scopeId` is the learner's own scope (not a team). */
export const isPersonalScope = (scopeId: string): boolean => scopeId === LOCAL_SCOPE || scopeId.startsWith('personal:');

/** A team capture with who shared it and the team's name, for "From your teams" lists. */
export interface TeamCaptureView {
  capture: Capture;
  teamName: string;
  /** display name of the sharer, or null when unknown (not yet fetched) or hidden (see `credit`) */
  sharedBy: string | null;
  /** how the sharer is credited (lib/db/members.ts `creditOf`: opted-out sharers are not named) */
  credit: Credit;
  /** the sharer's user id (for their member page), or null when unknown */
  sharedByUserId: string | null;
}

/**
 * The newest captures shared in the learner's teams, newest first, at most `limit`, each with the
 * team's name and who shared it (docs/sync-protocol.md 9.1: the copy is owned by the sharer).
 */
export async function listTeamCaptures(db: SatchelDb, limit = 5): Promise<TeamCaptureView[]> {
  const teams = await listTeamScopes(db);
  if (teams.length === 0) return [];
  const members = await readAllMembers(db);
  const rows: Capture[] = [];
  for (const team of teams) {
    const some = await db.captures.where('[scopeId+capturedAt]').between([team.id, -Infinity], [team.id, Infinity]).reverse().filter((c) => c.deletedAt === null).limit(limit).toArray();
    rows.push(...some);
  }
  rows.sort((a, b) => b.capturedAt - a.capturedAt);
  const out: TeamCaptureView[] = [];
  for (const c of rows.slice(0, limit)) {
    const owner = (await db.syncMeta.get(c.id))?.ownerUserId ?? null;
    const credit = creditOf(members.get(c.scopeId) ?? [], owner);
    out.push({ capture: c, teamName: teams.find((x) => x.id === c.scopeId)?.name ?? c.scopeId, sharedBy: credit.kind === 'named' ? credit.name : null, credit, sharedByUserId: owner });
  }
  return out;
}

import { useEffect, useState } from 'preact/hooks';
import { liveQuery } from 'dexie';
import type { SatchelDb } from '../../lib/db';
import type { Translate } from '../../lib/util/i18n';
import { captureRight, listTeamScopes, LOCAL_SCOPE } from '../../lib/db';
import { creditOf, readMembers } from '../../lib/db/members';
import { sharedToTeams } from '../../lib/db/shared-to';
import type { ShareTarget } from '../../components/ShareDialog';
import type { ScopeLink } from '../../components/ScopeNav';
import type { CaptureRight } from '../../components/capture-view';
import * as data from './data';

/** Who shared the open team capture and what the learner may change on it. */
export interface SharedBy {
  id: string;
  name: string | null;
  right: CaptureRight;
}

/** Live team data of the library page. */
export interface TeamData {
  /** "My library" first, then the learner's teams' libraries (issue 4). */
  scopes: ScopeLink[];
  /** Teams the learner can share into, with their collections. */
  shareTargets: ShareTarget[];
  /** In a team's library: who shared the open capture (null until known or in the own library). */
  sharedBy: SharedBy | null;
  /** Notes a later edit on another device replaced, for the open capture. */
  replaced: { id: string; notes: string[] } | null;
  /** In the learner's own library: capture id → the teams it was shared into ("Shared to <team>" on the row). */
  sharedTo: ReadonlyMap<string, string[]>;
}

/**
 * Reads the libraries the learner can open, the teams they can share into, and for the open capture
 * `openId` the replaced notes (sync note conflicts, docs/sync-protocol.md 3.7) and, in a team's
 * library, its sharer and the learner's right on it (lib/db/team-rights.ts); in the own library,
 * which captures were shared into which teams (lib/db/shared-to.ts).
 */
export function useTeamData(db: SatchelDb, openId: string | null, t: Translate): TeamData {
  const [scopes, setScopes] = useState<ScopeLink[]>([]);
  useEffect(() => {
    const sub = liveQuery(() => listTeamScopes(db)).subscribe({
      next: (teams) => setScopes([{ scopeId: LOCAL_SCOPE, name: t('scopeMine'), href: 'library.html' }, ...teams.map((x) => ({ scopeId: x.id, name: x.name, href: `library.html?scope=${encodeURIComponent(x.id)}` }))]),
      error: (e: unknown) => console.error('[satchel] teams', e),
    });
    return () => sub.unsubscribe();
  }, [db, t]);

  const [replaced, setReplaced] = useState<{ id: string; notes: string[] } | null>(null);
  useEffect(() => {
    if (!openId) return;
    const id = openId;
    const sub = liveQuery(() => db.noteConflicts.where('captureId').equals(id).toArray()).subscribe({
      next: (rows) => setReplaced({ id, notes: rows.filter((r) => r.resolvedAt === null && r.overwrittenNote).sort((a, b) => b.createdAt - a.createdAt).map((r) => r.overwrittenNote!) }),
      error: (e: unknown) => console.error('[satchel] note conflicts', e),
    });
    return () => sub.unsubscribe();
  }, [db, openId]);

  // The server owner of the team copy is its sharer (docs/sync-protocol.md 9.1).
  const [sharedBy, setSharedBy] = useState<SharedBy | null>(null);
  useEffect(() => {
    if (!openId || data.libraryScope() === LOCAL_SCOPE) return;
    let live = true;
    void (async () => {
      const owner = (await db.syncMeta.get(openId))?.ownerUserId;
      const credit = creditOf((await readMembers(db, data.libraryScope())).members, owner);
      const right = await captureRight(db, { id: openId, scopeId: data.libraryScope() });
      if (live) setSharedBy({ id: openId, name: credit.kind === 'named' ? credit.name : credit.kind === 'hidden' ? t('creditHiddenName') : null, right });
    })();
    return () => {
      live = false;
    };
  }, [db, openId]);

  const [shareTargets, setShareTargets] = useState<ShareTarget[]>([]);
  useEffect(() => {
    const sub = liveQuery(async (): Promise<ShareTarget[]> => {
      const teams = (await listTeamScopes(db)).filter((x) => x.role !== 'viewer');
      const cols = teams.length ? await db.collections.where('scopeId').anyOf(teams.map((x) => x.id)).filter((c) => c.deletedAt === null).toArray() : [];
      return teams.map((x) => ({ scopeId: x.id, name: x.name, collections: cols.filter((c) => c.scopeId === x.id).map((c) => ({ id: c.id, name: c.name })) }));
    }).subscribe({ next: setShareTargets, error: (e: unknown) => console.error('[satchel] teams', e) });
    return () => sub.unsubscribe();
  }, [db]);

  const [sharedTo, setSharedTo] = useState<ReadonlyMap<string, string[]>>(new Map());
  useEffect(() => {
    if (data.libraryScope() !== LOCAL_SCOPE) return;
    const sub = liveQuery(() => sharedToTeams(db)).subscribe({ next: setSharedTo, error: (e: unknown) => console.error('[satchel] shared to', e) });
    return () => sub.unsubscribe();
  }, [db]);

  return { scopes, shareTargets, sharedBy, replaced, sharedTo };
}

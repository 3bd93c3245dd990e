/**
 * Which of the learner's own captures they shared into a team, for "Shared to <team>" on their copy
 * (issue 12). A share makes a new capture in the team's scope (docs/sync-protocol.md 9.1); the link
 * back to the learner's capture is the copy's `sourceCaptureId` once the server has it (`syncMeta`,
 * written on pull), and the `shareCapture` outbox row's `sourceId` until then.
 */
import type { SatchelDb } from './database';
import { listTeamScopes } from './share';

/**
 * Source capture id → names of the teams it was shared into (in the order of the last pull's team
 * list, no repeats). Only live team copies count (a deleted copy, or a team the learner left, does
 * not). Keys are source ids, so a colleague's share shows up under their capture's id, which is on
 * no list of this learner's. Reads the team list, the teams' `syncMeta` rows and the pending `shareCapture` outbox rows
 * once: call it once per list, not per item. Empty map before sign-in or without teams.
 */
export async function sharedToTeams(db: SatchelDb): Promise<Map<string, string[]>> {
  const teams = await listTeamScopes(db);
  const out = new Map<string, string[]>();
  if (teams.length === 0) return out;
  const order = new Map(teams.map((t, i) => [t.id, i]));
  const links: Array<{ copyId: string; sourceId: string; scopeId: string }> = [];
  for (const m of await db.syncMeta.where('scopeId').anyOf([...order.keys()]).toArray()) {
    if (m.sourceCaptureId) links.push({ copyId: m.id, sourceId: m.sourceCaptureId, scopeId: m.scopeId });
  }
  await db.outbox.each((row) => {
    if (row.name !== 'shareCapture') return;
    const a = row.args as { sourceId?: unknown; newId?: unknown; targetScopeId?: unknown };
    if (typeof a.sourceId === 'string' && typeof a.newId === 'string' && typeof a.targetScopeId === 'string' && order.has(a.targetScopeId)) {
      links.push({ copyId: a.newId, sourceId: a.sourceId, scopeId: a.targetScopeId });
    }
  });
  if (links.length === 0) return out;
  const copies = await db.captures.bulkGet(links.map((l) => l.copyId));
  const scopes = new Map<string, Set<string>>();
  links.forEach((l, i) => {
    const copy = copies[i];
    if (!copy || copy.deletedAt !== null || copy.scopeId !== l.scopeId) return;
    let s = scopes.get(l.sourceId);
    if (!s) scopes.set(l.sourceId, (s = new Set()));
    s.add(l.scopeId);
  });
  for (const [sourceId, s] of scopes) {
    out.set(sourceId, [...s].sort((a, b) => order.get(a)! - order.get(b)!).map((id) => teams[order.get(id)!]!.name));
  }
  return out;
}

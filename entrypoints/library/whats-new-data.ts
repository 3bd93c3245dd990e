/**
 * Data of the What's new views (library and popup) and of the credit lines: What's new items
 * (lib/db/whats-new.ts) with the names, team names, capture and comment text the UI shows, and the
 * links they open. Read-only; every name honours the spotlight opt-out (lib/db/members.ts `creditOf`).
 */
import type { SatchelDb } from '../../lib/db';
import { listTeamScopes } from '../../lib/db/share';
import { creditOf, readAllMembers, type Credit } from '../../lib/db/members';
import { listWhatsNew, readMutedTeams } from '../../lib/db/whats-new';
import type { WhatsNewEntry, WhatsNewTeam } from '../../components/WhatsNew';

/** Path of the library page. */
export const LIBRARY_PAGE = '/library.html';

/** Link that opens capture `captureId` of `scopeId` in the library. */
export const captureHref = (scopeId: string, captureId: string): string => `${LIBRARY_PAGE}?scope=${encodeURIComponent(scopeId)}&open=${encodeURIComponent(captureId)}`;
/** Link to the member page of `userId` in team `scopeId`. */
export const memberHref = (scopeId: string, userId: string): string => `${LIBRARY_PAGE}?scope=${encodeURIComponent(scopeId)}&member=${encodeURIComponent(userId)}`;
/** Link to the What's new view. */
export const WHATS_NEW_HREF = `${LIBRARY_PAGE}?view=whats-new`;

/** The What's new entries, the teams with their mute state, and the counts. */
export interface WhatsNewData {
  entries: WhatsNewEntry[];
  teams: WhatsNewTeam[];
  unread: number;
  mutedUnread: number;
}

/** A name for the UI from a credit: the name, or null (unknown or opted out: "A team member"). */
const nameOf = (c: Credit): string | null => (c.kind === 'named' ? c.name : null);

/** What's new at `now` with everything the views show. */
export async function loadWhatsNew(db: SatchelDb, now = Date.now()): Promise<WhatsNewData> {
  const [list, teams, muted, members] = await Promise.all([listWhatsNew(db, now), listTeamScopes(db), readMutedTeams(db), readAllMembers(db)]);
  const captures = await db.captures.bulkGet([...new Set(list.items.map((i) => i.captureId))]);
  const byId = new Map(captures.filter((c) => !!c).map((c) => [c!.id, c!]));
  const comments = await db.comments.bulkGet(list.items.map((i) => i.commentId).filter((x): x is string => !!x));
  const commentById = new Map(comments.filter((c) => !!c).map((c) => [c!.id, c!]));
  const teamName = new Map(teams.map((x) => [x.id, x.name]));
  const entries = list.items.map((item): WhatsNewEntry => {
    const credit = creditOf(members.get(item.scopeId) ?? [], item.actorUserId);
    const c = byId.get(item.captureId);
    return {
      item,
      actorName: nameOf(credit),
      memberHref: credit.kind === 'named' && item.actorUserId ? memberHref(item.scopeId, item.actorUserId) : null,
      teamName: teamName.get(item.scopeId) ?? item.scopeId,
      captureText: c ? (c.note || c.title || c.text).slice(0, 160).replace(/\s+/g, ' ') : '',
      commentText: item.commentId ? commentById.get(item.commentId)?.body.slice(0, 200) ?? null : null,
      href: captureHref(item.scopeId, item.captureId),
    };
  });
  return { entries, teams: teams.map((x) => ({ scopeId: x.id, name: x.name, muted: muted.includes(x.id) })), unread: list.unread, mutedUnread: list.mutedUnread };
}

/** The sharer credit of every capture of team scope `scopeId`: capture id → credit and the sharer's page. */
export async function loadTeamCredits(db: SatchelDb, scopeId: string): Promise<Map<string, { credit: Credit; memberHref: string | null }>> {
  const [metas, members] = await Promise.all([db.syncMeta.where('scopeId').equals(scopeId).toArray(), readAllMembers(db)]);
  const list = members.get(scopeId) ?? [];
  return new Map(metas.map((m) => {
    const credit = creditOf(list, m.ownerUserId);
    return [m.id, { credit, memberHref: credit.kind === 'named' ? memberHref(scopeId, m.ownerUserId) : null }];
  }));
}

import type { SatchelDb } from '../../lib/db';
import { writeMembers } from '../../lib/db/members';
import type { ApiClient } from '../../lib/sync/api-client';
import type { TeamActions } from '../../components/options/TeamsPanel';
import type { ErrorContext } from '../../components/options/errors';
import type { ActionResult } from '../../components/options/types';

/** Runs a server action for a component (`refresh`: reload the profile after a success, default true); failures come back in words. */
export type ServerAction = <T>(ctx: ErrorContext, fn: (c: ApiClient) => Promise<T>, refresh?: boolean) => Promise<ActionResult<T>>;

/**
 * The options page's team actions for components/options/TeamsPanel, each through `action`: only
 * creating, joining and leaving a team reload the profile. `me` is the signed-in user id (leave,
 * spotlight); a spotlight change rewrites the device's member cache at once (lib/db/members), so
 * credit lines change without waiting for the next sync (issue 11).
 */
export function teamActions(db: SatchelDb, action: ServerAction, me: string, copy: (text: string) => Promise<boolean>): TeamActions {
  return {
    createTeam: (name) => action('create-team', async (c) => void (await c.createTeam(name))),
    invite: (teamId, role, hours, maxUses) => action('invite', (c) => c.createInvite(teamId, role, hours, maxUses), false),
    loadInvites: (teamId) => action('invites', async (c) => (await c.invites(teamId)).invites.map(({ createdBy, ...i }) => ({ ...i, createdByName: createdBy.displayName })), false),
    revokeInvite: (teamId, inviteId) => action('revoke-invite', async (c) => void (await c.revokeInvite(teamId, inviteId)), false),
    join: (code) => action('join', (c) => c.acceptInvite(code)),
    loadMembers: (teamId) => action('members', async (c) => (await c.members(teamId)).members, false),
    setRole: (teamId, userId, role) => action('member', async (c) => void (await c.setRole(teamId, userId, role)), false),
    removeMember: (teamId, userId) => action('member', async (c) => void (await c.removeMember(teamId, userId)), false),
    setSpotlight: (teamId, on) => action('spotlight', async (c) => {
      await c.setSpotlight(teamId, me, on);
      await writeMembers(db, `team:${teamId}`, (await c.members(teamId)).members, Date.now());
    }, false),
    leave: (teamId) => action('leave', async (c) => void (await c.removeMember(teamId, me))),
    copy,
  };
}

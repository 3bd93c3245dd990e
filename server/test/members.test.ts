// @vitest-environment node
/**
 * Members API (issue 11, docs/sync-protocol.md 3.3 "Team administration"): the list carries `joinedAt`
 * and `spotlight`; `PATCH …/members/:userId` changes `role` (owners) and/or `spotlight` (only the
 * member themself), each audited. SQLite and PostgreSQL.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { MemberList } from '../../lib/schema';
import { setup, STORE_KINDS, type TestStore } from './harness';

const BUDGET = 60_000;
const open: TestStore[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.cleanup();
}, BUDGET);

describe.each(STORE_KINDS)('members API on %s', (kind) => {
  it('lists joinedAt and spotlight; spotlight is the member\'s own choice; role stays with owners; both audited', async () => {
    const e = await setup(kind);
    open.push(e.ts);
    const { api, store } = e;
    const owner = await api.signup('owner');
    const { teamId, scopeId } = await api.createTeam(owner);
    const viewer = await api.signup('viewer');
    const stranger = await api.signup('stranger');
    const t0 = Date.now();
    await api.join(owner, teamId, viewer, 'viewer');
    const members = `/v1/teams/${teamId}/members`;
    const list = async () => MemberList.parse((await api.req('GET', members, { token: viewer.token })).body).members;
    const first = await list();
    expect(first.map((m) => [m.userId, m.role, m.spotlight])).toEqual(expect.arrayContaining([[owner.userId, 'owner', true], [viewer.userId, 'viewer', true]]));
    expect(first.find((m) => m.userId === viewer.userId)!.joinedAt).toBeGreaterThanOrEqual(t0 - 1000);

    const patch = (as: typeof owner, userId: string, body: unknown) => api.req('PATCH', `${members}/${userId}`, { token: as.token, body });
    expect((await patch(owner, viewer.userId, { spotlight: false })).status).toBe(403); // not even the owner
    expect((await patch(stranger, viewer.userId, { spotlight: false })).status).toBe(404);
    expect((await patch(viewer, viewer.userId, { role: 'owner' })).status).toBe(403);
    expect((await patch(viewer, viewer.userId, { role: 'editor', spotlight: false })).status).toBe(403); // all or nothing
    expect((await patch(viewer, viewer.userId, {})).status).toBe(400);
    expect((await list()).find((m) => m.userId === viewer.userId)).toMatchObject({ role: 'viewer', spotlight: true });
    expect((await patch(viewer, viewer.userId, { spotlight: false })).status).toBe(200);
    expect((await list()).find((m) => m.userId === viewer.userId)).toMatchObject({ role: 'viewer', spotlight: false });
    expect((await patch(owner, owner.userId, { role: 'owner', spotlight: false })).status).toBe(200);
    expect((await patch(owner, viewer.userId, { role: 'editor' })).status).toBe(200);
    expect((await list()).map((m) => [m.userId, m.role, m.spotlight]).sort()).toEqual([[owner.userId, 'owner', false], [viewer.userId, 'editor', false]].sort());
    const audit = await store.db.selectFrom('audit_log').select(['actor_user_id', 'action', 'target']).where('scope_id', '=', scopeId).where('action', 'like', 'member.%').orderBy('created_at').orderBy('id').execute();
    expect(audit.filter((a) => a.action !== 'member.join').map((a) => `${a.actor_user_id === owner.userId ? 'owner' : 'viewer'}:${a.action}`)).toEqual([
      'viewer:member.spotlight.off', 'owner:member.role.owner', 'owner:member.spotlight.off', 'owner:member.role.editor',
    ]);
  }, BUDGET);
});

// @vitest-environment node
import { describe, it, expect, afterEach } from 'vitest';
import { uuidv7 } from 'uuidv7';
import { startTestSyncServer, type TestSyncServer } from './helpers/sync-server';
import { apiClient, ApiError } from '../lib/sync/api-client';

// Issue 10: the extension's invite calls against the real server: create with a use count, list
// (no code in it), revoke, and a used-up or revoked code refused like an unknown one.

let srv: TestSyncServer | null = null;
afterEach(async () => {
  await srv?.cleanup();
  srv = null;
}, 60_000);

async function person(s: TestSyncServer, name: string) {
  const r = await apiClient({ serverUrl: s.url, fetch: s.fetch }).createAccount({ email: `${name}@example.org`, password: 'correct horse', displayName: name, deviceId: uuidv7(), deviceName: 'Laptop' });
  return { userId: r.userId, api: apiClient({ serverUrl: s.url, fetch: s.fetch, token: r.token }) };
}

const refusal = (p: Promise<unknown>) => p.then(() => null, (e: ApiError) => ({ status: e.status, code: e.code, message: e.message }));

describe('api client: invites', () => {
  it('creates with maxUses, lists without codes, revokes; used-up and revoked codes read as unknown', { timeout: 60_000 }, async () => {
    srv = await startTestSyncServer();
    const [ana, bo, cy, di] = [await person(srv, 'ana'), await person(srv, 'bo'), await person(srv, 'cy'), await person(srv, 'di')];
    const team = await ana.api.createTeam('Guild');
    const single = await ana.api.createInvite(team.teamId, 'viewer', 24);
    const pair = await ana.api.createInvite(team.teamId, 'editor', 72, 2);
    expect(await bo.api.acceptInvite(single.code)).toMatchObject({ teamId: team.teamId, role: 'viewer' });
    const unknown = await refusal(cy.api.acceptInvite('x'.repeat(22)));
    expect(unknown).toMatchObject({ status: 404, code: 'not_found' });
    expect(await refusal(cy.api.acceptInvite(single.code))).toEqual(unknown);
    expect(await cy.api.acceptInvite(pair.code)).toMatchObject({ role: 'editor' });

    const { invites } = await ana.api.invites(team.teamId);
    expect(invites.map((i) => [i.role, i.uses, i.maxUses, i.status])).toEqual([['editor', 1, 2, 'active'], ['viewer', 1, 1, 'used_up']]);
    expect(invites[0]!.expiresAt - invites[0]!.createdAt).toBe(72 * 3_600_000);
    expect(JSON.stringify(invites)).not.toContain(pair.code);
    expect(await refusal(bo.api.invites(team.teamId))).toMatchObject({ status: 403 });

    await ana.api.revokeInvite(team.teamId, invites[0]!.inviteId);
    expect(await refusal(di.api.acceptInvite(pair.code))).toEqual(unknown);
    expect((await ana.api.invites(team.teamId)).invites[0]).toMatchObject({ status: 'revoked', revokedAt: expect.any(Number) });
  });
});

/**
 * View types of the options-page components (plain data; the container maps lib/schema/api
 * responses onto them). Times are epoch ms, server clock.
 */

/** Team role (lib/schema/api `Role`). */
export type RoleView = 'owner' | 'editor' | 'viewer';

/** The signed-in account (`GET /v1/me` `user`). */
export interface AccountView {
  userId: string;
  email: string;
  displayName: string;
}

/** One device of the account (`GET /v1/devices`). `current` = this browser. */
export interface DeviceView {
  deviceId: string;
  name: string;
  createdAt: number;
  lastSeenAt: number | null;
  revokedAt: number | null;
  current: boolean;
}

/** A team the learner belongs to, with their role in it. */
export interface TeamView {
  teamId: string;
  name: string;
  role: RoleView;
}

/** A member of a team. */
export interface MemberView {
  userId: string;
  displayName: string;
  role: RoleView;
  /** false = opted out of spotlights (issue 11); absent from older servers = in */
  spotlight?: boolean;
}

/**
 * One invite of a team as its owners see it (`GET /v1/teams/:id/invites`; never the code). Times
 * are epoch ms, server clock. `status` is decided by the server: only `active` invites admit anyone.
 */
export interface InviteRowView {
  inviteId: string;
  role: 'editor' | 'viewer';
  createdByName: string | null;
  createdAt: number;
  expiresAt: number;
  uses: number;
  maxUses: number;
  revokedAt: number | null;
  status: 'active' | 'used_up' | 'expired' | 'revoked';
}

/**
 * Outcome of an action the container ran for a component: the value, or an error already in words
 * the learner can act on (see {@link describeError} in ./errors).
 */
export type ActionResult<T = void> = { ok: true; value: T } | { ok: false; error: string };

/**
 * A change this browser made that the sync server acknowledged without applying it (the
 * `rejected` table, lib/db `RejectedRow`; same shape). `name` and `args` are the outbox mutation
 * (lib/schema/sync `MutationArgs`); `status` is `gone`, `not_found` or `rejected` (then `code`
 * says why, e.g. `forbidden`). `at` is epoch ms, client clock.
 */
export interface RefusedChangeView {
  mutationId: string;
  seq: number;
  name: string;
  args: Record<string, unknown>;
  scopeId: string | null;
  status: string;
  code: string | null;
  at: number;
}

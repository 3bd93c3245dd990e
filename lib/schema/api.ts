/**
 * REST wire types of the Satchel API other than sync (issue 4): accounts, sessions, devices,
 * me, teams, invites, members, errors. Strict objects: unknown keys are refused.
 */
import { z } from 'zod';
import { storable } from './storable';
import { ScopeId } from './capture';
import { Uuid7 } from './sync';

/** Team roles (docs/sync-protocol.md 4): owner manages members; editor shares and edits what they shared; viewer reads. */
export const Role = z.enum(['owner', 'editor', 'viewer']);
export type Role = z.infer<typeof Role>;

const Email = z.email().max(254);
const Password = storable().min(8).max(256);
const DeviceName = storable().trim().min(1).max(100);

/** `POST /v1/accounts` body. */
export const CreateAccountRequest = z.strictObject({
  email: Email,
  password: Password,
  displayName: storable().trim().min(1).max(100),
  deviceId: Uuid7,
  deviceName: DeviceName,
});
/** `POST /v1/sessions` body (sign in this device; the same deviceId keeps its sync seq). */
export const CreateSessionRequest = z.strictObject({
  email: Email,
  password: storable().min(1).max(256),
  deviceId: Uuid7,
  deviceName: DeviceName,
});
/** `201` of accounts and sessions. `token` is shown once: `cap_<tokenId>_<secret>`. */
export const AuthResponse = z.strictObject({ userId: storable(), token: storable() });

/** One device of the signed-in user. Times are epoch ms, server clock. */
export const DeviceInfo = z.strictObject({
  deviceId: storable(),
  name: storable(),
  createdAt: z.number().int(),
  lastSeenAt: z.number().int().nullable(),
  revokedAt: z.number().int().nullable(),
  current: z.boolean(),
});
export const DeviceList = z.strictObject({ devices: z.array(DeviceInfo) });

/** `GET /v1/me`. */
export const MeResponse = z.strictObject({
  user: z.strictObject({ id: storable(), email: storable(), displayName: storable() }),
  deviceId: storable(),
  teams: z.array(z.strictObject({ teamId: storable(), scopeId: ScopeId, name: storable(), role: Role })),
  scopes: z.array(z.strictObject({ id: ScopeId, role: Role, name: storable().optional() })),
});

export const CreateTeamRequest = z.strictObject({ name: storable().trim().min(1).max(200) });
export const CreateTeamResponse = z.strictObject({ teamId: storable(), scopeId: ScopeId });

/** Most uses one invite code can carry (`maxUses`); a code is single-use unless the owner picks more. */
export const MAX_INVITE_USES = 100;
/** Roles an invite can grant: editor or viewer; owners are made by role change. */
export const InviteRole = z.enum(['editor', 'viewer']);

/**
 * `POST /v1/teams/:teamId/invites` body. `expiresInHours` 1–720; `maxUses` 1–{@link MAX_INVITE_USES},
 * default 1 (single-use). docs/sync-protocol.md 4 "Invites".
 */
export const CreateInviteRequest = z.strictObject({
  role: InviteRole,
  expiresInHours: z.number().int().min(1).max(24 * 30),
  maxUses: z.number().int().min(1).max(MAX_INVITE_USES).default(1),
});
/** `201` of invite creation: the code is shown this once (the server keeps only its SHA-256); `expiresAt` epoch ms. */
export const CreateInviteResponse = z.strictObject({ code: storable(), expiresAt: z.number().int() });

/**
 * Where an invite stands, decided by the server clock: `revoked` (by an owner), `used_up` (`uses` reached
 * `maxUses`), `expired`, else `active`. Only an `active` invite admits anyone; the others answer like an unknown code.
 */
export const InviteStatus = z.enum(['active', 'used_up', 'expired', 'revoked']);
export type InviteStatus = z.infer<typeof InviteStatus>;

/** One invite of a team as its owners see it (never the code). Times are epoch ms, server clock. */
export const InviteInfo = z.strictObject({
  inviteId: storable(),
  role: InviteRole,
  /** the owner who created it; `displayName` null if the account is gone */
  createdBy: z.strictObject({ userId: storable(), displayName: storable().nullable() }),
  createdAt: z.number().int(),
  expiresAt: z.number().int(),
  uses: z.number().int(),
  maxUses: z.number().int(),
  revokedAt: z.number().int().nullable(),
  status: InviteStatus,
});
export type InviteInfo = z.infer<typeof InviteInfo>;
/** `GET /v1/teams/:teamId/invites`: newest first, at most {@link MAX_LISTED_INVITES}. */
export const InviteList = z.strictObject({ invites: z.array(InviteInfo) });
/** How many invites the list returns (newest first). */
export const MAX_LISTED_INVITES = 200;
export const AcceptInviteResponse = z.strictObject({ teamId: storable(), scopeId: ScopeId, role: Role });

export const Member = z.strictObject({
  userId: storable(),
  displayName: storable(),
  role: Role,
  /** epoch ms, server clock: when they joined the team (issue 11: "new members' first shares") */
  joinedAt: z.number().int(),
  /** false = the member opted out of spotlights: never named in digests or on member pages (issue 11) */
  spotlight: z.boolean(),
});
export type Member = z.infer<typeof Member>;
export const MemberList = z.strictObject({ members: z.array(Member) });
/**
 * `PATCH /v1/teams/:teamId/members/:userId`: `role` (owners only, not oneself as the last owner) and/or
 * `spotlight` (only the member themself). At least one.
 */
export const PatchMemberRequest = z
  .strictObject({ role: Role.optional(), spotlight: z.boolean().optional() })
  .refine((b) => b.role !== undefined || b.spotlight !== undefined, { message: 'name role or spotlight' });

/** Every error body: `{error:{code,message}}` (plus `expectedSeq` on `409 seq_gap`). */
export const ErrorResponse = z.strictObject({
  error: z.strictObject({ code: storable(), message: storable(), expectedSeq: z.number().int().optional() }),
});
export const HealthResponse = z.strictObject({ ok: z.boolean(), store: z.enum(['sqlite', 'postgres']) });
/** Empty success body (`{ok:true}`). */
export const OkResponse = z.strictObject({ ok: z.literal(true) });

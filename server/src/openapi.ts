/**
 * The OpenAPI 3.1 document of every endpoint, built from the lib/schema zod schemas with
 * `z.toJSONSchema` (JSON Schema 2020-12 is OpenAPI 3.1's schema dialect). Served at /v1/openapi.json.
 */
import { z } from 'zod';
import * as S from '../../lib/schema';

/** One documented route. `path` uses Hono's `:param` syntax. */
export interface RouteDoc {
  method: 'get' | 'post' | 'patch' | 'delete';
  path: string;
  summary: string;
  auth: boolean;
  request?: z.ZodType;
  /** success status and body */
  status: number;
  response: z.ZodType;
  /** error statuses this route may answer, besides 400/401/429/500 */
  errors?: number[];
}

/** Every route of the app (tests check `app.routes` against this list). */
export const ROUTES: RouteDoc[] = [
  { method: 'get', path: '/healthz', summary: 'Liveness and store kind', auth: false, status: 200, response: S.HealthResponse },
  { method: 'get', path: '/v1/openapi.json', summary: 'This document', auth: false, status: 200, response: z.record(z.string(), z.unknown()) },
  { method: 'post', path: '/v1/accounts', summary: 'Create an account and sign in this device', auth: false, request: S.CreateAccountRequest, status: 201, response: S.AuthResponse, errors: [409] },
  { method: 'post', path: '/v1/sessions', summary: 'Sign in this device (same deviceId keeps its sync seq)', auth: false, request: S.CreateSessionRequest, status: 201, response: S.AuthResponse, errors: [409] },
  { method: 'delete', path: '/v1/sessions/current', summary: 'Sign out: revoke this device token', auth: true, status: 200, response: S.OkResponse },
  { method: 'get', path: '/v1/devices', summary: 'List my devices', auth: true, status: 200, response: S.DeviceList },
  { method: 'delete', path: '/v1/devices/:deviceId', summary: 'Revoke one of my devices', auth: true, status: 200, response: S.OkResponse, errors: [404] },
  { method: 'get', path: '/v1/me', summary: 'Me, my teams with roles, my scopes', auth: true, status: 200, response: S.MeResponse },
  { method: 'post', path: '/v1/teams', summary: 'Create a team (I become owner)', auth: true, request: S.CreateTeamRequest, status: 201, response: S.CreateTeamResponse },
  { method: 'post', path: '/v1/teams/:teamId/invites', summary: 'Create an invite code, single-use unless maxUses says more (owner); the code is shown once', auth: true, request: S.CreateInviteRequest, status: 201, response: S.CreateInviteResponse, errors: [403, 404] },
  { method: 'get', path: '/v1/teams/:teamId/invites', summary: "List the team's invites, newest first, never the codes (owner)", auth: true, status: 200, response: S.InviteList, errors: [403, 404] },
  { method: 'delete', path: '/v1/teams/:teamId/invites/:inviteId', summary: 'Revoke an invite; its code then answers like an unknown one (owner)', auth: true, status: 200, response: S.OkResponse, errors: [403, 404] },
  { method: 'post', path: '/v1/invites/:code/accept', summary: 'Join a team with a code (unknown, used-up, revoked, expired, or offered by a removed member: the same 404)', auth: true, status: 200, response: S.AcceptInviteResponse, errors: [404] },
  { method: 'get', path: '/v1/teams/:teamId/members', summary: 'List members with joinedAt and spotlight (any member)', auth: true, status: 200, response: S.MemberList, errors: [404] },
  { method: 'patch', path: '/v1/teams/:teamId/members/:userId', summary: 'Change a member role (owners) and/or their own spotlight (the member themself)', auth: true, request: S.PatchMemberRequest, status: 200, response: S.OkResponse, errors: [403, 404, 409] },
  { method: 'delete', path: '/v1/teams/:teamId/members/:userId', summary: 'Remove a member (owner) or leave', auth: true, status: 200, response: S.OkResponse, errors: [403, 404, 409] },
  { method: 'post', path: '/v1/sync/push', summary: 'Push outbox mutations (docs/sync-protocol.md 3.4)', auth: true, request: S.PushRequest, status: 200, response: S.PushResponse, errors: [403, 409, 413, 426, 503] },
  { method: 'post', path: '/v1/sync/pull', summary: 'Pull changes of my scopes (docs/sync-protocol.md 3.5)', auth: true, request: S.PullRequest, status: 200, response: S.PullResponse, errors: [403, 413, 426] },
  { method: 'get', path: '/v1/teams/:teamId/digest', summary: 'Team digest of ?from=&to= (epoch ms; from inclusive, to exclusive; at most a year); any member', auth: true, status: 200, response: S.Digest, errors: [404] },
];

const js = (s: z.ZodType) => {
  const { $schema: _, ...rest } = z.toJSONSchema(s, { unrepresentable: 'any', io: 'input' }) as Record<string, unknown>;
  return rest;
};

const REASONS: Record<number, string> = {
  400: 'Invalid request', 401: 'Missing, invalid or revoked token', 403: 'Forbidden', 404: 'Not found (or not readable)', 409: 'Conflict',
  413: 'Too large', 415: 'Body is not application/json', 426: 'Protocol too old', 429: 'Rate limited (see Retry-After)', 500: 'Internal error', 503: 'Transient failure, retry',
};

/** Builds the OpenAPI 3.1 document. Mutation args schemas are listed under `components.schemas`. */
export function buildOpenApi(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of ROUTES) {
    const path = r.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const params = [...r.path.matchAll(/:([A-Za-z]+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    const responses: Record<string, unknown> = { [r.status]: { description: 'OK', content: { 'application/json': { schema: js(r.response) } } } };
    // Every route may answer 503: a request timeout, a transient store error, or (sign-in, sign-up, invite accept) an unreachable shared rate-limit store.
    for (const s of [400, ...(r.auth ? [401] : []), ...(r.request ? [413, 415] : []), 429, 500, 503, ...(r.errors ?? [])]) {
      responses[s] = { description: REASONS[s] ?? 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } } };
    }
    (paths[path] ??= {})[r.method] = {
      summary: r.summary,
      ...(params.length ? { parameters: params } : {}),
      ...(r.auth ? { security: [{ deviceToken: [] }] } : {}),
      ...(r.request ? { requestBody: { required: true, content: { 'application/json': { schema: js(r.request) } } } } : {}),
      responses,
    };
  }
  const schemas: Record<string, unknown> = { ErrorResponse: js(S.ErrorResponse) };
  for (const [name, s] of Object.entries(S.MutationArgs)) schemas[`MutationArgs.${name}`] = js(s);
  schemas.SyncCapture = js(S.SyncCapture);
  return {
    openapi: '3.1.0',
    info: { title: 'Satchel sync API', version: `${S.PROTOCOL_VERSION}.0.0` },
    paths,
    components: { schemas, securitySchemes: { deviceToken: { type: 'http', scheme: 'bearer', bearerFormat: 'cap_<tokenId>_<secret>' } } },
  };
}

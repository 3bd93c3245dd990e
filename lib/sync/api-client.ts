import type { z } from 'zod';
import {
  AcceptInviteResponse, AuthResponse, CreateInviteResponse, CreateTeamResponse, DeviceList, HealthResponse, InviteList, MeResponse, MemberList, OkResponse,
  type Role,
} from '../schema/api';
import { Digest } from '../schema/digest';
import { parseRetryAfter } from './backoff';
import type { Fetch } from './transport';

/** A failed API call: HTTP status (0 = no answer), the server's error code and a readable message. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string | null,
    message: string,
    /** ms to wait, from `Retry-After` on 429 */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }
}

/** Options of {@link apiClient}. */
export interface ApiClientOptions {
  /** Server origin, e.g. `https://satchel.example.org` (no trailing slash). */
  serverUrl: string;
  fetch: Fetch;
  /** Bearer token for calls that need a signed-in device. */
  token?: string | null;
  /** Give up after this many ms (default 20 000): the call rejects with ApiError(0, 'timeout'). */
  timeoutMs?: number;
}

/**
 * The Satchel REST API other than sync (issue 4 endpoint list), validated with lib/schema/api on
 * the way in. Every method resolves to the parsed body or rejects with {@link ApiError} (status
 * 0 when the server could not be reached, `bad_response` when the body does not match).
 */
export function apiClient(opts: ApiClientOptions) {
  const timeoutMs = opts.timeoutMs ?? 20_000;
  async function call<T>(method: string, path: string, schema: z.ZodType<T>, body?: unknown): Promise<T> {
    const headers: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let status: number;
    let text: string;
    let retryAfter: string | null = null;
    try {
      const res = await opts.fetch(`${opts.serverUrl}${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      status = res.status;
      retryAfter = res.headers.get('retry-after');
      text = await res.text();
    } catch (e) {
      // AbortSignal.timeout rejects with a TimeoutError: code 'timeout', so the words can say how long was waited.
      if ((e as { name?: unknown } | null)?.name === 'TimeoutError') throw new ApiError(0, 'timeout', `The server did not answer within ${Math.round(timeoutMs / 1000)} s.`);
      throw new ApiError(0, 'network', `The server could not be reached (${e instanceof Error ? e.message : String(e)}).`);
    }
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    if (status >= 200 && status < 300) {
      const parsed = schema.safeParse(json);
      if (parsed.success) return parsed.data;
      throw new ApiError(status, 'bad_response', 'The server gave an answer Satchel does not understand. Is this a Satchel server?');
    }
    const err = (json as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    throw new ApiError(
      status,
      typeof err?.code === 'string' ? err.code : null,
      typeof err?.message === 'string' ? err.message : `HTTP ${status}`,
      parseRetryAfter(retryAfter, Date.now()),
    );
  }
  const enc = encodeURIComponent;
  return {
    health: () => call('GET', '/healthz', HealthResponse),
    createAccount: (b: { email: string; password: string; displayName: string; deviceId: string; deviceName: string }) => call('POST', '/v1/accounts', AuthResponse, b),
    signIn: (b: { email: string; password: string; deviceId: string; deviceName: string }) => call('POST', '/v1/sessions', AuthResponse, b),
    signOut: () => call('DELETE', '/v1/sessions/current', OkResponse),
    devices: () => call('GET', '/v1/devices', DeviceList),
    revokeDevice: (deviceId: string) => call('DELETE', `/v1/devices/${enc(deviceId)}`, OkResponse),
    me: () => call('GET', '/v1/me', MeResponse),
    createTeam: (name: string) => call('POST', '/v1/teams', CreateTeamResponse, { name }),
    /**
     * Creates an invite code (owner). `maxUses` 1–100, default 1 (single-use); it is sent only when above 1,
     * so a server older than issue 10 still accepts the request. The code in the answer is shown once.
     */
    createInvite: (teamId: string, role: 'editor' | 'viewer', expiresInHours: number, maxUses = 1) =>
      call('POST', `/v1/teams/${enc(teamId)}/invites`, CreateInviteResponse, { role, expiresInHours, ...(maxUses > 1 ? { maxUses } : {}) }),
    /** The team's invites, newest first, without codes (owner; `403` for other members). */
    invites: (teamId: string) => call('GET', `/v1/teams/${enc(teamId)}/invites`, InviteList),
    /** Revokes an invite (owner); its code then answers like an unknown one. Revoking twice is fine. */
    revokeInvite: (teamId: string, inviteId: string) => call('DELETE', `/v1/teams/${enc(teamId)}/invites/${enc(inviteId)}`, OkResponse),
    acceptInvite: (code: string) => call('POST', `/v1/invites/${enc(code)}/accept`, AcceptInviteResponse, {}),
    members: (teamId: string) => call('GET', `/v1/teams/${enc(teamId)}/members`, MemberList),
    /** The team digest of `[from, to)` (epoch ms, at most a year; any member; docs/discussion.md "Digest"). */
    digest: (teamId: string, from: number, to: number) => call('GET', `/v1/teams/${enc(teamId)}/digest?from=${from}&to=${to}`, Digest),
    setRole: (teamId: string, userId: string, role: Role) => call('PATCH', `/v1/teams/${enc(teamId)}/members/${enc(userId)}`, OkResponse, { role }),
    /** Opts the member in or out of spotlights (issue 11); only the member themself (`403` otherwise). */
    setSpotlight: (teamId: string, userId: string, on: boolean) => call('PATCH', `/v1/teams/${enc(teamId)}/members/${enc(userId)}`, OkResponse, { spotlight: on }),
    removeMember: (teamId: string, userId: string) => call('DELETE', `/v1/teams/${enc(teamId)}/members/${enc(userId)}`, OkResponse),
  };
}

/** The client {@link apiClient} returns. */
export type ApiClient = ReturnType<typeof apiClient>;

import type { Translate } from '../../lib/util/i18n';
import { fmt } from '../format';

/** The parts of a failed API call the words depend on (lib/sync ApiError has them). */
export interface ErrorLike {
  /** HTTP status; 0 = no answer (network) */
  status: number;
  code: string | null;
  message: string;
  /** ms to wait (from Retry-After) on 429, or null */
  retryAfterMs?: number | null;
}

/**
 * What the learner was doing, so the words name the thing: signing in reads 401 as a wrong
 * password (elsewhere an ended session); a 404 is "no invite with this code" when joining, "this
 * person is no longer in the team" on a member, and so on (issue 12: one vague "Not found … or the
 * item is gone" for everything).
 */
export type ErrorContext =
  | 'connect' | 'sign-in' | 'create-account' | 'general'
  | 'join' | 'create-team' | 'invite' | 'invites' | 'revoke-invite' | 'members' | 'member' | 'leave' | 'spotlight'
  | 'revoke-device' | 'sign-out' | 'refused';

/** messages.json key of a 404 per context (the thing that is gone); others get `optErrNotFound`. */
const NOT_FOUND: Partial<Record<ErrorContext, string>> = {
  join: 'optErrNoInvite',
  'revoke-invite': 'optErrInviteGone',
  member: 'optErrMemberGone',
  spotlight: 'optErrMemberGone',
  members: 'optErrTeamGone',
  invites: 'optErrTeamGone',
  invite: 'optErrTeamGone',
  leave: 'optErrTeamGone',
  'revoke-device': 'optErrDeviceGone',
};
/** messages.json key of a 403 per context (who may do it); others get `optErrForbidden`. */
const FORBIDDEN: Partial<Record<ErrorContext, string>> = {
  invite: 'optErrOwnersOnly',
  invites: 'optErrOwnersOnly',
  'revoke-invite': 'optErrOwnersOnly',
  member: 'optErrOwnersOnly',
  members: 'optErrMembersOnly',
};

function isErrorLike(e: unknown): e is ErrorLike {
  return typeof e === 'object' && e !== null && typeof (e as ErrorLike).status === 'number' && 'code' in e;
}

/**
 * A failed call in words, with what to do: network → can't reach the server; 401 → wrong email or
 * password (sign-in) or "sign in again"; 429 → wait N s (N from Retry-After, rounded up, at least
 * 1); and the server's known codes. Anything else (a bug, a thrown Error) gets a generic sentence
 * with the detail. Pure.
 */
export function describeError(e: unknown, t: Translate, context: ErrorContext = 'general', locale?: string): string {
  if (!isErrorLike(e)) return fmt(t('optErrUnexpected'), { detail: e instanceof Error ? e.message : String(e) }, locale);
  if (e.status === 0) return t('optErrNetwork');
  if (e.code === 'bad_response') return t('optErrNotSatchel');
  if (e.status === 429) {
    const s = Math.max(1, Math.ceil((e.retryAfterMs ?? 60_000) / 1000));
    return fmt(t('optErrRateLimited'), { n: s }, locale);
  }
  if (e.status === 401) return context === 'sign-in' ? t('optErrWrongPassword') : t('optErrSessionEnded');
  if (e.code === 'account_unavailable') return t('optErrAccountUnavailable');
  if (e.code === 'device_conflict') return t('optErrDeviceConflict');
  if (e.code === 'last_owner') return t('optErrLastOwner');
  if (e.status === 403) return t(FORBIDDEN[context] ?? 'optErrForbidden');
  if (e.status === 404) return context === 'connect' ? t('optErrNotSatchel') : t(NOT_FOUND[context] ?? 'optErrNotFound');
  if (e.status >= 500) return t('optErrServer');
  return fmt(t('optErrRefused'), { detail: e.message }, locale);
}

/** How long the connect check waits for `/healthz` before giving up, in ms (issue 12: it waited 30 s and more). */
export const CONNECT_TIMEOUT_MS = 8_000;

/**
 * Why the connect check of `url` failed, in words that say what is wrong: nothing answered within
 * {@link CONNECT_TIMEOUT_MS}; no answer at all (the name does not resolve, nothing listens on that
 * port, or, for https, a certificate the browser does not trust: a browser cannot tell these
 * apart); an answer that is not a Satchel server (no `/healthz`, or JSON of another shape); a
 * Satchel server with a problem (5xx). Anything else as {@link describeError} says it. Pure.
 */
export function describeConnectError(e: unknown, url: string, t: Translate, locale?: string): string {
  if (!isErrorLike(e)) return describeError(e, t, 'connect', locale);
  if (e.code === 'timeout') return fmt(t('optConnectTimeout'), { url, s: Math.round(CONNECT_TIMEOUT_MS / 1000) }, locale);
  if (e.status === 0) return fmt(t(url.startsWith('https:') ? 'optConnectNoAnswerTls' : 'optConnectNoAnswer'), { url }, locale);
  if (e.code === 'bad_response' || e.status === 404) return fmt(t('optConnectNotSatchel'), { url }, locale);
  if (e.status >= 500) return fmt(t('optConnectServerError'), { url, status: e.status }, locale);
  return describeError(e, t, 'connect', locale);
}

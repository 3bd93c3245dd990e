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

/** Where the error happened: signing in reads 401 as a wrong password, elsewhere as an ended session. */
export type ErrorContext = 'connect' | 'sign-in' | 'create-account' | 'general';

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
  if (e.status === 403) return t('optErrForbidden');
  if (e.status === 404) return context === 'connect' ? t('optErrNotSatchel') : t('optErrNotFound');
  if (e.status >= 500) return t('optErrServer');
  return fmt(t('optErrRefused'), { detail: e.message }, locale);
}

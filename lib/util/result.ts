/** A success carrying `value`. */
export interface Ok<T> {
  readonly ok: true;
  readonly value: T;
}
/** A failure carrying a reason a person can read. */
export interface Err<E = string> {
  readonly ok: false;
  readonly error: E;
}
/** Either a value or a reason; used where a failure is an expected outcome, not an exception. */
export type Result<T, E = string> = Ok<T> | Err<E>;

/** Wraps a value as a success. */
export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
/** Wraps a reason as a failure. */
export const err = <E = string>(error: E): Err<E> => ({ ok: false, error });

/** A short, readable message for anything thrown (Error message, or String(x)). */
export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message || e.name;
  return String(e);
}

/**
 * What push keeps of a mutation it did not apply (docs/sync-protocol.md 3.4 step 5, "Poison"):
 * a payload serialiser that never throws, and the rule telling a poison mutation (the store or the
 * code refuses THIS mutation's values) from a failure of the server itself.
 */
import { HttpError, isTransient } from '../errors';

/** Most characters of a kept payload (`payload_json`); longer payloads are cut, still valid JSON. */
export const MAX_PAYLOAD_CHARS = 16_384;
/** Deepest nesting kept; deeper values become the string `"[deep]"` (no stack overflow). */
export const MAX_PAYLOAD_DEPTH = 32;
/** Most characters kept of one string value. */
const MAX_STRING_CHARS = 4_096;
const CUT = '"[cut]"';

interface Budget {
  left: number;
}

function str(s: string, b: Budget): string {
  const out = JSON.stringify(s.length > MAX_STRING_CHARS ? `${s.slice(0, MAX_STRING_CHARS)}[cut]` : s);
  b.left -= out.length;
  return out;
}

/** One value as JSON within `b`; containers stop adding entries once the budget is spent. */
function enc(v: unknown, depth: number, b: Budget): string {
  if (v === null || v === undefined || typeof v === 'function' || typeof v === 'symbol') return 'null';
  if (typeof v === 'string') return str(v, b);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'bigint') return str(String(v), b);
  if (typeof v !== 'object') return 'null';
  if (depth >= MAX_PAYLOAD_DEPTH) return '"[deep]"';
  const parts: string[] = [];
  if (Array.isArray(v)) {
    for (const x of v) {
      if (b.left <= 0) {
        parts.push(CUT);
        break;
      }
      parts.push(enc(x, depth + 1, b));
    }
    b.left -= parts.length + 2;
    return `[${parts.join(',')}]`;
  }
  for (const k of Object.keys(v)) {
    if (b.left <= 0) {
      parts.push(`"[cut]":true`);
      break;
    }
    parts.push(`${str(k, b)}:${enc((v as Record<string, unknown>)[k], depth + 1, b)}`);
  }
  b.left -= parts.length + 2;
  return `{${parts.join(',')}}`;
}

/**
 * Serialises a payload as JSON, never throwing: nesting is cut at {@link MAX_PAYLOAD_DEPTH}, long
 * strings at 4,096 characters, and the whole at about {@link MAX_PAYLOAD_CHARS} (entries past the
 * budget are replaced by one `"[cut]"` marker). Plain JSON data in, valid JSON out; `toJSON`,
 * getters' errors and cycles cannot make it throw (a failure yields `{"unserialisable":true}`).
 */
export function boundedJson(value: unknown): string {
  try {
    const out = enc(value, 0, { left: MAX_PAYLOAD_CHARS });
    return out.length <= MAX_PAYLOAD_CHARS * 2 ? out : '{"unserialisable":true}';
  } catch {
    return '{"unserialisable":true}';
  }
}

const POISON_PG_CLASSES = ['22', '23', '54']; // data exception, integrity violation, program limit exceeded
const POISON_SQLITE = /^SQLITE_(CONSTRAINT|MISMATCH|TOOBIG|RANGE)/;

/**
 * True when `e`, thrown while applying one mutation, says THIS mutation's values cannot be stored or
 * handled (SYNC P5): a PostgreSQL data, integrity or size error (classes 22, 23, 54), a SQLite
 * constraint, type or size error, or a JavaScript RangeError / TypeError / SyntaxError (deep or odd
 * values). Such a mutation is recorded `rejected:invalid` and the batch moves on. Not poison: an
 * {@link HttpError}, a transient error (retried), and any other failure of the server or the store
 * (disk full, a lost connection, a missing table): those stay a 5xx, so a broken server never
 * refuses good mutations.
 */
export function isPoison(e: unknown): boolean {
  if (e instanceof HttpError || isTransient(e)) return false;
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return POISON_PG_CLASSES.includes(code.slice(0, 2)) && code.length === 5 ? true : POISON_SQLITE.test(code);
  return e instanceof RangeError || e instanceof TypeError || e instanceof SyntaxError;
}

/** A short fixed label of an error for the dead-letter payload: its code or class name, never its message. */
export function errorLabel(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^[A-Z0-9_]{1,40}$/.test(code)) return code;
  const name = (e as { name?: unknown } | null)?.name;
  return typeof name === 'string' && /^[A-Za-z]{1,40}$/.test(name) ? name : 'Error';
}

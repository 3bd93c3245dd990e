/**
 * Reading a Satchel JSON file for import: parse, check it is a Satchel export of a version we
 * know, validate every field with zod (lib/schema `SatchelExport`), and on failure say where:
 * line, column and JSON path of each field at fault. A file with any error is refused whole.
 */
import { EXPORT_VERSION, SatchelExport } from '../schema';
import { formatPath, lineColumn, scanJson, JsonSyntaxError } from './json-locate';

/** One reason a file is refused. */
export interface ImportIssue {
  /** JSON path of the field at fault (`captures[3].note`), or `(file)`. */
  path: string;
  /** 1-based line of the field's value (of the error, for syntax errors). */
  line: number;
  /** 1-based column. */
  column: number;
  message: string;
}

/** The outcome of {@link parseSatchelJson}. */
export type ParsedImport = { ok: true; data: SatchelExport } | { ok: false; errors: ImportIssue[] };

/** At most this many issues are reported (the first ones in file order). */
export const MAX_IMPORT_ISSUES = 20;

/** Largest file accepted, in UTF-16 code units (~100 MB of text). */
export const MAX_IMPORT_CHARS = 100 * 1024 * 1024;

const at = (text: string, offset: number) => lineColumn(text, offset);

/**
 * Parses and validates a Satchel JSON export. Never throws: a bad file gives `{ok:false, errors}`
 * (syntax error with its line; wrong format or newer version; or up to 20 field errors with line,
 * column and path). Does not touch storage; pass `data` to lib/db `planImport`/`applyImport`.
 */
export function parseSatchelJson(text: string): ParsedImport {
  if (text.length > MAX_IMPORT_CHARS) return { ok: false, errors: [{ path: '(file)', line: 1, column: 1, message: `file too large (over ${MAX_IMPORT_CHARS} characters)` }] };
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // tolerate a UTF-8 BOM
  const shift = text.length - body.length;
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (e) {
    let offset = 0;
    let message = e instanceof Error ? e.message : String(e);
    try {
      scanJson(body, new Set());
    } catch (s) {
      if (s instanceof JsonSyntaxError) {
        offset = s.offset;
        message = s.message;
      }
    }
    return { ok: false, errors: [{ path: '(file)', ...at(text, offset + shift), message: `not valid JSON: ${message}` }] };
  }
  const head = raw as { format?: unknown; version?: unknown } | null;
  if (typeof head !== 'object' || head === null || Array.isArray(head) || head.format !== 'satchel') {
    return { ok: false, errors: [{ path: 'format', line: 1, column: 1, message: 'not a Satchel export (expected "format": "satchel")' }] };
  }
  if (typeof head.version === 'number' && head.version > EXPORT_VERSION) {
    return { ok: false, errors: [{ path: 'version', line: 1, column: 1, message: `made by a newer Satchel (format version ${head.version}); update Satchel to import it` }] };
  }
  const parsed = SatchelExport.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  const issues = parsed.error.issues.slice(0, MAX_IMPORT_ISSUES);
  const paths = issues.map((i) => formatPath(i.path));
  // Unknown keys are reported on the object; point at the key itself when we can.
  const wanted = new Set<string>();
  issues.forEach((iss, n) => {
    wanted.add(paths[n]!);
    const keys = (iss as { keys?: string[] }).keys;
    if (iss.code === 'unrecognized_keys' && keys?.[0]) wanted.add(formatPath([...iss.path, keys[0]]));
    for (let k = iss.path.length; k >= 0; k--) wanted.add(formatPath(iss.path.slice(0, k)));
  });
  const where = scanJson(body, wanted);
  const errors = issues.map((iss, n): ImportIssue => {
    const keys = (iss as { keys?: string[] }).keys;
    const exact = iss.code === 'unrecognized_keys' && keys?.[0] ? formatPath([...iss.path, keys[0]]) : paths[n]!;
    let offset = where.get(exact);
    for (let k = iss.path.length; offset === undefined && k >= 0; k--) offset = where.get(formatPath(iss.path.slice(0, k)));
    return { path: exact, ...at(text, (offset ?? 0) + shift), message: iss.message };
  });
  errors.sort((a, b) => a.line - b.line || a.column - b.column);
  return { ok: false, errors };
}

/**
 * Import registry (docs/import-export.md): reads any file Satchel imports — its own JSON export or
 * another tool's — into the rows lib/db `planImport`/`applyImport` store. One reader per format:
 * csv-formats.ts (Raindrop, Pocket, Instapaper), html-formats.ts (Netscape bookmarks, Pocket),
 * json-formats.ts (Omnivore, Karakeep, Linkwarden), lib/export `parseSatchelJson` (Satchel).
 */
import type { SatchelExport } from '../schema';
import { parseSatchelJson, MAX_IMPORT_CHARS } from '../export/parse-import';
import { binaryLook, kindOf } from './detect';
import { readCsvFile } from './csv-formats';
import { readHtmlFile } from './html-formats';
import { jsonFormatOf, readJsonItems } from './json-formats';
import { toCaptures } from './to-captures';
import type { ImportFormat, ImportProblem, ReadResult } from './types';

export type { ImportFormat, ImportProblem, ImportedItem } from './types';
export { normaliseUrl } from './values';

/**
 * A read import file: the rows to store (in the Satchel export shape) and the rows left out with
 * where and why; or the file refused whole (`format` null when Satchel did not recognise it).
 */
export type ReadImport =
  | { ok: true; format: ImportFormat; data: SatchelExport; skipped: ImportProblem[] }
  | { ok: false; format: ImportFormat | null; problems: ImportProblem[] };

const refuse = (message: string, format: ImportFormat | null = null, line: number | null = 1): ReadImport => ({ ok: false, format, problems: [{ line, path: null, message }] });

function fromItems(format: ImportFormat, r: ReadResult, now: number): ReadImport {
  if (!r.ok) return { ok: false, format, problems: r.problems };
  const { data, skipped } = toCaptures(r.items, now);
  return { ok: true, format, data, skipped: [...r.skipped, ...skipped] };
}

/** A Satchel JSON export through lib/export `parseSatchelJson` (problems with line, column and path). */
function fromSatchel(text: string, format: 'satchel' | null): ReadImport {
  const r = parseSatchelJson(text);
  if (r.ok) return { ok: true, format: 'satchel', data: r.data, skipped: [] };
  return { ok: false, format, problems: r.errors.map((e) => ({ line: e.line, path: e.path === '(file)' ? null : e.path, message: e.message })) };
}

/**
 * Reads an import file of any format Satchel knows, detected from its content. Never throws.
 * A Satchel export with any error is refused whole (lib/export `parseSatchelJson`); another tool's
 * rows without a web address are left out and listed, the rest import.
 * @param now epoch ms for rows the file gives no save time.
 */
export function readImportFile(text: string, now = Date.now()): ReadImport {
  if (text.length > MAX_IMPORT_CHARS) return refuse(`This file is too large (over ${MAX_IMPORT_CHARS.toLocaleString('en')} characters).`);
  if (!text.trim()) return refuse('This file is empty.');
  const look = binaryLook(text);
  if (look !== null) return refuse(`This file is not text${look ? ` (it looks like ${look})` : ''}. Choose the file your tool exported: CSV, HTML or JSON.`, null, null);
  const kind = kindOf(text);
  if (kind === 'html') {
    const { format, result } = readHtmlFile(text);
    return format ? fromItems(format, result, now) : { ok: false, format: null, problems: result.ok ? [] : result.problems };
  }
  if (kind === 'csv') {
    const { format, result } = readCsvFile(text);
    return format ? fromItems(format, result, now) : { ok: false, format: null, problems: result.ok ? [] : result.problems };
  }
  // Satchel's own export names its format first: read it once, with the checks that point at lines.
  if (/^\s*\{\s*"format"\s*:\s*"satchel"/.test(text.replace(/^\ufeff/, '').slice(0, 200))) return fromSatchel(text, 'satchel');
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch {
    // Let the Satchel reader say where the syntax breaks (line and column).
    return fromSatchel(text, null);
  }
  if (typeof value === 'object' && value !== null && (value as { format?: unknown }).format === 'satchel') return fromSatchel(text, 'satchel');
  const format = jsonFormatOf(value);
  if (!format) return refuse('This JSON is not an export Satchel knows (Satchel, Omnivore, Karakeep, Linkwarden).');
  return fromItems(format, readJsonItems(value, format), now);
}

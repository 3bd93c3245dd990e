/**
 * CSV export, one row per capture, for spreadsheets. RFC 4180: comma-separated, CRLF line ends,
 * a field is quoted when it holds a comma, quote, CR or LF, and quotes are doubled. A UTF-8 BOM
 * is NOT added (callers add one for Excel if they want).
 *
 * CSV formula injection (OWASP): a cell starting with `=`, `+`, `-`, `@`, TAB or CR could run as a
 * formula in a spreadsheet, and captured text is untrusted, so such a cell gets a leading `'`.
 */
import type { Capture, Collection } from '../schema';
import { mapInChunks, type ExportOptions } from './progress';

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: formula-guarded, then quoted when needed (RFC 4180). `null` is an empty cell. */
export function csvCell(value: string | number | boolean | null): string {
  let s = value === null ? '' : String(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV record (no line end). */
export function csvRow(cells: ReadonlyArray<string | number | boolean | null>): string {
  return cells.map(csvCell).join(',');
}

/** The column headers of {@link exportCsv}, in order. */
export const CSV_COLUMNS = [
  'id', 'platform', 'author', 'handle', 'permalink', 'posted_at', 'saved_at', 'title', 'text', 'quoted_text', 'links',
  'intent', 'tags', 'collections', 'note', 'reflection', 'reviewed_at', 'archived_at',
  'follow_up_due', 'follow_up_answer', 'follow_up_answered_at', 'truncated', 'media_missing', 'quote_missing', 'thread_partial',
  'permalink_missing',
] as const;

const iso = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(ms).toISOString());

/** The CSV cells of one capture (see {@link CSV_COLUMNS}); lists are joined with `; `. Pure. */
export function captureCells(c: Capture, collectionNames: ReadonlyMap<string, string>): Array<string | null> {
  return [
    c.id, c.platform, c.author?.name ?? null, c.author?.handle ?? null, c.permalink, c.postedAt, iso(c.capturedAt), c.title, c.text,
    c.quoted?.text ?? null, c.links.map((l) => l.url).join('; '),
    c.intent, c.tags.join('; '), c.collectionIds.map((id) => collectionNames.get(id) ?? id).join('; '), c.note, c.reflection,
    iso(c.reviewedAt), iso(c.archivedAt), iso(c.followUp?.dueAt), c.followUp?.answer ?? null, iso(c.followUp?.answeredAt),
    String(c.truncated), String(c.mediaMissing), String(c.quoteMissing), String(c.threadPartial),
    String(!!c.permalinkMissing),
  ];
}

/** Exports captures as CSV text (header + one CRLF-terminated row per capture), chunked with progress. */
export async function exportCsv(captures: readonly Capture[], collections: readonly Collection[], opts: ExportOptions = {}): Promise<string> {
  const names = new Map(collections.map((c) => [c.id, c.name]));
  const rows = await mapInChunks(captures, (c) => csvRow(captureCells(c, names)), opts);
  return [csvRow([...CSV_COLUMNS]), ...rows].join('\r\n') + '\r\n';
}

/**
 * Parses RFC 4180 CSV text into records of fields (quotes removed, doubled quotes undone; CRLF
 * or LF line ends; a final line end is optional). Formula guards are NOT undone.
 * @throws SyntaxError on a quote inside an unquoted field or an unterminated quoted field.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  if (text.length === 0) return rows;
  for (;;) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) throw new SyntaxError(`unterminated quoted field starting before offset ${i}`);
        field += text.slice(i, q);
        i = q + 1;
        if (text[i] === '"') {
          field += '"';
          i++;
        } else break;
      }
    } else {
      const m = /[,\r\n"]/g;
      m.lastIndex = i;
      const hit = m.exec(text);
      const end = hit ? hit.index : text.length;
      if (hit && hit[0] === '"') throw new SyntaxError(`quote inside an unquoted field at offset ${end}`);
      field = text.slice(i, end);
      i = end;
    }
    row.push(field);
    if (i >= text.length) {
      rows.push(row);
      break;
    }
    const ch = text[i];
    if (ch === ',') {
      i++;
      continue;
    }
    if (ch === '\r' && text[i + 1] === '\n') i += 2;
    else if (ch === '\n' || ch === '\r') i++;
    else throw new SyntaxError(`unexpected character after a quoted field at offset ${i}`);
    rows.push(row);
    row = [];
    if (i >= text.length) break;
  }
  return rows;
}

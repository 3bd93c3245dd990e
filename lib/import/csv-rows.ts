/**
 * CSV rows with the line each starts on (papaparse; quoted cells may span lines), so a problem can
 * name its line. Pure.
 */
import Papa from 'papaparse';

/** One CSV record: its cells by lower-cased header name, and the 1-based line it starts on. */
export interface CsvRecord {
  line: number;
  cells: Record<string, string>;
}

/** A row that could not be read (a quote never closed): its 1-based line and why, in words a person reads. */
export interface CsvProblem {
  line: number;
  message: string;
}

/** A parsed CSV file: lower-cased header names in file order, the records after the header, and rows skipped as unreadable. */
export interface CsvTable {
  headers: string[];
  records: CsvRecord[];
  problems: CsvProblem[];
}

/** After this many unreadable rows the rest of the file is read as it comes (each recovery reads the rest again). */
const MAX_RECOVERIES = 50;

/**
 * Parses CSV text whose first record is a header row. Blank lines are skipped. Never throws.
 * A row with a quote that is never closed (papaparse reads it and every line after it as one cell)
 * is skipped and listed in `problems`; reading goes on at the line after it.
 */
export function readCsv(text: string): CsvTable {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const newlines: number[] = [];
  for (let i = body.indexOf('\n'); i !== -1; i = body.indexOf('\n', i + 1)) newlines.push(i);
  const lineAt = (offset: number) => {
    let lo = 0;
    let hi = newlines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (newlines[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
  const rows: Array<{ start: number; cells: string[] }> = [];
  const problems: CsvProblem[] = [];
  let from = 0;
  while (from < body.length) {
    let start = from;
    let resumeAt = -1;
    Papa.parse<string[]>(body.slice(from), {
      header: false,
      skipEmptyLines: false,
      step: (r, parser) => {
        const cursor = from + r.meta.cursor;
        const cells = r.data;
        const rowStart = skipBlank(body, start);
        if (r.errors.some((e) => e.type === 'Quotes') && problems.length < MAX_RECOVERIES) {
          const line = lineAt(rowStart);
          problems.push({ line, message: 'a quote in this row is never closed; the row is skipped and the rows after it are read' });
          const eol = body.indexOf('\n', rowStart);
          resumeAt = eol === -1 ? body.length : eol + 1;
          parser.abort();
          return;
        }
        if (cells.some((c) => c.trim() !== '')) rows.push({ start: rowStart, cells });
        start = cursor;
      },
    });
    if (resumeAt === -1) break;
    from = resumeAt;
  }
  const [head, ...rest] = rows;
  const headers = (head?.cells ?? []).map((h) => h.trim().toLowerCase());
  return {
    headers,
    records: rest.map((r) => ({ line: lineAt(r.start), cells: Object.fromEntries(headers.map((h, i) => [h, r.cells[i] ?? ''])) })),
    problems,
  };
}

/** The offset of the first character of a record starting at or after `i` (past the line break that ended the previous one). */
function skipBlank(s: string, i: number): number {
  while (i < s.length && (s[i] === '\n' || s[i] === '\r')) i++;
  return i;
}

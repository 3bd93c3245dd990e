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

/** A parsed CSV file: lower-cased header names in file order and the records after the header. */
export interface CsvTable {
  headers: string[];
  records: CsvRecord[];
}

/** Parses CSV text whose first record is a header row. Blank lines are skipped. Never throws. */
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
  let start = 0;
  Papa.parse<string[]>(body, {
    header: false,
    skipEmptyLines: false,
    step: (r) => {
      const cursor = r.meta.cursor;
      const cells = r.data;
      if (cells.some((c) => c.trim() !== '')) rows.push({ start: skipBlank(body, start), cells });
      start = cursor;
    },
  });
  const [head, ...rest] = rows;
  const headers = (head?.cells ?? []).map((h) => h.trim().toLowerCase());
  return {
    headers,
    records: rest.map((r) => ({ line: lineAt(r.start), cells: Object.fromEntries(headers.map((h, i) => [h, r.cells[i] ?? ''])) })),
  };
}

/** The offset of the first character of a record starting at or after `i` (past the line break that ended the previous one). */
function skipBlank(s: string, i: number): number {
  while (i < s.length && (s[i] === '\n' || s[i] === '\r')) i++;
  return i;
}

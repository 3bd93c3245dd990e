/**
 * The CSV exports Satchel reads (docs/import-export.md), each checked against what the tool writes:
 * - Raindrop.io backup: `id,title,note,excerpt,url,folder,tags,created,cover,highlights,favorite`
 *   (tags `a, b`; nested folders `Parent/Child`; `created` ISO 8601);
 * - Pocket (2024 export): `title,url,time_added,tags,status` (tags `a|b`; seconds; status
 *   `unread`/`archive`);
 * - Instapaper: `URL,Title,Selection,Folder,Timestamp` and, newer, `Tags` (a JSON list); folder
 *   `Unread`/`Archive`/`Starred` or the person's own.
 * Pure; papaparse reads the cells (lib/import/csv-rows.ts).
 */
import type { ImportFormat, ImportedItem, ImportProblem, ReadResult } from './types';
import { readCsv, type CsvRecord, type CsvTable } from './csv-rows';
import { badUrlMessage, normaliseUrl, noteWithHighlights, readTime, splitTags, textOrNull } from './values';

type CsvFormat = Extract<ImportFormat, 'raindrop' | 'pocket-csv' | 'instapaper'>;

/** Which tool wrote a CSV, from its header row; null when none of ours (see {@link csvRefusal}). */
export function csvFormatOf(headers: readonly string[]): CsvFormat | null {
  const has = (...names: string[]) => names.every((n) => headers.includes(n));
  if (has('url', 'selection', 'folder', 'timestamp')) return 'instapaper';
  if (has('url', 'time_added')) return 'pocket-csv';
  if (has('url') && (has('excerpt') || has('folder') || has('created') || has('highlights'))) return 'raindrop';
  return null;
}

/** Why a CSV is not one Satchel reads, in words a person understands. */
export function csvRefusal(table: CsvTable): string {
  if (table.headers.length <= 1) return 'This file is not a CSV export Satchel knows (Raindrop, Pocket, Instapaper): it has one column or none.';
  if (!table.headers.includes('url')) return `This looks like a CSV without a url column (its columns: ${table.headers.slice(0, 8).join(', ')}).`;
  return `This CSV has a url column but is not an export Satchel knows (Raindrop, Pocket, Instapaper); its columns: ${table.headers.slice(0, 8).join(', ')}.`;
}

const folderName = (f: string) => f.split('/').map((p) => p.trim()).filter(Boolean).join(' / ');

/** Raindrop highlights cell: `Highlight:text` entries, optionally followed by `Note:…`, one per line. */
function raindropHighlights(cell: string): string[] {
  return cell
    .split(/\n(?=Highlight:)/)
    .map((h) => h.replace(/^Highlight:\s*/, '').replace(/\nNote:\s*/, '\nNote: ').trim())
    .filter(Boolean);
}

const MAP: Record<CsvFormat, (c: Record<string, string>) => Omit<ImportedItem, 'url'> & { rawUrl: string }> = {
  raindrop: (c) => ({
    rawUrl: c.url ?? '',
    title: textOrNull(c.title),
    text: (c.excerpt ?? '').trim(),
    note: noteWithHighlights(textOrNull(c.note), raindropHighlights(c.highlights ?? '')),
    tags: splitTags(c.tags, /,/),
    collections: c.folder && c.folder.trim() && c.folder.trim() !== 'Unsorted' ? [folderName(c.folder)] : [],
    savedAt: readTime(c.created),
    postedAt: null,
    author: null,
    image: normaliseUrl(c.cover),
    archived: false,
  }),
  'pocket-csv': (c) => ({
    rawUrl: c.url ?? '',
    title: textOrNull(c.title),
    text: '',
    note: null,
    tags: splitTags(c.tags, /\|/),
    collections: [],
    savedAt: readTime(c.time_added),
    postedAt: null,
    author: null,
    image: null,
    archived: (c.status ?? '').trim().toLowerCase() === 'archive',
  }),
  instapaper: (c) => {
    const folder = (c.folder ?? '').trim();
    return {
      rawUrl: c.url ?? '',
      title: textOrNull(c.title),
      text: (c.selection ?? '').trim(),
      note: null,
      tags: splitTags(c.tags, /,/),
      collections: folder && !['unread', 'archive', 'starred'].includes(folder.toLowerCase()) ? [folder] : [],
      savedAt: readTime(c.timestamp),
      postedAt: null,
      author: null,
      image: null,
      archived: folder.toLowerCase() === 'archive',
    };
  },
};

/** Reads the records of a CSV export of `format`; rows without a web address are skipped with their line. */
export function readCsvItems(records: readonly CsvRecord[], format: CsvFormat): ReadResult {
  const items: ImportedItem[] = [];
  const skipped: ImportProblem[] = [];
  for (const r of records) {
    const { rawUrl, ...rest } = MAP[format](r.cells);
    const url = normaliseUrl(rawUrl);
    if (!url) skipped.push({ line: r.line, path: 'url', message: badUrlMessage(rawUrl, 'the url column') });
    else items.push({ url, ...rest });
  }
  return { ok: true, items, skipped };
}

/** Reads a CSV file: detects the tool from the header row, or refuses it with a reason. */
export function readCsvFile(text: string): { format: CsvFormat; result: ReadResult } | { format: null; result: ReadResult } {
  const table = readCsv(text);
  const format = csvFormatOf(table.headers);
  if (!format) return { format: null, result: { ok: false, problems: [{ line: 1, path: null, message: csvRefusal(table) }] } };
  const result = readCsvItems(table.records, format);
  if (!result.ok || !table.problems.length) return { format, result };
  // Unreadable rows (a quote never closed) in file order among the rows left out.
  const skipped = [...table.problems.map((p) => ({ line: p.line, path: null, message: p.message })), ...result.skipped].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { format, result: { ...result, skipped } };
}

